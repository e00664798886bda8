// The CSV order layout (docs/orders.md): a header row naming the columns, then one row per item; the rows of
// one order are consecutive and share its order_id (or leave it empty). Order-level and party columns may
// be repeated on every row or given once; a different value on a later row is an error. Errors name the
// line and column, and are returned, never thrown (the browser build has no exceptions).
#include <exportcheck/csv.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/limits.hpp>
#include <exportcheck/order.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <set>

namespace exportcheck {
namespace {

using json = nlohmann::ordered_json;

const char* const kPartyFields[] = {"name", "type", "address", "city", "state", "postal_code", "country", "address_type",
                                    "email", "phone", "website", "business", "established", "headquarters_country",
                                    "parent_name", "parent_headquarters_country", "dormant_since", "reactivated"};
const char* const kItemFields[] = {"description", "model", "quantity", "unit_price", "currency", "eccn", "tpp",
                                   "die_area_mm2", "datacenter", "memory_bandwidth_gbs", "declared_description"};
const char* const kOrderFields[] = {"order_id", "date", "end_use", "instructions", "payment.method", "payment.from_country",
                                    "payment.payer", "payment.bank", "payment.bank_country", "shipping.route",
                                    "notes", "shipping.malaysia_permit"};
const char* const kRoles[] = {"buyer", "ship_to", "ultimate_consignee", "end_user", "forwarder", "intermediate_consignee",
                              "payer", "payer_bank", "parent"};
const char* const kNumeric[] = {"quantity", "unit_price", "tpp", "die_area_mm2", "memory_bandwidth_gbs"};

struct Column {
    enum Kind { order, party, item } kind;
    std::string name;   // header as written
    std::string role;   // party columns
    std::string field;  // party / item field, or the order field
};

template <class Range>
bool in(const Range& r, std::string_view s) {
    return std::find_if(std::begin(r), std::end(r), [&](const char* x) { return s == x; }) != std::end(r);
}

std::optional<Column> known_column(const std::string& h) {
    std::string name;
    for (char c : h) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (in(kOrderFields, name)) return Column{Column::order, h, "", name};
    const auto dot = name.find('.');
    if (dot != std::string::npos) {
        const auto head = name.substr(0, dot), field = name.substr(dot + 1);
        if ((head == "item" || head == "items") && in(kItemFields, field)) return Column{Column::item, h, "", field};
        if (in(kRoles, head) && in(kPartyFields, field)) return Column{Column::party, h, head, field};
    }
    return std::nullopt;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

// The known column nearest to an unknown header ("buyer.nam" -> "buyer.name"), or "" when none is close.
std::string nearest_column(const std::string& h) {
    std::string name;
    for (char c : h) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::vector<std::string> known(std::begin(kOrderFields), std::end(kOrderFields));
    for (const char* f : kItemFields) known.push_back(std::string("item.") + f);
    for (const char* r : kRoles)
        for (const char* f : kPartyFields) known.push_back(std::string(r) + "." + f);
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, name.size() / 4) + 1;
    for (const auto& k : known)
        if (const auto d = edit_distance(name, k); d < best_d) {
            best_d = d;
            best = k;
        }
    return best;
}

// Errors are messages (in.*, messages_input.inc) so the page shows them in the user's language; numbers
// travel as text, so a line number reads "1234" in both.
using nlohmann::ordered_json;
std::string as_text(std::size_t v) { return std::to_string(v); }

Error file_error(std::string_view file, std::string_view what, ordered_json params = ordered_json::object()) {
    return Error("bad_csv", Message{"in.file", {{"file", file}, {"what", msg(what, std::move(params))}}});
}

Result<Column> parse_header(const std::string& h, std::size_t col, std::string_view file) {
    if (auto c = known_column(h)) return *c;
    return Error("bad_csv", Message{"in.csv_column", {{"file", file}, {"line", "1"}, {"col", as_text(col)},
                                                      {"what", msg("in.csv_unknown_column", {{"name", h}, {"near", nearest_column(h)}})}}});
}

// A bad cell, or a bad row (in.csv_line): the row's order is left out and the row listed (OrderRows::add).
Error cell_error(std::string_view file, std::size_t line, std::size_t col, const Column& c, ordered_json what) {
    return Error("bad_csv", Message{"in.csv_cell", {{"file", file}, {"line", as_text(line)}, {"col", as_text(col)},
                                                    {"column", c.name}, {"what", std::move(what)}}});
}

// Bytes no CSV of orders has: NUL, or the signature of an image, PDF or archive.
bool binary(std::string_view text) {
    if (text.find('\0') != std::string_view::npos) return true;
    for (const std::string_view magic : {"\x89PNG", "GIF8", "\xFF\xD8\xFF", "%PDF", "PK\x03\x04"})
        if (text.starts_with(magic)) return true;
    return false;
}

// A header like "order_id;buyer.name;..." written by a spreadsheet set to a semicolon list separator.
char delimiter_of(std::string_view text) {
    const auto end = text.find('\n');
    const auto header = text.substr(0, end);
    const auto commas = std::count(header.begin(), header.end(), ',');
    const auto semis = std::count(header.begin(), header.end(), ';');
    return semis > commas ? ';' : ',';
}

Result<json> number_cell(const std::string& v, std::string_view file, std::size_t line, std::size_t col, const Column& c) {
    std::string digits;
    for (char ch : v)
        if (ch != ',' && ch != ' ' && ch != '$' && ch != '_') digits += ch;
    char* end = nullptr;
    const double d = std::strtod(digits.c_str(), &end);
    if (digits.empty() || !end || *end != '\0' || !std::isfinite(d))
        return cell_error(file, line, col, c, msg("in.expected_number_got", {{"value", v}}));
    if (d < 0) return cell_error(file, line, col, c, msg("in.not_negative"));
    if (c.field == "quantity" && d <= 0) return cell_error(file, line, col, c, msg("in.more_than_0"));
    if (d == std::floor(d) && std::fabs(d) < 1e15) return json(static_cast<long long>(d));
    return json(d);
}

Result<json> bool_cell(const std::string& v, std::string_view file, std::size_t line, std::size_t col, const Column& c) {
    std::string s;
    for (char ch : v) s += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (s == "true" || s == "yes" || s == "y" || s == "1") return json(true);
    if (s == "false" || s == "no" || s == "n" || s == "0") return json(false);
    return cell_error(file, line, col, c, msg("in.expected_yes_no_got", {{"value", v}}));
}

std::vector<std::string> split(const std::string& s, const char* seps) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        const auto b = cur.find_first_not_of(' ');
        if (b != std::string::npos) out.push_back(cur.substr(b, cur.find_last_not_of(' ') - b + 1));
        cur.clear();
    };
    for (char c : s) {
        if (std::strchr(seps, c)) flush();
        else cur += c;
    }
    flush();
    return out;
}

