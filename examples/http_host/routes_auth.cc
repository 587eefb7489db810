#include "routes.h"
#include "shopkit/auth_service.h"
#include "shopkit/json.h"

namespace shopkit::http {

namespace {

// The response to a request whose outcome must not reveal whether an
// account exists.
Reply accepted() { return json_reply(202, {{"status", "accepted"}}); }

}  // namespace

void add_auth_routes(Router& router, RouteContext context) {
  AuthService& auth = context.platform.auth();
  MailOutbox& outbox = context.outbox;

  router.add("POST", "/api/v1/auth/register", Auth::none,
             [&auth](const RouteRequest& request) {
               auto input = request.json_body().get<RegisterRequest>();
               return json_reply(201, auth.register_user(input));
             });

  router.add("POST", "/api/v1/auth/login", Auth::none,
             [&auth](const RouteRequest& request) {
               auto input = request.json_body().get<LoginRequest>();
               // Throttling per client uses the peer address, never a
               // value the client could choose.
               input.client_key = request.raw().remote_addr;
               return json_reply(200, auth.login(input));
             });

  router.add("POST", "/api/v1/auth/refresh", Auth::none,
             [&auth](const RouteRequest& request) {
               std::string token = json_fields::required_string(
                   request.json_body(), "refresh_token");
               return json_reply(200, auth.refresh(token));
             });

  router.add("POST", "/api/v1/auth/logout", Auth::required,
             [&auth](const RouteRequest& request) {
               auth.logout(request.principal());
               return no_content();
             });

  router.add("POST", "/api/v1/auth/logout-all", Auth::required,
             [&auth](const RouteRequest& request) {
               auth.logout_all(request.principal());
               return no_content();
             });

  router.add("GET", "/api/v1/auth/me", Auth::required,
             [&auth](const RouteRequest& request) {
               return json_reply(200, auth.me(request.principal()));
             });

  router.add("POST", "/api/v1/auth/password", Auth::required,
             [&auth](const RouteRequest& request) {
               const auto& body = request.json_body();
               auth.change_password(
                   request.principal(),
                   json_fields::required_string(body, "current_password"),
                   json_fields::required_string(body, "new_password"));
               return no_content();
             });

  router.add("POST", "/api/v1/auth/password-reset", Auth::none,
             [&auth, &outbox](const RouteRequest& request) {
               std::string email =
                   json_fields::required_string(request.json_body(), "email");
               auto token = auth.request_password_reset(email);
               if (token) outbox.deliver("password-reset", *token);
               return accepted();
             });

  router.add("POST", "/api/v1/auth/password-reset/confirm", Auth::none,
             [&auth](const RouteRequest& request) {
               const auto& body = request.json_body();
               auth.reset_password(
                   json_fields::required_string(body, "token"),
                   json_fields::required_string(body, "new_password"));
               return no_content();
             });

  router.add("POST", "/api/v1/auth/email-verification", Auth::required,
             [&auth, &outbox](const RouteRequest& request) {
               auto token =
                   auth.request_email_verification(request.principal());
               outbox.deliver("email-verification", token);
               return accepted();
             });

  router.add("POST", "/api/v1/auth/email-verification/confirm", Auth::none,
             [&auth](const RouteRequest& request) {
               std::string token =
                   json_fields::required_string(request.json_body(), "token");
               return json_reply(200, auth.verify_email(token));
             });
}

}  // namespace shopkit::http
