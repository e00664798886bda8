#!/usr/bin/env bash
# Builds everything into place, incrementally (a no-op run takes seconds):
#   native  build/       CLI build/core/cli/exportcheck, doctest build/tests/exportcheck_tests
#   wasm    build-wasm/  web + node flavours of the core, doctest as wasm
#   bundle  public/bundle/default.ecb.gz (+ .sig), rebuilt only when an input file or the CLI changed
#   web     public/wasm/, public/exportcheck.mjs (esbuild, with the pinned public key), the app
#           (public/app.js, app.css, worker.js) and its service worker public/sw.js
# Signing key: $EXPORTCHECK_SIGNING_KEY (PEM) or the committed TEST key tests/keys/test-ed25519-private.pem;
# public key pinned in the page: $EXPORTCHECK_PUBLIC_KEY (PEM) or tests/keys/test-ed25519-public.pem.
#   scripts/build.sh serve   only what the page needs (npm start): the CLI, the web flavour of the wasm
#                            core, the bundle and the page; not the doctest suites, benches or node flavour
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
[[ $what == all || $what == serve ]] || { echo "usage: scripts/build.sh [all|serve]" >&2; exit 2; }
native_targets=() wasm_targets=()
if [[ $what == serve ]]; then native_targets=(--target exportcheck) wasm_targets=(--target exportcheck_web); fi

# The official list files the default bundle is built from (paths relative to the repo root). For each
# list the newest source decides who is on it; the older ones add detail (data/README.md).
BUNDLE_SOURCES=(
  --list data/csl/csl_2026-07-31/csl.jsonl
  --ofac-sdn data/ofac/sdn_2023-12-29
  --ofac-sdn data/ofac/sdn_2025-12_partial
  --ofac-sdn data/ofac/sdn_alt_2026-05
  --ofac-cons-xml data/ofac/nonsdn_cons_xml_2026-01-08/CONSOLIDATED.XML
  --dpl data/dpl/dpl.txt
  --un data/un/UN_consolidated.xml
  --rules data/rules
  --list data/bis/ecfr_2026-07-09/entity_list.jsonl
  --list data/bis/ecfr_2026-07-09/meu.jsonl
  --uk-sanctions-list data/uk/uksl_derived_2026-04
  --ofsi-conlist data/uk/ofsi_conlist_2025-04-14/ConList.xlsx
  --dfat data/au/dfat_consolidated_2024-11-11/regulation8_consolidated.xlsx
)
BUNDLE=public/bundle/default.ecb.gz
TEST_PRIVATE_KEY=tests/keys/test-ed25519-private.pem
TEST_PUBLIC_KEY=tests/keys/test-ed25519-public.pem
CLI=build/core/cli/exportcheck
STAMPS=build/stamps

export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}   # em++ needs acorn from Debian's node modules

