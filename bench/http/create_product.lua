-- POST a new product to the admin API. Each request has its own SKU, so
-- none fails as a duplicate. run.sh sets SHOPKIT_STORE_ID, SHOPKIT_TOKEN
-- (a merchant's access token) and SHOPKIT_RUN (a label that keeps the
-- SKUs of two runs apart).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  counter = 0
  run = os.getenv("SHOPKIT_RUN")
  path = "/api/v1/admin/stores/" .. os.getenv("SHOPKIT_STORE_ID") ..
         "/products"
  headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("SHOPKIT_TOKEN"),
  }
end

function request()
  counter = counter + 1
  local sku = string.format("B-%s-%d-%d", run, thread_number, counter)
  local body = '{"title": "Bench ' .. sku .. '", "status": "active", ' ..
      '"vendor": "Bench", "tags": ["bench"], "options": ["Size"], ' ..
      '"variants": [{"sku": "' .. sku .. '", "options": ["M"], ' ..
      '"price": {"amount": 1999, "currency": "USD"}, "stock": 10}]}'
  return wrk.format("POST", path, headers, body)
end
