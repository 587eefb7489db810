// /api/v1/admin/stores/{store_id}: a store's admin panel for its members:
// settings, catalog, stock and orders. The library checks the member's
// rights on every call.
#include "query_params.h"
#include "routes.h"
#include "shopkit/admin_service.h"
#include "shopkit/json.h"
#include "shopkit/product_csv.h"
#include "shopkit/store_service.h"

namespace shopkit::http {

namespace {

StoreId store_id(const RouteRequest& request) {
  return StoreId(request.path_param("store_id"));
}

ProductId product_id(const RouteRequest& request) {
  return ProductId(request.path_param("product_id"));
}

OrderId order_id(const RouteRequest& request) {
  return OrderId(request.path_param("order_id"));
}

// The store with its settings, as GET and PATCH on the store return it.
nlohmann::json store_with_settings(const Store& store,
                                   const StoreSettings& settings) {
  nlohmann::json out = store;
  out["settings"] = settings;
  return out;
}

void add_settings_routes(Router& router, Platform& platform) {
  AdminService& admin = platform.admin();
  StoreService& stores = platform.stores();

  router.add("GET", "/api/v1/admin/stores/{store_id}", Auth::required,
             [&admin, &stores](const RouteRequest& request) {
               StoreId store = store_id(request);
               Store found = stores.get_store(request.principal(), store);
               return json_reply(
                   200,
                   store_with_settings(
                       found, admin.get_settings(request.principal(), store)));
             });

  router.add("PATCH", "/api/v1/admin/stores/{store_id}", Auth::required,
             [&admin, &stores](const RouteRequest& request) {
               StoreId store = store_id(request);
               auto update = request.json_body().get<StoreSettingsUpdate>();
               StoreSettings settings =
                   admin.update_settings(request.principal(), store, update);
               return json_reply(
                   200,
                   store_with_settings(
                       stores.get_store(request.principal(), store), settings));
             });
}


void add_admin_catalog_routes(Router& router, Platform& platform) {
  AdminService& admin = platform.admin();
  StoreService& stores = platform.stores();
  const std::string products = "/api/v1/admin/stores/{store_id}/products";

  router.add("GET", products, Auth::required,
             [&admin, &stores](const RouteRequest& request) {
               StoreId store = store_id(request);
               ProductSearch search = product_search(request, [&] {
                 return stores.get_store(request.principal(), store).currency;
               });
               return product_page_reply(200, admin.list_products(
                                          request.principal(), store, search));
             });

  router.add(
      "POST", products, Auth::required, [&admin](const RouteRequest& request) {
        auto input = request.json_body().get<ProductInput>();
        return product_reply(201, admin.create_product(request.principal(),
                                                    store_id(request), input));
      });

  router.add("GET", products + "/{product_id}", Auth::required,
             [&admin](const RouteRequest& request) {
               return product_reply(200, admin.get_product(request.principal(),
                                                        store_id(request),
                                                        product_id(request)));
             });

  router.add("GET", products + "/by-handle/{product_handle}", Auth::required,
             [&admin](const RouteRequest& request) {
               return product_reply(200, admin.get_product_by_handle(
                                          request.principal(),
                                          store_id(request),
                                          request.path_param("product_handle")));
             });

  router.add("PATCH", products + "/{product_id}", Auth::required,
             [&admin](const RouteRequest& request) {
               auto update = request.json_body().get<ProductUpdate>();
               return product_reply(
                   200,
                   admin.update_product(request.principal(), store_id(request),
                                        product_id(request), update));
             });

  router.add("DELETE", products + "/{product_id}", Auth::required,
             [&admin](const RouteRequest& request) {
               admin.delete_product(request.principal(), store_id(request),
                                    product_id(request));
               return no_content();
             });

  const std::string inventory = "/api/v1/admin/stores/{store_id}/inventory";

  router.add(
      "GET", inventory, Auth::required, [&admin](const RouteRequest& request) {
        auto sku = request.query("sku");
        if (!sku) {
          throw Error(ErrorCode::invalid_argument,
                      "missing query parameter 'sku'", "sku");
        }
        return json_reply(
            200, admin.get_stock(request.principal(), store_id(request), *sku));
      });

  router.add("POST", inventory + "/adjust", Auth::required,
             [&admin](const RouteRequest& request) {
               const auto& body = request.json_body();
               return json_reply(
                   200, admin.adjust_stock(
                            request.principal(), store_id(request),
                            json_fields::required_string(body, "sku"),
                            json_fields::required_integer(body, "delta"),
                            json_fields::required_string(body, "reason")));
             });

  router.add("POST", inventory + "/set", Auth::required,
             [&admin](const RouteRequest& request) {
               const auto& body = request.json_body();
               return json_reply(
                   200,
                   admin.set_stock(
                       request.principal(), store_id(request),
                       json_fields::required_string(body, "sku"),
                       json_fields::required_integer(body, "stock"),
                       json_fields::required_string(body, "reason"),
                       json_fields::optional_integer(body, "expected_stock")));
             });

  router.add("GET", inventory + "/ledger", Auth::required,
             [&admin](const RouteRequest& request) {
               return json_reply(200,
                                 page_to_json(admin.list_inventory_ledger(
                                     request.principal(), store_id(request),
                                     request.query("sku").value_or(""),
                                     page_request(request))));
             });
}

void add_admin_order_routes(Router& router, Platform& platform) {
  AdminService& admin = platform.admin();
  const std::string orders = "/api/v1/admin/stores/{store_id}/orders";

  router.add(
      "GET", orders, Auth::required, [&admin](const RouteRequest& request) {
        OrderQuery query;
        query.status = query_enum(request, "status", [](std::string_view text) {
          return order_status_from_string(text);
        });
        PageRequest page = page_request(request);
        query.limit = page.limit;
        query.cursor = page.cursor;
        return json_reply(
            200, page_to_json(admin.list_orders(request.principal(),
                                                store_id(request), query)));
      });

  router.add("GET", orders + "/{order_id}", Auth::required,
             [&admin](const RouteRequest& request) {
               return json_reply(
                   200, admin.get_order(request.principal(), store_id(request),
                                        order_id(request)));
             });

  using Transition =
      Order (AdminService::*)(const Principal&, const StoreId&, const OrderId&);
  const std::pair<const char*, Transition> transitions[] = {
      {"/pay", &AdminService::pay_order},
      {"/fulfill", &AdminService::fulfill_order},
      {"/cancel", &AdminService::cancel_order},
  };
  for (const auto& entry : transitions) {
    Transition transition = entry.second;
    router.add("POST", orders + "/{order_id}" + entry.first, Auth::required,
               [&admin, transition](const RouteRequest& request) {
                 return json_reply(200, (admin.*transition)(request.principal(),
                                                            store_id(request),
                                                            order_id(request)));
               });
  }

  router.add(
      "POST", orders + "/{order_id}/refunds", Auth::required,
      [&admin](const RouteRequest& request) {
        const auto& body = request.json_body();
        auto amount_it = body.find("amount");
        if (amount_it == body.end()) {
          throw Error(ErrorCode::invalid_argument, "missing field 'amount'",
                      "amount");
        }
        Money amount = amount_it->get<Money>();
        return json_reply(
            201,
            admin.refund_order(
                request.principal(), store_id(request), order_id(request),
                amount,
                json_fields::optional_string(body, "reason").value_or("")));
      });
}

void add_admin_csv_routes(Router& router, Platform& platform) {
  AdminService& admin = platform.admin();

  router.add(
      "POST", "/api/v1/admin/stores/{store_id}/import", Auth::required,
      [&admin](const RouteRequest& request) {
        std::string content_type =
            request.header("Content-Type").value_or("text/csv");
        std::string media_type = content_type.substr(0, content_type.find(';'));
        if (media_type != "text/csv") {
          throw Error(ErrorCode::invalid_argument,
                      "the request body must be text/csv, not '" + media_type +
                          "'",
                      "body");
        }
        ImportOptions options;
        options.dry_run = query_bool(request, "dry_run", false);
        options.format =
            query_enum(request, "format", [](std::string_view text) {
              return import_format_from_string(text);
            }).value_or(ImportFormat::detect);
        return json_reply(
            200, admin.import_products(request.principal(), store_id(request),
                                       request.body(), options));
      });

  router.add("GET", "/api/v1/admin/stores/{store_id}/export", Auth::required,
             [&admin](const RouteRequest& request) {
               StoreId store = store_id(request);
               Reply reply;
               reply.body = admin.export_products(request.principal(), store);
               reply.content_type = "text/csv; charset=utf-8";
               reply.headers.emplace_back(
                   "Content-Disposition",
                   "attachment; filename=\"" + store.str() + ".csv\"");
               return reply;
             });
}

}  // namespace

void add_admin_routes(Router& router, RouteContext context) {
  add_settings_routes(router, context.platform);
  add_admin_catalog_routes(router, context.platform);
  add_admin_order_routes(router, context.platform);
  add_admin_csv_routes(router, context.platform);
}

}  // namespace shopkit::http
