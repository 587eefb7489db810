// import, export and backup: product CSV files in and out of a store, on
// behalf of a member, and a copy of a store's file for a super admin. The
// user signs in with --as EMAIL.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "shopkit/admin_service.h"
#include "shopkit/json.h"
#include "shopkit/product_csv.h"
#include "shopkit/store_service.h"
#include "shopkit/super_admin_service.h"

namespace shopkit::cli {

namespace {

// Returns the id of the store with `handle` among the member's stores.
StoreId store_by_handle(Platform& platform, const Principal& member,
                        const std::string& handle) {
  for (const StoreMembership& membership :
       platform.stores().list_my_stores(member)) {
    if (membership.store.handle == handle) return membership.store.id;
  }
  throw Error(ErrorCode::not_found,
              "no store '" + handle + "' among the stores of this member",
              "store");
}

// Prints "rows done, rows per second" over itself on a terminal.
class Progress {
 public:
  Progress() : enabled_(isatty(STDERR_FILENO) == 1) {}

  void update(std::int64_t rows) {
    if (!enabled_) return;
    double seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - start_)
                         .count();
    double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0;
    std::fprintf(stderr, "\r%lld rows, %.0f rows/s ",
                 static_cast<long long>(rows), rate);
    std::fflush(stderr);
    shown_ = true;
  }

  void finish() {
    if (shown_) std::fputc('\n', stderr);
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ =
      std::chrono::steady_clock::now();
};

void print_issues(const char* kind, const std::vector<ImportIssue>& issues) {
  for (const ImportIssue& issue : issues) {
    std::cout << kind << ": line " << issue.line;
    if (!issue.column.empty()) std::cout << ", column " << issue.column;
    if (!issue.handle.empty()) std::cout << ", product " << issue.handle;
    std::cout << ": " << issue.message << "\n";
  }
}

void print_report(const ImportReport& report) {
  std::cout << (report.dry_run ? "dry run, nothing written\n" : "")
            << "format: " << to_string(report.format) << "\n"
            << "rows read: " << report.rows_read << "\n"
            << "products created: " << report.products_created << "\n"
            << "products updated: " << report.products_updated << "\n"
            << "products unchanged: " << report.products_unchanged << "\n"
            << "products skipped: " << report.products_skipped << "\n"
            << "variants written: " << report.variants_written << "\n"
            << "images written: " << report.images_written << "\n"
            << "errors: " << report.error_count << "\n"
            << "warnings: " << report.warning_count << "\n";
  print_issues("error", report.errors);
  print_issues("warning", report.warnings);
}

int run_import(const GlobalOptions& global, const ParsedOptions& options) {
  if (options.positional().size() != 1) {
    throw UsageError("import takes one FILE argument");
  }
  const std::string& path = options.positional().front();
  std::string handle = required_option(options, "store");
  std::string member_email = required_option(options, "as");

  ImportOptions import_options;
  import_options.dry_run = options.has("dry-run");
  if (auto format = options.value("format")) {
    try {
      import_options.format = import_format_from_string(*format);
    } catch (const Error& error) {
      throw UsageError(error.what());
    }
  }
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    throw Error(ErrorCode::not_found,
                "failed to open '" + path + "' for reading; check the path",
                "FILE");
  }

  auto platform = open_platform(global);
  SignedIn member(*platform, member_email);
  StoreId store = store_by_handle(*platform, member.principal(), handle);
  Progress progress;
  import_options.progress = [&](const ImportReport& so_far) {
    progress.update(so_far.rows_read);
  };
  ImportReport report = platform->admin().import_products(
      member.principal(), store, input, import_options);
  progress.finish();

