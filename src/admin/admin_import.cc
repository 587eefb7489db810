// AdminService: product import from CSV files.
//
// Rows stream through a layout's row mapper, which groups them into
// products. Products are written in batches, one store transaction per
// batch. Inside a batch each product is first checked without writing
// (catalog rules, handle lookup, SKUs taken by other products) and only
// then written, so a rejected product leaves nothing behind. Should a
// write still fail, the batch rolls back and its products are retried
// one transaction each, so only the failing product is lost.
//
// A second thread reads and maps the rows (ImportPipeline) while the
// importing thread checks and writes the batches before them.
//
// An import into a store without products starts with a bulk load: up
// to kBulkProducts products go into one transaction, with each batch in
// a savepoint and each retry in a savepoint of its own. The secondary
// indexes are dropped for the load and built again from the rows at its
// end. The stock ledger is filled with one statement. The lookups of
// handles and SKUs are skipped while no product of the file repeats a
// handle or SKU of an earlier one, because in an empty store they can
// find nothing. The load leaves the same rows and indexes as the batch
// path, and when it fails, nothing of it stays.
#include <algorithm>
#include <functional>
#include <istream>
#include <set>
#include <string_view>
#include <system_error>
#include <unordered_set>
#include <utility>

#include "admin/import_pipeline.h"
#include "admin/stock_ledger.h"
#include "common/context.h"
#include "csv/product_rows.h"
#include "shopkit/admin_service.h"
#include "storage/catalog_repository.h"
#include "storage/inventory_repository.h"
#include "store/product_rules.h"
#include "store/store_access.h"

namespace shopkit {
namespace {

using internal::StoreRight;

// Products per write transaction: large enough that commits do not
// dominate, small enough that the drafts of one batch stay small.
constexpr std::size_t kBatchProducts = 1024;

// Max products of one bulk load. The load holds the store's write lock,
// so other writes to the store wait for it (reads do not). At the rate
// in docs/benchmarks.md this bound is about 2 seconds, well under the
// default busy timeout of 10 seconds that writers in other processes
// wait. Later products take the batch path.
constexpr std::int64_t kBulkProducts = 50'000;

// The reason of the ledger rows that creating a product writes; the same
// text as record_stock_changes() uses.
constexpr std::string_view kCreatedReason = "product created";

enum class Outcome { created, updated, unchanged, skipped };

// Outcome of one product of a batch.
struct ProductResult {
  Outcome outcome = Outcome::skipped;
  std::vector<ImportIssue> errors;
  std::size_t variants = 0;
  std::size_t images = 0;
};

// A product that passed every check and can be written.
struct CheckedProduct {
  std::optional<Product> before;
  Product after;
  bool changed = true;  // False when `after` equals `before`.
};

bool same_variant(const Variant& a, const Variant& b) {
  return a.id == b.id && a.sku == b.sku && a.options == b.options &&
         a.price == b.price && a.compare_at_price == b.compare_at_price &&
         a.stock == b.stock && a.allow_backorder == b.allow_backorder &&
         a.weight_grams == b.weight_grams && a.barcode == b.barcode;
}

bool same_image(const Image& a, const Image& b) {
  return a.url == b.url && a.alt == b.alt && a.position == b.position;
}

// True when every stored field but the times is equal, so writing
// `after` would change nothing.
bool same_product(const Product& a, const Product& b) {
  return a.id == b.id && a.handle == b.handle && a.title == b.title &&
         a.description == b.description && a.status == b.status &&
         a.vendor == b.vendor && a.product_type == b.product_type &&
         a.tags == b.tags && a.categories == b.categories &&
         a.options == b.options &&
         std::equal(a.variants.begin(), a.variants.end(), b.variants.begin(),
                    b.variants.end(), same_variant) &&
         std::equal(a.images.begin(), a.images.end(), b.images.begin(),
                    b.images.end(), same_image);
}

// Matches the file's variants without a SKU to the existing variants
// with the same option values, so that a second import keeps their ids.
// apply_product_update() matches the variants that have a SKU by SKU.
std::vector<VariantInput> match_variants(const std::vector<VariantInput>& input,
                                         const Product& before) {
  std::vector<VariantInput> variants = input;
  std::set<std::string> used;
  for (VariantInput& variant : variants) {
    if (!variant.sku.empty()) continue;
    for (const Variant& existing : before.variants) {
      if (existing.sku.empty() && existing.options == variant.options &&
          used.insert(existing.id.str()).second) {
        variant.id = existing.id;
        break;
      }
    }
  }
  return variants;
}

ProductUpdate to_update(const ProductInput& input, const Product& before) {
  ProductUpdate update;
  update.title = input.title;
  update.description = input.description;
  update.status = input.status;
  update.vendor = input.vendor;
  update.product_type = input.product_type;
  update.tags = input.tags;
  update.categories = input.categories;
  update.options = input.options;
  update.variants = match_variants(input.variants, before);
  update.images = input.images;
  return update;
}

class Importer {
 public:
  Importer(internal::Context& context, const Principal& principal,
           const StoreId& store, const ImportOptions& options)
      : context_(context),
        principal_(principal),
        store_(store),
        options_(options) {
    report_.dry_run = options.dry_run;
  }

