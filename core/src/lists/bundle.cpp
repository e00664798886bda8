#include "entry_fields.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/concat.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/sha256.hpp>


#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace exportcheck {
namespace {

constexpr std::size_t kHeaderSize = 64;
constexpr std::string_view kFormatName = "exportcheck-bundle";

// ---- writing ------------------------------------------------------------------------------------

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7F) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

template <class T>
void put_le(std::string& out, T v) {
    for (std::size_t i = 0; i < sizeof(T); ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// Repeated strings (list codes, programs, licence texts, URLs, countries) are stored once.
class StringTable {
public:
    StringTable() { index(""); }
    std::uint32_t index(const std::string& s) {
        auto [it, inserted] = ids_.try_emplace(s, static_cast<std::uint32_t>(strings_.size()));
        if (inserted) strings_.push_back(&it->first);
        return it->second;
    }
    void write(std::string& out) const {
        put_varint(out, strings_.size());
        for (const auto* s : strings_) {
            put_varint(out, s->size());
            out += *s;
        }
    }

private:
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<const std::string*> strings_;
};

struct FieldWriter {
    StringTable& table;
    std::string& out;
    void operator()(const char*, const std::string& s) { put_varint(out, table.index(s)); }
    void operator()(const char*, const EntityType& t) { put_varint(out, static_cast<std::uint8_t>(t)); }
    void operator()(const char* n, const std::vector<std::string>& v) {
        put_varint(out, v.size());
        for (const auto& s : v) (*this)(n, s);
    }
    void operator()(const char* n, const std::vector<Alias>& v) {
        put_varint(out, v.size());
        for (const auto& a : v) {
            (*this)(n, a.name);
            (*this)(n, a.type);
        }
    }
    void operator()(const char*, const std::vector<Address>& v) {
        put_varint(out, v.size());
        for (const auto& a : v) lists::visit_address(a, *this);
    }
};

nlohmann::ordered_json meta_to_json(const BundleMeta& m) {
    auto sources = nlohmann::ordered_json::array();
    for (const auto& s : m.sources) {
        auto files = nlohmann::ordered_json::array();
        for (const auto& f : s.files) files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"bytes", f.bytes}});
        sources.push_back({{"key", s.key}, {"date", s.date}, {"date_basis", s.date_basis}, {"files", files},
                           {"entries", s.entries}, {"superseded", s.superseded}, {"merged", s.merged},
                           {"url", s.url}, {"dropped", s.dropped}, {"title", s.title}, {"lists", s.lists}});
    }
    auto names = nlohmann::ordered_json::object();
    for (const auto& [code, n] : m.list_names) names[code] = {{"title", n.title}, {"publisher", n.publisher}};
    return {{"format", kFormatName}, {"format_version", kBundleFormatVersion}, {"id", m.id}, {"built_at", m.built_at},
            {"engine", m.engine}, {"sources", sources}, {"notes", m.notes}, {"list_names", names}, {"rules", m.rules}};
}

// ---- reading ------------------------------------------------------------------------------------

Error corrupted(std::string_view what) { return Error("bundle_corrupted", concat("the bundle is corrupted: ", what)); }

// Reads the body. The first problem is kept and the reader then stands at the end, giving zeros and empty
// strings, so the loops over what it reads stop at once; read_bundle looks at problem() when done.
class ByteReader {
public:
    explicit ByteReader(std::string_view bytes) : data_(bytes) {}
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= data_.size()) return fail(concat("data ends inside a number at byte ", pos_));
            const auto b = static_cast<unsigned char>(data_[pos_++]);
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        return fail(concat("number too long at byte ", pos_));
    }
    // A count of items that each take at least one byte: bounded by what is left.
    std::size_t count() {
        const auto n = varint();
        if (n > remaining()) return fail(concat("count ", n, " exceeds the remaining ", remaining(), " bytes"));
        return static_cast<std::size_t>(n);
    }
    std::string_view bytes(std::size_t n) {
        if (n > remaining()) return fail(concat("a ", n, "-byte string runs past the end")), std::string_view();
        auto s = data_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    std::size_t remaining() const { return data_.size() - pos_; }
    // Records a problem (the first one counts) and stops reading; gives 0.
    std::uint64_t fail(std::string what) {
        if (problem_.empty()) problem_ = std::move(what);
        pos_ = data_.size();
        return 0;
    }
    const std::string& problem() const { return problem_; }

private:
    std::string_view data_;
    std::size_t pos_ = 0;
    std::string problem_;
};

struct FieldReader {
    ByteReader& in;
    const std::vector<std::string_view>& table;
    std::string_view str() {
        const auto i = in.varint();
        if (i >= table.size()) return in.fail(concat("string index ", i, " out of range")), std::string_view();
        return table[i];
    }
    void operator()(const char*, std::string& s) { s = str(); }
    void operator()(const char*, EntityType& t) {
        const auto v = in.varint();
        if (v > static_cast<std::uint8_t>(EntityType::aircraft)) in.fail(concat("entity type ", v));
        else t = static_cast<EntityType>(v);
    }
    void operator()(const char*, std::vector<std::string>& v) {
        v.resize(in.count());
        for (auto& s : v) s = str();
    }
    void operator()(const char*, std::vector<Alias>& v) {
        v.resize(in.count());
        for (auto& a : v) {
            a.name = str();
            a.type = str();
        }
    }
    void operator()(const char*, std::vector<Address>& v) {
        v.resize(in.count());
        for (auto& a : v) lists::visit_address(a, *this);
    }
};

