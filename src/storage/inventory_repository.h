// Stock levels and the inventory ledger, in a store file.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "shopkit/catalog.h"
#include "shopkit/types.h"

namespace shopkit::storage {

struct LedgerQuery {
  std::optional<VariantId> variant_id;
  std::int64_t before_seq = 0;  // 0: start at the newest entry.
  int limit = 50;
};

class InventoryRepository {
 public:
  virtual ~InventoryRepository() = default;

  virtual std::optional<StockLevel> find_by_sku(std::string_view sku) = 0;
  virtual std::optional<StockLevel> find(const VariantId& id) = 0;

  // Adds `delta` to the variant's stock and returns the new stock. When
  // the variant does not allow backorders and the result would be below
  // zero, changes nothing and returns nullopt.
  virtual std::optional<std::int64_t> add(const VariantId& id,
                                          std::int64_t delta) = 0;

  // Sets the variant's stock to `stock`.
  virtual void set(const VariantId& id, std::int64_t stock) = 0;

  // Appends `entry` to the ledger; its seq is assigned here.
  virtual void append(const LedgerEntry& entry) = 0;

  // Appends, for every variant of the store with a stock other than 0,
  // the entry that creating it writes: delta and stock_after equal to
  // the stock, `reason`, `actor`, no order, and the variant's created_at.
  // The entries follow the order in which the variants were inserted.
  // For a bulk load into a store that had no variants, in place of one
  // append() per variant; any other variant would be counted twice.
  virtual void append_initial_stock(std::string_view reason,
                                    const std::optional<UserId>& actor) = 0;

  // Entries newest first.
  virtual std::vector<LedgerEntry> list(const LedgerQuery& query) = 0;

  // Sum of every ledger delta of the variant.
  virtual std::int64_t ledger_sum(const VariantId& id) = 0;
};

}  // namespace shopkit::storage
