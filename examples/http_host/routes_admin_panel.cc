// /api/v1/admin/stores/{store_id}/members, .../theme, .../dashboard and
// .../customers: who works on a store, how its storefront looks, and
// what it sold to whom. The library checks the member's rights on every
// call.
#include "query_params.h"
#include "routes.h"
#include "shopkit/admin_service.h"
#include "shopkit/json.h"

namespace shopkit::http {

namespace {

StoreId store_id(const RouteRequest& request) {
  return StoreId(request.path_param("store_id"));
}

UserId member_id(const RouteRequest& request) {
  return UserId(request.path_param("user_id"));
}

StoreRole role_from_body(const nlohmann::json& body) {
  std::string role = json_fields::required_string(body, "role");
  try {
    return store_role_from_string(role);
  } catch (const Error& error) {
    throw Error(error.code(), error.what(), "role");
  }
}

// Reads a required ISO 8601 time from the query, such as from=2026-12-01.
Timestamp query_time(const RouteRequest& request, std::string_view name) {
  auto text = request.query(name);
  if (!text) {
    throw Error(ErrorCode::invalid_argument,
                "query parameter '" + std::string(name) +
                    "' is missing; give a date such as 2026-12-01",
                std::string(name));
  }
  return timestamp_from_json(nlohmann::json(*text), name);
}

void add_dashboard_routes(Router& router, AdminService& admin) {
  const std::string store = "/api/v1/admin/stores/{store_id}";

  router.add("GET", store + "/dashboard", Auth::required,
             [&admin](const RouteRequest& request) {
               DashboardRequest range;
               range.from = query_time(request, "from");
               range.to = query_time(request, "to");
               if (auto threshold =
                       query_integer(request, "low_stock_threshold")) {
                 range.low_stock_threshold = *threshold;
               }
               return json_reply(200, admin.get_dashboard(request.principal(),
                                                          store_id(request),
                                                          range));
             });

  router.add("GET", store + "/customers", Auth::required,
             [&admin](const RouteRequest& request) {
               CustomerQuery query;
               query.text = request.query("q").value_or("");
               query.page = page_request(request);
               return json_reply(
                   200, page_to_json(admin.list_customers(
                            request.principal(), store_id(request), query)));
             });

  router.add("GET", store + "/customers/{customer_id}", Auth::required,
             [&admin](const RouteRequest& request) {
               return json_reply(
                   200, admin.get_customer(
                            request.principal(), store_id(request),
                            CustomerId(request.path_param("customer_id"))));
             });

  router.add("GET", store + "/customers/{customer_id}/orders", Auth::required,
             [&admin](const RouteRequest& request) {
               return json_reply(
                   200, page_to_json(admin.list_customer_orders(
                            request.principal(), store_id(request),
                            CustomerId(request.path_param("customer_id")),
                            page_request(request))));
             });
}

}  // namespace

void add_admin_panel_routes(Router& router, RouteContext context) {
  AdminService& admin = context.platform.admin();
  const std::string members = "/api/v1/admin/stores/{store_id}/members";

  router.add(
      "GET", members, Auth::required, [&admin](const RouteRequest& request) {
        // NOTE: the library returns every member at once, so this
        // list is always one page and ignores limit and cursor.
        auto list = admin.list_members(request.principal(), store_id(request));
        return json_reply(200, whole_list_json(list));
      });

  router.add(
      "POST", members, Auth::required, [&admin](const RouteRequest& request) {
        const auto& body = request.json_body();
        return json_reply(
            201, admin.add_member(request.principal(), store_id(request),
                                  json_fields::required_string(body, "email"),
                                  role_from_body(body)));
      });

  router.add("PATCH", members + "/{user_id}", Auth::required,
             [&admin](const RouteRequest& request) {
               return json_reply(200, admin.change_member_role(
                                          request.principal(),
                                          store_id(request), member_id(request),
                                          role_from_body(request.json_body())));
             });

  router.add("DELETE", members + "/{user_id}", Auth::required,
             [&admin](const RouteRequest& request) {
               admin.remove_member(request.principal(), store_id(request),
                                   member_id(request));
               return no_content();
             });

  const std::string theme = "/api/v1/admin/stores/{store_id}/theme";

  router.add(
      "PUT", theme, Auth::required, [&admin](const RouteRequest& request) {
        std::string handle =
            json_fields::required_string(request.json_body(), "handle");
        return json_reply(200, admin.apply_theme(request.principal(),
                                                 store_id(request), handle));
      });

  router.add("GET", theme + "/settings", Auth::required,
             [&admin](const RouteRequest& request) {
               return json_reply(200, admin.get_store_theme(request.principal(),
                                                            store_id(request)));
             });

  router.add("PATCH", theme + "/settings", Auth::required,
             [&admin](const RouteRequest& request) {
               auto changes =
                   theme_setting_changes_from_json(request.json_body());
               return json_reply(
                   200, admin.update_theme_settings(
                            request.principal(), store_id(request), changes));
             });

  add_dashboard_routes(router, admin);
}

}  // namespace shopkit::http
