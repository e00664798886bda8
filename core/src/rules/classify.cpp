// Item classification against 3A090/4A090 (brief §1): recognise the chip and the system around it in the
// item's free text, count the chips, run the 3A090 tests on the catalogue's or the order's figures.
#include "compiled_words.hpp"
#include "evidence.hpp"
#include "numbers.hpp"

#include <exportcheck/concat.hpp>
#include <exportcheck/classify.hpp>
#include <exportcheck/message.hpp>


#include <algorithm>
#include <charconv>
#include <cmath>

namespace exportcheck {

using rules_detail::Folded;
using rules_detail::human;
using rules_detail::data_text;
using rules_detail::json_number;
using rules_detail::name_twin;
using rules_detail::twin;
using ojson = nlohmann::ordered_json;

namespace {

// A classification's basis: the message for reports in any language, and its English text.
template <class V>
void set_basis(V& v, std::string_view id, ojson params = ojson::object()) {
    v.basis_msg = msg(id, std::move(params));
    v.basis = render_value(v.basis_msg, Lang::en);
}
// Adds a clause after the basis ("...; the maker's ECCN 3A090.a is used").
template <class V>
void add_basis(V& v, std::string_view id, ojson params = ojson::object()) {
    set_basis(v, "basis.then", {{"a", v.basis_msg}, {"b", msg(id, std::move(params))}});
}
ojson num(double v) { return json_number(v, 2); }

}  // namespace

std::string_view to_string(ChipClass c) noexcept {
    switch (c) {
        case ChipClass::outside: return "outside";
        case ChipClass::a: return "a";
        case ChipClass::b: return "b";
        case ChipClass::consumer_a: return "consumer_a";
        case ChipClass::undetermined: return "undetermined";
    }
    return "outside";
}

namespace {

// An item class as a message: "3A090.a (not for datacenters)" / "3A090.a (pas pour les centres de données)".
ojson class_msg(ItemClass c) {
    const char* code = "unclassified";
    switch (c) {
        case ItemClass::a: code = "a"; break;
        case ItemClass::b: code = "b"; break;
        case ItemClass::consumer_a: code = "consumer_a"; break;
        case ItemClass::letter: code = "letter"; break;
        case ItemClass::outside: code = "outside"; break;
        case ItemClass::generic: code = "generic"; break;
        case ItemClass::undetermined: code = "undetermined"; break;
        case ItemClass::unclassified: break;
    }
    return msg("class.name", {{"c", code}});
}

}  // namespace

std::string_view to_string(ItemClass c) noexcept {
    switch (c) {
        case ItemClass::a: return "3A090.a";
        case ItemClass::b: return "3A090.b";
        case ItemClass::consumer_a: return "3A090.a (not for datacenters)";
        case ItemClass::letter: return "H20/MI308 letter";
        case ItemClass::outside: return "outside 3A090";
        case ItemClass::generic: return "ordinary product";
        case ItemClass::undetermined: return "undetermined";
        case ItemClass::unclassified: return "unclassified";
    }
    return "unclassified";
}

bool ItemClassification::advanced() const noexcept {
    return cls == ItemClass::a || cls == ItemClass::b || cls == ItemClass::consumer_a || cls == ItemClass::letter ||
           cls == ItemClass::undetermined || (cls == ItemClass::unclassified && looks_datacenter);
}

bool ItemClassification::controlled() const noexcept {
    return cls == ItemClass::a || cls == ItemClass::b || cls == ItemClass::consumer_a;
}

Verdict3A090 test_3a090(double tpp, std::optional<double> pd, std::optional<bool> datacenter, const Thresholds3A090& t) {
    Verdict3A090 v;
    const auto T = num(tpp);
    const auto P = pd ? num(*pd) : ojson("");
    const bool consumer = datacenter.has_value() && !*datacenter;
    const bool a_by_tpp = tpp >= t.a_tpp;
    const bool a_by_pd = pd && tpp >= t.a_tpp_with_pd && *pd >= t.a_pd;
    if (a_by_tpp || a_by_pd) {
        const auto why = a_by_tpp ? msg("basis.tpp_at_least", {{"t", T}, {"min", num(t.a_tpp)}})
                                  : msg("basis.tpp_pd_at_least", {{"t", T}, {"min", num(t.a_tpp_with_pd)}, {"pd", P}, {"pdmin", num(t.a_pd)}});
        if (consumer && tpp < t.non_datacenter_tpp) {
            v.cls = ChipClass::outside;
            set_basis(v, "basis.consumer_outside", {{"why", why}, {"para", "3A090.a"}, {"t", T}, {"max", num(t.non_datacenter_tpp)}});
            return v;
        }
        v.cls = consumer ? ChipClass::consumer_a : ChipClass::a;
        v.paragraph = "3A090.a";
        if (consumer) set_basis(v, "basis.consumer_a", {{"why", why}});
        else set_basis(v, "basis.is", {{"why", why}, {"para", "3A090.a"}});
        return v;
    }
    if (tpp < t.b2_tpp && tpp < t.b_tpp_low && tpp < t.a_tpp_with_pd) {
        v.cls = ChipClass::outside;
        set_basis(v, "basis.below", {{"t", T}, {"max", num(std::min(t.b2_tpp, t.a_tpp_with_pd))}});
        return v;
    }
    if (!pd) {
        if (consumer) {  // below 4800 and not for datacenters: the Note settles it whatever the PD
            v.cls = ChipClass::outside;
            set_basis(v, "basis.below_consumer", {{"t", T}, {"max", num(t.non_datacenter_tpp)}});
            return v;
        }
        v.cls = ChipClass::undetermined;
        set_basis(v, "basis.needs_pd", {{"t", T}, {"low", num(t.a_tpp_with_pd)}, {"high", num(t.a_tpp)}});
        return v;
    }
    const bool b1 = tpp >= t.b_tpp_low && tpp < t.a_tpp && *pd >= t.b_pd_low && *pd < t.a_pd;
    const bool b2 = tpp >= t.b2_tpp && *pd >= t.b2_pd_low && *pd < t.a_pd;
    if (b1 || b2) {
        const auto why = b1 ? msg("basis.b1", {{"low", num(t.b_tpp_low)}, {"t", T}, {"high", num(t.a_tpp)},
                                               {"pdlow", num(t.b_pd_low)}, {"pd", P}, {"pdhigh", num(t.a_pd)}})
                            : msg("basis.b2", {{"t", T}, {"min", num(t.b2_tpp)}, {"pdlow", num(t.b2_pd_low)}, {"pd", P},
                                               {"pdhigh", num(t.a_pd)}});
        if (consumer) {
            v.cls = ChipClass::outside;
            set_basis(v, "basis.consumer_outside", {{"why", why}, {"para", "3A090.b"}, {"t", T}, {"max", num(t.non_datacenter_tpp)}});
            return v;
        }
        v.cls = ChipClass::b;
        v.paragraph = "3A090.b";
        set_basis(v, "basis.is", {{"why", why}, {"para", "3A090.b"}});
        return v;
    }
    v.cls = ChipClass::outside;
    set_basis(v, "basis.neither", {{"t", T}, {"pd", P}});
    return v;
}

namespace {

// A description cut into words, with "8xA100" split into "8x" and "a100".
std::vector<std::string> item_words(const Item& item) {
    const auto folded = rules_detail::fold(item.description + " " + item.model);
    std::vector<std::string> out;
    for (const auto& w : folded.words) {
        std::size_t d = 0;
        while (d < w.size() && d < 5 && std::isdigit(static_cast<unsigned char>(w[d]))) ++d;
        if (d > 0 && d < 5 && d + 1 < w.size() && w[d] == 'x' && std::isalpha(static_cast<unsigned char>(w[d + 1]))) {
            out.push_back(w.substr(0, d + 1));
            out.push_back(w.substr(d + 1));
        } else {
            out.push_back(w);
        }
    }
    return out;
}

struct Span {
    std::size_t begin = 0, end = 0;  // word indices [begin, end)
    std::size_t length = 0;          // characters of the alias
};

// The longest alias found, as a run of whole words whose concatenation is the alias (its key).
std::optional<Span> find_alias(const std::vector<std::string>& words, const std::vector<std::string>& alias_keys) {
    std::optional<Span> best;
    for (const auto& target : alias_keys) {
        if (target.empty()) continue;
        for (std::size_t i = 0; i < words.size(); ++i) {
            std::string acc;
            for (std::size_t j = i; j < words.size(); ++j) {
                acc += words[j];
                if (acc.size() > target.size() || target.compare(0, acc.size(), acc) != 0) break;
                if (acc.size() == target.size()) {
                    if (!best || target.size() > best->length) best = Span{i, j + 1, target.size()};
                    break;
                }
            }
        }
    }
    return best;
}

bool any_word(const Folded& text, const std::vector<std::string>& words, const CompiledWords& cw) {
    for (const auto& w : words) {
        if (w.starts_with("@")) {
            const auto it = cw.contexts.find(w.substr(1));
            if (it != cw.contexts.end() && it->second.find(text)) return true;
        } else if (rules_detail::WordList({w}).find(text)) {
            return true;
        }
    }
    return false;
}

std::optional<double> as_count(const std::string& w) {
    std::string digits = w;
    if (!digits.empty() && digits.back() == 'x') digits.pop_back();
    if (digits.empty() || digits.size() > 4) return std::nullopt;
    unsigned n = 0;  // from_chars: std::stod throws, and the browser build has no exceptions
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return n >= 1 && n <= 4096 ? std::optional<double>(n) : std::nullopt;
}

// "8x H100", "8 NVIDIA H100", "H100 x 8", "8-GPU ... H100".
std::optional<double> count_near(const std::vector<std::string>& words, const Span& s, const CompiledWords& cw) {
    std::size_t skipped = 0;
    for (std::size_t i = s.begin; i-- > 0 && skipped <= 3;) {
        if (auto n = as_count(words[i])) return n;
        if (!cw.count_skip_words.whole(rules_detail::fold(words[i]))) break;
        ++skipped;
    }
    if (s.end < words.size()) {
        const auto& w = words[s.end];
        if (w.size() > 1 && w[0] == 'x')
            if (auto n = as_count(w.substr(1))) return n;
        if (w == "x" && s.end + 1 < words.size())
            if (auto n = as_count(words[s.end + 1])) return n;
    }
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const auto& next = words[i + 1];
        if (next == "gpu" || next == "gpus" || next == "way" || next == "card" || next == "cards")
            if (auto n = as_count(words[i])) return n;
    }
    for (const auto& w : words) {  // "8gpu"
        std::size_t d = 0;
        while (d < w.size() && std::isdigit(static_cast<unsigned char>(w[d]))) ++d;
        if (d > 0 && (w.substr(d) == "gpu" || w.substr(d) == "gpus")) return as_count(w.substr(0, d));
    }
    return std::nullopt;
}

struct ChipHit {
    const Chip* chip = nullptr;
    Span span;
    int score = 0;
};

// Every chip named in the text; overlapping names resolved in favour of the more specific one.
std::vector<ChipHit> find_chips(const std::vector<std::string>& words, const Folded& folded, const Catalogue& cat,
                                const CompiledWords& cw) {
    std::vector<ChipHit> cands;
    for (const auto& chip : cat.chips) {
        const auto span = find_alias(words, chip.alias_keys);
        if (!span) continue;
        int score = static_cast<int>(span->length);
        if (!chip.requires_any.empty()) {
            if (!any_word(folded, chip.requires_any, cw)) continue;
            score += 100;  // a variant word ("sxm", "pcie", "laptop") makes it more specific than the plain name
        }
        cands.push_back({&chip, *span, score});
    }
    std::stable_sort(cands.begin(), cands.end(), [](const ChipHit& a, const ChipHit& b) { return a.score > b.score; });
    std::vector<ChipHit> kept;
    for (const auto& c : cands) {
        const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const ChipHit& k) {
            return c.span.begin < k.span.end && k.span.begin < c.span.end;
        });
        if (!overlaps) kept.push_back(c);
    }
    std::sort(kept.begin(), kept.end(), [](const ChipHit& a, const ChipHit& b) { return a.span.begin < b.span.begin; });
    return kept;
}

