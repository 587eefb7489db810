# Shared by bench/http/run.sh and bench/node_baseline/run.sh, so both
# hosts get the same data and the same wrk runs. Source it from the
# repository root after setting DURATION, WRK_THREADS, CONNECTIONS and
# ROUTES as those scripts document.

bench_duration="${DURATION:-10s}"
bench_wrk_threads="${WRK_THREADS:-2}"
bench_connection_counts="${CONNECTIONS:-2 32}"
bench_routes="${ROUTES:-get_product list_page create_product checkout}"

# Stops the server with pid $server_pid, if any, and removes the folder
# $work. The run scripts set both and call it on exit.
bench_cleanup() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}

# Waits up to 10 s for a server to write "listening on ADDRESS" to
# FILE, then prints ADDRESS, or nothing when it did not.
bench_listen_address() {
  local file="$1"
  for _ in $(seq 1 100); do
    grep -q "^listening on" "$file" 2>/dev/null && break
    sleep 0.1
  done
  sed -n 's/^listening on //p' "$file"
}

bench_json_field() {
  /usr/bin/python3 -c "import json, sys; print(json.load(sys.stdin)$1)"
}

bench_post() {
  curl -sf -X POST -H "Content-Type: application/json" "$@"
}

# Signs in as EMAIL with PASSWORD on the host at BASE, then creates 200
# products in the user's first store: one of them is the product to GET,
# and ITEM-1-S has enough stock for every checkout. Exports what the wrk
# scripts read (SHOPKIT_TOKEN, SHOPKIT_STORE_ID, SHOPKIT_HANDLE,
# SHOPKIT_SKU). The store's handle must be bench-shop.
bench_seed_catalog() {
  local base="$1" email="$2" password="$3"
  local token store_id i
  token="$(bench_post "$base/api/v1/auth/login" \
    -d "{\"email\": \"$email\", \"password\": \"$password\"}" |
    bench_json_field '["access_token"]')"
  store_id="$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/stores" |
    bench_json_field '["items"][0]["id"]')"
  for i in $(seq 1 200); do
    bench_post -H "Authorization: Bearer $token" \
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
}

# Runs wrk with each route's script at each connection count against the
# host at BASE and prints one Markdown table row per run. wrk's socket
# errors (timeouts, dropped connections), which the non-2xx column does
# not count, go to stderr.
bench_print_wrk_table() {
  local base="$1"
  local connections scenario out rate p99 errors socket_errors
  local -A paths=(
    [get_product]="/api/v1/stores/bench-shop/products/catalog-item-1"
    [list_page]="/api/v1/stores/bench-shop/products?limit=20"
    [create_product]="/"
    [checkout]="/"
  )
  echo "| route | connections | requests/s | p99 | non-2xx |"
  echo "| --- | --- | --- | --- | --- |"
  for connections in $bench_connection_counts; do
    for scenario in $bench_routes; do
      export SHOPKIT_PATH="${paths[$scenario]}"
      export SHOPKIT_RUN="c$connections"
      out="$(wrk -t "$bench_wrk_threads" -c "$connections" \
        -d "$bench_duration" --latency -s "bench/http/$scenario.lua" "$base")"
      rate="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
      p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
      errors="$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")"
      echo "| $scenario | $connections | $rate | $p99 | ${errors:-0} |"
      socket_errors="$(sed -n 's/^ *Socket errors: //p' <<<"$out")"
      if [ -n "$socket_errors" ]; then
        echo "wrk socket errors for $scenario at $connections connections: $socket_errors" >&2
      fi
    done
  done
}