  if (options.has("json")) {
    std::cout << nlohmann::json(report).dump(2) << "\n";
  } else {
    print_report(report);
  }
  // Rejected rows make the run a failure for scripts, although the good
  // rows were imported.
  return report.error_count > 0 ? kExitFailed : kExitOk;
}

// Returns the id of the store with `handle`, searched as a super admin.
StoreId store_by_handle_for_super_admin(Platform& platform,
                                        const Principal& super_admin,
                                        const std::string& handle) {
  StoreQuery query;
  query.text = handle;
  query.page.limit = 200;
  while (true) {
    Page<StoreSummary> page =
        platform.super_admin().list_stores(super_admin, query);
    for (const StoreSummary& summary : page.items) {
      if (summary.store.handle == handle) return summary.store.id;
    }
    if (page.next_cursor.empty()) break;
    query.page.cursor = page.next_cursor;
  }
  throw Error(ErrorCode::not_found, "no store '" + handle + "'", "store");
}

int run_backup(const GlobalOptions& global, const ParsedOptions& options) {
  if (options.positional().size() != 1) {
    throw UsageError("backup takes one OUT argument");
  }
  std::filesystem::path destination = options.positional().front();
  std::string handle = required_option(options, "store");
  std::string admin_email = required_option(options, "as");

  auto platform = open_platform(global);
  SignedIn super_admin(*platform, admin_email);
  StoreId store = store_by_handle_for_super_admin(
      *platform, super_admin.principal(), handle);
  platform->super_admin().backup_store(super_admin.principal(), store,
                                       destination);
  std::cout << "backed up store " << handle << " (" << store.str() << ") to "
            << destination.string() << "\n";
  return kExitOk;
}

int run_export(const GlobalOptions& global, const ParsedOptions& options) {
  reject_arguments(options, "export");
  std::string handle = required_option(options, "store");
  std::string member_email = required_option(options, "as");

  auto platform = open_platform(global);
  SignedIn member(*platform, member_email);
  StoreId store = store_by_handle(*platform, member.principal(), handle);
  if (auto path = options.value("output")) {
    std::ofstream out(*path, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw Error(ErrorCode::internal,
                  "failed to open '" + *path + "' for writing", "output");
    }
    platform->admin().export_products(member.principal(), store, out);
    out.close();
    if (!out) {
      throw Error(ErrorCode::internal, "failed to write '" + *path + "'",
                  "output");
    }
  } else {
    platform->admin().export_products(member.principal(), store, std::cout);
    std::cout.flush();
  }
  return kExitOk;
}

}  // namespace

std::vector<Command> catalog_commands() {
  const std::string sign_in =
      "Signs in as the user given by --as, with the password from the\n"
      "SHOPKIT_PASSWORD environment variable or one line of stdin.";
  return {
      Command{
          .name = "import",
          .arguments = "FILE",
          .summary = "import a product CSV file into a store",
          .details =
              "Reads Shopify's product CSV layout (or WooCommerce's or "
              "Vendure's) and\ncreates or updates the products, keeping the "
              "good rows when some are bad.\nShows rows done and rows per "
              "second on stderr when it is a terminal, and\nprints the "
              "report to stdout. Exits with 1 when any row was rejected.\n\n" +
              sign_in,
          .options = {{"store", "HANDLE", "the store's handle (required)"},
                      {"as", "EMAIL", "a member of the store (required)"},
                      {"dry-run", "",
                       "check the whole file and report, writing nothing"},
                      {"format", "NAME",
                       "detect (default), shopify, woocommerce or vendure"},
                      {"json", "", "print the report as JSON"}},
          .run = run_import},
      Command{.name = "export",
              .arguments = "",
              .summary = "export a store's products as Shopify CSV",
              .details = "Writes to stdout unless --output is given.\n\n" +
                         sign_in,
              .options = {{"store", "HANDLE", "the store's handle (required)"},
                          {"as", "EMAIL", "a member of the store (required)"},
                          {"output", "FILE", "write to FILE instead"}},
              .run = run_export},
      Command{.name = "backup",
              .arguments = "OUT",
              .summary = "copy a store's file while it stays in use",
              .details = "Writes a consistent copy of the store's SQLite "
                         "file to OUT with SQLite's\nonline backup API. "
                         "OUT must not exist. Needs a super admin.\n\n" +
                         sign_in,
              .options = {{"store", "HANDLE", "the store's handle (required)"},
                          {"as", "EMAIL", "a super admin (required)"}},
              .run = run_backup},
  };
}

}  // namespace shopkit::cli