// The maker's ECCN as a class: "3A090.a" -> a, "5A992.z.2" -> b, "EAR99" -> outside.
struct MakerClass {
    ItemClass cls = ItemClass::unclassified;
    std::string base;  // "5A992"
};
MakerClass maker_class(std::string_view eccn) {
    std::string e;
    for (char c : eccn)
        if (c != ' ') e += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    MakerClass m;
    if (e.empty()) return m;
    m.base = e.substr(0, std::min<std::size_t>(5, e.size()));
    const bool ai = m.base == "3A090" || m.base == "4A090";
    const auto z = e.find(".Z");
    if (ai) {  // 3A090.a, 4A090.b, 3A090 (no paragraph: the stricter reading)
        m.cls = e.substr(5).starts_with(".B") ? ItemClass::b : ItemClass::a;
        return m;
    }
    if (z != std::string::npos) {  // ".z" paragraphs: z.n.a tracks .a, z.n.b tracks .b; 5A992.z.2 tracks .b
        const auto rest = e.substr(z + 2);
        m.cls = rest.ends_with(".B") || (m.base == "5A992" && rest == ".2") ? ItemClass::b : ItemClass::a;
        return m;
    }
    m.cls = ItemClass::outside;
    return m;
}

int strictness(ItemClass c) {
    switch (c) {
        case ItemClass::a: return 7;
        case ItemClass::consumer_a: return 6;
        case ItemClass::b: return 5;
        case ItemClass::letter: return 4;
        case ItemClass::undetermined: return 3;
        case ItemClass::unclassified: return 2;
        case ItemClass::outside: return 1;
        case ItemClass::generic: return 0;
    }
    return 0;
}

