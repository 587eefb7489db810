// /api/v1/themes (the public theme catalog) and
// /api/v1/super-admin/themes (managing it).
#include "query_params.h"
#include "routes.h"
#include "shopkit/json.h"
#include "shopkit/theme_service.h"

namespace shopkit::http {

namespace {

// The theme lists are short and the library returns them whole, so they
// are one page with a null next_cursor.
Reply theme_list(const std::vector<Theme>& themes) {
  return json_reply(200, whole_list_json(themes));
}

}  // namespace

void add_theme_routes(Router& router, RouteContext context) {
  ThemeService& themes = context.platform.themes();

  router.add("GET", "/api/v1/themes", Auth::none,
             [&themes](const RouteRequest&) {
               return theme_list(themes.list_published_themes());
             });

  router.add("GET", "/api/v1/themes/{handle}", Auth::optional,
             [&themes](const RouteRequest& request) {
               return json_reply(
                   200, themes.get_theme(request.principal(),
                                         request.path_param("handle")));
             });

  const std::string managed = "/api/v1/super-admin/themes";

  router.add(
      "GET", managed, Auth::required, [&themes](const RouteRequest& request) {
        auto status = query_enum(request, "status", [](std::string_view text) {
          return theme_status_from_string(text);
        });
        return theme_list(themes.list_themes(request.principal(), status));
      });

  router.add(
      "POST", managed, Auth::required, [&themes](const RouteRequest& request) {
        auto draft = request.json_body().get<ThemeDraft>();
        return json_reply(201, themes.create_theme(request.principal(), draft));
      });

  router.add("PUT", managed + "/{handle}", Auth::required,
             [&themes](const RouteRequest& request) {
               auto draft = request.json_body().get<ThemeDraft>();
               return json_reply(200, themes.update_theme(
                                          request.principal(),
                                          request.path_param("handle"), draft));
             });

  router.add("POST", managed + "/{handle}/publish", Auth::required,
             [&themes](const RouteRequest& request) {
               return json_reply(
                   200, themes.publish_theme(request.principal(),
                                             request.path_param("handle")));
             });

  router.add("POST", managed + "/{handle}/retire", Auth::required,
             [&themes](const RouteRequest& request) {
               return json_reply(
                   200, themes.retire_theme(request.principal(),
                                            request.path_param("handle")));
             });
}

}  // namespace shopkit::http
