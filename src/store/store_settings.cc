#include "store/store_settings.h"

#include <nlohmann/json.hpp>

#include "shopkit/catalog.h"
#include "shopkit/error.h"
#include "shopkit/money.h"
#include "storage/catalog_repository.h"
#include "storage/order_repository.h"
#include "storage/store_settings_repository.h"
#include "store/order_rules.h"
#include "store/store_access.h"
#include "store/store_rules.h"

namespace shopkit::internal {
namespace {

std::optional<nlohmann::json> setting(storage::StoreRepositories& repositories,
                                      const char* key) {
  std::optional<std::string> text = repositories.settings().get(key);
  if (!text) return std::nullopt;
  return nlohmann::json::parse(*text);
}

// The flat shipping charge in minor units of the store's currency.
std::int64_t stored_shipping(storage::StoreRepositories& repositories) {
  if (auto value = setting(repositories, kFlatShippingSetting)) {
    return value->get<std::int64_t>();
  }
  return 0;
}

void validate_update(const StoreSettingsUpdate& update,
                     const std::string& currency) {
  if (update.name) validate_store_name(*update.name);
  if (update.contact_email && !update.contact_email->empty()) {
    validate_email(*update.contact_email, "contact_email");
  }
  if (update.currency) validate_store_currency(*update.currency);
  if (update.country) validate_country(*update.country);
  if (update.tax_rate_bps &&
      (*update.tax_rate_bps < 0 || *update.tax_rate_bps > 10000)) {
    throw Error(ErrorCode::invalid_argument,
                "tax_rate_bps must be 0 to 10000 (0% to 100%), got " +
                    std::to_string(*update.tax_rate_bps),
                "tax_rate_bps");
  }
  if (update.flat_shipping) {
    if (update.flat_shipping->currency() != currency) {
      throw Error(ErrorCode::invalid_argument,
                  "flat_shipping is in " + update.flat_shipping->currency() +
                      " but the store's currency is " + currency,
                  "flat_shipping");
    }
    if (update.flat_shipping->minor_units() < 0) {
      throw Error(ErrorCode::invalid_argument,
                  "flat_shipping must not be negative, got " +
                      update.flat_shipping->to_decimal_string(),
                  "flat_shipping");
    }
    if (update.flat_shipping->minor_units() > kMaxPriceMinorUnits) {
      throw Error(ErrorCode::invalid_argument,
                  "flat_shipping " + update.flat_shipping->to_decimal_string() +
                      " is above the largest amount, " +
                      Money(kMaxPriceMinorUnits, currency).to_decimal_string(),
                  "flat_shipping");
    }
  }
}

}  // namespace

StoreSettings read_store_settings(storage::StoreRepositories& repositories,
                                  const storage::StoreRecord& record) {
  StoreSettings settings;
  settings.name = record.name;
  settings.country = record.country;
  settings.currency = store_currency(repositories, record);
  if (auto email = setting(repositories, kContactEmailSetting)) {
    settings.contact_email = email->get<std::string>();
  }
  if (auto tax = setting(repositories, kTaxRateSetting)) {
    settings.tax_rate_bps = tax->get<std::int64_t>();
  }
  // Shipping is kept in minor units, so it follows a currency change
  // like the prices do.
  settings.flat_shipping =
      Money(stored_shipping(repositories), settings.currency);
  return settings;
}

SettingsChange change_store_settings(Context& context,
                                     const storage::StoreRecord& record,
                                     const StoreSettingsUpdate& update) {
  return context.storage->write_store(
      record.id, [&](storage::StoreRepositories& repositories) {
        const std::string current_currency =
            store_currency(repositories, record);
        const std::string new_currency =
            update.currency.value_or(current_currency);
        validate_update(update, new_currency);
        if (new_currency != current_currency && repositories.orders().any()) {
          throw Error(ErrorCode::failed_precondition,
                      "currency cannot change from " + current_currency +
                          " to " + new_currency +
                          " because the store already has orders",
                      "currency");
        }
        // Amounts are kept in minor units, so they keep their digits
        // between currencies with the same exponent (USD, EUR). Between
        // others 19.99 USD would become 1.999 KWD, so the change is
        // rejected while the store has amounts.
        const int old_exponent = currency_exponent(current_currency);
        const int new_exponent = currency_exponent(new_currency);
        if (old_exponent != new_exponent) {
          // A shipping charge given with the change is already in the
          // new currency.
          const bool old_shipping =
              !update.flat_shipping && stored_shipping(repositories) != 0;
          if (repositories.catalog().any() || old_shipping) {
            throw Error(
                ErrorCode::failed_precondition,
                "currency cannot change from " + current_currency + " (" +
                    std::to_string(old_exponent) + " decimals) to " +
                    new_currency + " (" + std::to_string(new_exponent) +
                    " decimals) while the store has products or a flat "
                    "shipping charge: their amounts would change value",
                "currency");
          }
        }

        auto& settings = repositories.settings();
        settings.put(kCurrencySetting, nlohmann::json(new_currency).dump());
        if (update.contact_email) {
          settings.put(kContactEmailSetting,
                       nlohmann::json(*update.contact_email).dump());
        }
        if (update.tax_rate_bps) {
          settings.put(kTaxRateSetting,
                       nlohmann::json(*update.tax_rate_bps).dump());
        }
        if (update.flat_shipping) {
          settings.put(kFlatShippingSetting,
                       nlohmann::json(update.flat_shipping->minor_units()).dump());
        }

        // The registry row changes in a platform transaction inside the
        // store's, so a failure of either rolls back both.
        // NOTE: if the store's COMMIT itself fails after the platform
        // commit, the registry keeps the new name, currency and country
        // while the file keeps its old settings.
        storage::StoreRecord changed = context.storage->write_platform(
            [&](storage::PlatformRepositories& platform) {
              std::optional<storage::StoreRecord> row =
                  platform.stores().find(record.id);
              if (!row) throw store_not_found(record.id);
              if (update.name) row->name = validate_store_name(*update.name);
              if (update.country) row->country = *update.country;
              row->currency = new_currency;
              row->updated_at = context.now();
              platform.stores().update(*row);
              return *row;
            });
        return SettingsChange{read_store_settings(repositories, changed),
                              changed};
      });
}

}  // namespace shopkit::internal