struct ChipVerdict {
    ItemClass cls = ItemClass::unclassified;
    std::string basis;
    ojson basis_msg;
    std::optional<double> tpp, die, pd, bandwidth;
    std::optional<bool> datacenter;
    std::string figures_from;
};

ChipVerdict judge_chip(const Chip* chip, const Item& item, const RulesData& rules) {
    ChipVerdict v;
    const auto& t = rules.license.eccn_3a090;
    const bool own = item.tpp || item.die_area_mm2 || item.datacenter || item.memory_bandwidth_gbs;
    v.tpp = item.tpp ? item.tpp : chip ? chip->tpp : std::nullopt;
    v.die = item.die_area_mm2 ? item.die_area_mm2 : chip ? chip->die_area_mm2 : std::nullopt;
    v.datacenter = item.datacenter ? item.datacenter : chip ? chip->datacenter : std::nullopt;
    v.bandwidth = item.memory_bandwidth_gbs ? item.memory_bandwidth_gbs : chip ? chip->memory_bandwidth_gbs : std::nullopt;
    v.figures_from = !chip ? "order" : own ? "catalogue and order" : "catalogue";
    if (v.tpp && v.die && *v.die > 0) v.pd = *v.tpp / *v.die;
    if (v.tpp) {
        const auto verdict = test_3a090(*v.tpp, v.pd, v.datacenter, t);
        v.basis = verdict.basis;
        v.basis_msg = verdict.basis_msg;
        switch (verdict.cls) {
            case ChipClass::a: v.cls = ItemClass::a; break;
            case ChipClass::consumer_a: v.cls = ItemClass::consumer_a; break;
            case ChipClass::b: v.cls = ItemClass::b; break;
            case ChipClass::undetermined: v.cls = ItemClass::undetermined; break;
            case ChipClass::outside: v.cls = ItemClass::outside; break;
        }
        if (!v.datacenter && verdict.cls != ChipClass::outside)
            add_basis(v, "basis.datacenter_unknown");
    } else if (chip && chip->tpp_below && v.datacenter == false && *chip->tpp_below <= t.non_datacenter_tpp) {
        v.cls = ItemClass::outside;
        set_basis(v, "basis.below_unpublished", {{"max", num(*chip->tpp_below)}});
    } else if (chip && !chip->likely_eccn.empty()) {
        const auto& l = chip->likely_eccn;
        if (l.starts_with("3A090.a")) v.cls = v.datacenter == false ? ItemClass::consumer_a : ItemClass::a;
        else if (l.starts_with("3A090.b")) v.cls = ItemClass::b;
        else if (l.starts_with("outside")) v.cls = ItemClass::outside;
        else v.cls = ItemClass::undetermined;
        set_basis(v, "basis.likely", {{"status", l}, {"conf", chip->pedigree.confidence}});
    } else {
        v.cls = ItemClass::undetermined;
        set_basis(v, "basis.no_tpp");
    }
    // The April 2025 letters: H20 and MI308, and any chip reaching the H20's memory bandwidth.
    if (v.cls == ItemClass::outside && chip && !chip->letter.empty()) {
        v.cls = ItemClass::letter;
        add_basis(v, "basis.letter", {{"chip", chip->letter}});
    } else if (v.cls == ItemClass::outside && v.datacenter != false && v.bandwidth) {
        const auto& letter = rules.license.rule("LIC-H20-LETTER");
        const double limit = letter.value("memory_bandwidth_gbs", 4000.0);
        if (*v.bandwidth >= limit) {
            v.cls = ItemClass::letter;
            add_basis(v, "basis.letter_bandwidth", {{"bw", num(*v.bandwidth)}, {"limit", num(limit)}});
        }
    }
    return v;
}

