// Names of the commerce enums, as the JSON and the HTTP host spell them.
#include <string>

#include "shopkit/catalog.h"
#include "shopkit/error.h"
#include "shopkit/orders.h"
#include "shopkit/stores.h"

namespace shopkit {
namespace {

Error unknown_name(std::string_view kind, std::string_view name,
                   std::string_view expected, std::string_view field) {
  return Error(ErrorCode::invalid_argument,
               "unknown " + std::string(kind) + " '" + std::string(name) +
                   "'; expected " + std::string(expected),
               std::string(field));
}

}  // namespace

std::string_view to_string(ProductStatus status) {
  switch (status) {
    case ProductStatus::draft:
      return "draft";
    case ProductStatus::active:
      return "active";
    case ProductStatus::archived:
      return "archived";
  }
  return "draft";
}

ProductStatus product_status_from_string(std::string_view name) {
  if (name == "draft") return ProductStatus::draft;
  if (name == "active") return ProductStatus::active;
  if (name == "archived") return ProductStatus::archived;
  throw unknown_name("product status", name, "draft, active or archived",
                     "status");
}

std::string_view to_string(ProductSort sort) {
  switch (sort) {
    case ProductSort::newest:
      return "newest";
    case ProductSort::price:
      return "price";
    case ProductSort::title:
      return "title";
    case ProductSort::relevance:
      return "relevance";
  }
  return "newest";
}

ProductSort product_sort_from_string(std::string_view name) {
  if (name == "newest") return ProductSort::newest;
  if (name == "price") return ProductSort::price;
  if (name == "title") return ProductSort::title;
  if (name == "relevance") return ProductSort::relevance;
  throw unknown_name("sort order", name, "newest, price, title or relevance",
                     "sort");
}

std::string_view to_string(OrderStatus status) {
  switch (status) {
    case OrderStatus::pending:
      return "pending";
    case OrderStatus::paid:
      return "paid";
    case OrderStatus::fulfilled:
      return "fulfilled";
    case OrderStatus::cancelled:
      return "cancelled";
  }
  return "pending";
}

OrderStatus order_status_from_string(std::string_view name) {
  if (name == "pending") return OrderStatus::pending;
  if (name == "paid") return OrderStatus::paid;
  if (name == "fulfilled") return OrderStatus::fulfilled;
  if (name == "cancelled") return OrderStatus::cancelled;
  throw unknown_name("order status", name,
                     "pending, paid, fulfilled or cancelled", "status");
}

std::string_view to_string(StoreStatus status) {
  switch (status) {
    case StoreStatus::active:
      return "active";
    case StoreStatus::suspended:
      return "suspended";
    case StoreStatus::deleted:
      return "deleted";
  }
  return "active";
}

StoreStatus store_status_from_string(std::string_view name) {
  if (name == "active") return StoreStatus::active;
  if (name == "suspended") return StoreStatus::suspended;
  if (name == "deleted") return StoreStatus::deleted;
  throw unknown_name("store status", name, "active, suspended or deleted",
                     "status");
}

}  // namespace shopkit
