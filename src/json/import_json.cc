#include "shopkit/json.h"

namespace shopkit {

void to_json(nlohmann::json& out, const ImportIssue& issue) {
  out = nlohmann::json{{"line", issue.line},
                       {"column", issue.column},
                       {"handle", issue.handle},
                       {"message", issue.message}};
}

void to_json(nlohmann::json& out, const ImportReport& report) {
  out = nlohmann::json{{"format", std::string(to_string(report.format))},
                       {"dry_run", report.dry_run},
                       {"rows_read", report.rows_read},
                       {"products_created", report.products_created},
                       {"products_updated", report.products_updated},
                       {"products_unchanged", report.products_unchanged},
                       {"products_skipped", report.products_skipped},
                       {"variants_written", report.variants_written},
                       {"images_written", report.images_written},
                       {"error_count", report.error_count},
                       {"warning_count", report.warning_count},
                       {"errors", report.errors},
                       {"warnings", report.warnings}};
}

}  // namespace shopkit
