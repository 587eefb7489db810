// /api/v1/stores: creating stores, the public catalog, checkout and the
// buyer's own orders. Public routes name the store by its handle.
#include "query_params.h"
#include "routes.h"
#include "shopkit/json.h"
#include "shopkit/store_service.h"

namespace shopkit::http {

ProductSearch product_search(
    const RouteRequest& request,
    const std::function<std::string()>& store_currency) {
  ProductSearch search;
  search.q = request.query("q").value_or("");
  search.category = request.query("category");
  search.vendor = request.query("vendor");
  search.tag = request.query("tag");

  // Price bounds are integer minor units in the store's currency, like
  // every amount in this API.
  auto min_price = query_integer(request, "min_price");
  auto max_price = query_integer(request, "max_price");
  if (min_price || max_price) {
    std::string currency = store_currency();
    if (min_price) search.min_price = Money(*min_price, currency);
    if (max_price) search.max_price = Money(*max_price, currency);
  }

  search.in_stock = query_bool(request, "in_stock", false);
  search.status = query_enum(request, "status", [](std::string_view text) {
    return product_status_from_string(text);
  });
  search.sort = query_enum(request, "sort", [](std::string_view text) {
                  return product_sort_from_string(text);
                }).value_or(ProductSort::newest);
  PageRequest page = page_request(request);
  search.limit = page.limit;
  search.cursor = page.cursor;
  return search;
}

void add_store_routes(Router& router, RouteContext context) {
  StoreService& stores = context.platform.stores();

  router.add("POST", "/api/v1/stores", Auth::required,
             [&stores](const RouteRequest& request) {
               auto input = request.json_body().get<CreateStoreRequest>();
               return json_reply(
                   201, stores.create_store(request.principal(), input));
             });

  router.add("GET", "/api/v1/stores", Auth::required,
             [&stores](const RouteRequest& request) {
               // NOTE: the library returns every membership at once, so
               // this list is always one page and ignores limit and cursor.
               return json_reply(
                   200,
                   whole_list_json(stores.list_my_stores(request.principal())));
             });

  router.add("GET", "/api/v1/stores/{handle}", Auth::none,
             [&stores](const RouteRequest& request) {
               return json_reply(
                   200, stores.get_public_store(request.path_param("handle")));
             });

  router.add(
      "GET", "/api/v1/stores/{handle}/products", Auth::optional,
      [&stores](const RouteRequest& request) {
        const std::string& handle = request.path_param("handle");
        ProductSearch search = product_search(
            request, [&] { return stores.get_public_store(handle).currency; });
        return product_page_reply(200, stores.search_products(request.principal(),
                                                      handle, search));
      });

  router.add("GET", "/api/v1/stores/{handle}/products/{product_handle}",
             Auth::optional, [&stores](const RouteRequest& request) {
               return product_reply(
                   200, stores.get_product(
                            request.principal(), request.path_param("handle"),
                            request.path_param("product_handle")));
             });

  router.add("POST", "/api/v1/stores/{handle}/checkout", Auth::optional,
             [&stores](const RouteRequest& request) {
               auto input = request.json_body().get<CheckoutRequest>();
               if (auto key = request.header("Idempotency-Key")) {
                 input.idempotency_key = *key;
               }
               return json_reply(
                   201, stores.checkout(request.principal(),
                                        request.path_param("handle"), input));
             });

  router.add("GET", "/api/v1/stores/{handle}/orders", Auth::required,
             [&stores](const RouteRequest& request) {
               return json_reply(
                   200, page_to_json(stores.list_my_orders(
                            request.principal(), request.path_param("handle"),
                            page_request(request))));
             });

  router.add("GET", "/api/v1/stores/{handle}/orders/{order_id}", Auth::required,
             [&stores](const RouteRequest& request) {
               return json_reply(
                   200, stores.get_my_order(
                            request.principal(), request.path_param("handle"),
                            OrderId(request.path_param("order_id"))));
             });
}

}  // namespace shopkit::http
