// A test platform with helpers to make signed-in users, stores and
// products, for the tests of stores, the catalog and orders.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "common/context.h"
#include "common/ids.h"
#include "shopkit/admin_service.h"
#include "shopkit/store_service.h"
#include "support/test_support.h"

namespace shopkit::testing {

struct StoreFixture {
  TempDir dir;
  TestPlatform test = open_test_platform(dir.path());

  Platform& platform() { return *test.platform; }
  StoreService& stores() { return test.platform->stores(); }
  AdminService& admin() { return test.platform->admin(); }

  // Inserts a user row with `role` and returns a principal for it.
  // TODO: switch to the auth helpers' sign_up once AuthService is merged.
  Principal user(PlatformRole role = PlatformRole::merchant) {
    OsRandom random;
    const std::string id = internal::new_id("usr", test_epoch(), random);
    SQLite::Database db((dir.path() / "platform.db").string(),
                        SQLite::OPEN_READWRITE);
    db.setBusyTimeout(10000);
    SQLite::Statement insert(
        db,
        "INSERT INTO users (id, email, email_normalized, name, role, "
        "password_hash, created_at, updated_at) VALUES (?, ?, ?, 'Test', ?, "
        "'x', 0, 0)");
    insert.bind(1, id);
    insert.bind(2, id + "@example.com");
    insert.bind(3, id + "@example.com");
    insert.bind(4, std::string(to_string(role)));
    insert.exec();
    return internal::PrincipalFactory::make(UserId(id), role,
                                            SessionId("ses_test"));
  }

  StoreId store(const Principal& owner, const std::string& handle,
                const std::string& currency = "USD") {
    return stores()
        .create_store(owner, CreateStoreRequest{"Store " + handle, handle,
                                                currency, "US"})
        .id;
  }
};

// A one-variant product input.
inline ProductInput simple_product(const std::string& title,
                                   const std::string& sku,
                                   std::int64_t price_minor = 1000,
                                   std::int64_t stock = 10,
                                   const std::string& currency = "USD") {
  ProductInput input;
  input.title = title;
  input.status = ProductStatus::active;
  VariantInput variant;
  variant.sku = sku;
  variant.price = Money(price_minor, currency);
  variant.stock = stock;
  input.variants.push_back(variant);
  return input;
}

}  // namespace shopkit::testing
