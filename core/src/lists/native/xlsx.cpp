// .xlsx -> rows of text. The zip container is read by minizip (Debian's libminizip) through an in-memory
// stream; the workbook, its relationships, the shared strings and the first worksheet are read by expat.
// Only what a list file needs: cell text, no styles or formulas.
#include <exportcheck/error.hpp>
#include <exportcheck/xlsx.hpp>

#include "expat_run.hpp"

#include <expat.h>
#include <unzip.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {
namespace {

// A part bigger than this once inflated is refused: the real lists' largest part is 13 MB, and a zip bomb
// must not exhaust memory.
constexpr unsigned long long kMaxPartBytes = 256ull << 20;
constexpr std::size_t kMaxColumns = 16384;  // Excel's own limit (column XFD)

[[noreturn]] void fail(std::string_view file_name, const std::string& why) {
    throw Error("xlsx_invalid", fmt::format("{}: {}", file_name, why));
}

// --- the zip container, read from memory --------------------------------------------------------------

struct MemoryFile {
    std::string_view bytes;
    ZPOS64_T pos = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int) { return opaque; }
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
    auto& f = *static_cast<MemoryFile*>(stream);
    const auto n = static_cast<uLong>(std::min<ZPOS64_T>(size, f.bytes.size() - f.pos));
    std::memcpy(buf, f.bytes.data() + f.pos, n);
    f.pos += n;
    return n;
}
uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<MemoryFile*>(stream)->pos; }
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto& f = *static_cast<MemoryFile*>(stream);
    ZPOS64_T base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR) base = f.pos;
    if (origin == ZLIB_FILEFUNC_SEEK_END) base = f.bytes.size();
    if (base + offset > f.bytes.size()) return -1;
    f.pos = base + offset;
    return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

struct ZipClose {
    void operator()(void* z) const { unzClose(z); }
};

class Zip {
public:
    Zip(std::string_view bytes, std::string_view file_name) : file_{bytes}, file_name_(file_name) {
        zlib_filefunc64_def io{};
        io.zopen64_file = mem_open;
        io.zread_file = mem_read;
        io.zwrite_file = mem_write;
        io.ztell64_file = mem_tell;
        io.zseek64_file = mem_seek;
        io.zclose_file = mem_close;
        io.zerror_file = mem_error;
        io.opaque = &file_;
        zip_.reset(unzOpen2_64("", &io));
        if (!zip_) fail(file_name_, not_a_zip_reason(bytes));
    }

    // The inflated part, or nothing when the workbook has no part of that name.
    std::optional<std::string> part(const std::string& name) {
        if (unzLocateFile(zip_.get(), name.c_str(), 0) != UNZ_OK) return std::nullopt;
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(zip_.get(), &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
            fail(file_name_, fmt::format("the part {} is damaged", name));
        if (info.uncompressed_size > kMaxPartBytes)
            fail(file_name_, fmt::format("the part {} is {} bytes once unpacked; at most {} are read", name,
                                         info.uncompressed_size, kMaxPartBytes));
        if (unzOpenCurrentFile(zip_.get()) != UNZ_OK) fail(file_name_, fmt::format("the part {} is damaged", name));
        std::string out;
        char buf[1 << 16];
        int n = 0;
        while ((n = unzReadCurrentFile(zip_.get(), buf, sizeof buf)) > 0) {
            out.append(buf, static_cast<std::size_t>(n));
            if (out.size() > kMaxPartBytes) break;
        }
        const int closed = unzCloseCurrentFile(zip_.get());
        if (n < 0 || closed != UNZ_OK || out.size() != info.uncompressed_size)
            fail(file_name_, fmt::format("the part {} is damaged or cut short (the file may be truncated)", name));
        return out;
    }

private:
    static std::string not_a_zip_reason(std::string_view bytes) {
        auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
        std::string_view head = bytes.substr(0, 512);
        while (!head.empty() && (head.front() == ' ' || head.front() == '\n' || head.front() == '\r' ||
                                 head.front() == '\t' || head.front() == '\xEF' || head.front() == '\xBB' ||
                                 head.front() == '\xBF'))
            head.remove_prefix(1);
        std::string lower(head);
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.find("<html") != std::string::npos)
            return "an HTML page, not an .xlsx workbook (an error page saved in its place?)";
        if (bytes.empty()) return "empty file, not an .xlsx workbook";
        if (starts("PK\x03\x04"))
            return "not a complete .xlsx workbook: the zip archive has no central directory (truncated?)";
        return "not an .xlsx workbook (not a zip archive)";
    }

