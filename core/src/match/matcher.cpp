// The Matcher: an index over every listed name, and the query path. Candidates come only from postings of
// the query's words and of their near spellings (deletion neighbours, sound forms, consonant skeletons,
// words written together), so a query touches a small part of the lists; then each candidate is scored.
#include "matcher_index.hpp"

#include <exportcheck/concat.hpp>
#include <exportcheck/countries.hpp>


#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace exportcheck {

using match::Prepared;
using match::Sim;
using match::Tok;
using text::TokenKind;

namespace {

constexpr double kTypePenalty = 0.15;       // person query against an organisation entry, and so on
constexpr double kCountryBonus = 0.02, kCountryPenalty = 0.04;
constexpr double kDobBonus = 0.02, kDobPenalty = 0.08;
constexpr float kShortUnknownWeight = 2.0f;

bool types_conflict(EntityType a, EntityType b) {
    return a != EntityType::unknown && b != EntityType::unknown && a != b;
}

std::vector<int> birth_years(const std::vector<std::string>& dates) {
    std::vector<int> years;
    for (const auto& d : dates) {
        // "1960", "1960-05-01", "01 May 1960", "circa 1960", "1960 to 1962": every 4-digit year counts.
        for (std::size_t i = 0; i + 4 <= d.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(d[i]))) continue;
            std::size_t j = i;
            while (j < d.size() && std::isdigit(static_cast<unsigned char>(d[j]))) ++j;
            if (j - i == 4) {
                const int y = std::stoi(d.substr(i, 4));
                if (y >= 1850 && y <= 2100) years.push_back(y);
            }
            i = j;
        }
    }
    return years;
}

// Corroboration from what the query says besides the name (cc: the query's country as a code, once per
// query: this runs for every candidate). Returns the adjustment; adds notes.
// `type`: the query's type, or the one its name shows (`inferred`).
double corroborate(const MatchQuery& q, EntityType type, bool inferred, const std::string& cc, const Entry& e,
                   std::vector<Reason>* notes) {
    double delta = 0;
    if (types_conflict(type, e.type)) {
        delta -= kTypePenalty;
        if (notes)
            notes->push_back(inferred ? Reason{ReasonCode::type_inferred, std::string(to_string(e.type))}
                                      : Reason{ReasonCode::type, std::string(to_string(type)), std::string(to_string(e.type))});
    }
    if (!cc.empty()) {
        bool any = false, agrees = false;
        for (const auto& a : e.addresses)
            if (!a.country.empty()) any = true, agrees = agrees || a.country == cc;
        for (const auto& c : e.nationalities) any = true, agrees = agrees || c == cc;
        for (const auto& c : e.citizenships) any = true, agrees = agrees || c == cc;
        if (any) {
            if (agrees) {
                delta += kCountryBonus;
                if (notes) notes->push_back({ReasonCode::country_agrees, cc});
            } else {
                delta -= kCountryPenalty;
                if (notes) notes->push_back({ReasonCode::country_differs, cc});
            }
        }
    }
    if (!q.date_of_birth.empty()) {
        const auto qy = birth_years({q.date_of_birth});
        const auto ey = birth_years(e.dates_of_birth);
        if (!qy.empty() && !ey.empty()) {
            const bool near = std::any_of(ey.begin(), ey.end(), [&](int y) { return std::abs(y - qy[0]) <= 1; });
            delta += near ? kDobBonus : -kDobPenalty;
            if (notes) notes->push_back({near ? ReasonCode::dob_agrees : ReasonCode::dob_differs});
        }
    }
    return delta;
}

// The type a query's name shows when the query gives none: a legal form ("Ltd", "GmbH", "OOO") or a company
// word ("Trading", "Logistics") makes it an organization's name, not a person's, a vessel's or an aircraft's.
EntityType shown_type(const Prepared& q) {
    return q.orgish ? EntityType::organization : EntityType::unknown;
}

}  // namespace

Matcher::Matcher(const std::vector<Entry>& entries) : entries_(entries), index_(std::make_unique<Index>(entries)) {}
Matcher::Matcher(const std::vector<Entry>& entries, const Matcher& base)
    : entries_(entries), index_(std::make_unique<Index>(entries, base.index_.get())) {}
Matcher::~Matcher() = default;

std::size_t Matcher::name_count() const noexcept { return index_->names.size(); }
std::size_t Matcher::vocabulary_size() const noexcept { return index_->vocab.size(); }

NameScore Matcher::compare(std::string_view a, std::string_view b, EntityType type) const {
    return match::compare_prepared(a, b, type, *index_);
}

std::vector<std::pair<std::string, double>> Matcher::common_words(std::size_t min_names) const {
    const Index& ix = *index_;
    std::vector<std::pair<std::string, std::uint32_t>> words;
    for (const auto& [text, head] : ix.first_of_text) words.emplace_back(text, ix.text_df[head]);
    std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    std::vector<std::pair<std::string, double>> out;
    for (const auto& [w, n] : words)
        if (n >= min_names) out.emplace_back(w, ix.idf(w));
    return out;
}

