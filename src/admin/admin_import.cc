// AdminService: product import from CSV files.
//
// Rows stream through a layout's row mapper, which groups them into
// products. Products are written in batches, one store transaction per
// batch. Inside a batch each product is first checked without writing
// (catalog rules, handle lookup, SKUs taken by other products) and only
// then written, so a rejected product leaves nothing behind. Should a
// write still fail, the batch rolls back and its products are retried
// one transaction each, so only the failing product is lost.
#include <algorithm>
#include <istream>
#include <set>

#include "admin/stock_ledger.h"
#include "common/context.h"
#include "csv/product_rows.h"
#include "shopkit/admin_service.h"
#include "storage/catalog_repository.h"
#include "store/product_rules.h"
#include "store/store_access.h"

namespace shopkit {
namespace {

using internal::StoreRight;

// Products per write transaction: large enough that commits do not
// dominate, small enough that the drafts of one batch stay small.
constexpr std::size_t kBatchProducts = 1024;

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
  void read_header(const csv::Record& header);
  void apply_batch(std::vector<csv::ProductDraft>& drafts);
  std::vector<ProductResult> write_batch(
      std::vector<csv::ProductDraft*>& drafts);
  ProductResult write_alone(csv::ProductDraft& draft);
  std::optional<CheckedProduct> check(storage::StoreRepositories& repositories,
                                      const csv::ProductDraft& draft,
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
};

template <typename Reader>
ImportReport Importer::run(Reader& reader) {
  // The rights are checked again before each batch, so a member removed
  // during a long import stops it.
  const internal::StoreAccess access = internal::authorize(
      context_, principal_, store_, StoreRight::edit_catalog);
  currency_ = context_.storage->read_store(
      store_, [&](storage::StoreRepositories& repositories) {
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

  csv::MappedRows mapped;
  while (true) {
    try {
      if (!reader.next(record)) break;
      ++report_.rows_read;
      mapper_->add(record, mapped);
    } catch (const csv::ParseError& error) {
      ++report_.rows_read;
      std::vector<ImportIssue> issue = {
          ImportIssue{error.line(), "", error.what(), ""}};
      add_errors(issue);
    }
    add_errors(mapped.errors);
    add_warnings(mapped.warnings);
    if (mapped.products.size() >= kBatchProducts) apply_batch(mapped.products);
  }
  mapper_->finish(mapped);
  add_errors(mapped.errors);
  add_warnings(mapped.warnings);
  apply_batch(mapped.products);

  auto by_line = [](const ImportIssue& a, const ImportIssue& b) {
    return a.line < b.line;
  };
  std::stable_sort(report_.errors.begin(), report_.errors.end(), by_line);
  std::stable_sort(report_.warnings.begin(), report_.warnings.end(), by_line);
  return std::move(report_);
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

void Importer::apply_batch(std::vector<csv::ProductDraft>& drafts) {
  if (drafts.empty()) return;
  internal::authorize(context_, principal_, store_, StoreRight::edit_catalog);
  std::vector<csv::ProductDraft*> valid;
  for (csv::ProductDraft& draft : drafts) {
    add_warnings(draft.warnings);
    if (draft.errors.empty()) {
      valid.push_back(&draft);
    } else {
      ProductResult skipped;
      skipped.errors = std::move(draft.errors);
      tally(draft, skipped);
    }
  }
  std::vector<ProductResult> results = write_batch(valid);
  for (std::size_t i = 0; i < valid.size(); ++i) tally(*valid[i], results[i]);
  drafts.clear();
  if (options_.progress) options_.progress(report_);
}

std::vector<ProductResult> Importer::write_batch(
    std::vector<csv::ProductDraft*>& drafts) {
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
          check_all(repositories, true);
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

ProductResult Importer::write_alone(csv::ProductDraft& draft) {
  ProductResult result;
  try {
    context_.storage->write_store(
        store_, [&](storage::StoreRepositories& repositories) {
          std::optional<CheckedProduct> product =
              check(repositories, draft, result);
          if (product) write(repositories, *product);
        });
  } catch (const Error& error) {
    if (error.code() == ErrorCode::internal ||
        error.code() == ErrorCode::failed_precondition) {
      throw;
    }
    ImportIssue issue = csv::locate_field(draft, error.field());
    issue.message = error.what();
    result = ProductResult();
    result.errors.push_back(std::move(issue));
  }
  return result;
}

std::optional<CheckedProduct> Importer::check(
    storage::StoreRepositories& repositories, const csv::ProductDraft& draft,
    ProductResult& result) {
  CheckedProduct product;
  const ProductInput& input = draft.input;
  product.before =
      repositories.catalog().find_by_handle(input.handle, currency_);

  // A SKU that another product of the store has is a conflict; the file
  // itself was already checked for SKUs used twice.
  for (std::size_t i = 0; i < input.variants.size(); ++i) {
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
