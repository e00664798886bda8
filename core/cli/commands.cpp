#include "commands.hpp"

#include "args.hpp"
#include "bundle_build.hpp"
#include "fetch.hpp"
#include "fetch_checks.hpp"
#include "files.hpp"
#include "match_commands.hpp"
#include "official_sources.hpp"
#include "screen_commands.hpp"
#include "signing.hpp"

#include <exportcheck/bundle.hpp>
#include <exportcheck/error.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iostream>
#include <map>

namespace exportcheck::cli {
namespace {

constexpr std::string_view kUsage = R"(exportcheck: export-control screening of orders for AI chips

usage:
  exportcheck bundle build [--csl consolidated.csv] [--ofac-sdn DIR]... [--ofac-cons DIR] [--dpl dpl.txt]
                           [--ofac-sdn-xml SDN.XML] [--ofac-cons-xml CONSOLIDATED.XML]
                           [--un consolidated.xml] [--list FILE]... [--uk-sanctions-list DIR]
                           [--ofsi-conlist ConList.xlsx|.csv] [--dfat regulation8_consolidated.xlsx]
                           [--rules DIR] [--built-at TIME] [--id ID]
                           [--previous OLD_BUNDLE [--allow-shrink LIST,...|all]] -o BUNDLE
                           (BUNDLE ending in .gz is written gzip-compressed; an --ofac-sdn DIR without
                           sdn.csv only adds detail; the newest source of each list decides who is on it;
                           --previous: refuse a list with over 20% fewer entries than in OLD_BUNDLE)
  exportcheck bundle info BUNDLE
  exportcheck bundle sign BUNDLE --key PRIVATE.pem -o BUNDLE.sig
  exportcheck bundle verify BUNDLE --sig BUNDLE.sig --pub PUBLIC.pem
  exportcheck bundle keygen --private PRIVATE.pem --public PUBLIC.pem
  exportcheck bundle pubkey PUBLIC.pem          (the raw key, base64, that a page pins)
  exportcheck bundle fetch --out DIR [--base-url URL] [--url-SOURCE URL]...
                           (SOURCE: csl, ofac_sdn, ofac_cons, ofac_cons_xml, dpl, un, ofsi_conlist, dfat)
  exportcheck match --bundle BUNDLE --name NAME [--type person|organization] [--country CC] [--dob DATE]
                    [--top N]
  exportcheck match --bundle BUNDLE --batch QUERIES.jsonl [--top N]   (one result line per query line)
  exportcheck compare NAME_A NAME_B [--type person|organization]
  exportcheck compare --batch PAIRS.jsonl                             (lines {"a", "b", "type"?})
  exportcheck screen --bundle BUNDLE [--lang en|fr] [--rules DIR] [--clearances FILE] [--settings FILE] [--screened-at TIME]
                     [--list OWN_LIST]... [--compact] ORDER.json | ORDERS.jsonl | ORDERS.csv | -
                     (one JSON report per order; --list: your own list, import format, list code OWN)
  exportcheck version
)";

using Command = std::function<int(const Args&, std::ostream&, std::ostream&)>;

// UTC now, or SOURCE_DATE_EPOCH when set (reproducible builds).
std::string utc_now() {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) t = static_cast<std::time_t>(std::atoll(epoch));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string one_positional(const Args& a, const char* what) {
    if (a.positional().size() != 1) throw UsageError(fmt::format("expected one {} argument", what));
    return a.positional()[0];
}

int bundle_build(const Args& a, std::ostream& out, std::ostream&) {
    a.only({"csl", "ofac-sdn", "ofac-cons", "ofac-sdn-xml", "ofac-cons-xml", "dpl", "un", "list", "uk-sanctions-list",
            "ofsi-conlist", "dfat", "rules", "built-at", "id", "previous", "allow-shrink", "output"});
    BuildInputs in;
    in.csl = a.get("csl");
    in.ofac_sdn = a.all("ofac-sdn");
    in.ofac_cons = a.get("ofac-cons");
    in.ofac_sdn_xml = a.get("ofac-sdn-xml");
    in.ofac_cons_xml = a.get("ofac-cons-xml");
    in.dpl = a.get("dpl");
    in.un = a.get("un");
    in.rules = a.get("rules");
    in.lists = a.all("list");
    in.intl = {a.get("uk-sanctions-list"), a.get("ofsi-conlist"), a.get("dfat")};
    in.built_at = a.get("built-at").value_or(utc_now());
    in.id = a.get("id").value_or("");
    const auto output = a.require("output");
    auto result = build_bundle(in);
    if (const auto previous = a.get("previous"))  // a refresh: refuse a list that shrank too much
        check_no_shrink(read_bundle(read_bundle_bytes(*previous)).value(), *previous, result.meta, result.entries,
                        a.get("allow-shrink").value_or(""));
    const auto raw = write_bundle(result.meta, result.entries);
    write_file(output, output.ends_with(".gz") ? gzip(raw) : raw);
    out << bundle_info(read_bundle(raw).value()).dump(2) << '\n';
    return 0;
}

int bundle_info_cmd(const Args& a, std::ostream& out, std::ostream&) {
    a.only({});
    out << bundle_info(read_bundle(read_bundle_bytes(one_positional(a, "BUNDLE"))).value()).dump(2) << '\n';
    return 0;
}

int bundle_sign(const Args& a, std::ostream& out, std::ostream&) {
    a.only({"key", "output"});
    const auto path = one_positional(a, "BUNDLE");
    const auto bytes = read_file(path);
    read_bundle(is_gzip(bytes) ? gunzip(bytes) : bytes).value();  // never sign something that is not a valid bundle
    const auto output = a.require("output");
    write_file(output, ed25519_sign(bytes, a.require("key")));
    out << fmt::format("signed {} -> {}\n", path, output);
    return 0;
}

int bundle_verify(const Args& a, std::ostream& out, std::ostream& err) {
    a.only({"sig", "pub"});
    const auto path = one_positional(a, "BUNDLE");
    const auto bytes = read_file(path);
    if (!ed25519_verify(bytes, read_file(a.require("sig")), a.require("pub"))) {
        err << fmt::format("exportcheck: {}: the signature does not match: the bundle was altered or signed with "
                           "another key\n", path);
        return 1;
    }
    const auto bundle = read_bundle(is_gzip(bytes) ? gunzip(bytes) : bytes).value();
    out << fmt::format("{}: signature valid; bundle {} ({} entries, sha256 {})\n", path, bundle.meta.id,
                       bundle.entries.size(), bundle.sha256);
    return 0;
}

int bundle_keygen(const Args& a, std::ostream& out, std::ostream&) {
    a.only({"private", "public"});
    const auto priv = a.require("private"), pub = a.require("public");
    if (file_exists(priv)) throw UsageError(priv + " already exists: refusing to overwrite a private key");
    ed25519_generate(priv, pub);
    out << fmt::format("wrote {} (keep it secret) and {}\n", priv, pub);
    return 0;
}

int bundle_pubkey(const Args& a, std::ostream& out, std::ostream&) {
    a.only({});
    out << ed25519_public_raw_base64(one_positional(a, "PUBLIC.pem")) << '\n';
    return 0;
}

int bundle_fetch(const Args& a, std::ostream& out, std::ostream& err) {
    std::vector<std::string> known = {"out", "base-url", "timeout"};
    FetchOptions o;
    for (const auto& s : kOfficialSources) {
        const auto opt = "url-" + std::string(s.key);
        known.push_back(opt);
        if (auto v = a.get(opt)) o.base_urls[std::string(s.key)] = *v;
    }
    a.only(known);
    o.out_dir = a.require("out");
    o.base_url = a.get("base-url").value_or("");
    if (auto t = a.get("timeout")) o.timeout_seconds = std::stol(*t);
    fetch_official_lists(o, utc_now(), err);
    out << fmt::format("fetched the official lists into {}\n", o.out_dir);
    return 0;
}

const std::map<std::string, Command>& bundle_commands() {
    static const std::map<std::string, Command> commands = {
        {"build", bundle_build}, {"info", bundle_info_cmd}, {"sign", bundle_sign}, {"verify", bundle_verify},
        {"keygen", bundle_keygen}, {"pubkey", bundle_pubkey}, {"fetch", bundle_fetch}};
    return commands;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
            (args.empty() ? err : out) << kUsage;
            return args.empty() ? 2 : 0;
        }
        if (args[0] == "version" || args[0] == "--version") {
            out << "exportcheck " << EXPORTCHECK_VERSION << '\n';
            return 0;
        }
        if (args[0] == "bundle") {
            if (args.size() < 2) throw UsageError("bundle needs a subcommand");
            const auto it = bundle_commands().find(args[1]);
            if (it == bundle_commands().end()) throw UsageError("unknown bundle subcommand: " + args[1]);
            return it->second(Args({args.begin() + 2, args.end()}), out, err);
        }
        if (args[0] == "match") return match_command(Args({args.begin() + 1, args.end()}), out, err);
        if (args[0] == "compare") return compare_command(Args({args.begin() + 1, args.end()}), out, err);
        if (args[0] == "screen") return screen_command(Args({args.begin() + 1, args.end()}, {"compact"}), out, err);
        throw UsageError("unknown command: " + args[0]);
    } catch (const UsageError& e) {
        err << "exportcheck: " << e.what() << "\n\n" << kUsage;
        return 2;
    } catch (const Error& e) {
        err << "exportcheck: " << e.what() << " [" << e.code() << "]\n";
        return 1;
    } catch (const std::exception& e) {
        err << "exportcheck: " << e.what() << '\n';
        return 1;
    }
}

int run(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    return run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}

}  // namespace exportcheck::cli
