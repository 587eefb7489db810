// AdminService's dashboard and customers sections.
#include "bind_admin.h"

namespace shopkit::python {

namespace {

// A day of the dashboard travels as datetime.date: the library counts
// days in UTC, so the date carries no time zone.
py::object day_to_date(std::chrono::sys_days day) {
  std::chrono::year_month_day date(day);
  return py::module_::import("datetime")
      .attr("date")(static_cast<int>(date.year()),
                    static_cast<unsigned>(date.month()),
                    static_cast<unsigned>(date.day()));
}

std::chrono::sys_days date_to_day(py::handle value) {
  py::object date_type = py::module_::import("datetime").attr("date");
  py::object datetime_type = py::module_::import("datetime").attr("datetime");
  if (!py::isinstance(value, date_type) ||
      py::isinstance(value, datetime_type)) {
    throw py::type_error("DailyRevenue.day must be a datetime.date, not " +
                         py::str(py::type::of(value).attr("__name__"))
                             .cast<std::string>());
  }
  std::chrono::year_month_day date{
      std::chrono::year(value.attr("year").cast<int>()),
      std::chrono::month(value.attr("month").cast<unsigned>()),
      std::chrono::day(value.attr("day").cast<unsigned>())};
  return std::chrono::sys_days(date);
}

void bind_report_values(py::module_& module) {
  ValueClass<DashboardRequest>(module, "DashboardRequest",
                               "A dashboard request: orders placed in "
                               "[from_, to), at most 366 days.")
      .field("from_", &DashboardRequest::from,
             "Start of the range, inclusive; aware datetime.")
      .field("to", &DashboardRequest::to,
             "End of the range, exclusive; aware datetime.")
      .field("low_stock_threshold", &DashboardRequest::low_stock_threshold,
             "Variants with this stock or less are listed as low; 0 or "
             "more.")
      .finish();

  ValueClass<DailyRevenue>(module, "DailyRevenue",
                           "The orders placed on one UTC day and the "
                           "revenue they brought.")
      .property(
          "day", "datetime.date",
          [](const DailyRevenue& daily) { return day_to_date(daily.day); },
          [](DailyRevenue& daily, py::handle value) {
            daily.day = date_to_day(value);
          },
          "The UTC day, a datetime.date.")
      .field("orders", &DailyRevenue::orders, "Orders placed that day.")
      .field("revenue", &DailyRevenue::revenue, "Money.")
      .finish();

  ValueClass<ProductSales>(module, "ProductSales",
                           "Sales of one product: units and line totals of "
                           "the paid, not fully refunded orders of the "
                           "range, before partial refunds.")
      .field("product_id", &ProductSales::product_id, "The product's id.")
      .field("title", &ProductSales::title,
             "The current title, or the last sold one if deleted.")
      .field("quantity", &ProductSales::quantity, "Units sold.")
      .field("revenue", &ProductSales::revenue, "Money.")
      .finish();

  ValueClass<LowStockVariant>(module, "LowStockVariant",
                              "A variant at or below the low-stock "
                              "threshold.")
      .field("product_id", &LowStockVariant::product_id, "The product's id.")
      .field("variant_id", &LowStockVariant::variant_id, "The variant's id.")
      .field("sku", &LowStockVariant::sku, "The variant's SKU.")
      .field("title", &LowStockVariant::title, "The product's title.")
      .field("variant_title", &LowStockVariant::variant_title,
             "Option values joined by ' / '.")
      .field("stock", &LowStockVariant::stock, "Units on hand.")
      .finish();

  ValueClass<Dashboard>(module, "Dashboard",
                        "A store's figures for a range of days. An order "
                        "counts as paid when it was paid at some point; "
                        "its revenue is its total minus its refunds.")
      .field("from_", &Dashboard::from, "Start of the range, inclusive.")
      .field("to", &Dashboard::to, "End of the range, exclusive.")
      .field("order_count", &Dashboard::order_count,
             "Orders placed, any status.")
      .field("paid_order_count", &Dashboard::paid_order_count,
             "Paid orders whose refunds are below their total.")
      .field("revenue", &Dashboard::revenue,
             "Money, the sum of total minus refunded over paid orders.")
      .field("average_order_value", &Dashboard::average_order_value,
             "Money, revenue / paid_order_count rounded half up; zero "
             "without orders.")
      .field("revenue_per_day", &Dashboard::revenue_per_day,
             "list of DailyRevenue, one for every day of the range.")
      .field("top_products", &Dashboard::top_products,
             "list of ProductSales, at most 5, most sold first.")
      .field("low_stock", &Dashboard::low_stock,
             "list of LowStockVariant, at most 100, lowest stock first.")
      .field("low_stock_count", &Dashboard::low_stock_count,
             "All low-stock variants, listed or not.")
      .finish();

  ValueClass<Customer>(module, "Customer",
                       "A buyer of the store, made at their first "
                       "checkout, with figures over all their orders.")
      .field("id", &Customer::id, "The customer's id.")
      .field("email", &Customer::email, "The buyer's email.")
      .field("name", &Customer::name, "The buyer's name.")
      .field("user_id", &Customer::user_id,
             "The platform user's id once they checked out signed in, "
             "or None.")
      .field("created_at", &Customer::created_at, "Aware datetime in UTC.")
      .field("order_count", &Customer::order_count, "Orders placed.")
      .field("total_spent", &Customer::total_spent,
             "Money, total minus refunded over their paid orders.")
      .field("last_order_at", &Customer::last_order_at,
             "datetime of the latest order, or None.")
      .finish();
}

Dashboard get_dashboard(AdminService& admin, Principal principal,
                        StoreId store, Timestamp from, Timestamp to,
                        std::int64_t low_stock_threshold) {
  DashboardRequest request{
      .from = from, .to = to, .low_stock_threshold = low_stock_threshold};
  py::gil_scoped_release release;
  return admin.get_dashboard(principal, store, request);
}

Page<Customer> list_customers(AdminService& admin, Principal principal,
                              StoreId store, std::string text, int limit,
                              std::optional<std::string> cursor) {
  CustomerQuery query{.text = std::move(text),
                      .page = {.limit = limit, .cursor = cursor.value_or("")}};
  py::gil_scoped_release release;
  return admin.list_customers(principal, store, query);
}

Page<Order> list_customer_orders(AdminService& admin, Principal principal,
                                 StoreId store, CustomerId customer,
                                 int limit,
                                 std::optional<std::string> cursor) {
  PageRequest page{.limit = limit, .cursor = cursor.value_or("")};
  py::gil_scoped_release release;
  return admin.list_customer_orders(principal, store, customer, page);
}

}  // namespace

void bind_admin_reports(py::module_& module, AdminClass& admin) {
  bind_report_values(module);
  admin
      .def("get_dashboard", &get_dashboard, py::arg("principal"),
           py::arg("store_id"), py::kw_only(), py::arg("from_"),
           py::arg("to"), py::arg("low_stock_threshold") = 5,
           "Return the store's Dashboard for the orders placed in "
           "[from_, to) (aware datetimes) and its low-stock variants now. "
           "Raises InvalidArgument (field 'to') unless from_ < to and the "
           "range is at most 366 days, and (field "
           "'low_stock_threshold') for a negative threshold.")
      .def("list_customers", &list_customers, py::arg("principal"),
           py::arg("store_id"), py::kw_only(), py::arg("text") = "",
           py::arg("limit") = 50, py::arg("cursor") = py::none(),
           "Return a Page of Customer, newest first. `text` matches a "
           "substring of the email or name in any case.")
      .def("get_customer", without_gil(&AdminService::get_customer),
           py::arg("principal"), py::arg("store_id"), py::arg("customer_id"),
           "Return the Customer. Raises NotFound (field 'customer_id') "
           "for an unknown id.")
      .def("list_customer_orders", &list_customer_orders,
           py::arg("principal"), py::arg("store_id"), py::arg("customer_id"),
           py::kw_only(), py::arg("limit") = 50,
           py::arg("cursor") = py::none(),
           "Return a Page of the customer's orders, newest first. Raises "
           "NotFound for an unknown customer.");
  def_iterator(admin, "iter_customers", "list_customers",
               "Yield every Customer of list_customers() with the same "
               "arguments, fetching pages lazily.");
  def_iterator(admin, "iter_customer_orders", "list_customer_orders",
               "Yield every Order of list_customer_orders() with the same "
               "arguments, fetching pages lazily.");
}

}  // namespace shopkit::python
