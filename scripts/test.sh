#!/usr/bin/env bash
# Runs every suite in order, stopping at the first failure: doctest native, the same under ASan + UBSan,
# every libFuzzer target (parsers, orders, the whole Screener) for a few seconds, doctest as wasm (under node),
# the JS API tests (node), the browser end-to-end tests (Chromium). Expects scripts/build.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

suites=(
  "doctest (native)|ctest --test-dir build --output-on-failure"
  "doctest (native, ASan + UBSan)|cmake --preset sanitize >/dev/null && cmake --build --preset asan >/dev/null && ctest --preset asan"
  "fuzz smoke (5 s per target)|scripts/fuzz.sh 5"
  "doctest (wasm)|ctest --test-dir build-wasm --output-on-failure"
  "JS API (node)|node --test --test-timeout=300000 tests/js/"
  "browser end-to-end (chromium)|node --test --test-timeout=300000 tests/e2e/"
)

passed=0
for suite in "${suites[@]}"; do
  name=${suite%%|*}
  cmd=${suite#*|}
  printf '\n=== %s: %s\n' "$name" "$cmd"
  start=$SECONDS
  if ! bash -c "$cmd"; then
    printf '\n%s passed, 1 failed (%s; the remaining suites were not run)\n' "$passed" "$name" >&2
    exit 1
  fi
  passed=$((passed + 1))
  printf '=== %s passed (%ss)\n' "$name" $((SECONDS - start))
done
printf '\n%s passed, 0 failed\n' "$passed"
