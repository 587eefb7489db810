// Commands that act on stores on behalf of a member, who signs in with
// --as EMAIL and a password from SHOPKIT_PASSWORD or stdin.
#include <iostream>

#include "commands.h"
#include "shopkit/store_service.h"

namespace shopkit::cli {

namespace {

int run_create_store(const GlobalOptions& global,
                     const ParsedOptions& options) {
  reject_arguments(options, "create-store");
  CreateStoreRequest request;
  request.handle = required_option(options, "handle");
  request.name = options.value("name").value_or(request.handle);
  request.currency = options.value("currency").value_or("USD");
  request.country = options.value("country").value_or("US");
  std::string owner = required_option(options, "as");

  auto platform = open_platform(global);
  SignedIn merchant(*platform, owner);
  Store store = platform->stores().create_store(merchant.principal(), request);
  std::cout << "created store " << store.handle << " (" << store.id.str()
            << ")\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> store_commands() {
  return {Command{
      .name = "create-store",
      .arguments = "",
      .summary = "create a store owned by a merchant",
      .details =
          "Signs in as the merchant given by --as, with the password from "
          "the\nSHOPKIT_PASSWORD environment variable or one line of stdin.",
      .options = {{"as", "EMAIL", "the owning merchant's email (required)"},
                  {"handle", "HANDLE",
                   "the store's handle in public URLs (required)"},
                  {"name", "NAME", "display name (default: the handle)"},
                  {"currency", "CODE", "ISO 4217 currency (default USD)"},
                  {"country", "CODE",
                   "ISO 3166-1 alpha-2 country (default US)"}},
      .run = run_create_store}};
}

}  // namespace shopkit::cli
