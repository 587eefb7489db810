#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

class SqliteCatalogRepository final : public CatalogRepository {
 public:
  explicit SqliteCatalogRepository(Connection& connection) : connection_(connection) {}

 private:
  [[maybe_unused]] Connection& connection_;
};

}  // namespace

std::unique_ptr<CatalogRepository> make_catalog_repository(Connection& connection) {
  return std::make_unique<SqliteCatalogRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
