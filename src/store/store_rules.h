// Rules for store handles, names and countries, and the conversion of
// registry rows to the public Store type.
#pragma once

#include <string>
#include <string_view>

#include "shopkit/stores.h"
#include "storage/store_registry.h"

namespace shopkit::internal {

// Raises invalid_argument (field "handle") unless `handle` is 3 to 63
// characters of a-z, 0-9 and '-', neither starting nor ending with '-',
// and not a reserved word.
void validate_store_handle(std::string_view handle);

// True for handles kept for the platform's own pages and routes.
bool is_reserved_store_handle(std::string_view handle);

// Returns the trimmed name; raises invalid_argument when it is empty,
// longer than 255 characters or has control characters.
std::string validate_store_name(std::string_view name);

// Raises invalid_argument naming `field` unless `currency` is an active
// ISO 4217 code.
void validate_store_currency(std::string_view currency,
                             std::string_view field = "currency");

// Raises invalid_argument unless `country` is two letters A-Z.
void validate_country(std::string_view country);

Store to_public_store(const storage::StoreRecord& record);

}  // namespace shopkit::internal
