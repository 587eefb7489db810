#include <doctest/doctest.h>

#include "error_check.h"
#include "store_fixture.h"

using shopkit::CreateStoreRequest;
using shopkit::ErrorCode;
using shopkit::Money;
using shopkit::PlatformRole;
using shopkit::StoreSettingsUpdate;
using shopkit::testing::error_of;
using shopkit::testing::mentions;
using shopkit::testing::StoreFixture;

TEST_CASE("merchant creates a store") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.stores().create_store(
      owner, CreateStoreRequest{"Acme Goods", "acme-goods", "EUR", "DE"});
  CHECK(store.id.str().rfind("sto_", 0) == 0);
  CHECK(store.handle == "acme-goods");
  CHECK(store.name == "Acme Goods");
  CHECK(store.currency == "EUR");
  CHECK(store.country == "DE");
  CHECK(store.owner_id == owner.user_id());
  CHECK(store.status == shopkit::StoreStatus::active);
  CHECK(std::filesystem::exists(f.dir.path() / "stores" /
                                (store.id.str() + ".db")));
}

TEST_CASE("customer cannot create a store") {
  StoreFixture f;
  auto customer = f.user(PlatformRole::customer);
  auto error = error_of([&] {
    f.stores().create_store(customer, {"Mine", "mine", "USD", "US"});
  });
  CHECK(error.code() == ErrorCode::permission_denied);
  auto anonymous = error_of([&] {
    f.stores().create_store(shopkit::Principal::anonymous(),
                            {"Mine", "mine", "USD", "US"});
  });
  CHECK(anonymous.code() == ErrorCode::unauthenticated);
}

TEST_CASE("store handle rules") {
  StoreFixture f;
  auto owner = f.user();
  const char* rejected[] = {"ab",    "Acme",  "acme shop", "-acme", "acme-",
                            "admin", "api",   "www",       "shop",  "store",
                            "login", "static", "café",     "a_b_c",
                            "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01"};
  for (const std::string handle : rejected) {
    CAPTURE(handle);
    auto error = error_of([&] {
      f.stores().create_store(owner, {"Name", handle, "USD", "US"});
    });
    CHECK(error.code() == ErrorCode::invalid_argument);
    CHECK(error.field() == "handle");
  }
  for (const char* handle : {"abc", "my-shop-2", "a1b",
                             "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0"}) {
    CAPTURE(handle);
    CHECK_NOTHROW(f.stores().create_store(owner, {"Name", handle, "USD", "US"}));
  }
}

TEST_CASE("store handle is unique") {
  StoreFixture f;
  auto first = f.user();
  auto second = f.user();
  f.store(first, "taken");
  auto error = error_of([&] { f.store(second, "taken"); });
  CHECK(error.code() == ErrorCode::already_exists);
  CHECK(mentions(error, "taken"));
  CHECK(f.stores().list_my_stores(second).empty());
}

TEST_CASE("store currency and country rules") {
  StoreFixture f;
  auto owner = f.user();
  auto currency = error_of([&] {
    f.stores().create_store(owner, {"Name", "shop-a", "usd", "US"});
  });
  CHECK(currency.field() == "currency");
  auto unknown = error_of([&] {
    f.stores().create_store(owner, {"Name", "shop-b", "XYZ", "US"});
  });
  CHECK(unknown.field() == "currency");
  auto country = error_of([&] {
    f.stores().create_store(owner, {"Name", "shop-c", "USD", "USA"});
  });
  CHECK(country.field() == "country");
  auto name = error_of([&] {
    f.stores().create_store(owner, {"  ", "shop-d", "USD", "US"});
  });
  CHECK(name.field() == "name");
}

TEST_CASE("merchant lists own stores") {
  StoreFixture f;
  auto owner = f.user();
  auto other = f.user();
  auto a = f.store(owner, "store-a");
  f.test.clock->advance(std::chrono::milliseconds(1));
  auto b = f.store(owner, "store-b");
  f.store(other, "store-c");
  auto mine = f.stores().list_my_stores(owner);
  REQUIRE(mine.size() == 2);
  CHECK(mine[0].store.id == a);
  CHECK(mine[1].store.id == b);
  CHECK(mine[0].role == shopkit::StoreRole::owner);
}

TEST_CASE("public store by handle") {
  StoreFixture f;
  auto owner = f.user();
  auto id = f.store(owner, "acme");
  auto store = f.stores().get_public_store("acme");
  CHECK(store.id == id);
  CHECK(store.owner_id.empty());
  auto error = error_of([&] { f.stores().get_public_store("nope"); });
  CHECK(error.code() == ErrorCode::not_found);
}

TEST_CASE("get store for members only") {
  StoreFixture f;
  auto owner = f.user();
  auto stranger = f.user();
  auto id = f.store(owner, "acme");
  CHECK(f.stores().get_store(owner, id).handle == "acme");
  auto error = error_of([&] { f.stores().get_store(stranger, id); });
  CHECK(error.code() == ErrorCode::not_found);
}

TEST_CASE("update store name and country") {
  StoreFixture f;
  auto owner = f.user();
  auto id = f.store(owner, "acme");
  StoreSettingsUpdate update;
  update.name = "Acme Two";
  update.country = "CA";
  auto store = f.stores().update_store(owner, id, update);
  CHECK(store.name == "Acme Two");
  CHECK(store.country == "CA");
  CHECK(f.stores().get_store(owner, id).name == "Acme Two");
  CHECK(f.stores().get_public_store("acme").name == "Acme Two");
}

