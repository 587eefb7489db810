-- POST a guest checkout of one unit of a SKU with stock for every
-- request. Each request has its own Idempotency-Key, so each places a new
-- order. run.sh sets SHOPKIT_HANDLE, SHOPKIT_SKU and SHOPKIT_RUN (a label
-- that keeps the keys of two runs apart).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  counter = 0
  run = os.getenv("SHOPKIT_RUN")
  path = "/api/v1/stores/" .. os.getenv("SHOPKIT_HANDLE") .. "/checkout"
  body = '{"lines": [{"sku": "' .. os.getenv("SHOPKIT_SKU") ..
      '", "quantity": 1}], "email": "bench@example.com", ' ..
      '"shipping_address": {"name": "Bench Buyer", "line1": "1 Main St", ' ..
      '"city": "Springfield", "country": "US"}}'
end

function request()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run,
                                        thread_number, counter),
  }
  return wrk.format("POST", path, headers, body)
end