  template <typename Reader>
  ImportReport run(Reader& reader);

 private:
  void bulk_load(internal::ImportPipeline& pipeline,
                 std::optional<internal::ImportBatch>& batch);
  static bool bulk_accepts(const std::vector<internal::ImportDraft>& drafts);
  void read_header(const csv::Record& header);
  void prepare(internal::ImportDraft& draft);
  void apply_batch(internal::ImportBatch& batch);
  std::vector<ProductResult> write_batch(
      std::vector<internal::ImportDraft*>& drafts);
  ProductResult write_alone(internal::ImportDraft& draft);
  std::optional<CheckedProduct> check(storage::StoreRepositories& repositories,
                                      internal::ImportDraft& draft,
                                      ProductResult& result);
  void write(storage::StoreRepositories& repositories,
             const CheckedProduct& product);
  void tally(const csv::ProductDraft& draft, ProductResult& result);
  void add_errors(std::vector<ImportIssue>& issues);
  void add_warnings(std::vector<ImportIssue>& issues);

  internal::Context& context_;
  const Principal& principal_;
  const StoreId& store_;
  const ImportOptions& options_;
  std::string currency_;
  ImportReport report_;
  std::optional<csv::HeaderMap> header_;
  std::unique_ptr<csv::RowMapper> mapper_;

