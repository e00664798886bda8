#!/usr/bin/env bash
# Runs every libFuzzer target for a set time (default 60 s each) on seeds cut from the real list files
# and fixtures. A crash leaves its input in build-sanitize/crashes/<target>/; copy it into
# tests/fuzz/regressions/<target>/ (the regression test replays it) and fix the parser.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
command -v clang++ >/dev/null || { echo "fuzz: clang++ is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
mapfile -t all < <(sed -n 's/^set(EXPORTCHECK_FUZZ_TARGETS \(.*\))$/\1/p' tests/fuzz/targets.cmake | tr ' ' '\n')
targets=("${@:-${all[@]}}")
cmake --preset sanitize >/dev/null
cmake --build --preset fuzz --target "${targets[@]/#/fuzz_}" >/dev/null

seed() {  # seed TARGET FILE...: small real inputs (head of each file) into the target's seed corpus
  local dir=build-sanitize/seeds/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do [[ -f "$f" ]] && head -c 4096 "$f" >"$dir/$(basename "$f")"; done; return 0
}
seed csl_csv tests/fixtures/csl_excerpt.csv data/csl/consolidated.csv
seed dpl_txt tests/fixtures/dpl_excerpt.txt
seed un_xml tests/fixtures/un_excerpt.xml
seed import_list data/lists/example-own-list.csv data/bis/ecfr_2026-07-09/meu.jsonl
seed merge data/bis/ecfr_2026-07-09/meu.jsonl
seed name_normaliser tests/fixtures/un_excerpt.xml tests/fixtures/putin_names.txt
seed order_json tests/fixtures/orders/*.json
seed screener tests/fixtures/orders/*.json
seed order_csv tests/fixtures/orders/sample-orders.csv
split -l 1 -d tests/fixtures/orders/sample-orders.jsonl build-sanitize/seeds/screener/jsonl-line-
printf '{"order": %s, "screened_at": "2026-07-10T09:00:00Z", "settings": {"thresholds": {"new_company_years": 3}}}' \
  "$(cat tests/fixtures/orders/case-alx-solutions.json)" >build-sanitize/seeds/screener/request
mkdir -p build-sanitize/seeds/ofac_csv build-sanitize/seeds/bundle
{ cat tests/fixtures/ofac_sdn/sdn.csv; printf '\n--8<--\n'; cat tests/fixtures/ofac_sdn/add.csv; printf '\n--8<--\n'
  cat tests/fixtures/ofac_sdn/alt.csv; printf '\n--8<--\n'; cat tests/fixtures/ofac_sdn/sdn_comments.csv; } >build-sanitize/seeds/ofac_csv/set
seed ofsi_csv tests/fixtures/intl/ofsi_conlist_excerpt.csv
mkdir -p build-sanitize/seeds/xlsx build-sanitize/seeds/uksl_csv
cp tests/fixtures/intl/*.xlsx build-sanitize/seeds/xlsx/   # whole: a workbook cut to 4 KB is only a refusal
u=tests/fixtures/intl/uksl
{ cat $u/subjects.csv; printf '\n--8<--\n'; cat $u/subject_names.csv; printf '\n--8<--\n'; cat $u/subject_dobs.csv
  printf '\n--8<--\n'; cat $u/subject_identifiers.csv; printf '\n--8<--\n'; cat $u/subject_countries.csv; } >build-sanitize/seeds/uksl_csv/set
build/core/cli/exportcheck bundle build --csl tests/fixtures/csl_excerpt.csv --built-at 2026-01-01T00:00:00Z \
  -o build-sanitize/seeds/bundle/small.ecb >/dev/null

status=0
for t in "${targets[@]}"; do
  mkdir -p "build-sanitize/corpus/$t" "build-sanitize/crashes/$t"
  printf 'fuzz: %-12s %ss ... ' "$t" "$seconds"
  if "build-sanitize/tests/fuzz/fuzz_$t" "build-sanitize/corpus/$t" "build-sanitize/seeds/$t" -max_total_time="$seconds" \
      -max_len=65536 -artifact_prefix="build-sanitize/crashes/$t/" -print_final_stats=1 >"build-sanitize/$t.log" 2>&1; then
    echo "clean ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "build-sanitize/$t.log" | grep -o '[0-9]*$') runs)"
  else
    echo "FOUND A BUG: see build-sanitize/$t.log and build-sanitize/crashes/$t/"
    status=1
  fi
done
exit $status