std::vector<Hit> Matcher::match(const MatchQuery& query, std::size_t top, double threshold) const {
    return run_readings(query, top, threshold, false);
}

std::vector<Hit> Matcher::match_exhaustive(const MatchQuery& query, std::size_t top, double threshold) const {
    return run_readings(query, top, threshold, true);
}

namespace {

// Adds the hits of another reading at `factor` of their score; each entry keeps its better reading.
void merge_reading(std::vector<Hit>& hits, std::vector<Hit>& found, const match::NameReading& reading,
                   double threshold) {
    for (auto& h : found) {
        h.score = round_score(h.score * reading.factor);
        if (h.score < threshold) continue;
        const auto same = std::find_if(hits.begin(), hits.end(), [&](const Hit& x) { return x.entry == h.entry; });
        if (same != hits.end() && same->score >= h.score) continue;
        h.explanation.notes.push_back(reading.note);
        if (same != hits.end()) *same = std::move(h);
        else hits.push_back(std::move(h));
    }
}

}  // namespace

// A name in Chinese characters is also matched in its other readings (match::other_readings: in Korean, for
// a Korean name or a North Korean company; with characters of two readings read otherwise; without the place
// a registered name starts with), each at its factor of the score; each entry keeps its better reading. (One call of run(), in a loop: two would each be
// inlined, which costs the wasm kilobytes.)
std::vector<Hit> Matcher::run_readings(const MatchQuery& query, std::size_t top, double threshold,
                                       bool exhaustive) const {
    const auto others = match::other_readings(query.name);
    std::vector<Hit> hits;
    MatchQuery other;  // filled only for a name with other readings
    if (!others.empty()) other = query;
    for (std::size_t pass = 0; pass <= others.size(); ++pass) {
        const auto* reading = pass == 0 ? nullptr : &others[pass - 1];
        if (reading) {
            other.name = reading->name;
            // A name read in Korean with no company word is a person's (korean_reading reads no other).
            const bool korean = reading->note.code == ReasonCode::korean_reading;
            other.type = korean && query.type == EntityType::unknown && other.name.find(' ') == std::string::npos
                             ? EntityType::person : query.type;
        }
        auto found = run(reading ? other : query, top, reading ? threshold / reading->factor : threshold, exhaustive);
        if (!reading) hits = std::move(found);
        else merge_reading(hits, found, *reading, threshold);
    }
    if (others.empty()) return hits;
    sort_hits(hits);
    if (hits.size() > top) hits.resize(top);
    return hits;
}

// Best first; ties by rounded score, then list, then source_id, so both builds order alike.
void Matcher::sort_hits(std::vector<Hit>& hits) const {
    std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
        if (a.score != b.score) return a.score > b.score;
        const auto &ea = entries_[a.entry], &eb = entries_[b.entry];
        if (ea.list != eb.list) return ea.list < eb.list;
        if (ea.source_id != eb.source_id) return ea.source_id < eb.source_id;
        return a.matched_name < b.matched_name;
    });
}

// Retrieves the candidates of a prepared query and scores each, keeping (name, score) at or above `floor`
// before corroboration. Adjusts the weights of query words the lists do not know.
void Matcher::score_candidates(Prepared& q, EntityType type, double floor, bool exhaustive,
                               std::vector<std::pair<std::uint32_t, double>>& out) const {
    Index& ix = *index_;
    ix.begin_query(q);
    ix.neighbours(q);
    // A query word the lists never use but that is one or two letters from a listed word ("Techologies",
    // "Phytum") weighs what that word weighs, not what an unknown (rare) word would.
    for (std::size_t i = 0; i < q.owned.size(); ++i) {
        const auto& h = ix.hits[i];
        if (h.known) continue;
        // A word of one or two letters that no listed name uses ("CI" for "Co", "OO" for "OOO") is more
        // likely a slip than a rare name: it weighs what a common word weighs.
        if (q.owned[i].text.size() <= 2 && q.owned[i].kind == TokenKind::word)
            q.owned[i].weight = std::min(q.owned[i].weight, kShortUnknownWeight);
        // ... and one that is two listed words written together weighs what those two weigh.
        if (h.split_weight > 0) q.owned[i].weight = std::min(q.owned[i].weight, h.split_weight);
        // (A nickname is another word, not a misspelling: "Allison" does not weigh what "Ali" weighs.)
        if (h.near.empty() || h.near.front().second.value < 0.8f || h.near.front().second.why == match::Why::nickname)
            continue;
        const match::Tok& listed = ix.vocab[h.near.front().first];
        q.owned[i].weight = std::min(q.owned[i].weight, listed.weight);
        if (listed.kind == TokenKind::generic) q.owned[i].kind = TokenKind::generic;
    }
    std::vector<std::uint32_t> candidates;
    if (exhaustive) {
        candidates.resize(ix.names.size());
        std::iota(candidates.begin(), candidates.end(), 0u);
    } else {
        candidates = ix.candidates(q);
    }
    std::vector<match::Sim> sims;
    Prepared n;  // reused for every candidate: no allocation per name
    for (const std::uint32_t name_id : candidates) {
        const auto& nm = ix.names[name_id];
        ix.prepare_name(name_id, n);
        const auto mode = match::mode_for(type != EntityType::unknown ? type : entries_[nm.entry].type, q, n);
        const std::size_t k = n.toks.size();
        sims.resize(q.toks.size() * k);
        for (std::size_t i = 0; i < q.toks.size(); ++i)
            for (std::size_t j = 0; j < k; ++j) sims[i * k + j] = ix.sim(q, i, n.toks[j]);
        const auto s = match::score_names(q, n, mode, sims.data(), false);
        if (s.score > 0 && s.score >= floor) out.emplace_back(name_id, s.score);
    }
}