say() { printf 'build: %s\n' "$*"; }
die() { printf 'build: error: %s\n' "$*" >&2; exit 1; }
# Runs a command quietly; shows its output only when it fails.
quiet() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "failed: $*"
  fi
  rm -f "$log"
}
# One sha256 over the given files and directories (their files, sorted) plus other arguments as text.
fingerprint() {
  local -a files=() words=()
  local p
  for p in "$@"; do
    if [[ -d "$p" ]]; then
      while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$p" -type f -print0 | LC_ALL=C sort -z)
    elif [[ -f "$p" ]]; then
      files+=("$p")
    else
      words+=("$p")
    fi
  done
  {
    printf 'arg:%s\n' "${words[@]}"
    if ((${#files[@]})); then sha256sum "${files[@]}"; fi
  } | sha256sum | cut -d' ' -f1
}
# True when the stamp $1 does not hold $2 (or is missing).
stale() { [[ ! -f "$STAMPS/$1" || "$(cat "$STAMPS/$1")" != "$2" ]]; }
stamp() { mkdir -p "$STAMPS"; printf '%s' "$2" >"$STAMPS/$1"; }

# --- native -------------------------------------------------------------------------------------------
say "native build (build/)"
if [[ ! -f build/build.ninja ]]; then
  quiet cmake --preset native   # unity build: a fresh clone compiles in about half the CPU time
fi
quiet cmake --build build "${native_targets[@]}"

# --- wasm ---------------------------------------------------------------------------------------------
say "wasm build (build-wasm/)"
if [[ ! -f build-wasm/build.ninja ]]; then
  quiet emcmake cmake -S . -B build-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON
fi
quiet cmake --build build-wasm "${wasm_targets[@]}"

# --- default bundle, signed ---------------------------------------------------------------------------
signing_key=${EXPORTCHECK_SIGNING_KEY:-$TEST_PRIVATE_KEY}
public_key=${EXPORTCHECK_PUBLIC_KEY:-$TEST_PUBLIC_KEY}
if [[ -z "${EXPORTCHECK_SIGNING_KEY:-}" && ! -f "$TEST_PRIVATE_KEY" ]]; then
  say "creating the TEST signing key pair in tests/keys/ (never use it for a published bundle)"
  mkdir -p tests/keys
  quiet "$CLI" bundle keygen --private "$TEST_PRIVATE_KEY" --public "$TEST_PUBLIC_KEY"
fi
[[ -f "$signing_key" ]] || die "signing key not found: $signing_key (EXPORTCHECK_SIGNING_KEY)"
[[ -f "$public_key" ]] || die "public key not found: $public_key (EXPORTCHECK_PUBLIC_KEY)"

for ((i = 1; i < ${#BUNDLE_SOURCES[@]}; i += 2)); do
  [[ -e "${BUNDLE_SOURCES[i]}" ]] || die "bundle input not found: ${BUNDLE_SOURCES[i]}"
done
bundle_fp=$(fingerprint "$CLI" "${BUNDLE_SOURCES[@]}")
if [[ ! -f "$BUNDLE" ]] || stale bundle "$bundle_fp"; then
  say "building the default bundle $BUNDLE"
  mkdir -p "$(dirname "$BUNDLE")"
  partial="${BUNDLE%.gz}.partial.gz"   # the CLI gzips an output whose name ends in .gz
  quiet "$CLI" bundle build "${BUNDLE_SOURCES[@]}" -o "$partial"
  mv "$partial" "$BUNDLE"
  stamp bundle "$bundle_fp"
else
  say "default bundle up to date"
fi

sign_fp=$(fingerprint "$BUNDLE" "$signing_key" "$public_key")
if [[ ! -f "$BUNDLE.sig" ]] || stale signature "$sign_fp"; then
  say "signing the bundle with $signing_key"
  quiet "$CLI" bundle sign "$BUNDLE" --key "$signing_key" -o "$BUNDLE.sig"
  "$CLI" bundle verify "$BUNDLE" --sig "$BUNDLE.sig" --pub "$public_key" >/dev/null \
    || die "the signature does not verify with $public_key: the signing and public keys do not match"
  stamp signature "$sign_fp"
fi
public_key_b64=$("$CLI" bundle pubkey "$public_key")
[[ "$public_key_b64" =~ ^[A-Za-z0-9+/=]+$ ]] || die "unexpected public key output: $public_key_b64"

# --- web ----------------------------------------------------------------------------------------------
say "web (public/)"
mkdir -p public/wasm
for f in exportcheck-core.mjs exportcheck-core.wasm; do
  cmp -s "build-wasm/wasm/$f" "public/wasm/$f" || cp "build-wasm/wasm/$f" "public/wasm/$f"
done
# The API module, the batch Worker, the app (script and styles) and the service worker. The service
# worker carries a version made of everything it precaches, so a new build replaces its cache.
ESBUILD=(node_modules/.bin/esbuild --bundle --format=esm --target=es2022 --platform=browser --log-level=warning
  --external:'node:*' --define:__EXPORTCHECK_PUBLIC_KEY__="\"$public_key_b64\"")
web_fp=$(fingerprint web package-lock.json scripts/build.sh "$public_key_b64")
if [[ ! -f public/exportcheck.mjs || ! -f public/app.js || ! -f public/worker.js || ! -f public/app.css ]] \
  || stale web "$web_fp"; then
  quiet "${ESBUILD[@]}" web/lib/exportcheck.mjs --outfile=public/exportcheck.mjs
  quiet "${ESBUILD[@]}" web/lib/worker.js --minify --outfile=public/worker.js
  quiet "${ESBUILD[@]}" web/app/main.js --minify --outfile=public/app.js
  quiet node_modules/.bin/esbuild web/app/styles.css --bundle --minify --log-level=warning --outfile=public/app.css
  stamp web "$web_fp"
fi
bash scripts/build-widget.sh "$public_key_b64"   # the <export-check> widget: public/export-check.js + its worker
# Keep in step with PRECACHE in web/app/sw.js.
SW_PRECACHE=(public/index.html public/app.js public/app.css public/exportcheck.mjs public/worker.js
  public/wasm/exportcheck-core.mjs public/wasm/exportcheck-core.wasm "$BUNDLE" "$BUNDLE.sig"
  public/icon.svg public/samples)
sw_version=$(fingerprint web/app/sw.js "${SW_PRECACHE[@]}" | cut -c1-16)
if [[ ! -f public/sw.js ]] || stale sw "$sw_version"; then
  quiet node_modules/.bin/esbuild web/app/sw.js --bundle --format=esm --target=es2022 --minify --log-level=warning \
    --define:__EXPORTCHECK_SW_VERSION__="\"$sw_version\"" --outfile=public/sw.js
  stamp sw "$sw_version"
fi
say "done: $(du -h public/wasm/exportcheck-core.wasm | cut -f1) wasm, $(du -h "$BUNDLE" | cut -f1) bundle"
