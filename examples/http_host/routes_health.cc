#include "routes.h"

namespace shopkit::http {

void add_health_routes(Router& router) {
  // Responds without touching storage, so it shows only that the process
  // accepts and serves requests.
  router.add("GET", "/healthz", Auth::none, [](const RouteRequest&) {
    return json_reply(200, nlohmann::json{{"status", "ok"}});
  });
}

}  // namespace shopkit::http
