// Evaluation of name matching: prints precision, recall and false-positive rates on every test set, with
// the threshold used. Usage:
//   eval_names [--bundle BUNDLE.ecb.gz] [--shared DIR] [--threshold T] [--recall N] [--only SECTIONS]
//              [--verbose] [--emit-common-words FILE]
// BUNDLE defaults to public/bundle/default.ecb.gz and DIR to ../shared/data (both from the repo root).
// SECTIONS is a comma list of: bench, ofac, script, putin, negatives, recall, own-negatives, tricks, index.
// Every generated set is seeded and deterministic: the same build prints the same numbers.
#include "eval_names_data.hpp"
#include "files.hpp"
#include "name_sets.hpp"
#include "trick_sets.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/countries.hpp>
#include <exportcheck/csv.hpp>
#include <exportcheck/match.hpp>
#include <exportcheck/message.hpp>
#include <exportcheck/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace exportcheck;
using namespace name_sets;

namespace {

struct Options {
    std::string bundle = std::string(EXPORTCHECK_REPO_ROOT) + "/public/bundle/default.ecb.gz";
    std::string shared = EXPORTCHECK_SHARED_DATA;
    double threshold = kReportThreshold;
    std::size_t recall_size = 4000;
    std::set<std::string> only;
    bool verbose = false;
    std::string emit_common_words;