std::vector<Hit> Matcher::run(const MatchQuery& query, std::size_t top, double threshold, bool exhaustive) const {
    Index& ix = *index_;
    const std::string cc = query.country.empty() ? std::string() : country_code(query.country);
    Prepared q = match::prepare(query.name, query.type, ix);
    if (q.toks.empty() || top == 0) return {};
    const bool inferred = query.type == EntityType::unknown && shown_type(q) != EntityType::unknown;
    const EntityType type = inferred ? shown_type(q) : query.type;
    // Names scoring below this cannot reach the threshold whatever the query's country and birth date add.
    const double floor = threshold - kCountryBonus - kDobBonus;

    std::string key;
    const Index::Recent* recent = nullptr;
    if (!exhaustive) {
        key = concat(static_cast<int>(query.type), "|", fixed(threshold, 6), "|", query.name);
        if (const auto it = ix.recent.find(key); it != ix.recent.end()) recent = &it->second;
    }
    std::vector<std::pair<std::uint32_t, double>> fresh;
    if (recent) {
        for (std::size_t i = 0; i < q.owned.size(); ++i)
            std::tie(q.owned[i].weight, q.owned[i].kind) = recent->adjusted[i];
    } else {
        score_candidates(q, type, floor, exhaustive, fresh);
        if (!exhaustive) {
            if (ix.recent.size() >= Index::kRecentMax) ix.recent.clear();
            Index::Recent r;
            for (const auto& t : q.owned) r.adjusted.emplace_back(t.weight, t.kind);
            r.scored = fresh;
            recent = &ix.recent.emplace(std::move(key), std::move(r)).first->second;
        }
    }
    const auto& scored = recent ? recent->scored : fresh;

    // Corroborate; keep the best name per entry.
    struct Best {
        std::uint32_t name;
        double score;
    };
    std::vector<Best> best;  // by entry, via ix.entry_slot
    for (const auto& [name_id, score] : scored) {
        const auto& nm = ix.names[name_id];
        const double adjusted = score + corroborate(query, type, inferred, cc, entries_[nm.entry], nullptr);
        if (adjusted < threshold) continue;
        auto& slot = ix.entry_slot(nm.entry);
        if (slot == Index::kNoSlot) {
            slot = static_cast<std::uint32_t>(best.size());
            best.push_back({name_id, adjusted});
        } else if (adjusted > best[slot].score ||
                   (adjusted == best[slot].score && name_id < best[slot].name)) {
            best[slot] = {name_id, adjusted};
        }
    }
    for (const auto& b : best) ix.entry_slot(ix.names[b.name].entry) = Index::kNoSlot;

    std::vector<Hit> hits;
    for (const auto& b : best) {
        Hit h;
        h.entry = ix.names[b.name].entry;
        h.score = std::min(1.0, round_score(b.score));
        h.matched_name = std::string(ix.names[b.name].text);
        hits.push_back(std::move(h));
    }
    sort_hits(hits);
    if (hits.size() > top) hits.resize(top);

    // Explain the hits that are returned (scored again with explanations, same numbers).
    for (auto& h : hits) {
        const Entry& e = entries_[h.entry];
        const auto n = match::prepare(h.matched_name, e.type, ix);
        const auto mode = match::mode_for(type != EntityType::unknown ? type : e.type, q, n);
        auto s = match::score_names(q, n, mode, true);
        std::vector<Reason> notes;
        corroborate(query, type, inferred, cc, e, &notes);
        h.explanation = std::move(s.explanation);
        for (auto& note : notes) h.explanation.notes.push_back(std::move(note));
    }
    return hits;
}

}  // namespace exportcheck