// C-01: a known accelerator below 3A090 (or one whose own TPP shows at least 8 TOPS) is 3A991.p, a system
// holding it 4A994.l: anti-terrorism controls only, but never EAR99.
void fallback_at(ItemClassification& r, const RulesData& rules) {
    if (r.cls != ItemClass::outside && r.cls != ItemClass::letter) return;
    const auto& fb = rules.license.fallback_at;
    const bool known = !r.catalogue_id.empty() && r.catalogue_id.rfind("generic", 0) != 0;
    if (!known && !(r.tpp && *r.tpp >= fb.value("tpp_min", 512.0))) return;
    r.fallback_eccn = fb.value(r.system ? "system_eccn" : "chip_eccn", "");
    r.notes.push_back(msg("class.fallback", {{"tops", json_number(fb.value("tops_min", 8.0))}, {"eccn", r.fallback_eccn},
                                             {"citation", data_text(fb, "citation")}, {"effect", data_text(fb, "effect")}}));
}

// The item's text as words ("8xA100" split) and as the folded text the word lists search.
struct ItemText {
    std::vector<std::string> words;
    Folded folded;
};
ItemText item_text(const Item& item) {
    ItemText t;
    t.words = item_words(item);
    t.folded.words = t.words;
    for (const auto& w : t.words) t.folded.text += (t.folded.text.empty() ? "" : " ") + w;
    return t;
}

