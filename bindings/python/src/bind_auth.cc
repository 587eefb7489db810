// Python binding of AuthService and its value types.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

namespace {

void bind_auth_values(py::module_& module) {
  ValueClass<User>(module, "User",
                   "A platform account as callers see it; never carries "
                   "the password hash.")
      .field("id", &User::id, "The user's id, 'usr_...'.")
      .field("email", &User::email, "As registered, trimmed; case is kept.")
      .field("name", &User::name, "Display name.")
      .field("role", &User::role, "PlatformRole.")
      .field("status", &User::status, "UserStatus.")
      .field("email_verified_at", &User::email_verified_at,
             "When the email was verified, or None.")
      .field("created_at", &User::created_at, "Aware datetime in UTC.")
      .field("updated_at", &User::updated_at, "Aware datetime in UTC.")
      .finish();

  ValueClass<LoginResult>(module, "LoginResult",
                          "What login() and refresh() return. repr() hides "
                          "both tokens.")
      .field("access_token", &LoginResult::access_token,
             "The JWT for 'Authorization: Bearer <token>'.",
             FieldStyle::secret)
      .field("refresh_token", &LoginResult::refresh_token,
             "Exchange it with refresh() for a new pair; it works once.",
             FieldStyle::secret)
      .field("token_type", &LoginResult::token_type, "Always 'Bearer'.")
      .field("expires_in", &LoginResult::expires_in,
             "Access token lifetime in seconds.")
      .field("user", &LoginResult::user, "The signed-in User.")
      .finish();

  ValueClass<OneTimeToken>(module, "OneTimeToken",
                           "A password reset or email verification token "
                           "for the host to deliver; shopkit sends no mail. "
                           "repr() hides the token.")
      .field("token", &OneTimeToken::token, "The single-use token.",
             FieldStyle::secret)
      .field("user_id", &OneTimeToken::user_id, "The account's id.")
      .field("email", &OneTimeToken::email, "The address to send it to.")
      .field("expires_at", &OneTimeToken::expires_at,
             "Aware datetime in UTC after which it is rejected.")
      .finish();

  ValueClass<SigningKeyInfo>(module, "SigningKeyInfo",
                             "A key that signs and verifies access tokens; "
                             "the secret never leaves the library.")
      .field("kid", &SigningKeyInfo::kid, "The key id in the JWT header.")
      .field("created_at", &SigningKeyInfo::created_at,
             "Aware datetime in UTC.")
      .field("retired_at", &SigningKeyInfo::retired_at,
             "When it stopped verifying, or None while it verifies.")
      .finish();
}

User register_user(AuthService& auth, std::string email, std::string password,
                   std::string name, PlatformRole role) {
  RegisterRequest request{.email = std::move(email),
                          .password = std::move(password),
                          .name = std::move(name),
                          .role = role};
  py::gil_scoped_release release;
  return auth.register_user(request);
}

LoginResult login(AuthService& auth, std::string email, std::string password,
                  std::optional<std::string> client_key) {
  LoginRequest request{.email = std::move(email),
                       .password = std::move(password),
                       .client_key = std::move(client_key)};
  py::gil_scoped_release release;
  return auth.login(request);
}

}  // namespace

