// Route registration, one function per area of the API. Each adds its
// routes to the Router, and docs/http-api.md describes them.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "mail_outbox.h"
#include "router.h"
#include "shopkit/catalog.h"
#include "shopkit/platform.h"

namespace shopkit::http {

// The objects that route handlers share. Each outlives the Router.
struct RouteContext {
  Platform& platform;
  MailOutbox& outbox;
};

// GET /healthz.
void add_health_routes(Router& router);

// /api/v1/auth/...: accounts, sessions and tokens.
void add_auth_routes(Router& router, RouteContext context);

// /api/v1/themes and /api/v1/super-admin/themes.
void add_theme_routes(Router& router, RouteContext context);

// /api/v1/admin/stores/{store_id}/members and .../theme.
void add_admin_panel_routes(Router& router, RouteContext context);

// /api/v1/stores/...: creating stores, the public catalog, checkout and
// the buyer's own orders.
void add_store_routes(Router& router, RouteContext context);

// /api/v1/admin/stores/{store_id}/...: settings, catalog, stock, orders.
void add_admin_routes(Router& router, RouteContext context);

// /api/v1/super-admin/...: users, stores, figures and the audit log.
void add_super_admin_routes(Router& router, RouteContext context);

// Reads a catalog query (q, category, vendor, tag, min_price, max_price,
// in_stock, status, sort, limit, cursor). `store_currency` is called only
// when a price bound is given, because bounds are minor units of the
// store's currency.
ProductSearch product_search(
    const RouteRequest& request,
    const std::function<std::string()>& store_currency);

}  // namespace shopkit::http