// A chip the item holds, how many of it per unit, and the 3A090 verdict on its figures.
struct ChipPart {
    const Chip* chip;
    double count;
    ChipVerdict verdict;
};

struct SystemHit {
    const SystemModel* model = nullptr;
    Span span;
};

// The known system (DGX, HGX, NVL72) whose name is the longest found in the text.
SystemHit find_system(const std::vector<std::string>& words, const Catalogue& cat) {
    SystemHit hit;
    for (const auto& s : cat.systems) {
        const auto span = find_alias(words, s.alias_keys);
        if (span && (!hit.model || span->length > hit.span.length)) {
            hit.model = &s;
            hit.span = *span;
        }
    }
    return hit;
}

// The chips the item holds: the system's own first, then chips named elsewhere in the text. A chip named
// inside the system's name ("DGX H100") is the system's chip, not a second part.
std::vector<ChipPart> chip_parts(const ItemText& text, const SystemHit& sys, const Item& item, const RulesData& rules) {
    const auto& cat = rules.catalogue;
    const auto& cw = *rules.words;
    auto chips = find_chips(text.words, text.folded, cat, cw);
    if (sys.model)
        chips.erase(std::remove_if(chips.begin(), chips.end(), [&](const ChipHit& c) {
                        return c.span.begin < sys.span.end && sys.span.begin < c.span.end;
                    }), chips.end());
    std::vector<ChipPart> parts;
    if (sys.model) {
        double count = sys.model->count;  // a 4-GPU HGX board says so in words ("4 gpu")
        for (const auto& [w, n] : sys.model->count_if_any)
            if (rules_detail::WordList({w}).find(text.folded)) count = n;
        const auto* chip = cat.chip(sys.model->contains);
        parts.push_back({chip, count, judge_chip(chip, item, rules)});
    }
    for (const auto& c : chips)
        parts.push_back({c.chip, count_near(text.words, c.span, cw).value_or(1), judge_chip(c.chip, item, rules)});
    return parts;
}

const NamedProduct* first_gpu_server(const std::vector<std::string>& words, const Catalogue& cat) {
    for (const auto& s : cat.gpu_servers)
        if (find_alias(words, s.alias_keys)) return &s;
    return nullptr;
}

