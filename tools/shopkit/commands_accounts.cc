// Commands that create platform accounts: the first super admin, and
// merchants or customers for scripts and demos.
#include <iostream>

#include "commands.h"
#include "shopkit/auth_service.h"

namespace shopkit::cli {

namespace {

// The display name when --name is absent: the email's local part.
std::string name_or_default(const ParsedOptions& options,
                            const std::string& email) {
  auto name = options.value("name");
  if (name && !name->empty()) return *name;
  return email.substr(0, email.find('@'));
}

int run_create_super_admin(const GlobalOptions& global,
                           const ParsedOptions& options) {
  reject_arguments(options, "create-super-admin");
  std::string email = required_option(options, "email");
  std::string password = read_password("password for " + email + ": ");
  auto platform = open_platform(global);
  User user = platform->auth().bootstrap_super_admin(
      email, password, name_or_default(options, email));
  std::cout << "created super admin " << user.email << " (" << user.id.str()
            << ")\n";
  return kExitOk;
}

int run_create_user(const GlobalOptions& global, const ParsedOptions& options) {
  reject_arguments(options, "create-user");
  RegisterRequest request;
  request.email = required_option(options, "email");
  // The library rejects an unknown role and super_admin.
  request.role =
      platform_role_from_string(options.value("role").value_or("merchant"));
  request.name = name_or_default(options, request.email);
  request.password = read_password("password for " + request.email + ": ");
  auto platform = open_platform(global);
  User user = platform->auth().register_user(request);
  std::cout << "created " << to_string(user.role) << " " << user.email << " ("
            << user.id.str() << ")\n";
  return kExitOk;
}

constexpr const char* kPasswordNote =
    "The password comes from the SHOPKIT_PASSWORD environment variable or, "
    "when it\nis unset, from one line of stdin. It is never taken from the "
    "command line.";

}  // namespace

std::vector<Command> account_commands() {
  return {
      Command{.name = "create-super-admin",
              .arguments = "",
              .summary = "create the platform's first super admin",
              .details = std::string("Fails when a super admin exists "
                                     "already; later ones are made by a\n"
                                     "super admin.\n\n") +
                         kPasswordNote,
              .options = {{"email", "E", "the account's email (required)"},
                          {"name", "NAME",
                           "display name (default: the part of the email "
                           "before @)"}},
              .run = run_create_super_admin},
      Command{
          .name = "create-user",
          .arguments = "",
          .summary = "create a merchant or customer account",
          .details = kPasswordNote,
          .options = {{"email", "E", "the account's email (required)"},
                      {"role", "ROLE", "merchant (the default) or customer"},
                      {"name", "NAME",
                       "display name (default: the part of the email "
                       "before @)"}},
          .run = run_create_user},
  };
}

}  // namespace shopkit::cli