    MemoryFile file_;
    std::string file_name_;
    std::unique_ptr<void, ZipClose> zip_;
};

// --- XML parts ----------------------------------------------------------------------------------------

std::string_view local_name(std::string_view qualified) {
    const auto colon = qualified.rfind(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

const char* attribute(const XML_Char** attributes, std::string_view local) {
    for (int i = 0; attributes[i]; i += 2)
        if (local_name(attributes[i]) == local) return attributes[i + 1];
    return nullptr;
}

// Receives the events of one part. Callbacks may throw: the exception is carried across expat's C frames.
struct Handler {
    virtual ~Handler() = default;
    virtual void start(std::string_view name, const XML_Char** attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
};

struct Sax {
    XML_Parser parser;
    Handler* handler;
    std::exception_ptr failure;
};

template <typename F>
void guarded(void* data, F&& f) {
    auto& s = *static_cast<Sax*>(data);
    if (s.failure) return;
    try {
        f(*s.handler);
    } catch (...) {
        s.failure = std::current_exception();
        XML_StopParser(s.parser, XML_FALSE);
    }
}

void XMLCALL on_start(void* d, const XML_Char* name, const XML_Char** attributes) {
    guarded(d, [&](Handler& h) { h.start(local_name(name), attributes); });
}
void XMLCALL on_end(void* d, const XML_Char* name) {
    guarded(d, [&](Handler& h) { h.end(local_name(name)); });
}
void XMLCALL on_text(void* d, const XML_Char* text, int length) {
    guarded(d, [&](Handler& h) { h.text(std::string_view(text, static_cast<std::size_t>(length))); });
}

void parse_xml(const std::string& xml, Handler& handler, std::string_view file_name, std::string_view part) {
    Sax sax{nullptr, &handler, nullptr};
    const auto parser = native_xml::make_parser("UTF-8", &sax, on_start, on_end, on_text);
    sax.parser = parser.get();
    if (!native_xml::feed(parser.get(), xml)) {
        if (sax.failure) std::rethrow_exception(sax.failure);
        fail(file_name, fmt::format("{}: {}", part, native_xml::expat_error(parser.get())));
    }
    if (sax.failure) std::rethrow_exception(sax.failure);
}

// xl/workbook.xml: the relationship id of the first sheet.
struct FirstSheet : Handler {
    std::string relationship;
    void start(std::string_view name, const XML_Char** attributes) override {
        if (name != "sheet" || !relationship.empty()) return;
        if (const char* id = attribute(attributes, "id")) relationship = id;
    }
    void end(std::string_view) override {}
};

// xl/_rels/workbook.xml.rels: the target of one relationship.
struct RelationshipTarget : Handler {
    std::string id, target;
    void start(std::string_view name, const XML_Char** attributes) override {
        if (name != "Relationship") return;
        const char* rid = attribute(attributes, "Id");
        const char* to = attribute(attributes, "Target");
        if (rid && to && rid == id) target = to;
    }
    void end(std::string_view) override {}
};

// xl/sharedStrings.xml: each <si>'s text, its runs joined; phonetic guides (<rPh>) are not the text.
struct SharedStrings : Handler {
    std::vector<std::string> strings;
    bool in_t = false;
    int in_phonetic = 0;
    void start(std::string_view name, const XML_Char**) override {
        if (name == "si") strings.emplace_back();
        else if (name == "rPh") ++in_phonetic;
        else if (name == "t") in_t = in_phonetic == 0 && !strings.empty();
    }
    void end(std::string_view name) override {
        if (name == "t") in_t = false;
        else if (name == "rPh") --in_phonetic;
    }
    void text(std::string_view t) override {
        if (in_t) strings.back().append(t);
    }
};

// "AJ18800" -> column 35 (from 0); nullopt when there are no letters or too many columns.
std::optional<std::size_t> column_of(std::string_view ref) {
    std::size_t col = 0, letters = 0;
    for (char c : ref) {
        if (c >= 'A' && c <= 'Z') col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
        else if (c >= 'a' && c <= 'z') col = col * 26 + static_cast<std::size_t>(c - 'a' + 1);
        else break;
        if (++letters > 3) return std::nullopt;
    }
    if (letters == 0 || col > kMaxColumns) return std::nullopt;
    return col - 1;
}

// The worksheet: <row r><c r t><v>..</v> | <is><t>..</t></is></c></row>.
struct Worksheet : Handler {
    std::string_view file_name;
    const std::vector<std::string>* shared = nullptr;
    std::vector<CsvRow> rows;
    std::size_t row_number = 0, column = 0;
    std::string type, value;
    bool in_row = false, in_cell = false, in_value = false;
    int in_phonetic = 0;

    [[noreturn]] void bad(const std::string& why) const {
        fail(file_name, fmt::format("worksheet row {}: {}", row_number, why));
    }
    void start(std::string_view name, const XML_Char** attributes) override {
        if (name == "row") {
            const char* r = attribute(attributes, "r");
            row_number = r ? std::strtoull(r, nullptr, 10) : row_number + 1;
            if (row_number == 0 || (!rows.empty() && row_number <= rows.back().line)) bad("rows out of order");
            in_row = true;
            column = 0;
        } else if (name == "c" && in_row) {
            const char* r = attribute(attributes, "r");
            if (r) {
                const auto col = column_of(r);
                if (!col) bad(fmt::format("bad cell reference \"{}\"", r));
                column = *col;
            }
            const char* t = attribute(attributes, "t");
            type = t ? t : "n";
            value.clear();
            in_cell = true;
        } else if (in_cell && name == "rPh") {
            ++in_phonetic;
        } else if (in_cell && (name == "v" || name == "t")) {
            in_value = in_phonetic == 0;
        }
    }
    void end(std::string_view name) override {
        if (name == "v" || name == "t") in_value = false;
        else if (name == "rPh") --in_phonetic;
        else if (name == "c" && in_cell) finish_cell();
        else if (name == "row") in_row = false;
    }
    void text(std::string_view t) override {
        if (in_value) value.append(t);
    }
    void finish_cell() {
        in_cell = false;
        std::string text;
        if (type == "s") {
            char* end = nullptr;
            const auto index = std::strtoull(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0' || index >= shared->size())
                bad(fmt::format("cell {} refers to shared string \"{}\", which the workbook does not have", column + 1, value));
            text = (*shared)[index];
        } else {
            text = std::move(value);
        }
        ++column;
        if (text.empty()) return;
        if (rows.empty() || rows.back().line != row_number) rows.push_back(CsvRow{row_number, {}});
        auto& fields = rows.back().fields;
        if (fields.size() < column) fields.resize(column);
        fields[column - 1] = std::move(text);
    }
};

// A relationship target is relative to xl/ unless it starts at the package root.
std::string part_path(std::string_view target) {
    if (target.starts_with("/")) return std::string(target.substr(1));
    std::string path = "xl/" + std::string(target);
    return path;
}

}  // namespace

std::vector<CsvRow> read_xlsx_sheet(std::string_view bytes, std::string_view file_name) {
    Zip zip(bytes, file_name);
    const auto workbook = zip.part("xl/workbook.xml");
    if (!workbook) fail(file_name, "a zip archive but not an .xlsx workbook: it has no xl/workbook.xml");

    std::string sheet_path = "xl/worksheets/sheet1.xml";
    FirstSheet first;
    parse_xml(*workbook, first, file_name, "xl/workbook.xml");
    if (const auto rels = zip.part("xl/_rels/workbook.xml.rels"); rels && !first.relationship.empty()) {
        RelationshipTarget target;
        target.id = first.relationship;
        parse_xml(*rels, target, file_name, "xl/_rels/workbook.xml.rels");
        if (!target.target.empty()) sheet_path = part_path(target.target);
    }

    SharedStrings shared;
    if (const auto strings = zip.part("xl/sharedStrings.xml")) parse_xml(*strings, shared, file_name, "xl/sharedStrings.xml");

    const auto sheet = zip.part(sheet_path);
    if (!sheet) fail(file_name, fmt::format("the workbook has no worksheet {}", sheet_path));
    Worksheet ws;
    ws.file_name = file_name;
    ws.shared = &shared.strings;
    parse_xml(*sheet, ws, file_name, sheet_path);
    return std::move(ws.rows);
}

}  // namespace exportcheck
