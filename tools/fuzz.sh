#!/usr/bin/env bash
# Runs every cargo-fuzz target for N minutes each (default 10) and records the results.
#
#   tools/fuzz.sh [minutes] [target ...]      targets: loader url_state (default: both)
#
# Needs the nightly toolchain (`rustup toolchain install nightly`, not installed by this script) and
# installs cargo-fuzz from crates.io when missing. Seeds (read in place, never copied into the repo):
#   loader     ../shared/testdata/JSONTestSuite (or $JSONTESTSUITE), data/, data/areas/, data/geo/,
#              and the hostile corpus: tools/hostile_corpus.py's output, or $HOSTILE_CORPUS (a dir)
#   url_state  fuzz/seeds/url_state/
# The growing corpora live in fuzz/corpus/<target>/ and crashes in fuzz/artifacts/<target>/ (both
# ignored by git). One line per run is appended to fuzz/results.md; the log is in fuzz/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MINUTES=${1:-10}
shift || true
TARGETS=("$@")
((${#TARGETS[@]})) || TARGETS=(loader url_state)
CARGO_FUZZ_VERSION=0.13.2
# Its own target dir: sanitizer flags must not invalidate the main build's artefacts.
export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-$HOME/.cache/gd-plus/fuzz-target}  # shared with ./x test

rustup toolchain list | grep -q '^nightly' || {
  echo "fuzz.sh: needs the nightly toolchain (rustup toolchain install nightly)" >&2
  exit 2
}
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked

seeds_loader=()
JSONTS=${JSONTESTSUITE:-$ROOT/../shared/testdata/JSONTestSuite}
[ -d "$JSONTS" ] && seeds_loader+=("$JSONTS")
seeds_loader+=("$ROOT/data" "$ROOT/data/areas" "$ROOT/data/geo")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${HOSTILE_CORPUS:-}" ]; then
  seeds_loader+=("$HOSTILE_CORPUS")
elif [ -f tools/hostile_corpus.py ]; then
  python3 tools/hostile_corpus.py "$tmp/hostile" >/dev/null
  seeds_loader+=("$tmp/hostile/corpus")
fi

mkdir -p fuzz/logs
# Release build with debug assertions and overflow checks (cargo-fuzz's default).
cargo +nightly fuzz build --fuzz-dir fuzz
for target in "${TARGETS[@]}"; do
  case $target in
    loader) seeds=("${seeds_loader[@]}") ;;
    url_state) seeds=("$ROOT/fuzz/seeds/url_state") ;;
    *) echo "fuzz.sh: unknown target $target" >&2; exit 2 ;;
  esac
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log="fuzz/logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log"
  echo "fuzz.sh: $target for $MINUTES min, seeds: ${seeds[*]}"
  set +e
  # -rss_limit_mb: the loader must not need more than a browser tab would give it.
  cargo +nightly fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" "${seeds[@]}" -- \
    -max_total_time=$((MINUTES * 60)) -rss_limit_mb=2048 -timeout=10 -max_len=262144 \
    -print_final_stats=1 >"$log" 2>&1
  status=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
  crashes=$(find "fuzz/artifacts/$target" -type f | wc -l)
  verdict=$([ "$status" = 0 ] && echo "0 crashes" || echo "FAILED (exit $status, see $log)")
  line="| $(date -u +%Y-%m-%d) | $target | ${MINUTES} min | ${execs:-?} | ${cov:-?} | $corpus | $crashes | $verdict | $(git rev-parse --short HEAD) |"
  [ -f fuzz/results.md ] || printf '| date (UTC) | target | time | executions | coverage (edges) | corpus files | crash files | result | commit |\n|---|---|---|---:|---:|---:|---:|---|---|\n' >fuzz/results.md
  echo "$line" >>fuzz/results.md
  echo "$line"
done
