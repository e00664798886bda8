#include "entry_fields.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/sha256.hpp>

#include <fmt/format.h>

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

[[noreturn]] void corrupted(const std::string& what) {
    throw Error("bundle_corrupted", "the bundle is corrupted: " + what);
}

class ByteReader {
public:
    explicit ByteReader(std::string_view bytes) : data_(bytes) {}
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= data_.size()) corrupted(fmt::format("data ends inside a number at byte {}", pos_));
            const auto b = static_cast<unsigned char>(data_[pos_++]);
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        corrupted(fmt::format("number too long at byte {}", pos_));
    }
    // A count of items that each take at least one byte: bounded by what is left.
    std::size_t count() {
        const auto n = varint();
        if (n > remaining()) corrupted(fmt::format("count {} exceeds the remaining {} bytes", n, remaining()));
        return static_cast<std::size_t>(n);
    }
    std::string_view bytes(std::size_t n) {
        if (n > remaining()) corrupted(fmt::format("a {}-byte string runs past the end", n));
        auto s = data_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    std::size_t remaining() const { return data_.size() - pos_; }

private:
    std::string_view data_;
    std::size_t pos_ = 0;
};

struct FieldReader {
    ByteReader& in;
    const std::vector<std::string_view>& table;
    std::string_view str() {
        const auto i = in.varint();
        if (i >= table.size()) corrupted(fmt::format("string index {} out of range", i));
        return table[i];
    }
    void operator()(const char*, std::string& s) { s = str(); }
    void operator()(const char*, EntityType& t) {
        const auto v = in.varint();
        if (v > static_cast<std::uint8_t>(EntityType::aircraft)) corrupted(fmt::format("entity type {}", v));
        t = static_cast<EntityType>(v);
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

BundleMeta meta_from_json(const nlohmann::ordered_json& j) {
    BundleMeta m;
    m.id = j.at("id").get<std::string>();
    m.built_at = j.at("built_at").get<std::string>();
    m.engine = j.at("engine").get<std::string>();
    for (const auto& s : j.at("sources")) {
        BundleSource src{s.at("key"), s.at("date"), s.at("date_basis"), {}, s.at("entries"), s.at("superseded"),
                         s.at("merged"), s.at("url")};
        for (const auto& f : s.at("files")) src.files.push_back({f.at("name"), f.at("sha256"), f.at("bytes")});
        if (const auto d = s.find("dropped"); d != s.end()) src.dropped = d->get<std::map<std::string, std::uint64_t>>();
        src.title = s.value("title", "");  // bundles built before titles and lists have neither
        if (const auto l = s.find("lists"); l != s.end()) src.lists = l->get<std::vector<std::string>>();
        m.sources.push_back(std::move(src));
    }
    m.notes = j.at("notes").get<std::vector<std::string>>();
    if (const auto it = j.find("list_names"); it != j.end())
        for (const auto& [code, n] : it->items()) m.list_names[code] = {n.at("title").get<std::string>(), n.at("publisher").get<std::string>()};
    if (const auto it = j.find("rules"); it != j.end()) {
        if (!it->is_object()) throw Error("bundle_corrupted", "the bundle is corrupted: metadata `rules` is not an object");
        m.rules = *it;
    }
    return m;
}

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

Bundle read_bundle(std::string_view bytes) {
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F && static_cast<unsigned char>(bytes[1]) == 0x8B)
        throw Error("bundle_compressed", "the bundle is still gzip-compressed: decompress it before loading");
    if (bytes.size() < kBundleMagic.size() || bytes.substr(0, kBundleMagic.size()) != kBundleMagic)
        throw Error("bundle_not_a_bundle", "this file is not an ExportCheck bundle (wrong magic bytes)");
    if (bytes.size() < kHeaderSize)
        throw Error("bundle_truncated", fmt::format("the bundle is truncated: {} bytes, the header alone needs {}",
                                                    bytes.size(), kHeaderSize));
    const auto version = get_le<std::uint32_t>(bytes, 8);
    if (version != kBundleFormatVersion)
        throw Error("bundle_version", fmt::format("the bundle has format version {}; this engine reads version {}. "
                                                  "Use a bundle made for this version of ExportCheck.",
                                                  version, kBundleFormatVersion));
    const auto header_size = get_le<std::uint32_t>(bytes, 12);
    const auto body_size = get_le<std::uint64_t>(bytes, 16);
    if (header_size != kHeaderSize) corrupted(fmt::format("header size {} (expected {})", header_size, kHeaderSize));
    const auto have = bytes.size() - kHeaderSize;
    if (have < body_size)
        throw Error("bundle_truncated", fmt::format("the bundle is truncated: {} of {} body bytes present "
                                                    "(an interrupted download?)", have, body_size));
    if (have > body_size)
        throw Error("bundle_trailing_data", fmt::format("the bundle has {} unexpected bytes after its end",
                                                        have - body_size));
    const auto body = bytes.substr(kHeaderSize);
    Bundle b;
    const auto digest = sha256(body);
    if (std::memcmp(digest.data(), bytes.data() + 24, digest.size()) != 0)
        corrupted("its content does not match its sha256 (damaged or altered)");
    b.sha256 = to_hex(digest);

    ByteReader in(body);
    const auto meta_text = in.bytes(in.count());
    const auto meta_json = nlohmann::ordered_json::parse(meta_text, nullptr, false);
    if (meta_json.is_discarded() || !meta_json.is_object()) corrupted("metadata is not a JSON object");
    try {
        b.meta = meta_from_json(meta_json);
    } catch (const nlohmann::ordered_json::exception& e) {
        corrupted(fmt::format("metadata: {}", e.what()));
    }

    std::vector<std::string_view> table(in.count());
    for (auto& s : table) s = in.bytes(in.count());

    const auto n = get_le<std::uint32_t>(bytes, 56);
    if (n > in.remaining()) corrupted(fmt::format("{} entries cannot fit in {} bytes", n, in.remaining()));
    b.entries.resize(n);
    FieldReader reader{in, table};
    for (auto& e : b.entries) lists::visit_fields(e, reader);
    if (in.remaining() != 0) corrupted(fmt::format("{} bytes left after the last entry", in.remaining()));
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
