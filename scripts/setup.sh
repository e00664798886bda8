#!/usr/bin/env bash
# Set-up from nothing on Debian 12: installs the Debian packages the build needs (only those missing)
# and the npm dev dependencies (only when node_modules is missing or older than package-lock.json).
# Idempotent: a second run does nothing and says so. CI runs it as root; otherwise sudo is used.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(emscripten nlohmann-json3-dev libfmt-dev doctest-dev cmake ninja-build g++ chromium
          libssl-dev libexpat1-dev libminizip-dev libcurl4-openssl-dev zlib1g-dev iso-codes
          clang libclang-rt-14-dev)  # clang: the libFuzzer targets (scripts/fuzz.sh)

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "apt-get not found: install these by hand: ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null; then
    as_root=(sudo)
  else
    die "not root and no sudo: install these Debian packages first: ${missing[*]}"
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq >/dev/null || die "apt-get update failed"
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install failed for: ${missing[*]}"
else
  say "Debian packages present"
fi

command -v node >/dev/null || die "node is not installed (Node 20 or later is needed)"
command -v npm >/dev/null || die "npm is not installed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 20)) || die "Node $(node --version) is too old: Node 20 or later is needed"

# node_modules/.package-lock.json is rewritten by every npm install, so it dates the installed tree.
if [[ ! -d node_modules || ! -e node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing npm dev dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null || die "npm ci failed"
else
  say "npm dependencies up to date"
fi
