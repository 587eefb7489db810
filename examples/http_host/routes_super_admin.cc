// /api/v1/super-admin/...: the platform's users, stores, signing keys,
// figures and audit log. The library lets only super admins call these.
#include "query_params.h"
#include "routes.h"
#include "shopkit/json.h"
#include "shopkit/super_admin_service.h"

namespace shopkit::http {

namespace {

UserId user_id(const RouteRequest& request) {
  return UserId(request.path_param("user_id"));
}

StoreId store_id(const RouteRequest& request) {
  return StoreId(request.path_param("store_id"));
}

std::optional<Timestamp> query_time(const RouteRequest& request,
                                    std::string_view name) {
  auto text = request.query(name);
  if (!text) return std::nullopt;
  return timestamp_from_json(nlohmann::json(*text), name);
}

UserQuery user_query(const RouteRequest& request) {
  UserQuery query;
  query.text = request.query("q").value_or("");
  query.role = query_enum(request, "role", [](std::string_view text) {
    return platform_role_from_string(text);
  });
  query.status = query_enum(request, "status", [](std::string_view text) {
    return user_status_from_string(text);
  });
  query.created_from = query_time(request, "created_from");
  query.created_to = query_time(request, "created_to");
  query.page = page_request(request);
  return query;
}

StoreQuery store_query(const RouteRequest& request) {
  StoreQuery query;
  query.text = request.query("q").value_or("");
  query.status = query_enum(request, "status", [](std::string_view text) {
    return store_status_from_string(text);
  });
  if (auto owner = request.query("owner_id")) query.owner_id = UserId(*owner);
  query.page = page_request(request);
  return query;
}

AuditQuery audit_query(const RouteRequest& request) {
  AuditQuery query;
  if (auto actor = request.query("actor_id")) query.actor_id = UserId(*actor);
  query.target_id = request.query("target_id").value_or("");
  query.action = request.query("action").value_or("");
  query.from = query_time(request, "from");
  query.to = query_time(request, "to");
  query.page = page_request(request);
  return query;
}

void add_user_routes(Router& router, SuperAdminService& panel) {
  const std::string users = "/api/v1/super-admin/users";

  router.add("GET", users, Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(200, page_to_json(panel.list_users(
                                          request.principal(),
                                          user_query(request))));
             });

  router.add("GET", users + "/{user_id}", Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(
                   200, panel.get_user(request.principal(), user_id(request)));
             });

  router.add("PATCH", users + "/{user_id}", Auth::required,
             [&panel](const RouteRequest& request) {
               std::string role =
                   json_fields::required_string(request.json_body(), "role");
               PlatformRole parsed = PlatformRole::customer;
               try {
                 parsed = platform_role_from_string(role);
               } catch (const Error& error) {
                 throw Error(error.code(), error.what(), "role");
               }
               return json_reply(200, panel.change_user_role(
                                          request.principal(),
                                          user_id(request), parsed));
             });

  router.add("DELETE", users + "/{user_id}", Auth::required,
             [&panel](const RouteRequest& request) {
               panel.delete_user(request.principal(), user_id(request));
               return no_content();
             });

  router.add("POST", users + "/{user_id}/suspend", Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(200, panel.suspend_user(request.principal(),
                                                         user_id(request)));
             });

  router.add("POST", users + "/{user_id}/reactivate", Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(200, panel.reactivate_user(
                                          request.principal(),
                                          user_id(request)));
             });
}

void add_store_admin_routes(Router& router, SuperAdminService& panel) {
  const std::string stores = "/api/v1/super-admin/stores";

  router.add("GET", stores, Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(200, page_to_json(panel.list_stores(
                                          request.principal(),
                                          store_query(request))));
             });

  router.add("GET", stores + "/{store_id}", Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(200, panel.get_store(request.principal(),
                                                      store_id(request)));
             });

  router.add("DELETE", stores + "/{store_id}", Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(200, panel.delete_store(request.principal(),
                                                         store_id(request)));
             });

  router.add("POST", stores + "/{store_id}/suspend", Auth::required,
             [&panel](const RouteRequest& request) {
               std::string reason =
                   json_fields::optional_string(request.json_body_or_empty(),
                                                "reason")
                       .value_or("");
               return json_reply(200, panel.suspend_store(request.principal(),
                                                          store_id(request),
                                                          reason));
             });

  router.add("POST", stores + "/{store_id}/reactivate", Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(200, panel.reactivate_store(
                                          request.principal(),
                                          store_id(request)));
             });

  router.add("POST", stores + "/{store_id}/restore", Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(200, panel.restore_store(request.principal(),
                                                          store_id(request)));
             });

  router.add("POST", stores + "/purge", Auth::required,
             [&panel](const RouteRequest& request) {
               nlohmann::json purged = nlohmann::json::array();
               for (const StoreId& id :
                    panel.purge_deleted_stores(request.principal())) {
                 purged.push_back(id.str());
               }
               return json_reply(200, {{"purged", std::move(purged)}});
             });
}

void add_signing_key_routes(Router& router, SuperAdminService& panel) {
  const std::string keys = "/api/v1/super-admin/signing-keys";

  router.add("GET", keys, Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(200, whole_list_json(panel.list_signing_keys(
                                          request.principal())));
             });

  router.add("POST", keys, Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(201, {{"kid", panel.rotate_signing_key(
                                                   request.principal())}});
             });

  router.add("DELETE", keys + "/{kid}", Auth::required,
             [&panel](const RouteRequest& request) {
               panel.retire_signing_key(request.principal(),
                                        request.path_param("kid"));
               return no_content();
             });
}

}  // namespace

void add_super_admin_routes(Router& router, RouteContext context) {
  SuperAdminService& panel = context.platform.super_admin();
  add_user_routes(router, panel);
  add_store_admin_routes(router, panel);
  add_signing_key_routes(router, panel);

  router.add("GET", "/api/v1/super-admin/stats", Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(200, panel.get_figures(request.principal()));
             });

  router.add("GET", "/api/v1/super-admin/audit-log", Auth::required,
             [&panel](const RouteRequest& request) {
               return json_reply(200, page_to_json(panel.list_audit_log(
                                          request.principal(),
                                          audit_query(request))));
             });
}

}  // namespace shopkit::http