    bool run(const std::string& section) const { return only.empty() || only.count(section); }
};


struct Confusion {
    int tp = 0, fp = 0, fn = 0, tn = 0;
    void add(bool truth, bool predicted) {
        if (truth && predicted) ++tp;
        else if (!truth && predicted) ++fp;
        else if (truth) ++fn;
        else ++tn;
    }
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
    std::string line() const {
        return fmt::format("P {:.3f}  R {:.3f}  F1 {:.3f}   (TP {} FP {} FN {} TN {})", precision(), recall(), f1(),
                           tp, fp, fn, tn);
    }
};

EntityType schema_type(const std::string& schema) {
    if (schema == "Person") return EntityType::person;
    if (schema == "Vessel") return EntityType::vessel;
    if (schema == "Company" || schema == "Organization" || schema == "LegalEntity") return EntityType::organization;
    return EntityType::unknown;
}

// ---- 1. nomenklatura name_bench ------------------------------------------------------------------------

struct Summary {
    std::vector<std::string> lines;
    void add(std::string s) { lines.push_back(std::move(s)); }
};

void name_bench(const Options& o, const Matcher& matcher, Summary& summary) {
    fmt::print("\n== name_bench: pairs/nomenklatura_name_bench_cases.csv (compare_names, threshold {:.2f})\n",
               o.threshold);
    const auto text = cli::read_file(o.shared + "/pairs/nomenklatura_name_bench_cases.csv");
    CsvReader reader(text, "nomenklatura_name_bench_cases.csv");
    CsvRow row;
    next_or_throw(reader, row);  // header
    struct Case {
        std::string group, schema, a, b, quality, category;
        bool truth;
        double score, bundle_score;
    };
    std::vector<Case> cases;
    while (next_or_throw(reader, row)) {
        if (row.fields.size() < 6) continue;
        Case c{row.fields[0], row.fields[1], row.fields[2], row.fields[3], row.fields[5],
               row.fields.size() > 6 ? row.fields[6] : "", row.fields[4] == "true", 0, 0};
        const auto type = schema_type(c.schema);
        c.score = round_score(compare_names(c.a, c.b, type).score);
        c.bundle_score = round_score(matcher.compare(c.a, c.b, type).score);
        cases.push_back(std::move(c));
    }
    Confusion all, all_bundle;
    std::map<std::string, Confusion> by_schema, by_group, by_quality;
    for (const auto& c : cases) {
        const bool p = c.score >= o.threshold;
        all.add(c.truth, p);
        all_bundle.add(c.truth, c.bundle_score >= o.threshold);
        by_schema[c.schema].add(c.truth, p);
        by_group[c.group].add(c.truth, p);
        by_quality[c.quality].add(c.truth, p);
    }
    fmt::print("overall ({} pairs):  {}\n", cases.size(), all.line());
    fmt::print("  with word rarity from the bundle (Matcher::compare):  {}\n", all_bundle.line());
    for (const auto& [k, c] : by_schema) fmt::print("  schema {:<13} {}\n", k, c.line());
    for (const auto& [k, c] : by_group) fmt::print("  group  {:<13} {}\n", k, c.line());
    for (const auto& [k, c] : by_quality) fmt::print("  label  {:<13} {}\n", k, c.line());
    fmt::print("threshold sweep (F1):");
    for (double t = 0.70; t <= 0.951; t += 0.025) {
        Confusion c;
        for (const auto& k : cases) c.add(k.truth, k.score >= t);
        fmt::print("  {:.3f}:{:.3f}", t, c.f1());
    }
    fmt::print("\n");
    if (o.verbose)
        for (const auto& c : cases)
            if ((c.score >= o.threshold) != c.truth)
                fmt::print("  {} {:.4f} [{}] {} | {}  ({})\n", c.truth ? "FN" : "FP", c.score, c.schema, c.a, c.b,
                           c.category);
    summary.add(fmt::format("name_bench F1 {:.3f} (P {:.3f}, R {:.3f}) at {:.2f}; logic-v2 0.790 at 0.7", all.f1(),
                            all.precision(), all.recall(), o.threshold));
}

// ---- 2. agreement with OFAC's Sanctions List Search ----------------------------------------------------

void ofac_agreement(const Options& o, Summary& summary) {
    fmt::print("\n== OFAC Sanctions List Search scores: pairs/nomenklatura_ofac_slst_scores.csv\n");
    const auto text = cli::read_file(o.shared + "/pairs/nomenklatura_ofac_slst_scores.csv");
    CsvReader reader(text, "nomenklatura_ofac_slst_scores.csv");
    CsvRow row;
    next_or_throw(reader, row);
    std::vector<std::pair<double, double>> scored;  // (ofac 0..1 or -1, ours)
    while (next_or_throw(reader, row)) {
        if (row.fields.size() < 3) continue;
        const double ofac = std::stod(row.fields[2]);
        const double ours = round_score(compare_names(row.fields[0], row.fields[1]).score);
        scored.emplace_back(ofac < 0 ? -1 : ofac / 100.0, ours);
        if (o.verbose) fmt::print("  ofac {:>4} ours {:.3f}  {} | {}\n", row.fields[2], ours, row.fields[0], row.fields[1]);
    }
    // Pearson correlation over the pairs OFAC scored.
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    int n = 0;
    for (const auto& [x, y] : scored) {
        if (x < 0) continue;
        sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y, ++n;
    }
    const double r = (n * sxy - sx * sy) / std::sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    fmt::print("{} pairs, {} scored by OFAC; Pearson r (OFAC score, ours) = {:.3f}\n", scored.size(), n, r);
    double agree_95 = 0;
    for (const int cut : {90, 95, 100}) {
        int agree = 0, both = 0, only_ofac = 0, only_ours = 0;
        for (const auto& [x, y] : scored) {
            const bool a = x >= cut / 100.0, b = y >= o.threshold;
            agree += a == b;
            both += a && b;
            only_ofac += a && !b;
            only_ours += !a && b;
        }
        const double rate = double(agree) / scored.size();
        if (cut == 95) agree_95 = rate;
        fmt::print("  OFAC >= {:>3} vs ours >= {:.2f}: agreement {:.3f} (both {}, OFAC only {}, ours only {})\n", cut,
                   o.threshold, rate, both, only_ofac, only_ours);
    }
    summary.add(fmt::format("OFAC SLS agreement {:.3f} (OFAC >= 95 vs ours >= {:.2f}), Pearson r {:.3f}", agree_95,
                            o.threshold, r));
}

// ---- 3. cross-script pairs -----------------------------------------------------------------------------

void cross_script(const Options& o, Summary& summary) {
    fmt::print("\n== cross-script pairs: pairs/watchman_cross_script_pairs.csv (compare_names)\n");
    std::istringstream in(cli::read_file(o.shared + "/pairs/watchman_cross_script_pairs.csv"));
    std::string line;
    int total = 0, found = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto f = split(line, ',');
        if (f.size() < 3) continue;
        const double s = round_score(compare_names(f[0], f[1]).score);
        ++total;
        found += s >= o.threshold;
        fmt::print("  {} {:.3f}  {} | {}\n", s >= o.threshold ? "hit " : "miss", s, f[0], f[1]);
    }
    fmt::print("recall {}/{} = {:.3f}\n", found, total, double(found) / total);
    summary.add(fmt::format("cross-script recall {:.3f} ({}/{}; Japanese names in Chinese characters and Thai "
                            "are not read)", double(found) / total, found, total));
}

// ---- 4. Putin in many languages ------------------------------------------------------------------------