struct Building {
    json order = json::object();
    std::size_t first_line = 0;
    std::map<std::string, std::pair<std::string, std::size_t>> seen;  // column -> (value, line)
    std::map<std::string, json> parties;                               // role -> party
    std::vector<std::string> role_order;
};

Status set_once(Building& b, const Column& c, const std::string& v, std::string_view file, std::size_t line, std::size_t col,
                json& target, const json& value) {
    const auto key = c.name;
    const auto it = b.seen.find(key);
    if (it != b.seen.end()) {
        if (it->second.first != v)
            return cell_error(file, line, col, c, msg("in.csv_differs", {{"value", v}, {"first", it->second.first},
                                                                         {"line", as_text(it->second.second)}}));
        return {};
    }
    b.seen[key] = {v, line};
    target = value;
    return {};
}

json built_order(Building& b) {
    json parties = json::array();
    for (const auto& role : b.role_order) {
        auto p = b.parties[role];
        p["role"] = role;
        parties.push_back(p);
    }
    b.order["parties"] = parties;
    if (!b.order.contains("items")) b.order["items"] = json::array();
    return b.order;
}

// The header row: every column known, order_id among them.
Result<std::vector<Column>> read_columns(CsvReader& reader, std::string_view file_name) {
    CsvRow row;
    if (!reader.next(row)) return reader.error() ? *reader.error() : file_error(file_name, "in.csv_empty");
    if (std::none_of(row.fields.begin(), row.fields.end(), [](const std::string& h) { return known_column(h).has_value(); }))
        return file_error(file_name, "in.csv_no_known_column", {{"examples", "order_id, buyer.name, item.description, ..."}});
    std::vector<Column> columns;
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        EC_ASSIGN_OR_RETURN(auto column, parse_header(row.fields[i], i + 1, file_name));
        columns.push_back(std::move(column));
    }
    if (std::none_of(columns.begin(), columns.end(), [](const Column& c) { return c.field == "order_id"; }))
        return Error("bad_csv", Message{"in.csv_line", {{"file", file_name}, {"line", "1"}, {"what", msg("in.csv_no_order_id")}}});
    return columns;
}

