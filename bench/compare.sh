#!/usr/bin/env bash
# clusterpress against Hugo + the Pagefind CLI on the same generated records,
# side by side, printed as Markdown tables (see docs/PERFORMANCE.md).
#
#   bench/compare.sh 10000            # one size
#   bench/compare.sh 1000,10000 3     # several sizes, three runs each
#
# Sites are generated once into bench/sites/ (BENCH_DIR to change) and kept.
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-1000}
runs=${2:-1}
bash bench/setup.sh
cargo build --release --locked --bin clusterpress --bin bench
echo "hugo: $(hugo version)"
echo "pagefind: $(bench/node_modules/.bin/pagefind --version)"
uptime
exec target/release/bench compare --records "$records" --runs "$runs" --dir "${BENCH_DIR:-bench/sites}"