void bind_auth(py::module_& module) {
  bind_auth_values(module);

  // The Platform owns the service; Python only borrows it.
  py::class_<AuthService, std::unique_ptr<AuthService, py::nodelete>>(
      module, "AuthService",
      "Accounts, passwords, sessions and tokens; Platform.auth. "
      "Thread-safe; every method releases the GIL. Error messages name "
      "emails and ids but never a password, token, key or hash.")
      .def("register", &register_user, py::kw_only(), py::arg("email"),
           py::arg("password"), py::arg("name"),
           py::arg("role") = PlatformRole::customer,
           "Create a customer or merchant account and return its User. "
           "Raises InvalidArgument for a malformed email, a password "
           "outside 8..1024 bytes or a bad name (field names it), "
           "PermissionDenied for role super_admin, AlreadyExists when the "
           "email is taken.")
      .def("bootstrap_super_admin", without_gil(&AuthService::bootstrap_super_admin),
           py::kw_only(), py::arg("email"), py::arg("password"),
           py::arg("name"),
           "Create the first super admin. Raises FailedPrecondition when "
           "an active or suspended super admin exists; validates like "
           "register().")
      .def("login", &login, py::kw_only(), py::arg("email"),
           py::arg("password"), py::arg("client_key") = py::none(),
           "Check the password, open a session and return a LoginResult. "
           "`client_key` (for example the client's IP address) adds a "
           "per-client throttle. Raises Unauthenticated for a wrong "
           "email or password or a suspended account, LoginThrottled (a "
           "ResourceExhausted with retry_after) past the failed-login "
           "limit, InvalidArgument for an empty email.")
      .def("authenticate", without_gil(&AuthService::authenticate),
           py::arg("access_token"),
           "Verify an access token and return its Principal. Raises "
           "Unauthenticated for any token that is malformed, expired, "
           "revoked, signed with an unknown key or issued for another "
           "issuer or audience.")
      .def("me", without_gil(&AuthService::me), py::arg("principal"),
           "Return the signed-in User. Raises Unauthenticated for the "
           "anonymous principal or a user who is no longer active.")
      .def("refresh", without_gil(&AuthService::refresh),
           py::arg("refresh_token"),
           "Exchange a refresh token for a new LoginResult in the same "
           "session. Raises Unauthenticated for an unknown, expired or "
           "revoked token; presenting an already exchanged token revokes "
           "the whole session.")
      .def("logout", without_gil(&AuthService::logout), py::arg("principal"),
           "End the principal's session. Raises Unauthenticated for the "
           "anonymous principal.")
      .def("logout_all", without_gil(&AuthService::logout_all),
           py::arg("principal"),
           "End every session of the principal's user. Raises "
           "Unauthenticated for the anonymous principal.")
      .def("change_password", without_gil(&AuthService::change_password),
           py::arg("principal"), py::kw_only(), py::arg("current_password"),
           py::arg("new_password"),
           "Replace the password after checking the current one, ending "
           "every other session. Raises Unauthenticated when "
           "current_password is wrong, InvalidArgument when the new one is "
           "out of bounds.")
      .def("request_password_reset",
           without_gil(&AuthService::request_password_reset),
           py::arg("email"),
           "Issue a password reset OneTimeToken, or return None for an "
           "unknown, suspended or deleted account; answer the client the "
           "same way in both cases so emails cannot be probed.")
      .def("reset_password", without_gil(&AuthService::reset_password),
           py::arg("token"), py::arg("new_password"),
           "Set a new password with a reset token (which works once) and "
           "end every session of the user. Raises Unauthenticated for an "
           "unknown, used or expired token, InvalidArgument for a bad "
           "password.")
      .def("request_email_verification",
           without_gil(&AuthService::request_email_verification),
           py::arg("principal"),
           "Issue an email verification OneTimeToken for the principal's "
           "account. Raises Unauthenticated for the anonymous principal.")
      .def("verify_email", without_gil(&AuthService::verify_email),
           py::arg("token"),
           "Mark the token's account as verified and return the User; the "
           "token works once. Raises Unauthenticated for an unknown, used "
           "or expired token.")
      .def("rotate_signing_key", without_gil(&AuthService::rotate_signing_key),
           "Add a signing key that signs every new access token and "
           "return its kid; older keys keep verifying until retired. The "
           "three key methods here take no principal and write no audit "
           "entry, so they are for the process that owns the data folder; "
           "on a user's behalf use the SuperAdminService ones.")
      .def("retire_signing_key", without_gil(&AuthService::retire_signing_key),
           py::arg("kid"),
           "Stop accepting tokens signed with `kid`. Raises NotFound for "
           "an unknown kid, FailedPrecondition for the only active key.")
      .def("list_signing_keys", without_gil(&AuthService::list_signing_keys),
           "Return every SigningKeyInfo, newest first.");
}

}  // namespace shopkit::python
