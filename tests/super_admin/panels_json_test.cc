#include <doctest/doctest.h>

#include "shopkit/json.h"

using nlohmann::json;

TEST_CASE("audit entry json embeds the detail") {
  shopkit::AuditEntry entry;
  entry.id = shopkit::AuditEntryId("aud_1");
  entry.action = "store.suspended";
  entry.target_type = "store";
  entry.target_id = "sto_1";
  entry.detail_json = R"({"reason": "fraud"})";
  json out = entry;
  CHECK(out["detail"]["reason"] == "fraud");
  CHECK(out["actor_id"].is_null());
}

TEST_CASE("figures json writes money objects") {
  shopkit::PlatformFigures figures;
  shopkit::CurrencyFigures usd;
  usd.currency = "USD";
  usd.revenue = shopkit::Money(1500, "USD");
  figures.orders.push_back(usd);
  figures.stores.active = 2;
  json out = figures;
  CHECK(out["orders"][0]["revenue"]["amount"] == 1500);
  CHECK(out["stores"]["active"] == 2);
  CHECK(out["users"].is_array());
}

TEST_CASE("page json has a null cursor on the last page") {
  shopkit::Page<shopkit::UserCount> page;
  page.items.push_back(shopkit::UserCount{});
  json last = shopkit::page_to_json(page);
  CHECK(last["items"].size() == 1);
  CHECK(last["next_cursor"].is_null());
  page.next_cursor = "42";
  CHECK(shopkit::page_to_json(page)["next_cursor"] == "42");
}
