#!/usr/bin/env bash
# Measures the Node.js baseline (server.js: Express, Sequelize, SQLite in
# WAL mode) with the wrk scripts of bench/http and the same data, routes
# and settings as bench/http/run.sh. Prints one Markdown table row per run.
#
# Usage: bench/node_baseline/run.sh   (from anywhere; needs node, wrk,
# curl, python3 and an installed bench/node_baseline/node_modules, see
# README.md)
# Environment: DURATION (wrk's -d, default 10s), WRK_THREADS (wrk's -t,
# default 2), CONNECTIONS (default "2 32"), ROUTES (default all four, e.g.
# "list_page checkout").
set -euo pipefail
cd "$(dirname "$0")/../.."

source bench/http/lib.sh
app_dir="$PWD/bench/node_baseline"

[ -d "$app_dir/node_modules/sqlite3" ] || {
  echo "bench/node_baseline/node_modules is missing; run the install command in bench/node_baseline/README.md" >&2
  exit 1
}

work="$(mktemp -d)"
server_pid=""
trap bench_cleanup EXIT

# A merchant with one store, made by the seed script.
export DB_PATH="$work/shop.sqlite"
password="bench password 1"
SEED_PASSWORD="$password" node "$app_dir/seed.js" \
  bench@example.com bench-shop "Bench Shop"

# The server, on a port the OS picks. Its errors go to a file.
PORT=0 node "$app_dir/server.js" >"$work/serve.out" 2>"$work/serve.log" &
server_pid=$!
base="$(bench_listen_address "$work/serve.out")"
if [ -z "$base" ]; then
  echo "the server did not start within 10 s; its log follows" >&2
  cat "$work/serve.log" >&2
  exit 1
fi

# The same 200 products as bench/http/run.sh, through the same routes.
bench_seed_catalog "$base" bench@example.com "$password"
bench_print_wrk_table "$base"

if [ -s "$work/serve.log" ]; then
  echo "the server logged errors:" >&2
  head -n 20 "$work/serve.log" >&2
fi
