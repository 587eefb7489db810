// The row mappers of each supported layout. make_row_mapper() in
// product_rows.h picks one; these are declared apart so each layout can
// live in its own file.
#pragma once

#include <memory>
#include <string>

#include "csv/product_rows.h"

namespace shopkit::csv {

std::unique_ptr<RowMapper> make_shopify_mapper(const HeaderMap& header,
                                               std::string currency);
std::unique_ptr<RowMapper> make_woocommerce_mapper(const HeaderMap& header,
                                                   std::string currency);
std::unique_ptr<RowMapper> make_vendure_mapper(const HeaderMap& header,
                                               std::string currency);

}  // namespace shopkit::csv
