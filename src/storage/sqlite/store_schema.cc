// The schema of a store file (stores/<store-id>.db). Money columns hold
// integer minor units of the store's currency; times are integer
// milliseconds since the epoch (UTC).
#include <array>

#include "storage/sqlite/migrations.h"

namespace shopkit::storage::sqlite {
namespace {

constexpr const char* kStoreV1 = R"sql(
-- Facts about the file itself, such as the id of the store it belongs to.
CREATE TABLE store_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Settings that live with the store's data (name, currency and status
-- are in the platform registry).
CREATE TABLE store_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- seq is the rowid (stable, unlike the hidden rowid of a table with a
-- TEXT primary key) and keys products_fts. min_price, total_stock and
-- sellable summarize the variants for fast filters and sorts; the
-- catalog repository recomputes them whenever a variant or its stock
-- changes.
CREATE TABLE products (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  handle TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'archived')),
  vendor TEXT NOT NULL DEFAULT '',
  product_type TEXT NOT NULL DEFAULT '',
  options TEXT NOT NULL DEFAULT '[]',
  min_price INTEGER NOT NULL DEFAULT 0,
  total_stock INTEGER NOT NULL DEFAULT 0,
  sellable INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Each sort order has one index for members (every status) and one
-- for the public catalog (status first). Version 3 drops the ones for
-- members.
CREATE INDEX products_by_created ON products (created_at, id);
CREATE INDEX products_by_price ON products (min_price, id);
CREATE INDEX products_by_title ON products (title COLLATE NOCASE, id);
CREATE INDEX products_by_status_created
  ON products (status, created_at, id);
CREATE INDEX products_by_status_price ON products (status, min_price, id);
CREATE INDEX products_by_status_title
  ON products (status, title COLLATE NOCASE, id);
CREATE INDEX products_by_vendor ON products (vendor COLLATE NOCASE);

CREATE TABLE variants (
  id TEXT PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  sku TEXT UNIQUE,
  option1 TEXT,
  option2 TEXT,
  option3 TEXT,
  price INTEGER NOT NULL CHECK (price >= 0),
  compare_at_price INTEGER CHECK (compare_at_price >= 0),
  stock INTEGER NOT NULL DEFAULT 0,
  allow_backorder INTEGER NOT NULL DEFAULT 0,
  weight_grams INTEGER,
  barcode TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (stock >= 0 OR allow_backorder = 1)
);
CREATE INDEX variants_by_product ON variants (product_id, position);

CREATE TABLE images (
  product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  url TEXT NOT NULL,
  alt TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (product_id, position)
);

CREATE TABLE product_tags (
  product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (product_id, position)
);
CREATE INDEX product_tags_by_tag ON product_tags (tag, product_id);

CREATE TABLE product_categories (
  product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  PRIMARY KEY (product_id, position)
);
CREATE INDEX product_categories_by_category
  ON product_categories (category, product_id);

-- Full-text index over the searchable text of each product; its rowid
-- is products.seq.
CREATE VIRTUAL TABLE products_fts USING fts5 (
  title, description, tags, vendor, skus,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Every change of stock, in order. stock_after is the variant's stock
-- right after the change.
CREATE TABLE inventory_ledger (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  variant_id TEXT NOT NULL,
  sku TEXT,
  delta INTEGER NOT NULL,
  stock_after INTEGER NOT NULL,
  reason TEXT NOT NULL,
  order_id TEXT,
  actor_id TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX inventory_ledger_by_variant ON inventory_ledger (variant_id, seq);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  user_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX customers_by_user ON customers (user_id);

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  status TEXT NOT NULL
    CHECK (status IN ('pending', 'paid', 'fulfilled', 'cancelled')),
  customer_id TEXT NOT NULL REFERENCES customers (id),
  user_id TEXT,
  email TEXT NOT NULL,
  currency TEXT NOT NULL,
  subtotal INTEGER NOT NULL,
  shipping INTEGER NOT NULL DEFAULT 0,
  tax INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL,
  refunded INTEGER NOT NULL DEFAULT 0,
  shipping_address TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  paid_at INTEGER,
  fulfilled_at INTEGER,
  cancelled_at INTEGER
);
CREATE INDEX orders_by_created ON orders (created_at, id);
CREATE INDEX orders_by_customer ON orders (customer_id, created_at);
CREATE INDEX orders_by_user ON orders (user_id, created_at);

-- Lines copy title, SKU and price, so later catalog edits or deletes
-- never change a past order.
CREATE TABLE order_lines (
  order_id TEXT NOT NULL REFERENCES orders (id),
  line_no INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  variant_id TEXT NOT NULL,
  sku TEXT,
  title TEXT NOT NULL,
  variant_title TEXT NOT NULL DEFAULT '',
  unit_price INTEGER NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  line_total INTEGER NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_lines_by_product ON order_lines (product_id);

CREATE TABLE refunds (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  reason TEXT NOT NULL DEFAULT '',
  actor_id TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX refunds_by_order ON refunds (order_id);

-- Checkout idempotency: the key, a hash of the request body, and the
-- order it produced.
CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  request_hash BLOB NOT NULL,
  order_id TEXT NOT NULL REFERENCES orders (id),
  created_at INTEGER NOT NULL
);

-- The store's values for its theme's settings, as JSON values.
CREATE TABLE theme_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

// Idempotency keys become per buyer, so a key that one buyer used no
// longer blocks another buyer's checkout. `buyer` is "user:<user id>"
// for a signed-in buyer and "email:<normalized email>" for a guest. Old
// rows take the buyer of the order they made, so a retry of a checkout
// made before the upgrade still returns its order. SQLite cannot change
// a primary key in place, so the table is rebuilt.
constexpr const char* kStoreV2 = R"sql(
CREATE TABLE idempotency_keys_by_buyer (
  buyer TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash BLOB NOT NULL,
  order_id TEXT NOT NULL REFERENCES orders (id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (buyer, key)
);
INSERT INTO idempotency_keys_by_buyer
  (buyer, key, request_hash, order_id, created_at)
SELECT CASE WHEN orders.user_id IS NOT NULL THEN 'user:' || orders.user_id
            ELSE 'email:' || orders.email END,
       idempotency_keys.key, idempotency_keys.request_hash,
       idempotency_keys.order_id, idempotency_keys.created_at
FROM idempotency_keys JOIN orders ON orders.id = idempotency_keys.order_id;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_keys_by_buyer RENAME TO idempotency_keys;
)sql";

// A page of products over every status (a member's list) now reads the
// first rows of each status from the status-first sort indexes and
// merges them (catalog_reads.cc), so the three sort indexes without the
// status go. Each product write had to update them: they were a sixth
// of the pages that creating a product wrote.
constexpr const char* kStoreV3 = R"sql(
DROP INDEX IF EXISTS products_by_created;
DROP INDEX IF EXISTS products_by_price;
DROP INDEX IF EXISTS products_by_title;
)sql";

constexpr std::array kMigrations{
    Migration{1, kStoreV1},
    Migration{2, kStoreV2},
    Migration{3, kStoreV3},
};

}  // namespace

std::span<const Migration> store_migrations() { return kMigrations; }

}  // namespace shopkit::storage::sqlite