// An item that holds chips but is no known system may still be one: a GPU server model or a system word.
// Systems are 4A090, not 3A090.
void mark_unnamed_system(ItemClassification& r, const ItemText& text, const RulesData& rules) {
    if (const auto* server = first_gpu_server(text.words, rules.catalogue)) {
        r.system = true;
        r.system_id = server->id;
        r.system_name = server->name;
        r.system_name_fr = server->name_fr;
    }
    if (rules.words->system_words.find(text.folded)) r.system = true;
}

void copy_figures(ItemClassification& r, const ChipVerdict& v) {
    r.tpp = v.tpp;
    r.die_area_mm2 = v.die;
    r.pd = v.pd;
    r.memory_bandwidth_gbs = v.bandwidth;
    r.datacenter = v.datacenter;
}

// The strictest chip decides: a system holding one controlled chip is controlled.
std::size_t strictest_part(const std::vector<ChipPart>& parts) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < parts.size(); ++i)
        if (strictness(parts[i].verdict.cls) > strictness(parts[best].verdict.cls)) best = i;
    return best;
}

// The deciding chip's class, figures and pedigree become the item's.
void take_part(ItemClassification& r, const ChipPart& p) {
    const auto& v = p.verdict;
    r.cls = v.cls;
    r.catalogue_id = p.chip ? p.chip->id : "";
    r.catalogue_name = p.chip ? p.chip->vendor + " " + p.chip->name : "";
    r.catalogue_name_fr = p.chip && !p.chip->name_fr.empty() ? p.chip->vendor + " " + p.chip->name_fr : "";
    if (p.chip) {
        r.confidence = p.chip->pedigree.confidence;
        r.sources = p.chip->pedigree.sources;
        r.letter = p.chip->letter;
        r.prc_made = p.chip->prc_made;
        if (!p.chip->notes.empty()) r.notes.push_back(twin(p.chip->notes, p.chip->notes_fr));
    }
    copy_figures(r, v);
    r.figures_from = v.figures_from;
    r.chips_per_unit = p.count;
}

// The chips that did not decide are still named, so a reader sees the whole item; any PRC-made one counts.
void note_other_parts(ItemClassification& r, const std::vector<ChipPart>& parts, std::size_t best) {
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i == best) continue;
        r.notes.push_back(msg("class.also_names", {{"n", json_number(parts[i].count)},
                                                   {"chip", parts[i].chip ? ojson(parts[i].chip->name) : msg("class.also_names_chip")},
                                                   {"class", class_msg(parts[i].verdict.cls)}}));
        if (parts[i].chip && parts[i].chip->prc_made) r.prc_made = true;
    }
}

void classify_by_chips(ItemClassification& r, const std::vector<ChipPart>& parts, const SystemModel* sys) {
    const auto best = strictest_part(parts);
    const auto& p = parts[best];
    take_part(r, p);
    note_other_parts(r, parts, best);
    const auto name = p.chip ? name_twin(r.catalogue_name, r.catalogue_name_fr) : ojson("the chip");
    if (r.system) {
        const auto& en = sys ? sys->name : r.system_name;
        const auto what = name_twin(en, sys ? sys->name_fr : r.system_name_fr);  // "" renders as "a system"
        set_basis(r, "basis.system", {{"what", what}, {"n", num(p.count)}, {"name", name}, {"basis", p.verdict.basis_msg}});
    } else {
        set_basis(r, "basis.chip", {{"name", name}, {"per", p.count > 1 ? num(p.count) : ojson("")}, {"basis", p.verdict.basis_msg}});
    }
}

// No chip named, but the order gives the TPP: the 3A090 tests run on the order's own figures.
void classify_by_own_figures(ItemClassification& r, const Item& item, const RulesData& rules, const ItemText& text) {
    const auto v = judge_chip(nullptr, item, rules);
    r.cls = v.cls;
    copy_figures(r, v);
    r.figures_from = "order";
    r.chips_per_unit = 1;
    set_basis(r, "basis.own_figures", {{"basis", v.basis_msg}});
    r.system = static_cast<bool>(rules.words->system_words.find(text.folded));
}

