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
duration="${DURATION:-10s}"
wrk_threads="${WRK_THREADS:-2}"
connection_counts="${CONNECTIONS:-2 32}"
routes="${ROUTES:-get_product list_page create_product checkout}"

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release \
  -DSHOPKIT_BUILD_TESTS=OFF -DSHOPKIT_BUILD_PYTHON=OFF >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target shopkit_cli >/dev/null
shopkit="$PWD/$build_dir/bin/shopkit"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

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
for _ in $(seq 1 100); do
  grep -q "^listening on" "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
base="$(sed -n 's/^listening on //p' "$work/serve.out")"
[ -n "$base" ] || { echo "the host did not start" >&2; exit 1; }

json_field() {
  /usr/bin/python3 -c "import json, sys; print(json.load(sys.stdin)$1)"
}
post() {
  curl -sf -X POST -H "Content-Type: application/json" "$@"
}

token="$(post "$base/api/v1/auth/login" \
  -d "{\"email\": \"bench@example.com\", \"password\": \"$SHOPKIT_PASSWORD\"}" |
  json_field '["access_token"]')"
store_id="$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/stores" |
  json_field '["items"][0]["id"]')"

# 200 products for the list page, one of them the product to GET, and a
# SKU with enough stock for every checkout.
for i in $(seq 1 200); do
  post -H "Authorization: Bearer $token" \
    "$base/api/v1/admin/stores/$store_id/products" \
    -d "{\"title\": \"Catalog item $i\", \"status\": \"active\",
         \"vendor\": \"Bench\", \"tags\": [\"bench\"],
         \"description\": \"<p>Item $i of the benchmark catalog.</p>\",
         \"options\": [\"Size\"],
         \"variants\": [{\"sku\": \"ITEM-$i-S\", \"options\": [\"S\"],
                         \"price\": {\"amount\": $((1000 + i)), \"currency\": \"USD\"},
                         \"stock\": 1000000000},
                        {\"sku\": \"ITEM-$i-M\", \"options\": [\"M\"],
                         \"price\": {\"amount\": $((1100 + i)), \"currency\": \"USD\"},
                         \"stock\": 1000000000}],
         \"images\": [{\"url\": \"https://example.com/$i.jpg\", \"alt\": \"Item $i\"}]}" \
    >/dev/null
done

export SHOPKIT_TOKEN="$token" SHOPKIT_STORE_ID="$store_id"
export SHOPKIT_HANDLE="bench-shop" SHOPKIT_SKU="ITEM-1-S"
declare -A paths=(
  [get_product]="/api/v1/stores/bench-shop/products/catalog-item-1"
  [list_page]="/api/v1/stores/bench-shop/products?limit=20"
  [create_product]="/"
  [checkout]="/"
)

echo "| route | connections | requests/s | p99 | non-2xx |"
echo "| --- | --- | --- | --- | --- |"
for connections in $connection_counts; do
  for scenario in $routes; do
    export SHOPKIT_PATH="${paths[$scenario]}"
    export SHOPKIT_RUN="c$connections"
    out="$(wrk -t "$wrk_threads" -c "$connections" -d "$duration" --latency \
      -s "bench/http/$scenario.lua" "$base")"
    rate="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    errors="$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")"
    echo "| $scenario | $connections | $rate | $p99 | ${errors:-0} |"
  done
done