TEST_CASE("settings round trip") {
  StoreFixture f;
  auto owner = f.user();
  auto id = f.store(owner, "acme");
  StoreSettingsUpdate update;
  update.contact_email = "help@acme.example";
  update.tax_rate_bps = 825;
  update.flat_shipping = Money(499, "USD");
  f.admin().update_settings(owner, id, update);
  auto settings = f.admin().get_settings(owner, id);
  CHECK(settings.name == "Store acme");
  CHECK(settings.contact_email == "help@acme.example");
  CHECK(settings.currency == "USD");
  CHECK(settings.tax_rate_bps == 825);
  CHECK(settings.flat_shipping == Money(499, "USD"));
}

TEST_CASE("settings input rules") {
  StoreFixture f;
  auto owner = f.user();
  auto id = f.store(owner, "acme");
  StoreSettingsUpdate tax;
  tax.tax_rate_bps = 10001;
  CHECK(error_of([&] { f.admin().update_settings(owner, id, tax); }).field() ==
        "tax_rate_bps");
  StoreSettingsUpdate shipping;
  shipping.flat_shipping = Money(100, "EUR");
  CHECK(error_of([&] { f.admin().update_settings(owner, id, shipping); })
            .field() == "flat_shipping");
  StoreSettingsUpdate email;
  email.contact_email = "not an email";
  CHECK(error_of([&] { f.admin().update_settings(owner, id, email); })
            .field() == "contact_email");
  CHECK(f.admin().get_settings(owner, id).tax_rate_bps == 0);
}

TEST_CASE("currency changes only before orders") {
  StoreFixture f;
  auto owner = f.user();
  auto id = f.store(owner, "acme");
  StoreSettingsUpdate to_eur;
  to_eur.currency = "EUR";
  CHECK(f.admin().update_settings(owner, id, to_eur).currency == "EUR");
  CHECK(f.stores().get_store(owner, id).currency == "EUR");

  f.admin().create_product(owner, id,
                           shopkit::testing::simple_product("Mug", "M", 500, 5, "EUR"));
  shopkit::CheckoutRequest request;
  request.lines = {{"M", 1}};
  request.email = "buyer@example.com";
  request.shipping_address = {"Ann", "1 Main St", "", "Paris", "", "75001", "FR", ""};
  request.idempotency_key = "key-1";
  f.stores().checkout(shopkit::Principal::anonymous(), "acme", request);

  StoreSettingsUpdate to_usd;
  to_usd.currency = "USD";
  auto error = error_of([&] { f.admin().update_settings(owner, id, to_usd); });
  CHECK(error.code() == ErrorCode::failed_precondition);
  CHECK(error.field() == "currency");
  CHECK(f.stores().get_store(owner, id).currency == "EUR");
}

TEST_CASE("currency keeps the value of amounts") {
  StoreFixture f;
  auto owner = f.user();
  auto id = f.store(owner, "acme");
  f.admin().create_product(
      owner, id, shopkit::testing::simple_product("Mug", "M", 1999, 5));

  // USD and EUR both have 2 decimals: 19.99 stays 19.99.
  StoreSettingsUpdate to_eur;
  to_eur.currency = "EUR";
  CHECK(f.admin().update_settings(owner, id, to_eur).currency == "EUR");

  // KWD has 3 decimals: 19.99 would become 1.999.
  StoreSettingsUpdate to_kwd;
  to_kwd.currency = "KWD";
  auto error = error_of([&] { f.admin().update_settings(owner, id, to_kwd); });
  CHECK(error.code() == ErrorCode::failed_precondition);
  CHECK(error.field() == "currency");
  CHECK(mentions(error, "KWD"));
  CHECK(f.stores().get_store(owner, id).currency == "EUR");
}

TEST_CASE("currency change with shipping only") {
  StoreFixture f;
  auto owner = f.user();
  auto id = f.store(owner, "acme");
  StoreSettingsUpdate shipping;
  shipping.flat_shipping = Money(shopkit::kMaxPriceMinorUnits + 1, "USD");
  CHECK(error_of([&] { f.admin().update_settings(owner, id, shipping); })
            .field() == "flat_shipping");
  shipping.flat_shipping = Money(500, "USD");
  f.admin().update_settings(owner, id, shipping);

  StoreSettingsUpdate to_jpy;
  to_jpy.currency = "JPY";
  CHECK(error_of([&] { f.admin().update_settings(owner, id, to_jpy); })
            .field() == "currency");

  // A new charge given with the change is in the new currency.
  to_jpy.flat_shipping = Money(800, "JPY");
  auto settings = f.admin().update_settings(owner, id, to_jpy);
  CHECK(settings.currency == "JPY");
  CHECK(settings.flat_shipping == Money(800, "JPY"));
}

TEST_CASE("non-member cannot update store") {
  StoreFixture f;
  auto owner = f.user();
  auto id = f.store(owner, "acme");
  auto customer = f.user(PlatformRole::customer);
  StoreSettingsUpdate update;
  update.name = "Hijacked";
  auto error = error_of([&] { f.stores().update_store(customer, id, update); });
  CHECK(error.code() == ErrorCode::not_found);
  CHECK(f.stores().get_store(owner, id).name == "Store acme");
}
