// Products, variants, images, categories and search, in a store file.
#pragma once

#include "shopkit/types.h"

namespace shopkit::storage {

// TODO: methods are added with the service that uses them.
class CatalogRepository {
 public:
  virtual ~CatalogRepository() = default;
};

}  // namespace shopkit::storage