void putin_names(const Options& o, const Matcher& matcher, Summary& summary) {
    fmt::print("\n== pairs/nomenklatura_putin_names.txt against the bundle (Matcher::match, person)\n");
    std::set<std::size_t> putin;
    for (std::size_t i = 0; i < matcher.entries().size(); ++i)
        if (lower_ascii(matcher.entries()[i].name).rfind("putin, vladimir", 0) == 0) putin.insert(i);
    std::istringstream in(cli::read_file(o.shared + "/pairs/nomenklatura_putin_names.txt"));
    std::string line;
    int total = 0, found = 0;
    std::vector<std::string> missed;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        ++total;
        const auto hits = matcher.match({line, EntityType::person, "", ""}, 10, o.threshold);
        const bool ok = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return putin.count(h.entry); });
        found += ok;
        if (!ok) missed.push_back(line);
    }
    fmt::print("recall {}/{} = {:.3f}; missed:", found, total, double(found) / total);
    for (const auto& m : missed) fmt::print(" [{}]", m);
    fmt::print("\n");
    summary.add(fmt::format("Putin names recall {:.3f} ({}/{})", double(found) / total, found, total));
}

// ---- 5. yente synthetic negatives ----------------------------------------------------------------------

// Thresholds of the calibration sweeps.
constexpr double kSweep[] = {0.75, 0.80, 0.85, 0.90, 0.95};

double false_positive_rate(const Matcher& matcher, const std::vector<MatchQuery>& queries, double threshold,
                           std::map<std::string, int>* top_hits, std::vector<std::string>* examples,
                           double* micros = nullptr) {
    int with_hits = 0, exact = 0, high = 0;
    int at[std::size(kSweep)] = {};
    const auto start = std::chrono::steady_clock::now();
    for (const auto& q : queries) {
        const auto all = matcher.match(q, 3, std::min(threshold, kSweep[0]));
        for (std::size_t k = 0; k < std::size(kSweep); ++k) at[k] += !all.empty() && all[0].score >= kSweep[k];
        std::vector<Hit> hits;
        for (const auto& h : all)
            if (h.score >= threshold) hits.push_back(h);
        if (hits.empty()) continue;
        ++with_hits;
        exact += hits[0].score >= 0.99;
        high += hits[0].score >= 0.9 && hits[0].score < 0.99;
        if (top_hits) ++(*top_hits)[matcher.entries()[hits[0].entry].name];
        if (examples) {  // every false hit, with its list, type and the reasons, so they can be grouped by cause
            const auto& e = matcher.entries()[hits[0].entry];
            std::string why;
            for (const auto& p : hits[0].explanation.pairs) why += fmt::format(" [{}={} {}]", p.query, p.listed, reason_text(p.why, Lang::en));
            for (const auto& n : hits[0].explanation.notes) why += " {" + reason_text(n, Lang::en) + "}";
            for (const auto& u : hits[0].explanation.unmatched_query) why += " -q:" + u;
            for (const auto& u : hits[0].explanation.unmatched_listed) why += " -n:" + u;
            examples->push_back(fmt::format("{} -> {} ({:.3f}, {} {}){}", q.name, hits[0].matched_name, hits[0].score,
                                            e.list, to_string(e.type), why));
        }
    }
    if (examples) {
        fmt::print("  best hit score >= 0.99: {}, 0.90-0.99: {}, below 0.90: {}\n", exact, high, with_hits - exact - high);
        fmt::print("  sweep (share of queries with a hit):");
        for (std::size_t k = 0; k < std::size(kSweep); ++k)
            fmt::print("  {:.2f}:{:.4f}", kSweep[k], double(at[k]) / std::max<std::size_t>(1, queries.size()));
        fmt::print("\n");
    }
    if (micros)
        *micros = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() /
                  std::max<std::size_t>(1, queries.size());
    return double(with_hits) / std::max<std::size_t>(1, queries.size());
}

void print_offenders(const std::map<std::string, int>& top_hits) {
    std::vector<std::pair<int, std::string>> v;
    for (const auto& [k, n] : top_hits) v.emplace_back(n, k);
    std::sort(v.rbegin(), v.rend());
    fmt::print("  most frequent first hits:");
    for (std::size_t i = 0; i < v.size() && i < 12; ++i) fmt::print(" [{} x{}]", v[i].second, v[i].first);
    fmt::print("\n");
}

