// UN Security Council consolidated list XML (https://scsanctions.un.org/resources/xml/en/consolidated.xml)
// -> entries. expat reads the file as a stream; each INDIVIDUAL / ENTITY record is gathered into a small
// element tree and converted once it closes, so only one record is held at a time.
#include "../list_text.hpp"
#include "expat_run.hpp"

#include <exportcheck/countries.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/list_names.hpp>
#include <exportcheck/lists.hpp>
#include <exportcheck/un_xml.hpp>

#include <expat.h>

#include <algorithm>
#include <exception>
#include <initializer_list>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace exportcheck {
namespace {

constexpr std::string_view kRoot = "CONSOLIDATED_LIST";
constexpr std::string_view kUnUrl = "https://scsanctions.un.org/resources/xml/en/consolidated.xml";
constexpr std::string_view kUnInformationUrl = "https://www.un.org/securitycouncil/content/un-sc-consolidated-list";

// One element of a record. The list is element-only (no mixed content), so text plus children suffice.
struct Node {
    std::string name;
    std::string text;
    std::vector<Node> children;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The file wraps long values over several lines and pads some names ("HAMDAN ").
std::string clean(std::string_view s) { return lists::collapse_spaces(s); }

const Node* child(const Node& n, std::string_view name) {
    for (const Node& c : n.children)
        if (c.name == name) return &c;
    return nullptr;
}

std::string text_of(const Node& n, std::string_view name) {
    const Node* c = child(n, name);
    return c ? clean(c->text) : std::string();
}

// The non-empty VALUE texts of every `name` child: <TITLE><VALUE>..</VALUE><VALUE>..</VALUE></TITLE>.
std::vector<std::string> values_of(const Node& n, std::string_view name) {
    std::vector<std::string> out;
    for (const Node& c : n.children) {
        if (c.name != name) continue;
        for (const Node& v : c.children)
            if (v.name == "VALUE")
                if (std::string t = clean(v.text); !t.empty()) out.push_back(std::move(t));
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const std::string& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

std::string join(std::initializer_list<std::string> parts, std::string_view sep) {
    return join(std::vector<std::string>(parts), sep);
}

void push_unique(std::vector<std::string>& v, std::string s) {
    if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// LISTED_ON is an xs:date and a few carry a zone ("2015-04-07-04:00"); keep the calendar date.
std::string date_part(std::string s) {
    auto digits = [&](std::size_t from, std::size_t n) {
        return std::all_of(s.begin() + from, s.begin() + from + n, [](char c) { return c >= '0' && c <= '9'; });
    };
    if (s.size() > 10 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2)) s.resize(10);
    return s;
}

void add_alias(Entry& e, std::string name, std::string type) {
    if (name.empty()) return;
    Alias a{std::move(name), std::move(type)};
    if (std::find(e.aliases.begin(), e.aliases.end(), a) == e.aliases.end()) e.aliases.push_back(std::move(a));
}

void add_addresses(Entry& e, const Node& rec, std::string_view tag) {
    for (const Node& n : rec.children) {
        if (n.name != tag) continue;
        Address a;
        a.street = text_of(n, "STREET");
        a.city = text_of(n, "CITY");
        a.state = text_of(n, "STATE_PROVINCE");
        a.postal_code = text_of(n, "ZIP_CODE");
        a.country_name = text_of(n, "COUNTRY");
        // An address that is only a NOTE ("as of early 2016") or empty carries nothing to match on.
        if (a.street.empty() && a.city.empty() && a.state.empty() && a.postal_code.empty() && a.country_name.empty())
            continue;
        a.country = country_code(a.country_name);
        if (std::find(e.addresses.begin(), e.addresses.end(), a) == e.addresses.end()) e.addresses.push_back(std::move(a));
    }
}

// DATE, else YEAR, else FROM_YEAR-TO_YEAR. A date given only as a NOTE ("Nov. 1973", a Hijri date) is
// not a comparable date: it goes to `notes` for the remarks.
void add_dates_of_birth(Entry& e, const Node& rec, std::vector<std::string>& notes) {
    for (const Node& n : rec.children) {
        if (n.name != "INDIVIDUAL_DATE_OF_BIRTH") continue;
        std::string date = date_part(text_of(n, "DATE"));
        if (date.empty()) date = text_of(n, "YEAR");
        if (date.empty()) date = join({text_of(n, "FROM_YEAR"), text_of(n, "TO_YEAR")}, "-");
        if (!date.empty())
            push_unique(e.dates_of_birth, std::move(date));
        else if (std::string note = text_of(n, "NOTE"); !note.empty())
            notes.push_back("date of birth: " + note);
    }
}

// "CITY, STATE, COUNTRY", led by STREET when the UN gives a village or district there; a part equal to
// the one before it is dropped (some records repeat the town as STREET and CITY).
void add_places_of_birth(Entry& e, const Node& rec) {
    for (const Node& n : rec.children) {
        if (n.name != "INDIVIDUAL_PLACE_OF_BIRTH") continue;
        std::vector<std::string> parts;
        for (const char* field : {"STREET", "CITY", "STATE_PROVINCE", "COUNTRY"}) {
            std::string part = text_of(n, field);
            if (!part.empty() && (parts.empty() || parts.back() != part)) parts.push_back(std::move(part));
        }
        std::string place = parts.empty() ? text_of(n, "NOTE") : join(parts, ", ");
        push_unique(e.places_of_birth, std::move(place));
    }
}

// "TYPE_OF_DOCUMENT: NUMBER (ISSUING_COUNTRY)". Some documents carry no NUMBER and state it in
// TYPE_OF_DOCUMENT2 or NOTE instead ("SSN 156-92-9858 (United States of America)"): that text stands in.
std::string document_text(const Node& d) {
    std::string type = text_of(d, "TYPE_OF_DOCUMENT");
    std::string number = text_of(d, "NUMBER");
    if (number.empty()) {
        std::string type2 = text_of(d, "TYPE_OF_DOCUMENT2");
        number = join({type2 != type ? type2 : std::string(), text_of(d, "NOTE")}, ", ");
    }
    if (number.empty()) return {};
    std::string country = text_of(d, "ISSUING_COUNTRY");
    if (country.empty()) country = text_of(d, "COUNTRY_OF_ISSUE");
    std::string out = type.empty() ? number : type + ": " + number;
    if (!country.empty()) out += " (" + country + ")";
    return out;
}

Entry to_entry(const Node& rec) {
    const bool person = rec.name == "INDIVIDUAL";
    const std::string tag = person ? "INDIVIDUAL" : "ENTITY";
    Entry e;
    e.list = "UN";
    e.list_name = std::string(official_list_name(e.list));
    e.source = "un";
    e.source_id = text_of(rec, "REFERENCE_NUMBER");
    e.type = person ? EntityType::person : EntityType::organization;
    e.name = join({text_of(rec, "FIRST_NAME"), text_of(rec, "SECOND_NAME"), text_of(rec, "THIRD_NAME"),
                   text_of(rec, "FOURTH_NAME")},
                  " ");

    add_alias(e, text_of(rec, "NAME_ORIGINAL_SCRIPT"), "original script");
    for (const Node& n : rec.children)
        if (n.name == tag + "_ALIAS") add_alias(e, text_of(n, "ALIAS_NAME"), text_of(n, "QUALITY"));

    if (std::string program = text_of(rec, "UN_LIST_TYPE"); !program.empty()) e.programs.push_back(std::move(program));
    e.title = join(values_of(rec, "TITLE"), "; ");
    e.start_date = date_part(text_of(rec, "LISTED_ON"));

    add_addresses(e, rec, tag + "_ADDRESS");
    std::vector<std::string> dob_notes;
    add_dates_of_birth(e, rec, dob_notes);
    add_places_of_birth(e, rec);
    for (const std::string& nationality : values_of(rec, "NATIONALITY"))
        push_unique(e.nationalities, country_code(nationality));  // unmapped ("former Soviet Union") stays out
    for (const Node& n : rec.children)
        if (n.name == "INDIVIDUAL_DOCUMENT") push_unique(e.ids, document_text(n));

    std::vector<std::string> remarks;
    if (auto designations = values_of(rec, "DESIGNATION"); !designations.empty())
        remarks.push_back("designation: " + join(designations, "; "));
    remarks.push_back(text_of(rec, "COMMENTS1"));
    remarks.insert(remarks.end(), dob_notes.begin(), dob_notes.end());
    e.remarks = join(remarks, " | ");

    e.source_url = kUnUrl;
    e.source_information_url = kUnInformationUrl;
    return e;
}

// SAX state. Callbacks must not throw through expat's C frames: a failure is stored and the parse stopped.
struct State {
    XML_Parser parser = nullptr;
    int depth = 0;
    std::string root;
    std::string section;      // INDIVIDUALS or ENTITIES while inside one
    std::vector<Node> open;   // open elements of the record being read; empty outside records
    std::vector<Entry> entries;
    std::exception_ptr failure;
};

bool starts_record(const State& s, std::string_view name) {
    return s.depth == 3 && s.root == kRoot &&
           ((s.section == "INDIVIDUALS" && name == "INDIVIDUAL") || (s.section == "ENTITIES" && name == "ENTITY"));
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** /*attributes*/) {
    auto& s = *static_cast<State*>(data);
    try {
        ++s.depth;
        if (s.depth == 1) s.root = name;
        if (s.depth == 2) s.section = name;
        if (!s.open.empty() || starts_record(s, name)) s.open.push_back(Node{name, {}, {}});
    } catch (...) {
        s.failure = std::current_exception();
        XML_StopParser(s.parser, XML_FALSE);
    }
}

void XMLCALL on_end(void* data, const XML_Char* /*name*/) {
    auto& s = *static_cast<State*>(data);
    try {
        if (!s.open.empty()) {
            Node done = std::move(s.open.back());
            s.open.pop_back();
            if (s.open.empty())
                s.entries.push_back(to_entry(done));
            else
                s.open.back().children.push_back(std::move(done));
        }
        if (s.depth == 2) s.section.clear();
        --s.depth;
    } catch (...) {
        s.failure = std::current_exception();
        XML_StopParser(s.parser, XML_FALSE);
    }
}

void XMLCALL on_text(void* data, const XML_Char* text, int length) {
    auto& s = *static_cast<State*>(data);
    try {
        if (!s.open.empty()) s.open.back().text.append(text, static_cast<std::size_t>(length));
    } catch (...) {
        s.failure = std::current_exception();
        XML_StopParser(s.parser, XML_FALSE);
    }
}

}  // namespace

std::vector<Entry> parse_un_xml(std::string_view xml, std::string_view file_name) {
    State state;
    const auto parser = native_xml::make_parser(nullptr, &state, on_start, on_end, on_text);
    state.parser = parser.get();
    if (!native_xml::feed(parser.get(), xml)) {
        if (state.failure) std::rethrow_exception(state.failure);
        throw Error("un_xml_malformed", std::string(file_name) + ": " + native_xml::expat_error(parser.get()));
    }

    if (state.root != kRoot)
        throw Error("un_xml_not_consolidated_list", std::string(file_name) + ": the root element is <" + state.root +
                                                        ">, not <" + std::string(kRoot) + ">");
    return std::move(state.entries);
}

std::string un_xml_date_generated(std::string_view xml) {
    const std::string open = "<" + std::string(kRoot);
    std::size_t at = xml.find(open);
    while (at != std::string_view::npos) {
        const std::size_t after = at + open.size();
        if (after < xml.size() && (is_space(xml[after]) || xml[after] == '>' || xml[after] == '/')) break;
        at = xml.find(open, after);  // a longer name such as <CONSOLIDATED_LISTS>
    }
    if (at == std::string_view::npos) return {};
    const std::string_view tag = xml.substr(at, xml.find('>', at) - at);
    constexpr std::string_view kAttribute = "dateGenerated";
    for (std::size_t a = tag.find(kAttribute); a != std::string_view::npos; a = tag.find(kAttribute, a + 1)) {
        if (!is_space(tag[a - 1])) continue;  // part of a longer attribute name
        std::size_t i = a + kAttribute.size();
        while (i < tag.size() && is_space(tag[i])) ++i;
        if (i >= tag.size() || tag[i] != '=') continue;
        ++i;
        while (i < tag.size() && is_space(tag[i])) ++i;
        if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) continue;
        const std::size_t end = tag.find(tag[i], i + 1);
        if (end == std::string_view::npos) return {};
        return std::string(tag.substr(i + 1, end - i - 1));
    }
    return {};
}

}  // namespace exportcheck