// The ordinary product (cable, switch, laptop...) whose name is the longest found in the text.
const NamedProduct* longest_generic(const std::vector<std::string>& words, const Catalogue& cat) {
    const NamedProduct* generic = nullptr;
    std::size_t generic_len = 0;
    for (const auto& g : cat.generic)
        if (const auto span = find_alias(words, g.alias_keys); span && span->length > generic_len) {
            generic = &g;
            generic_len = span->length;
        }
    return generic;
}

// Not a known chip and no figures: a GPU server model or a datacenter word marks the item as possibly
// advanced, an ordinary product is outside 3A090/4A090, anything else stays unclassified.
void classify_without_chip(ItemClassification& r, const ItemText& text, const RulesData& rules) {
    const auto& cw = *rules.words;
    const auto* server = first_gpu_server(text.words, rules.catalogue);
    const auto* generic = longest_generic(text.words, rules.catalogue);
    const auto dc_word = cw.datacenter_words.find(text.folded);
    const auto gpu_word = cw.gpu_words.find(text.folded);
    if (server) {
        r.cls = ItemClass::unclassified;
        r.looks_datacenter = true;
        r.system = true;
        r.system_id = server->id;
        r.system_name = server->name;
        r.system_name_fr = server->name_fr;
        set_basis(r, "basis.server", {{"name", name_twin(server->name, server->name_fr)}});
    } else if (dc_word) {
        r.cls = ItemClass::unclassified;
        r.looks_datacenter = true;
        set_basis(r, "basis.datacenter_word", {{"word", *dc_word}});
    } else if (generic) {
        r.cls = ItemClass::generic;
        r.catalogue_id = generic->id;
        r.catalogue_name = generic->name;
        r.catalogue_name_fr = generic->name_fr;
        r.confidence = generic->pedigree.confidence.empty() ? "L" : generic->pedigree.confidence;
        set_basis(r, "basis.generic", {{"name", name_twin(generic->name, generic->name_fr)}, {"eccn", generic->likely_eccn}, {"conf", r.confidence}});
        if (!generic->notes.empty()) r.notes.push_back(twin(generic->notes, generic->notes_fr));
        if (gpu_word) r.notes.push_back(msg("class.gpu_no_model", {{"word", *gpu_word}}));
    } else {
        r.cls = ItemClass::unclassified;
        if (gpu_word) set_basis(r, "basis.gpu_unknown", {{"word", *gpu_word}});
        else set_basis(r, "basis.unknown");
        r.names_gpu = gpu_word.has_value();
    }
}

bool is_maker_z_base(const Catalogue& cat, const std::string& base) {
    return std::find(cat.maker_z_bases.begin(), cat.maker_z_bases.end(), base) != cat.maker_z_bases.end();
}

// The maker's ECCN beside the tool's: it fills a gap the tool left, wins when stricter, and is noted when it
// differs, so the stricter reading always shows.
void weigh_maker_eccn(ItemClassification& r, const Item& item, const MakerClass& maker, const Catalogue& cat) {
    if (maker.cls == ItemClass::unclassified) return;
    if (r.cls == ItemClass::unclassified || r.cls == ItemClass::generic || r.cls == ItemClass::undetermined) {
        if (r.cls == ItemClass::undetermined && strictness(maker.cls) < strictness(ItemClass::undetermined))
            r.notes.push_back(msg("class.maker_outside", {{"eccn", item.eccn}}));
        r.cls = maker.cls;
        r.figures_from = r.figures_from.empty() ? "maker's ECCN" : r.figures_from;
        add_basis(r, "basis.maker", {{"eccn", item.eccn}});
    } else if (strictness(maker.cls) > strictness(r.cls) && maker.cls != ItemClass::outside) {
        r.notes.push_back(msg("class.maker_stricter", {{"eccn", item.eccn}}));
        r.cls = maker.cls;
    } else if (maker.cls == ItemClass::outside && r.controlled() && r.system && is_maker_z_base(cat, maker.base)) {
        r.notes.push_back(msg("class.maker_z", {{"eccn", item.eccn}, {"base", maker.base}}));
    } else if (maker.cls != r.cls && !(maker.cls == ItemClass::a && r.cls == ItemClass::consumer_a)) {
        r.notes.push_back(msg("class.maker_differs", {{"eccn", item.eccn}, {"class", class_msg(r.cls)}}));
    }
}