void yente_negatives(const Options& o, const Matcher& matcher, Summary& summary) {
    fmt::print("\n== 100,000 synthetic people (peer-bench/yente_negatives_*.csv) against the whole bundle\n");
    std::vector<NegativeRow> rows = read_negatives(o.shared + "/peer-bench/yente_negatives_global.csv");
    const auto us = read_negatives(o.shared + "/peer-bench/yente_negatives_us.csv");
    rows.insert(rows.end(), us.begin(), us.end());
    std::vector<MatchQuery> name_only, typed, corroborated;
    for (const auto& r : rows) {
        name_only.push_back({r.name, EntityType::unknown, "", ""});
        typed.push_back({r.name, EntityType::person, "", ""});
        corroborated.push_back({r.name, EntityType::person, country_code(r.nationality), r.dob});
    }
    std::map<std::string, int> top_hits;
    std::vector<std::string> examples;
    double us_per_query = 0;
    const double fp_name = false_positive_rate(matcher, name_only, o.threshold, &top_hits, &examples, &us_per_query);
    const double fp_typed = false_positive_rate(matcher, typed, o.threshold, nullptr, nullptr);
    const double fp_corr = false_positive_rate(matcher, corroborated, o.threshold, nullptr, nullptr);
    fmt::print("queries with a hit at >= {:.2f}: name only {:.4f} ({:.2f}%); with type person {:.4f}; with type, "
               "nationality and date of birth {:.4f}\n", o.threshold, fp_name, 100 * fp_name, fp_typed, fp_corr);
    fmt::print("  ({:.1f} us per query over {} queries)\n", us_per_query, rows.size());
    print_offenders(top_hits);
    // By the script the name is written in: each script's share of its own queries with a hit.
    std::map<std::string, std::pair<int, int>> by_script;
    static const char* kScriptNames[] = {"Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Armenian", "Georgian",
                                         "Hangul", "Han", "Kana", "other (Thai, Indic, ...)"};
    for (const auto& q : name_only) {
        const auto words = text::split_words(std::string_view(q.name));
        const std::string script = words.empty() ? "none" : kScriptNames[static_cast<int>(words[0].script)];
        auto& [n, hit] = by_script[script];
        ++n;
        hit += !matcher.match(q, 1, o.threshold).empty();
    }
    fmt::print("  by script:");
    for (const auto& [script, v] : by_script)
        fmt::print(" [{} {}/{} = {:.2f}%]", script, v.second, v.first, 100.0 * v.second / v.first);
    fmt::print("\n");
    if (o.verbose)
        for (const auto& e : examples) fmt::print("  FP {}\n", e);
    summary.add(fmt::format("yente 100k negatives FP rate {:.2f}% name only, {:.2f}% typed person, {:.2f}% with "
                            "nationality and DOB", 100 * fp_name, 100 * fp_typed, 100 * fp_corr));
}

// ---- 6. own recall set: listed names with realistic spelling changes -----------------------------------

bool found_entry(const Matcher& m, const std::vector<Hit>& hits, const RecallCase& c) {
    const auto original = lower_ascii(c.original);
    for (const auto& h : hits) {
        if (h.entry == c.entry) return true;
        // The same name listed again (another list, another entry) is the same listed party for a screener.
        const Entry& e = m.entries()[h.entry];
        if (lower_ascii(e.name) == original) return true;
        for (const auto& a : e.aliases)
            if (lower_ascii(a.name) == original) return true;
    }
    return false;
}

