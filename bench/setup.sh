#!/usr/bin/env bash
# Install what `bench/compare.sh` needs besides Rust: Debian's Hugo (apt) and
# the Pagefind CLI pinned in bench/package-lock.json (npm, into bench/node_modules).
# Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v hugo >/dev/null; then
  echo "installing hugo (apt)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq hugo >/dev/null
fi
if [ ! -x node_modules/.bin/pagefind ] || [ package-lock.json -nt node_modules ]; then
  echo "installing the Pagefind CLI (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi
