// OFAC's XML publication -> entries: the `sdnList` schema OFAC's Sanctions List Service exports as
// SDN.XML and CONSOLIDATED.XML (namespace https://sanctionslistservice.ofac.treas.gov/api/
// PublicationPreview/exports/XML; element names as in OFAC's "SDN data specification"). Unlike the
// legacy CSV, dates of birth, nationalities and ids are elements of their own. expat reads the file as
// a stream; each <sdnEntry> is gathered into a small element tree and converted when it closes.
#include "../list_text.hpp"
#include "expat_run.hpp"

#include <exportcheck/countries.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/list_names.hpp>
#include <exportcheck/lists.hpp>

#include <expat.h>

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <new>
#include <set>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {
namespace {

constexpr std::string_view kRoot = "sdnList";
constexpr std::string_view kRecord = "sdnEntry";

struct Node {
    std::string name;
    std::string text;
    std::vector<Node> children;
    unsigned long line = 0;
};

std::string clean(std::string_view s) { return lists::collapse_spaces(s); }

std::string text_of(const Node& n, std::string_view name) {
    for (const Node& c : n.children)
        if (c.name == name) return clean(c.text);
    return {};
}

// Every `item` element inside the `list` child: <akaList><aka>..</aka><aka>..</aka></akaList>.
std::vector<const Node*> items(const Node& n, std::string_view list, std::string_view item) {
    std::vector<const Node*> out;
    for (const Node& l : n.children)
        if (l.name == list)
            for (const Node& i : l.children)
                if (i.name == item) out.push_back(&i);
    return out;
}

// OFAC writes a person as "LAST, First" in its legacy files; the XML splits it. Keep the legacy form so
// both formats name a party the same way.
std::string full_name(const Node& n) {
    const auto last = text_of(n, "lastName"), first = text_of(n, "firstName");
    if (first.empty()) return last;
    if (last.empty()) return first;
    return last + ", " + first;
}

// "01/08/2026" -> "2026-01-08"; anything else as is.
std::string us_date(std::string s) {
    if (s.size() == 10 && s[2] == '/' && s[5] == '/') return s.substr(6, 4) + "-" + s.substr(0, 2) + "-" + s.substr(3, 2);
    return s;
}

void add_alias(Entry& e, std::string name, std::string type) {
    if (name.empty() || name == e.name) return;
    Alias a{std::move(name), std::move(type)};
    if (std::find(e.aliases.begin(), e.aliases.end(), a) == e.aliases.end()) e.aliases.push_back(std::move(a));
}

void add_addresses(Entry& e, const Node& rec) {
    for (const Node* n : items(rec, "addressList", "address")) {
        Address a;
        std::string street;
        for (const char* f : {"address1", "address2", "address3"})
            if (auto part = text_of(*n, f); !part.empty()) street += (street.empty() ? "" : ", ") + part;
        a.street = std::move(street);
        a.city = text_of(*n, "city");
        a.state = text_of(*n, "stateOrProvince");
        a.postal_code = text_of(*n, "postalCode");
        a.country_name = text_of(*n, "country");
        a.country = country_code(a.country_name);
        if (!a.country.empty()) a.country_name.clear();  // kept only when it could not be mapped, as elsewhere
        if (a.street.empty() && a.city.empty() && a.state.empty() && a.postal_code.empty() && a.country.empty() &&
            a.country_name.empty())
            continue;
        if (std::find(e.addresses.begin(), e.addresses.end(), a) == e.addresses.end()) e.addresses.push_back(std::move(a));
    }
}

// "Passport A1234 (Iran)", as the legacy Remarks write ids.
void add_ids(Entry& e, const Node& rec) {
    for (const Node* n : items(rec, "idList", "id")) {
        auto text = fmt::format("{} {}", text_of(*n, "idType"), text_of(*n, "idNumber"));
        if (auto c = text_of(*n, "idCountry"); !c.empty()) text += " (" + c + ")";
        lists::add_unique(e.ids, std::string(lists::trim(text)));
    }
    for (const Node& v : rec.children) {
        if (v.name != "vesselInfo") continue;
        for (const auto& [tag, label] : {std::pair{"callSign", "Call Sign "}, std::pair{"vesselType", "Vessel Type "},
                                         std::pair{"vesselFlag", "Vessel Flag "}, std::pair{"vesselOwner", "Vessel Owner "}})
            if (auto t = text_of(v, tag); !t.empty()) lists::add_unique(e.ids, label + t);
    }
}

Entry to_entry(const Node& rec, bool sdn, std::string_view source, std::string_view file) {
    Entry e;
    e.source = std::string(source);
    e.source_id = text_of(rec, "uid");
    if (e.source_id.empty() || !std::all_of(e.source_id.begin(), e.source_id.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw Error("ofac_xml_bad_uid", fmt::format("{}: line {}: sdnEntry/uid \"{}\" is not a number", file, rec.line, e.source_id));
    e.name = full_name(rec);
    if (e.name.empty())
        throw Error("ofac_xml_missing_name", fmt::format("{}: line {}: sdnEntry {} has no lastName", file, rec.line, e.source_id));
    const auto type = text_of(rec, "sdnType");
    e.type = type == "Entity" || type.empty() ? EntityType::organization : entity_type_from(type);
    for (const Node* p : items(rec, "programList", "program")) lists::add_unique(e.programs, clean(p->text));
    e.list = sdn ? "SDN" : ofac_cons_list(e.programs);
    e.list_name = std::string(official_list_name(e.list));
    e.title = text_of(rec, "title");
    e.remarks = text_of(rec, "remarks");
    for (const Node* a : items(rec, "akaList", "aka")) add_alias(e, full_name(*a), text_of(*a, "type"));
    add_addresses(e, rec);
    add_ids(e, rec);
    for (const Node* d : items(rec, "dateOfBirthList", "dateOfBirthItem"))
        lists::add_unique(e.dates_of_birth, lists::iso_date(text_of(*d, "dateOfBirth")));
    for (const Node* p : items(rec, "placeOfBirthList", "placeOfBirthItem"))
        lists::add_unique(e.places_of_birth, text_of(*p, "placeOfBirth"));
    for (const Node* n : items(rec, "nationalityList", "nationality"))
        lists::add_unique(e.nationalities, country_code(text_of(*n, "country")));
    for (const Node* n : items(rec, "citizenshipList", "citizenship"))
        lists::add_unique(e.citizenships, country_code(text_of(*n, "country")));
    e.source_url = sdn ? "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML"
                       : "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML";
    e.source_information_url = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=" + e.source_id;
    return e;
}

// SAX state. Callbacks must not throw through expat's C frames: a failure is stored and the parse stopped.
struct State {
    XML_Parser parser = nullptr;
    bool sdn = true;
    std::string_view source, file;
    int depth = 0;
    std::string root;
    std::vector<Node> open;  // the record being read; empty outside records
    Node info;               // publshInformation
    bool in_info = false;
    std::vector<Entry> entries;
    std::set<std::string> uids;
    std::exception_ptr failure;
};

template <class F>
void guarded(State& s, F&& f) {
    try {
        f();
    } catch (...) {
        s.failure = std::current_exception();
        XML_StopParser(s.parser, XML_FALSE);
    }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char**) {
    auto& s = *static_cast<State*>(data);
    guarded(s, [&] {
        ++s.depth;
        if (s.depth == 1) s.root = name;
        if (s.depth == 2 && std::string_view(name) == "publshInformation") s.in_info = true;
        if (s.in_info && s.depth == 3) s.info.children.push_back(Node{name, {}, {}, 0});
        if (!s.open.empty() || (s.depth == 2 && name == kRecord))
            s.open.push_back(Node{name, {}, {}, XML_GetCurrentLineNumber(s.parser)});
    });
}

void XMLCALL on_end(void* data, const XML_Char*) {
    auto& s = *static_cast<State*>(data);
    guarded(s, [&] {
        if (!s.open.empty()) {
            Node done = std::move(s.open.back());
            s.open.pop_back();
            if (!s.open.empty()) {
                s.open.back().children.push_back(std::move(done));
            } else {
                auto e = to_entry(done, s.sdn, s.source, s.file);
                if (!s.uids.insert(e.source_id).second)
                    throw Error("ofac_xml_duplicate_uid",
                                fmt::format("{}: line {}: uid {} appears twice", s.file, done.line, e.source_id));
                s.entries.push_back(std::move(e));
            }
        }
        if (s.depth == 2) s.in_info = false;
        --s.depth;
    });
}

void XMLCALL on_text(void* data, const XML_Char* text, int length) {
    auto& s = *static_cast<State*>(data);
    guarded(s, [&] {
        if (!s.open.empty()) s.open.back().text.append(text, static_cast<std::size_t>(length));
        else if (s.in_info && s.depth == 3) s.info.children.back().text.append(text, static_cast<std::size_t>(length));
    });
}

}  // namespace

std::vector<Entry> parse_ofac_xml(std::string_view xml, std::string_view source, std::string_view file_name,
                                  std::string* publish_date) {
    const bool sdn = source == "ofac_sdn";
    if (!sdn && source != "ofac_cons")
        throw Error("ofac_bad_source", fmt::format("unknown OFAC source \"{}\" (ofac_sdn or ofac_cons)", source));
    State state;
    const auto parser = native_xml::make_parser(nullptr, &state, on_start, on_end, on_text);
    state.parser = parser.get();
    state.sdn = sdn;
    state.source = source;
    state.file = file_name;
    if (!native_xml::feed(parser.get(), xml)) {
        if (state.failure) std::rethrow_exception(state.failure);
        throw Error("ofac_xml_malformed", fmt::format("{}: {}", file_name, native_xml::expat_error(parser.get())));
    }

    if (state.root != kRoot)
        throw Error("ofac_xml_not_sdn_list",
                    fmt::format("{}: the root element is <{}>, not <{}> (OFAC's SDN.XML / CONSOLIDATED.XML)", file_name,
                                state.root, kRoot));
    // A file cut short at a record boundary still parses: the count OFAC states catches it.
    if (const auto count = text_of(state.info, "Record_Count"); !count.empty() && count != std::to_string(state.entries.size()))
        throw Error("ofac_xml_count_mismatch", fmt::format("{}: publshInformation/Record_Count says {} entries, the file has {}",
                                                           file_name, count, state.entries.size()));
    if (publish_date) *publish_date = us_date(text_of(state.info, "Publish_Date"));
    return std::move(state.entries);
}

}  // namespace exportcheck