  // The open bulk load's transaction, or null outside a bulk load.
  storage::StoreRepositories* bulk_ = nullptr;
  // Hashes of the handles and SKUs, as the file spells them, of the
  // first valid products of the file, and how many products that is.
  // Two strings with one hash make a draft look repeated, which only
  // ends a bulk load early. Only prepare() uses these, on the reading
  // thread.
  std::unordered_set<std::size_t> seen_handles_;
  std::unordered_set<std::size_t> seen_skus_;
  std::int64_t seen_drafts_ = 0;
  // The store had no products when the import started.
  bool store_was_empty_ = false;
};

template <typename Reader>
ImportReport Importer::run(Reader& reader) {
  // The rights are checked again before each batch, so a member removed
  // during a long import stops it.
  const internal::StoreAccess access = internal::authorize(
      context_, principal_, store_, StoreRight::edit_catalog);
  // In a store without products every product of the file is new, so
  // the reading thread builds each one ahead of the check. Otherwise most
  // products are usually updates, which need the stored product first.
  currency_ = context_.storage->read_store(
      store_, [&](storage::StoreRepositories& repositories) {
        store_was_empty_ = !repositories.catalog().any();
        return internal::store_currency(repositories, access.store);
      });

  csv::Record record;
  try {
    if (!reader.next(record)) {
      throw Error(ErrorCode::invalid_argument,
                  "the CSV file is empty; expected a header row", "csv");
    }
  } catch (const csv::ParseError& error) {
    throw Error(ErrorCode::invalid_argument,
                std::string("the header row is not valid CSV: ") + error.what(),
                "csv");
  }
  read_header(record);

  // The rows are read on a second thread while this one writes.
  std::optional<internal::ImportPipeline> pipeline;
  try {
    pipeline.emplace(reader, std::move(mapper_), kBatchProducts,
                     [this](internal::ImportDraft& draft) { prepare(draft); });
  } catch (const std::system_error& error) {
    throw Error(ErrorCode::internal,
                std::string("failed to start the thread that reads the "
                            "import file (check the process's thread "
                            "limit): ") +
                    error.what());
  }
  std::optional<internal::ImportBatch> batch = pipeline->next();
  if (batch && store_was_empty_ && !options_.dry_run) {
    bulk_load(*pipeline, batch);
  }
  while (batch) {
    apply_batch(*batch);
    pipeline->recycle(std::move(*batch));
    batch = pipeline->next();
  }

  auto by_line = [](const ImportIssue& a, const ImportIssue& b) {
    return a.line < b.line;
  };
  std::stable_sort(report_.errors.begin(), report_.errors.end(), by_line);
  std::stable_sort(report_.warnings.begin(), report_.warnings.end(), by_line);
  return std::move(report_);
}

// Applies batches from `batch` on in one transaction when the store has
// no products; see the top of this file. Leaves in `batch` the first
// batch that the load did not apply, or nullopt after the last one.
//
// TODO: the goal of 100,000 rows/s (bench/import_bench.cc) is not shown
// yet. The writing thread still spends about 1.1 s of CPU per 100,000
// rows, mostly in SQLite: 0.65 s of inserts, 0.17 s rebuilding indexes
// and 0.2 s for the commit with its WAL checkpoint.
void Importer::bulk_load(internal::ImportPipeline& pipeline,
                         std::optional<internal::ImportBatch>& batch) {
  context_.storage->write_store(
      store_, [&](storage::StoreRepositories& repositories) {
        // Checked under the write lock, so no other writer can add a
        // product until the load commits.
        if (repositories.catalog().any()) return;

        repositories.begin_bulk_load();
        bulk_ = &repositories;
        while (batch && report_.products_created < kBulkProducts &&
               bulk_accepts(batch->drafts)) {
          apply_batch(*batch);
          pipeline.recycle(std::move(*batch));
          batch = pipeline.next();
        }
        bulk_ = nullptr;

        // Every variant in the store is new, so the ledger rows that
        // write() left out can be written in one statement.
        std::optional<UserId> actor;
        if (!principal_.is_anonymous()) actor = principal_.user_id();
        repositories.inventory().append_initial_stock(kCreatedReason, actor);
        repositories.end_bulk_load();
      });
}

// True when every valid product of `drafts` is fresh: no earlier product
// of the file had its handle or one of its SKUs. The mappers already
// reject such repeats; this check keeps the skipped lookups of a bulk
// load exact even if a layout lets one through.
bool Importer::bulk_accepts(const std::vector<internal::ImportDraft>& drafts) {
  return std::all_of(drafts.begin(), drafts.end(),
                     [](const internal::ImportDraft& draft) {
                       return draft.fresh || !draft.draft.errors.empty();
                     });
}

void Importer::read_header(const csv::Record& header) {
  header_.emplace(header);
  std::optional<ImportFormat> detected = csv::detect_format(*header_);
  if (options_.format != ImportFormat::detect && detected != options_.format) {
    throw Error(ErrorCode::invalid_argument,
                "the header row does not have the columns of the " +
                    std::string(to_string(options_.format)) +
                    " layout; see docs/import-export.md for the columns "
                    "each layout needs",
                "format");
  }
  if (!detected) {
    throw Error(ErrorCode::invalid_argument,
                "the header row matches no known layout; expected Shopify "
                "(Handle, Title, Variant Price, ...), WooCommerce (ID, "
                "Type, SKU, Name, Regular price, ...) or Vendure (name, "
                "slug, optionGroups, sku, price, ...)",
                "format");
  }
  report_.format = *detected;
  mapper_ = csv::make_row_mapper(*detected, *header_, currency_);
  std::vector<ImportIssue> warnings;
  for (const std::string& name : header_->duplicates()) {
    warnings.push_back(ImportIssue{
        header.line, name,
        "column '" + name + "' appears more than once; the first is read", ""});
  }
  add_warnings(warnings);
}

// Builds the product that creating `draft` would write, on the reading
// thread; check() rethrows a stored error where it would have built the
// product itself. Also sets draft.fresh for bulk_accepts().
void Importer::prepare(internal::ImportDraft& draft) {
  if (!store_was_empty_) return;

  // Past kBulkProducts valid drafts any bulk load has ended, so the sets
  // stop growing there and later drafts stay not fresh.
  if (!options_.dry_run && seen_drafts_ < kBulkProducts) {
    ++seen_drafts_;
    const ProductInput& input = draft.draft.input;
    const std::hash<std::string_view> hash;
    draft.fresh = seen_handles_.insert(hash(input.handle)).second;
    for (const VariantInput& variant : input.variants) {
      if (!variant.sku.empty() && !seen_skus_.insert(hash(variant.sku)).second) {
        draft.fresh = false;
      }
    }
  }

  try {
    draft.created =
        internal::build_product(draft.draft.input, currency_, context_);
  } catch (...) {
    draft.build_error = std::current_exception();
  }
}

void Importer::apply_batch(internal::ImportBatch& batch) {
  // The rows read for this batch come first, as if read just now.
  report_.rows_read += batch.rows_read;
  add_errors(batch.errors);
  add_warnings(batch.warnings);
  if (batch.drafts.empty()) return;

  internal::authorize(context_, principal_, store_, StoreRight::edit_catalog);
  std::vector<internal::ImportDraft*> valid;
  for (internal::ImportDraft& prepared : batch.drafts) {
    csv::ProductDraft& draft = prepared.draft;
    add_warnings(draft.warnings);
    if (draft.errors.empty()) {
      valid.push_back(&prepared);
    } else {
      ProductResult skipped;
      skipped.errors = std::move(draft.errors);
      tally(draft, skipped);
    }
  }
  std::vector<ProductResult> results = write_batch(valid);
  for (std::size_t i = 0; i < valid.size(); ++i) {
    tally(valid[i]->draft, results[i]);
  }
  batch.drafts.clear();
  if (options_.progress) options_.progress(report_);
}

std::vector<ProductResult> Importer::write_batch(
    std::vector<internal::ImportDraft*>& drafts) {
  std::vector<ProductResult> results(drafts.size());
  if (drafts.empty()) return results;
  auto check_all = [&](storage::StoreRepositories& repositories, bool write) {
    for (std::size_t i = 0; i < drafts.size(); ++i) {
      results[i] = ProductResult();
      std::optional<CheckedProduct> product =
          check(repositories, *drafts[i], results[i]);
      if (product && write) this->write(repositories, *product);
    }
  };
  if (bulk_ != nullptr) {
    // Inside the bulk load's transaction, a savepoint replaces the batch
    // transaction, and one savepoint per product the retries.
    try {
      bulk_->savepoint([&] { check_all(*bulk_, true); });
    } catch (const Error& error) {
      if (error.code() == ErrorCode::internal ||
          error.code() == ErrorCode::failed_precondition) {
        throw;
      }
      for (std::size_t i = 0; i < drafts.size(); ++i) {
        results[i] = write_alone(*drafts[i]);
      }
    }
    return results;
  }
  if (options_.dry_run) {
    // Read transactions only, so the store file is not touched.
    context_.storage->read_store(store_,
                                 [&](storage::StoreRepositories& repositories) {
                                   check_all(repositories, false);
                                 });
    return results;
  }
  try {
    context_.storage->write_store(
        store_, [&](storage::StoreRepositories& repositories) {
          // The search text goes in after the other rows of the batch;
          // the catalog repository explains why.
          repositories.catalog().begin_search_text_batch();
          check_all(repositories, true);
          repositories.catalog().end_search_text_batch();
        });
  } catch (const Error& error) {
    if (error.code() == ErrorCode::internal ||
        error.code() == ErrorCode::failed_precondition) {
      throw;  // The store cannot be written at all; stop the import.
    }
    for (std::size_t i = 0; i < drafts.size(); ++i) {
      results[i] = write_alone(*drafts[i]);
    }
  }
  return results;
}

ProductResult Importer::write_alone(internal::ImportDraft& draft) {
  ProductResult result;
  auto check_and_write = [&](storage::StoreRepositories& repositories) {
    std::optional<CheckedProduct> product = check(repositories, draft, result);
    if (product) write(repositories, *product);
  };
  try {
    if (bulk_ != nullptr) {
      bulk_->savepoint([&] { check_and_write(*bulk_); });
    } else {
      context_.storage->write_store(store_, check_and_write);
    }
  } catch (const Error& error) {
    if (error.code() == ErrorCode::internal ||
        error.code() == ErrorCode::failed_precondition) {
      throw;
    }
    ImportIssue issue = csv::locate_field(draft.draft, error.field());
    issue.message = error.what();
    result = ProductResult();
    result.errors.push_back(std::move(issue));
  }
  return result;
}

std::optional<CheckedProduct> Importer::check(
    storage::StoreRepositories& repositories, internal::ImportDraft& prepared,
    ProductResult& result) {
  CheckedProduct product;
  const csv::ProductDraft& draft = prepared.draft;
  const ProductInput& input = draft.input;
  // In a bulk load, the store had no products and bulk_accepts() let no
  // repeated handle or SKU through, so neither lookup can find anything.
  if (bulk_ == nullptr) {
    product.before =
        repositories.catalog().find_by_handle(input.handle, currency_);
  }

  // A SKU that another product of the store has is a conflict; the file
  // itself was already checked for SKUs used twice.
  for (std::size_t i = 0; bulk_ == nullptr && i < input.variants.size();
       ++i) {
    const std::string& sku = input.variants[i].sku;
    if (sku.empty()) continue;
    std::optional<storage::SellableVariant> owner =
        repositories.catalog().find_variant_by_sku(sku);
    if (!owner || (product.before && owner->product_id == product.before->id)) {
      continue;
    }
    ImportIssue issue =
        csv::locate_field(draft, "variants[" + std::to_string(i) + "].sku");
    issue.message = "duplicate SKU '" + sku + "': the store's product '" +
                    owner->product_title + "' already uses it";
    result.errors.push_back(std::move(issue));
  }
  if (!result.errors.empty()) return std::nullopt;

  try {
    if (product.before) {
      product.after = internal::apply_product_update(
          *product.before, to_update(input, *product.before), currency_,
          context_);
      product.changed = !same_product(*product.before, product.after);
      result.outcome = product.changed ? Outcome::updated : Outcome::unchanged;
    } else if (prepared.build_error) {
      std::rethrow_exception(std::exchange(prepared.build_error, nullptr));
    } else if (prepared.created) {
      product.after = std::move(*prepared.created);
      prepared.created.reset();
      result.outcome = Outcome::created;
    } else {
      product.after = internal::build_product(input, currency_, context_);
      result.outcome = Outcome::created;
    }
  } catch (const Error& error) {
    if (error.code() == ErrorCode::internal) throw;
    ImportIssue issue = csv::locate_field(draft, error.field());
    issue.message = error.what();
    result.errors.push_back(std::move(issue));
    result.outcome = Outcome::skipped;
    return std::nullopt;
  }
  if (product.changed) {
    result.variants = product.after.variants.size();
    result.images = product.after.images.size();
  }
  return product;
}

void Importer::write(storage::StoreRepositories& repositories,
                     const CheckedProduct& product) {
  if (!product.changed) return;
  const Product* before = product.before ? &*product.before : nullptr;
  if (before) {
    repositories.catalog().update(product.after);
  } else {
    repositories.catalog().insert(product.after);
  }
  // In a bulk load the ledger rows follow at its end, in one statement.
  if (bulk_ != nullptr) return;
  internal::record_stock_changes(repositories, before, product.after,
                                 principal_, product.after.updated_at);
}

void Importer::tally(const csv::ProductDraft& draft, ProductResult& result) {
  if (!result.errors.empty()) result.outcome = Outcome::skipped;
  switch (result.outcome) {
    case Outcome::created:
      ++report_.products_created;
      break;
    case Outcome::updated:
      ++report_.products_updated;
      break;
    case Outcome::unchanged:
      ++report_.products_unchanged;
      break;
    case Outcome::skipped:
      ++report_.products_skipped;
      break;
  }
  if (result.outcome == Outcome::created ||
      result.outcome == Outcome::updated) {
    report_.variants_written += static_cast<std::int64_t>(result.variants);
    report_.images_written += static_cast<std::int64_t>(result.images);
  }
  for (ImportIssue& issue : result.errors) {
    if (issue.handle.empty()) issue.handle = draft.input.handle;
  }
  add_errors(result.errors);
}

void Importer::add_errors(std::vector<ImportIssue>& issues) {
  for (ImportIssue& issue : issues) {
    ++report_.error_count;
    if (report_.errors.size() < options_.max_listed_errors) {
      report_.errors.push_back(std::move(issue));
    }
  }
  issues.clear();
}

void Importer::add_warnings(std::vector<ImportIssue>& issues) {
  for (ImportIssue& issue : issues) {
    ++report_.warning_count;
    if (report_.warnings.size() < options_.max_listed_warnings) {
      report_.warnings.push_back(std::move(issue));
    }
  }
  issues.clear();
}

}  // namespace

std::string_view to_string(ImportFormat format) {
  switch (format) {
    case ImportFormat::detect:
      return "detect";
    case ImportFormat::shopify:
      return "shopify";
    case ImportFormat::woocommerce:
      return "woocommerce";
    case ImportFormat::vendure:
      return "vendure";
  }
  return "detect";
}

ImportFormat import_format_from_string(std::string_view name) {
  for (ImportFormat format :
       {ImportFormat::detect, ImportFormat::shopify, ImportFormat::woocommerce,
        ImportFormat::vendure}) {
    if (to_string(format) == name) return format;
  }
  throw Error(ErrorCode::invalid_argument,
              "unknown import format '" + std::string(name) +
                  "'; expected detect, shopify, woocommerce or vendure",
              "format");
}

ImportReport AdminService::import_products(const Principal& principal,
                                           const StoreId& store,
                                           std::istream& input,
                                           const ImportOptions& options) {
  csv::Reader reader(input);
  Importer importer(context_, principal, store, options);
  return importer.run(reader);
}

ImportReport AdminService::import_products(const Principal& principal,
                                           const StoreId& store,
                                           std::string_view text,
                                           const ImportOptions& options) {
  csv::TextReader reader(text);
  Importer importer(context_, principal, store, options);
  return importer.run(reader);
}

}  // namespace shopkit
