#!/usr/bin/env bash
# Builds the embeddable widget (called by scripts/build.sh after the web step; runs alone too):
#   public/export-check.js          the <export-check> element, the one script a shop includes (small)
#   public/export-check-worker.js   its Worker (web/lib/worker.js, as the page's): the signature check, the wasm core
# Both sit next to public/wasm/ and public/bundle/, which the Worker finds relative to itself.
# Usage: scripts/build-widget.sh [PUBLIC_KEY_BASE64]   (default: the raw key of $EXPORTCHECK_PUBLIC_KEY or
# the test key, as scripts/build.sh pins it in public/exportcheck.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."

key=${1:-}
if [[ -z "$key" ]]; then
  key=$(build/core/cli/exportcheck bundle pubkey "${EXPORTCHECK_PUBLIC_KEY:-tests/keys/test-ed25519-public.pem}")
fi
[[ "$key" =~ ^[A-Za-z0-9+/=]+$ ]] || { echo "build-widget: unexpected public key: $key" >&2; exit 1; }

# Rebuilt when anything in web/ (the worker bundles the API), this script, the lock file or the key changes.
fp=$({ printf 'key:%s\n' "$key"; find web scripts/build-widget.sh package-lock.json -type f -print0 \
  | LC_ALL=C sort -z | xargs -0 sha256sum; } | sha256sum | cut -d' ' -f1)
stamp=build/stamps/widget
if [[ -f public/export-check.js && -f public/export-check-worker.js && -f "$stamp" && "$(cat "$stamp")" == "$fp" ]]; then
  exit 0
fi
esbuild=(node_modules/.bin/esbuild --bundle --format=esm --target=es2022 --platform=browser --minify
  --log-level=warning --legal-comments=none)
"${esbuild[@]}" web/widget/export-check.js --outfile=public/export-check.js
"${esbuild[@]}" web/lib/worker.js --external:'node:*' --define:__EXPORTCHECK_PUBLIC_KEY__="\"$key\"" \
  --outfile=public/export-check-worker.js
mkdir -p "$(dirname "$stamp")"
printf '%s' "$fp" >"$stamp"
echo "build: widget public/export-check.js ($(gzip -9c public/export-check.js | wc -c) bytes gzipped)"