void own_recall(const Options& o, const Matcher& matcher, Summary& summary) {
    fmt::print("\n== own recall set: {} listed names (SDN, EL, DPL, UN, MEU, UVL, ISN, DTC) with 1-2 spelling changes\n",
               o.recall_size);
    const auto cases = build_recall_set(matcher.entries(), o.recall_size, 20261128);
    std::map<std::string, std::pair<int, int>> by_change;  // single changes only
    int found = 0, found_typed = 0, single = 0, single_found = 0;
    int at[std::size(kSweep)] = {};
    std::vector<std::string> missed;
    for (const auto& c : cases) {
        const auto all = matcher.match({c.query, EntityType::unknown, "", ""}, kDefaultTop, std::min(o.threshold, kSweep[0]));
        for (std::size_t k = 0; k < std::size(kSweep); ++k) {
            std::vector<Hit> above;
            for (const auto& h : all)
                if (h.score >= kSweep[k]) above.push_back(h);
            at[k] += found_entry(matcher, above, c);
        }
        std::vector<Hit> hits;
        for (const auto& h : all)
            if (h.score >= o.threshold) hits.push_back(h);
        const bool ok = found_entry(matcher, hits, c);
        const auto& e = matcher.entries()[c.entry];
        const auto typed_hits = matcher.match({c.query, e.type, "", ""}, kDefaultTop, o.threshold);
        found_typed += found_entry(matcher, typed_hits, c);
        found += ok;
        if (c.change.find(" + ") == std::string::npos) {
            auto& [n, f] = by_change[c.change];
            ++n;
            f += ok;
            ++single;
            single_found += ok;
        }
        if (!ok && missed.size() < 60)
            missed.push_back(fmt::format("[{}] {} <- {} ({})", c.change, c.query, c.original, e.list));
    }
    const double recall = double(found) / cases.size();
    fmt::print("recall (found among the top {} at >= {:.2f}): {}/{} = {:.4f}; with the entry's type given: {:.4f}\n",
               kDefaultTop, o.threshold, found, cases.size(), recall, double(found_typed) / cases.size());
    fmt::print("  one change: {:.4f} ({}/{}); two changes: {:.4f} ({}/{})\n", double(single_found) / single,
               single_found, single, double(found - single_found) / (cases.size() - single), found - single_found,
               cases.size() - single);
    for (const auto& [k, v] : by_change)
        fmt::print("  {:<18} {:.3f} ({}/{})\n", k, double(v.second) / v.first, v.second, v.first);
    fmt::print("  sweep (recall):");
    for (std::size_t k = 0; k < std::size(kSweep); ++k)
        fmt::print("  {:.2f}:{:.4f}", kSweep[k], double(at[k]) / cases.size());
    fmt::print("\n");
    if (o.verbose)
        for (const auto& m : missed) fmt::print("  miss {}\n", m);
    summary.add(fmt::format("own recall set recall {:.4f} ({}/{}, untyped queries; {:.4f} typed)", recall, found,
                            cases.size(), double(found_typed) / cases.size()));
}

// Ordinary company names of no listed party: common words, a line of business, mostly a legal form.
std::vector<std::string> ordinary_companies(Rng& r, int count) {
    const auto words = split(eval_data::kCompanyWords, ' ');
    const auto business = split(eval_data::kCompanyBusiness, ' ');
    const auto forms = split(eval_data::kCompanyForms, '|');
    std::vector<std::string> out;
    for (int k = 0; k < count; ++k) {
        std::string name = r.pick(words);
        if (r.chance(0.5)) name += " " + r.pick(words);
        name += " " + r.pick(business);
        if (r.chance(0.8)) name += " " + r.pick(forms);
        out.push_back(std::move(name));
    }
    return out;
}

// ---- 7. own realistic non-listed names -----------------------------------------------------------------

void own_negatives(const Options& o, const Matcher& matcher, Summary& summary) {
    fmt::print("\n== own non-listed names: common names of {} languages/scripts, and ordinary company names\n",
               std::size(eval_data::kNamePools));
    Rng r{424242};
    std::vector<MatchQuery> people, companies;
    for (const auto& pool : eval_data::kNamePools) {
        const auto given = split(pool.given, ' ');
        const auto family = split(pool.surnames, ' ');
        for (int k = 0; k < 400; ++k) {
            std::string name = r.pick(given);
            if (r.chance(0.3)) name += " " + r.pick(given);
            name += " " + r.pick(family);
            std::replace(name.begin(), name.end(), '_', ' ');
            people.push_back({name, EntityType::unknown, "", ""});
        }
    }
    for (auto& name : ordinary_companies(r, 4000)) companies.push_back({name, EntityType::unknown, "", ""});
    std::map<std::string, int> top_people, top_companies;
    std::vector<std::string> ex_people, ex_companies;
    const double fp_people = false_positive_rate(matcher, people, o.threshold, &top_people, &ex_people);
    const double fp_companies = false_positive_rate(matcher, companies, o.threshold, &top_companies, &ex_companies);
    fmt::print("people:    {} names, with a hit {:.4f} ({:.2f}%)\n", people.size(), fp_people, 100 * fp_people);
    print_offenders(top_people);
    fmt::print("companies: {} names, with a hit {:.4f} ({:.2f}%)\n", companies.size(), fp_companies,
               100 * fp_companies);
    print_offenders(top_companies);
    if (o.verbose) {
        for (const auto& e : ex_people) fmt::print("  FP {}\n", e);
        for (const auto& e : ex_companies) fmt::print("  FP {}\n", e);
    }
    summary.add(fmt::format("own non-listed names FP rate: people {:.2f}% ({}), companies {:.2f}% ({})",
                            100 * fp_people, people.size(), 100 * fp_companies, companies.size()));
}

