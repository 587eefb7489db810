#!/usr/bin/env bash
# Measures the example HTTP host with wrk on 127.0.0.1: GET one product,
# a product list page, creating a product and checkout, each at 2 and 32
# connections. Prints one Markdown table row per run.
#
# Usage: bench/http/run.sh   (from anywhere; needs wrk, curl, python3)
# Environment: SHOPKIT_BUILD_DIR (default build/release), DURATION (wrk's
# -d, default 10s), WRK_THREADS (wrk's -t, default 2), CONNECTIONS
# (default "2 32"), ROUTES (default all four, e.g. "list_page checkout").
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir="${SHOPKIT_BUILD_DIR:-build/release}"
source bench/http/lib.sh

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release \
  -DSHOPKIT_BUILD_TESTS=OFF -DSHOPKIT_BUILD_PYTHON=OFF >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target shopkit_cli >/dev/null
shopkit="$PWD/$build_dir/bin/shopkit"

work="$(mktemp -d)"
server_pid=""
trap bench_cleanup EXIT

# A merchant with one store, made with the CLI.
export SHOPKIT_PASSWORD="bench password 1"
"$shopkit" --data "$work/data" --log-level warning create-user \
  --email bench@example.com >/dev/null
"$shopkit" --data "$work/data" --log-level warning create-store \
  --as bench@example.com --handle bench-shop --name "Bench Shop" >/dev/null

# The host, on a port the OS picks; its log goes to a file.
"$shopkit" --data "$work/data" serve --port 0 \
  >"$work/serve.out" 2>"$work/serve.log" &
server_pid=$!
base="$(bench_listen_address "$work/serve.out")"
[ -n "$base" ] || { echo "the host did not start" >&2; exit 1; }

bench_seed_catalog "$base" bench@example.com "$SHOPKIT_PASSWORD"
bench_print_wrk_table "$base"