// Where a cell goes in the order's JSON: order fields (payment.*, shipping.*) and party fields (an address's
// parts, the parent's) at their place in the order format. Each is given once per order (set_once).
json& order_target(Building& b, const Column& c) {
    if (c.field == "shipping.route") return b.order["shipping"]["route"];
    if (c.field.starts_with("payment.")) return b.order["payment"][c.field.substr(8)];
    if (c.field.starts_with("shipping.")) return b.order["shipping"][c.field.substr(9)];
    return b.order[c.field];
}

json& party_target(Building& b, const Column& c) {
    if (!b.parties.count(c.role)) b.role_order.push_back(c.role);
    auto& p = b.parties[c.role];
    if (c.field == "address") return p["address"]["lines"];
    if (c.field == "city" || c.field == "state" || c.field == "postal_code" || c.field == "country") return p["address"][c.field];
    if (c.field == "address_type") return p["address"]["type"];
    if (c.field == "parent_name") return p["parent"]["name"];
    if (c.field == "parent_headquarters_country") return p["parent"]["headquarters_country"];
    return p[c.field];
}

// A cell's value as the order format takes it: a route or an address as a list, numbers and yes/no as such.
Result<json> cell_value(const std::string& v, std::string_view file, std::size_t line, std::size_t col, const Column& c) {
    if (c.kind == Column::item && in(kNumeric, c.field)) return number_cell(v, file, line, col, c);
    if (c.kind == Column::item && c.field == "datacenter") return bool_cell(v, file, line, col, c);
    if (c.kind == Column::order && c.field == "shipping.route") return json(split(v, ";|> "));
    if (c.kind == Column::party && c.field == "address") return json(split(v, "|\n"));
    return json(v);
}

// The rows of a file, read into orders one after another (a row of another id starts the next order).
class OrderRows {
public:
    OrderRows(std::string_view file, std::vector<Column> columns) : file_(file), columns_(std::move(columns)) {
        id_col_ = static_cast<std::size_t>(std::find_if(columns_.begin(), columns_.end(),
                                                        [](const Column& c) { return c.field == "order_id"; }) -
                                           columns_.begin()) + 1;
    }

    // A row; a bad cell leaves its order out and is listed with its line. The Error: the file is refused
    // (more orders than one file may hold).
    Status add(const CsvRow& row) {
        Status bad = check_width(row);
        if (bad.ok()) bad = start_order(row);
        if (refused_) return std::move(*refused_);
        if (bad.ok()) bad = read_cells(row);
        if (!bad.ok()) {
            cur_bad_ = true;
            const auto& text = bad.error().message();
            const auto column = text.params.contains("column") ? text.params["column"].get<std::string>() : std::string();
            result_.errors.push_back({row.line, column, render(text, Lang::en), text});
        }
        return {};
    }

    CsvOrders finish() {
        if (have_ && !cur_bad_) result_.orders.push_back({built_order(cur_), cur_.first_line});
        return std::move(result_);
    }

private:
    Status check_width(const CsvRow& row) const {
        if (row.fields.size() > columns_.size())
            return Error("bad_csv", Message{"in.csv_line", {{"file", file_}, {"line", as_text(row.line)},
                                                            {"what", msg("in.csv_too_many_fields", {{"n", as_text(row.fields.size())},
                                                                                                   {"m", as_text(columns_.size())}})}}});
        return {};
    }

    // The row's order id (empty: the order above); a new id closes the order before it and starts its own.
    Status start_order(const CsvRow& row) {
        std::string id;
        for (std::size_t i = 0; i < columns_.size() && i < row.fields.size(); ++i)
            if (columns_[i].field == "order_id") id = row.fields[i];
        const Column& id_column = columns_[id_col_ - 1];
        if (id.empty()) {
            if (!have_) return cell_error(file_, row.line, id_col_, id_column, msg("in.csv_id_first_row"));
            id = cur_id_;
        }
        if (have_ && id == cur_id_) return {};
        if (have_ && !cur_bad_) result_.orders.push_back({built_order(cur_), cur_.first_line});
        cur_bad_ = false;
        if (result_.orders.size() >= limits::kMaxOrdersPerBatch) {
            refused_ = Error("bad_csv", Message{"in.csv_line", {{"file", file_}, {"line", as_text(row.line)},
                                                                {"what", msg("in.csv_too_many_orders", {{"max", as_text(limits::kMaxOrdersPerBatch)}})}}});
            return {};
        }
        if (done_ids_.count(id)) return cell_error(file_, row.line, id_col_, id_column, msg("in.csv_id_repeated", {{"id", id}}));
        done_ids_.insert(id);
        cur_ = Building{};
        cur_.first_line = row.line;
        cur_.order["id"] = id;
        cur_id_ = id;
        have_ = true;
        return {};
    }