template <class T>
T get_le(std::string_view bytes, std::size_t at) {
    T v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) v |= static_cast<T>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return v;
}

// Reads the metadata JSON, checking each field's type before taking it (nlohmann would throw); the first
// field missing or of another type is kept in `problem`, and the fields after it are read as empty.
struct MetaReader {
    using json = nlohmann::ordered_json;
    std::string problem;

    void bad(const std::string& where, std::string_view what) {
        if (problem.empty()) problem = concat("metadata: ", where, " ", what);
    }
    // The field, or nullptr (a problem when `required`).
    const json* field(const json& j, const char* key, const std::string& where, bool required = true) {
        const auto it = j.is_object() ? j.find(key) : j.end();
        if (it != j.end()) return &*it;
        if (required) bad(where + key, "is missing");
        return nullptr;
    }
    std::string str(const json& j, const char* key, const std::string& where, bool required = true) {
        const auto* v = field(j, key, where, required);
        if (v && !v->is_string()) bad(where + key, "is not a string");
        return v && v->is_string() ? v->get<std::string>() : std::string();
    }
    std::uint64_t number(const json& j, const char* key, const std::string& where) {
        const auto* v = field(j, key, where);
        if (v && !v->is_number()) bad(where + key, "is not a number");
        return v && v->is_number() ? v->get<std::uint64_t>() : 0;
    }
    const json& list(const json& j, const char* key, const std::string& where, bool required = true) {
        static const json empty = json::array();
        const auto* v = field(j, key, where, required);
        if (v && !v->is_array()) bad(where + key, "is not a list");
        return v && v->is_array() ? *v : empty;
    }
    std::vector<std::string> strings(const json& j, const char* key, const std::string& where, bool required = true) {
        std::vector<std::string> out;
        for (const auto& s : list(j, key, where, required)) {
            if (!s.is_string()) bad(where + key, "holds something other than text");
            else out.push_back(s.get<std::string>());
        }
        return out;
    }
    BundleSource source(const json& s, const std::string& w) {
        BundleSource src;
        src.key = str(s, "key", w);
        src.date = str(s, "date", w);
        src.date_basis = str(s, "date_basis", w);
        src.entries = number(s, "entries", w);
        src.superseded = number(s, "superseded", w);
        src.merged = number(s, "merged", w);
        src.url = str(s, "url", w);
        const auto& files = list(s, "files", w);
        for (std::size_t i = 0; i < files.size(); ++i) {
            const auto fw = concat(w, "files[", i, "].");
            src.files.push_back({str(files[i], "name", fw), str(files[i], "sha256", fw), number(files[i], "bytes", fw)});
        }
        if (const auto* d = field(s, "dropped", w, false)) {
            if (!d->is_object()) bad(w + "dropped", "is not an object");
            else
                for (const auto& [list_code, n] : d->items()) src.dropped[list_code] = number(*d, list_code.c_str(), w + "dropped.");
        }
        src.title = str(s, "title", w, false);  // bundles built before titles and lists have neither
        src.lists = strings(s, "lists", w, false);
        return src;
    }
    BundleMeta meta(const json& j) {
        BundleMeta m;
        m.id = str(j, "id", "");
        m.built_at = str(j, "built_at", "");
        m.engine = str(j, "engine", "");
        const auto& sources = list(j, "sources", "");
        for (std::size_t i = 0; i < sources.size(); ++i) m.sources.push_back(source(sources[i], concat("sources[", i, "].")));
        m.notes = strings(j, "notes", "");
        if (const auto* names = field(j, "list_names", "", false))
            for (const auto& [code, n] : names->items()) {
                const auto nw = "list_names." + code + ".";
                m.list_names[code] = {str(n, "title", nw), str(n, "publisher", nw)};
            }
        if (const auto* rules = field(j, "rules", "", false)) {
            if (!rules->is_object()) bad("`rules`", "is not an object");
            else m.rules = *rules;
        }
        return m;
    }
};

}  // namespace

std::map<std::string, std::size_t> Bundle::list_counts() const {
    std::map<std::string, std::size_t> counts;
    for (const auto& e : entries) ++counts[e.list];
    return counts;
}