#include "eval_tricks.inc"

// ---- 8. candidate generation against a full scan -------------------------------------------------------

void index_recall(const Options& o, const Matcher& matcher, Summary& summary) {
    fmt::print("\n== candidate generation: index hits against a full scan of every name (400 queries)\n");
    const auto cases = build_recall_set(matcher.entries(), 400, 7);
    int full = 0, both = 0;
    for (const auto& c : cases) {
        const MatchQuery q{c.query, EntityType::unknown, "", ""};
        const auto a = matcher.match(q, 1000, o.threshold);
        const auto b = matcher.match_exhaustive(q, 1000, o.threshold);
        std::set<std::size_t> indexed;
        for (const auto& h : a) indexed.insert(h.entry);
        for (const auto& h : b) {
            ++full;
            both += indexed.count(h.entry);
            if (!indexed.count(h.entry) && o.verbose)
                fmt::print("  index missed {} -> {} ({:.3f})\n", c.query, h.matched_name, h.score);
        }
    }
    fmt::print("hits of the full scan also found through the index: {}/{} = {:.4f}\n", both, full,
               full ? double(both) / full : 1.0);
    summary.add(fmt::format("candidate generation recall vs full scan {:.4f} ({}/{})", full ? double(both) / full : 1.0,
                            both, full));
}

void emit_common_words(const Matcher& matcher, const std::string& path) {
    // Words used by at least 10 names: below that a word counts as rare (the table's unknown rarity).
    std::ofstream out(path);
    out << "// Common words of listed names and their rarity (idf = ln((names + 1) / (df + 1)) + 1), from the default\n"
           "// bundle: compare_names() weighs words with it when no bundle is loaded. Generated by\n"
           "// `bench/eval_names --emit-common-words`; words used by fewer than 10 names are not listed.\n";
    for (const auto& [w, idf] : matcher.common_words(10))
        out << fmt::format("{{\"{}\", {:.4f}f}},\n", w, idf);
    fmt::print("wrote {}\n", path);
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--bundle") o.bundle = value();
        else if (a == "--shared") o.shared = value();
        else if (a == "--threshold") o.threshold = std::stod(value());
        else if (a == "--recall") o.recall_size = std::stoul(value());
        else if (a == "--only") for (auto& s : split(value(), ',')) o.only.insert(s);
        else if (a == "--verbose") o.verbose = true;
        else if (a == "--emit-common-words") o.emit_common_words = value();
        else {
            fmt::print(stderr, "usage: {} [--bundle B] [--shared DIR] [--threshold T] [--recall N] [--only S,...] "
                               "[--verbose] [--emit-common-words FILE]\n", argv[0]);
            return 2;
        }
    }
    const auto t0 = std::chrono::steady_clock::now();
    const auto bundle = read_bundle(cli::read_bundle_bytes(o.bundle)).value();
    const Matcher matcher(bundle.entries);
    const double build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    fmt::print("bundle {} ({} entries, {} names and aliases, {} distinct tokens); loaded and indexed in {:.0f} ms\n",
               bundle.meta.id, bundle.entries.size(), matcher.name_count(), matcher.vocabulary_size(), build_ms);
    fmt::print("reporting threshold {:.2f}; review band [{:.2f}, {:.2f}); strong match >= {:.2f}\n", o.threshold,
               kReportThreshold, kStrongMatch, kStrongMatch);
    if (!o.emit_common_words.empty()) {
        emit_common_words(matcher, o.emit_common_words);
        return 0;
    }
    Summary summary;
    if (o.run("bench")) name_bench(o, matcher, summary);
    if (o.run("ofac")) ofac_agreement(o, summary);
    if (o.run("script")) cross_script(o, summary);
    if (o.run("putin")) putin_names(o, matcher, summary);
    if (o.run("recall")) own_recall(o, matcher, summary);
    if (o.run("negatives")) yente_negatives(o, matcher, summary);
    if (o.run("own-negatives")) own_negatives(o, matcher, summary);
    if (o.run("tricks")) tricks(o, matcher, bundle.entries, summary);
    if (o.run("index")) index_recall(o, matcher, summary);
    fmt::print("\n== summary (threshold {:.2f})\n", o.threshold);
    for (const auto& l : summary.lines) fmt::print("  {}\n", l);
    return 0;
}
