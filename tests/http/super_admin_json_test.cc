#include <doctest/doctest.h>

#include "shopkit/json.h"

TEST_CASE("store summary json adds deletion times") {
  shopkit::StoreSummary summary;
  summary.store.id = shopkit::StoreId("sto_1");
  summary.store.handle = "acme";
  nlohmann::json out = summary;
  CHECK(out["id"] == "sto_1");
  CHECK(out["handle"] == "acme");
  CHECK(out["deleted_at"].is_null());
  CHECK(out["purge_after"].is_null());
}

TEST_CASE("platform figures json lists counts") {
  shopkit::PlatformFigures figures;
  figures.users.push_back({.role = shopkit::PlatformRole::merchant,
                           .status = shopkit::UserStatus::active,
                           .count = 3});
  figures.stores.active = 2;
  shopkit::CurrencyFigures usd;
  usd.currency = "USD";
  usd.orders = 5;
  usd.revenue = shopkit::Money(1000, "USD");
  figures.orders.push_back(usd);
  nlohmann::json out = figures;
  CHECK(out["users"][0]["role"] == "merchant");
  CHECK(out["users"][0]["count"] == 3);
  CHECK(out["stores"]["active"] == 2);
  CHECK(out["orders"][0]["revenue"]["amount"] == 1000);
  CHECK(out["orders"][0]["orders"] == 5);
}

TEST_CASE("audit entry json parses the detail") {
  shopkit::AuditEntry entry;
  entry.id = shopkit::AuditEntryId("aud_1");
  entry.action = "user.suspended";
  entry.detail_json = R"({"reason": "spam"})";
  nlohmann::json out = entry;
  CHECK(out["detail"]["reason"] == "spam");
  CHECK(out["actor_id"].is_null());
}

TEST_CASE("audit entry json keeps unparsable detail") {
  shopkit::AuditEntry entry;
  entry.detail_json = "not json";
  nlohmann::json out = entry;
  CHECK(out["detail"] == "not json");
}