std::string write_bundle(const BundleMeta& meta, const std::vector<Entry>& entries) {
    StringTable table;
    std::string records;
    FieldWriter writer{table, records};
    for (const auto& e : entries) lists::visit_fields(e, writer);

    std::string body;
    const auto meta_text = nlohmann::ordered_json(meta_to_json(meta)).dump();  // one serializer in the wasm
    put_varint(body, meta_text.size());
    body += meta_text;
    table.write(body);
    body += records;

    std::string out(kBundleMagic);
    put_le<std::uint32_t>(out, kBundleFormatVersion);
    put_le<std::uint32_t>(out, kHeaderSize);
    put_le<std::uint64_t>(out, body.size());
    const auto digest = sha256(body);
    out.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    put_le<std::uint32_t>(out, static_cast<std::uint32_t>(entries.size()));
    put_le<std::uint32_t>(out, 0);
    return out + body;
}

Result<Bundle> read_bundle(std::string_view bytes) {
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F && static_cast<unsigned char>(bytes[1]) == 0x8B)
        return Error("bundle_compressed", "the bundle is still gzip-compressed: decompress it before loading");
    if (bytes.size() < kBundleMagic.size() || bytes.substr(0, kBundleMagic.size()) != kBundleMagic)
        return Error("bundle_not_a_bundle", "this file is not an ExportCheck bundle (wrong magic bytes)");
    if (bytes.size() < kHeaderSize)
        return Error("bundle_truncated", concat("the bundle is truncated: ", bytes.size(), " bytes, the header alone needs ", kHeaderSize));
    const auto version = get_le<std::uint32_t>(bytes, 8);
    if (version != kBundleFormatVersion)
        return Error("bundle_version", concat("the bundle has format version ", version, "; this engine reads version ",
                                              kBundleFormatVersion, ". Use a bundle made for this version of ExportCheck."));
    const auto header_size = get_le<std::uint32_t>(bytes, 12);
    const auto body_size = get_le<std::uint64_t>(bytes, 16);
    if (header_size != kHeaderSize) return corrupted(concat("header size ", header_size, " (expected ", kHeaderSize, ")"));
    const auto have = bytes.size() - kHeaderSize;
    if (have < body_size)
        return Error("bundle_truncated",
                     concat("the bundle is truncated: ", have, " of ", body_size, " body bytes present (an interrupted download?)"));
    if (have > body_size)
        return Error("bundle_trailing_data", concat("the bundle has ", have - body_size, " unexpected bytes after its end"));
    const auto body = bytes.substr(kHeaderSize);
    Bundle b;
    const auto digest = sha256(body);
    if (std::memcmp(digest.data(), bytes.data() + 24, digest.size()) != 0)
        return corrupted("its content does not match its sha256 (damaged or altered)");
    b.sha256 = to_hex(digest);

    ByteReader in(body);
    const auto meta_text = in.bytes(in.count());
    if (!in.problem().empty()) return corrupted(in.problem());
    const auto meta_json = nlohmann::ordered_json::parse(meta_text, nullptr, false);
    if (meta_json.is_discarded() || !meta_json.is_object()) return corrupted("metadata is not a JSON object");
    MetaReader meta;
    b.meta = meta.meta(meta_json);
    if (!meta.problem.empty()) return corrupted(meta.problem);

    std::vector<std::string_view> table(in.count());
    for (auto& s : table) s = in.bytes(in.count());

    const auto n = get_le<std::uint32_t>(bytes, 56);
    if (in.problem().empty() && n > in.remaining())
        return corrupted(concat(n, " entries cannot fit in ", in.remaining(), " bytes"));
    if (in.problem().empty()) {
        b.entries.resize(n);
        FieldReader reader{in, table};
        for (auto& e : b.entries) lists::visit_fields(e, reader);
    }
    if (!in.problem().empty()) return corrupted(in.problem());
    if (in.remaining() != 0) return corrupted(concat(in.remaining(), " bytes left after the last entry"));
    return b;
}

std::map<std::string, std::string> list_dates(const Bundle& bundle) {
    std::map<std::string, std::string> date_of_source;
    for (const auto& s : bundle.meta.sources) date_of_source[s.key] = std::max(date_of_source[s.key], s.date);
    std::map<std::string, std::string> dates;
    for (const auto& e : bundle.entries) {
        auto& d = dates[e.list];
        if (const auto it = date_of_source.find(e.source); it != date_of_source.end()) d = std::max(d, it->second);
    }
    return dates;
}

nlohmann::ordered_json bundle_info(const Bundle& bundle) {
    auto j = meta_to_json(bundle.meta);
    auto rules = nlohmann::ordered_json::object();
    for (const auto& [name, doc] : bundle.meta.rules.items())
        rules[name] = {{"version", doc.contains("version") ? doc["version"] : nlohmann::ordered_json("")},
                       {"as_of", doc.contains("as_of") ? doc["as_of"] : nlohmann::ordered_json("")}};
    j["rules"] = rules;
    j["sha256"] = bundle.sha256;
    j["entries"] = bundle.entries.size();
    j["lists"] = bundle.list_counts();
    j["list_dates"] = list_dates(bundle);
    std::map<std::string, std::uint64_t> dropped;
    for (const auto& src : bundle.meta.sources)
        for (const auto& [list, n] : src.dropped) dropped[list] += n;
    j["dropped"] = dropped;
    return j;
}

}  // namespace exportcheck
