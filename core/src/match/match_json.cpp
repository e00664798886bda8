// The JSON boundary of matching, shared by the CLI and the wasm bindings: query lines in, result lines out.
#include "scorer.hpp"

#include <exportcheck/concat.hpp>
#include <exportcheck/error.hpp>
#include <exportcheck/result.hpp>
#include <exportcheck/message.hpp>

#include <optional>

namespace exportcheck {

using json = nlohmann::ordered_json;

namespace {

// A field that may be left out; `problem` gets the first error (code `what`) and the value is then "".
std::string optional_string(const json& j, const char* field, const char* what, std::optional<Error>& problem) {
    const auto it = j.find(field);
    if (it == j.end() || it->is_null()) return "";
    if (!it->is_string()) {
        if (!problem) problem = Error(what, concat("\"", field, "\" must be a string"));
        return "";
    }
    return it->get<std::string>();
}

Result<EntityType> type_field(const json& j, const char* what) {
    std::optional<Error> problem;
    const auto t = optional_string(j, "type", what, problem);
    if (problem) return std::move(*problem);
    if (t.empty()) return EntityType::unknown;
    const auto type = entity_type_from(t);
    if (type == EntityType::unknown)
        return Error(what, concat("\"type\" must be person, organization, vessel or aircraft, not \"", t, "\""));
    return type;
}

std::string band(double score) { return score >= kStrongMatch ? "strong" : score >= kReportThreshold ? "review" : "none"; }

}  // namespace

json explanation_json(const Explanation& e) {
    json pairs = json::array();
    for (const auto& p : e.pairs)
        pairs.push_back({{"query", p.query}, {"listed", p.listed}, {"similarity", round_score(p.similarity)},
                         {"why", reason_text(p.why, Lang::en)}});
    json out = {{"pairs", std::move(pairs)}};
    if (!e.unmatched_query.empty()) out["unmatched_query"] = e.unmatched_query;
    if (!e.unmatched_listed.empty()) out["unmatched_listed"] = e.unmatched_listed;
    if (!e.notes.empty()) {
        json notes = json::array();
        for (const auto& n : e.notes) notes.push_back(reason_text(n, Lang::en));
        out["notes"] = std::move(notes);
    }
    return out;
}

Result<MatchQuery> match_query_from_json(const json& j) {
    if (!j.is_object()) return Error("bad_query", "a query must be a JSON object with a \"name\"");
    MatchQuery q;
    const auto name = j.find("name");
    if (name == j.end() || !name->is_string()) return Error("bad_query", "a query needs \"name\" as a string");
    q.name = name->get<std::string>();
    if (q.name.find_first_not_of(" \t\r\n") == std::string::npos) return Error("bad_query", "\"name\" is empty");
    EC_ASSIGN_OR_RETURN(q.type, type_field(j, "bad_query"));
    std::optional<Error> problem;
    q.country = optional_string(j, "country", "bad_query", problem);
    q.date_of_birth = optional_string(j, "dob", "bad_query", problem);
    if (q.date_of_birth.empty() && !problem) q.date_of_birth = optional_string(j, "date_of_birth", "bad_query", problem);
    if (problem) return std::move(*problem);
    return q;
}

Result<json> match_json(const Matcher& matcher, const json& query, std::size_t top) {
    EC_ASSIGN_OR_RETURN(const auto q, match_query_from_json(query));
    if (const auto it = query.find("top"); it != query.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<long long>() < 0)
            return Error("bad_query", "\"top\" must be a whole number, 0 or more");
        top = static_cast<std::size_t>(it->get<long long>());
    }
    json hits = json::array();
    for (const auto& h : matcher.match(q, top)) {
        const Entry& e = matcher.entries()[h.entry];
        json explanation = explanation_json(h.explanation);
        explanation["band"] = band(h.score);
        hits.push_back({{"list", e.list},
                        {"source_id", e.source_id},
                        {"name", e.name},
                        {"matched_name", h.matched_name},
                        {"score", h.score},
                        {"explanation", std::move(explanation)}});
    }
    return json{{"query", query}, {"hits", std::move(hits)}};
}

Result<json> compare_json(const json& pair) {
    if (!pair.is_object()) return Error("bad_pair", "a pair must be a JSON object with \"a\" and \"b\"");
    for (const char* f : {"a", "b"}) {
        const auto it = pair.find(f);
        if (it == pair.end() || !it->is_string()) return Error("bad_pair", concat("a pair needs \"", f, "\" as a string"));
    }
    const auto a = pair["a"].get<std::string>(), b = pair["b"].get<std::string>();
    EC_ASSIGN_OR_RETURN(const auto type, type_field(pair, "bad_pair"));
    const auto r = compare_names(a, b, type);
    const double score = round_score(r.score);
    json out = {{"a", a}, {"b", b}};
    if (type != EntityType::unknown) out["type"] = std::string(to_string(type));
    out["score"] = score;
    out["match"] = score >= kReportThreshold;
    json explanation = explanation_json(r.explanation);
    explanation["band"] = band(score);
    out["explanation"] = std::move(explanation);
    return out;
}

}  // namespace exportcheck
