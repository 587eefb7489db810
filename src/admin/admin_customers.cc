// AdminService: the store's customers and their orders.
#include "common/access.h"
#include "common/context.h"
#include "common/paging.h"
#include "shopkit/admin_service.h"
#include "storage/order_repository.h"
#include "storage/store_reports.h"
#include "store/order_rules.h"
#include "store/store_access.h"

namespace shopkit {
namespace {

using internal::StoreRight;

Customer to_customer(const storage::CustomerRow& row,
                     const std::string& currency) {
  return Customer{row.id,         row.email,  row.name,
                  row.user_id,    row.created_at, row.orders,
                  Money(row.spent, currency), row.last_order_at};
}

Error customer_not_found(const CustomerId& customer) {
  return Error(ErrorCode::not_found,
               "customer '" + customer.str() + "' not found", "customer_id");
}

}  // namespace

Page<Customer> AdminService::list_customers(const Principal& principal,
                                            const StoreId& store,
                                            const CustomerQuery& query) {
  internal::check_page_limit(query.page.limit);
  internal::StoreAccess access =
      internal::authorize(context_, principal, store, StoreRight::view_customers);
  storage::CustomerFilter filter;
  filter.text = query.text;
  filter.before_id = internal::decode_id_cursor(query.page.cursor, "cus");
  filter.limit = query.page.limit + 1;

  std::vector<Customer> customers = context_.storage->read_store(
      store, [&](storage::StoreRepositories& s) {
        const std::string currency = internal::store_currency(s, access.store);
        std::vector<Customer> rows;
        for (const auto& row : s.reports().customers(filter)) {
          rows.push_back(to_customer(row, currency));
        }
        return rows;
      });
  return internal::make_page(
      std::move(customers), query.page.limit,
      [](const Customer& customer) { return customer.id.str(); });
}

Customer AdminService::get_customer(const Principal& principal,
                                    const StoreId& store,
                                    const CustomerId& customer) {
  internal::StoreAccess access =
      internal::authorize(context_, principal, store, StoreRight::view_customers);
  return context_.storage->read_store(
      store, [&](storage::StoreRepositories& s) {
        std::optional<storage::CustomerRow> row = s.reports().customer(customer);
        if (!row) throw customer_not_found(customer);
        return to_customer(*row, internal::store_currency(s, access.store));
      });
}

Page<Order> AdminService::list_customer_orders(const Principal& principal,
                                               const StoreId& store,
                                               const CustomerId& customer,
                                               const PageRequest& page) {
  internal::check_page_limit(page.limit);
  internal::authorize(context_, principal, store, StoreRight::view_customers);
  storage::OrderListQuery list;
  list.customer_id = customer;
  list.limit = page.limit + 1;
  if (!page.cursor.empty()) {
    list.before_number = internal::decode_number_cursor("order", page.cursor);
  }

  std::vector<Order> orders = context_.storage->read_store(
      store, [&](storage::StoreRepositories& s) {
        if (!s.reports().customer(customer)) throw customer_not_found(customer);
        return s.orders().list(list);
      });
  return internal::make_page(std::move(orders), page.limit,
                             [](const Order& order) {
                               return internal::encode_number_cursor(
                                   "order", order.number);
                             });
}

}  // namespace shopkit
