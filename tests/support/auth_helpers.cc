#include "support/auth_helpers.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace shopkit::testing {

namespace {

// Promotes `user` in platform.db directly. The super-admin panel is the
// real path, but this helper must not depend on it.
void promote_to_super_admin(Platform& platform, const UserId& user) {
  SQLite::Database db(
      (platform.options().data_dir / "platform.db").string(),
      SQLite::OPEN_READWRITE);
  db.setBusyTimeout(10000);
  SQLite::Statement update(
      db, "UPDATE users SET role = 'super_admin' WHERE id = ?");
  update.bind(1, user.str());
  update.exec();
}

}  // namespace

LoginResult log_in(Platform& platform, std::string email) {
  return platform.auth().login(
      LoginRequest{std::move(email), std::string(kTestPassword), {}});
}

Principal sign_up(Platform& platform, std::string email, PlatformRole role) {
  platform.auth().register_user(
      RegisterRequest{email, std::string(kTestPassword), "Test User", role});
  LoginResult login = log_in(platform, std::move(email));
  return platform.auth().authenticate(login.access_token);
}

Principal make_super_admin(Platform& platform, std::string email) {
  try {
    platform.auth().bootstrap_super_admin(email, kTestPassword, "Test Admin");
  } catch (const Error& error) {
    if (error.code() != ErrorCode::failed_precondition) throw;
    User user = platform.auth().register_user(RegisterRequest{
        email, std::string(kTestPassword), "Test Admin",
        PlatformRole::customer});
    promote_to_super_admin(platform, user.id);
  }
  LoginResult login = log_in(platform, std::move(email));
  return platform.auth().authenticate(login.access_token);
}

}  // namespace shopkit::testing