    // The row's cells: item cells make one item, order and party cells are set once per order.
    Status read_cells(const CsvRow& row) {
        json item = json::object();
        for (std::size_t i = 0; i < columns_.size() && i < row.fields.size(); ++i) {
            const auto& c = columns_[i];
            const auto& v = row.fields[i];
            if (v.empty() || c.field == "order_id") continue;
            EC_RETURN_IF_ERROR(check_length(row.line, i + 1, c, v));
            EC_ASSIGN_OR_RETURN(auto value, cell_value(v, file_, row.line, i + 1, c));
            if (c.kind == Column::item) item[c.field] = std::move(value);
            else EC_RETURN_IF_ERROR(set_once(cur_, c, v, file_, row.line, i + 1, c.kind == Column::order ? order_target(cur_, c) : party_target(cur_, c), value));
        }
        if (item.empty()) return {};
        if (!item.contains("description") && !item.contains("model")) {
            const auto it = std::find_if(columns_.begin(), columns_.end(), [](const Column& c) { return c.kind == Column::item && c.field == "description"; });
            const std::size_t col = it == columns_.end() ? 1 : static_cast<std::size_t>(it - columns_.begin()) + 1;
            return Error("bad_csv", Message{"in.csv_cell", {{"file", file_}, {"line", as_text(row.line)}, {"col", as_text(col)},
                                                            {"column", "item.description"}, {"what", msg("in.csv_item_no_description")}}});
        }
        cur_.order["items"].push_back(item);
        return {};
    }

    Status check_length(std::size_t line, std::size_t col, const Column& c, const std::string& v) const {
        const bool name = c.field == "name" || c.field == "parent_name" || c.field == "payment.payer" || c.field == "payment.bank";
        const auto max = name ? limits::kMaxNameBytes : limits::kMaxTextFieldBytes;
        if (v.size() > max)
            return cell_error(file_, line, col, c, msg("in.too_long", {{"size", as_text(v.size())}, {"kind", name ? "names" : "text"},
                                                                       {"max", as_text(max)}}));
        return {};
    }

    std::string_view file_;
    std::vector<Column> columns_;
    std::size_t id_col_ = 0;  // 1-based
    CsvOrders result_;
    std::set<std::string> done_ids_;  // a set: a file of 100,000 orders must not take quadratic time
    Building cur_;
    std::string cur_id_;
    bool have_ = false;
    bool cur_bad_ = false;  // a row of the current order was bad: the order is left out
    std::optional<Error> refused_;  // the file as a whole (start_order)
};

}  // namespace

Result<std::vector<CsvOrder>> orders_from_csv(std::string_view csv, std::string_view file_name) {
    EC_ASSIGN_OR_RETURN(auto read, read_orders_csv(csv, file_name));
    if (!read.errors.empty()) return Error("bad_csv", read.errors.front().text);
    return std::move(read.orders);
}

Result<CsvOrders> read_orders_csv(std::string_view csv, std::string_view file_name, std::string_view header, std::size_t first_line) {
    const auto head = header.empty() ? csv : header;
    if (binary(head) || (!header.empty() && binary(csv))) return file_error(file_name, "in.csv_binary");
    CsvOptions options;
    options.delimiter = delimiter_of(head);
    CsvReader reader(head, file_name, options);
    EC_ASSIGN_OR_RETURN(auto columns, read_columns(reader, file_name));
    OrderRows orders(file_name, std::move(columns));
    if (!header.empty()) {  // a chunk's rows, its header apart
        options.first_line = first_line;
        reader = CsvReader(csv, file_name, options);
    }
    CsvRow row;
    while (reader.next(row)) EC_RETURN_IF_ERROR(orders.add(row));
    if (reader.error()) return *reader.error();
    return orders.finish();
}

}  // namespace exportcheck