// The tool's ECCN for the final class: 3A090 for a chip, 4A090 for a system, or, for a system the maker files
// under a ".z" base, that ".z" paragraph tracking 4A090.
std::string tool_eccn(const ItemClassification& r, const MakerClass& maker, const Catalogue& cat) {
    switch (r.cls) {
        case ItemClass::a:
        case ItemClass::consumer_a:
        case ItemClass::b: {
            const char* para = r.cls == ItemClass::b ? "b" : "a";
            if (r.system && is_maker_z_base(cat, maker.base)) return concat(maker.base, ".z (tracks 4A090.", para, ")");
            return concat(r.system ? "4A090" : "3A090", ".", para);
        }
        case ItemClass::letter: return r.system ? "outside 4A090 (H20/MI308 letter applies)" : "outside 3A090 (H20/MI308 letter applies)";
        case ItemClass::outside: return r.system ? "outside 4A090" : "outside 3A090";
        case ItemClass::generic: return "outside 3A090/4A090 (ordinary product)";
        case ItemClass::undetermined: return "undetermined";
        case ItemClass::unclassified: return "unclassified";
    }
    return "unclassified";
}

}  // namespace

ItemClassification classify_item(const Item& item, const RulesData& rules) {
    ItemClassification r;
    const auto text = item_text(item);
    const auto maker = maker_class(item.eccn);
    r.maker_eccn = item.eccn;

    // A known system (DGX, HGX, NVL72), then chips named anywhere else in the text.
    const auto sys = find_system(text.words, rules.catalogue);
    const auto parts = chip_parts(text, sys, item, rules);
    if (sys.model) {
        r.system = true;
        r.system_id = sys.model->id;
        r.system_name = sys.model->name;
        r.system_name_fr = sys.model->name_fr;
        r.confidence = sys.model->pedigree.confidence;
    } else if (!parts.empty()) {
        mark_unnamed_system(r, text, rules);
    }

    if (!parts.empty()) classify_by_chips(r, parts, sys.model);
    else if (item.tpp) classify_by_own_figures(r, item, rules, text);
    else classify_without_chip(r, text, rules);
    r.chips_total = r.chips_per_unit * item.quantity;

    weigh_maker_eccn(r, item, maker, rules.catalogue);
    r.eccn = tool_eccn(r, maker, rules.catalogue);
    if (r.cls == ItemClass::consumer_a) r.notes.push_back(msg("class.consumer"));
    fallback_at(r, rules);
    return r;
}

nlohmann::ordered_json product_list(const RulesData& rules) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& c : rules.catalogue.chips) {
        std::string eccn = c.likely_eccn;
        if (c.tpp) {
            std::optional<double> pd;
            if (c.die_area_mm2 && *c.die_area_mm2 > 0) pd = *c.tpp / *c.die_area_mm2;
            const auto v = test_3a090(*c.tpp, pd, c.datacenter, rules.license.eccn_3a090);
            eccn = !v.paragraph.empty() ? v.paragraph : v.cls == ChipClass::undetermined ? "undetermined" : "outside 3A090";
        }
        if (!c.letter.empty() && eccn.starts_with("outside")) eccn = "outside 3A090 (" + c.letter + " letter)";
        nlohmann::ordered_json j = {{"id", c.id}, {"kind", "chip"}, {"vendor", c.vendor}, {"name", c.name}, {"likely_eccn", eccn},
                            {"confidence", c.pedigree.confidence}};
        j["tpp"] = c.tpp ? nlohmann::ordered_json(*c.tpp) : nlohmann::ordered_json(nullptr);
        j["datacenter"] = c.datacenter ? nlohmann::ordered_json(*c.datacenter) : nlohmann::ordered_json(nullptr);
        out.push_back(std::move(j));
    }
    for (const auto& s : rules.catalogue.systems) {
        const auto* chip = rules.catalogue.chip(s.contains);
        out.push_back({{"id", s.id}, {"kind", "system"}, {"vendor", chip ? chip->vendor : ""}, {"name", s.name},
                       {"likely_eccn", "4A090 (holds " + human(s.count) + " x " + (chip ? chip->name : s.contains) + ")"},
                       {"confidence", s.pedigree.confidence}});
    }
    return out;
}

}  // namespace exportcheck
