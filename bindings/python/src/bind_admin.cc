// Python binding of AdminService, a store's admin panel: catalog, stock,
// orders and settings. bind_admin_panel.cc and bind_admin_reports.cc add
// the other sections.
#include "bind_admin.h"

namespace shopkit::python {

namespace {

Product create_product(AdminService& admin, const Principal& principal,
                       const StoreId& store,
                       const RequestArgument<ProductInput>& product,
                       const py::kwargs& fields) {
  ProductInput input = request_from<ProductInput>(product, fields, "product");
  Principal caller = principal;
  StoreId store_id = store;
  py::gil_scoped_release release;
  return admin.create_product(caller, store_id, input);
}

Page<Product> list_products(AdminService& admin, const Principal& principal,
                            const StoreId& store,
                            const RequestArgument<ProductSearch>& search,
                            const py::kwargs& fields) {
  ProductSearch query = request_from<ProductSearch>(search, fields, "search");
  Principal caller = principal;
  StoreId store_id = store;
  py::gil_scoped_release release;
  return admin.list_products(caller, store_id, query);
}

Product update_product(AdminService& admin, const Principal& principal,
                       const StoreId& store, const ProductId& product,
                       const RequestArgument<ProductUpdate>& update,
                       const py::kwargs& fields) {
  ProductUpdate change = request_from<ProductUpdate>(update, fields, "update");
  Principal caller = principal;
  StoreId store_id = store;
  ProductId product_id = product;
  py::gil_scoped_release release;
  return admin.update_product(caller, store_id, product_id, change);
}

Page<LedgerEntry> list_inventory_ledger(AdminService& admin,
                                        Principal principal, StoreId store,
                                        std::optional<std::string> sku,
                                        int limit,
                                        std::optional<std::string> cursor) {
  PageRequest page{.limit = limit, .cursor = cursor.value_or("")};
  py::gil_scoped_release release;
  return admin.list_inventory_ledger(principal, store, sku.value_or(""), page);
}

Page<Order> list_orders(AdminService& admin, Principal principal,
                        StoreId store, const RequestArgument<OrderQuery>& query,
                        const py::kwargs& fields) {
  OrderQuery filter = request_from<OrderQuery>(query, fields, "query");
  py::gil_scoped_release release;
  return admin.list_orders(principal, store, filter);
}

StoreSettings update_settings(
    AdminService& admin, Principal principal, StoreId store,
    const RequestArgument<StoreSettingsUpdate>& update,
    const py::kwargs& fields) {
  StoreSettingsUpdate change =
      request_from<StoreSettingsUpdate>(update, fields, "update");
  py::gil_scoped_release release;
  return admin.update_settings(principal, store, change);
}

void bind_stock_calls(AdminClass& admin) {
  admin
      .def("get_stock", without_gil(&AdminService::get_stock),
           py::arg("principal"), py::arg("store_id"), py::arg("sku"),
           "Return the StockLevel of the variant with `sku`. Raises "
           "NotFound for an unknown SKU.")
      .def("adjust_stock", without_gil(&AdminService::adjust_stock),
           py::arg("principal"), py::arg("store_id"), py::arg("sku"),
           py::arg("delta"), py::arg("reason"),
           "Add `delta` (negative to remove) to the stock and write a "
           "ledger row with `reason`. Raises InvalidArgument for a zero "
           "delta or an empty reason, NotFound for an unknown SKU, "
           "Conflict naming the available quantity when stock would go "
           "below zero without backorders.")
      .def("set_stock", without_gil(&AdminService::set_stock),
           py::arg("principal"), py::arg("store_id"), py::arg("sku"),
           py::arg("quantity"), py::arg("reason"),
           py::arg("expected") = py::none(),
           "Set the stock to `quantity` and write a ledger row with the "
           "difference. With `expected`, raises Conflict naming the "
           "current stock when it is no longer that value "
           "(compare-and-swap). Raises InvalidArgument for an empty "
           "reason or a negative quantity without backorders.")
      .def("list_inventory_ledger", &list_inventory_ledger,
           py::arg("principal"), py::arg("store_id"),
           py::arg("sku") = py::none(), py::kw_only(), py::arg("limit") = 50,
           py::arg("cursor") = py::none(),
           "Return a Page of LedgerEntry rows, newest first, of one SKU or "
           "(sku=None) of all. Raises NotFound for an unknown SKU.");
  def_iterator(admin, "iter_inventory_ledger", "list_inventory_ledger",
               "Yield every LedgerEntry of list_inventory_ledger() with the "
               "same arguments, fetching pages lazily.");
}

void bind_order_calls(AdminClass& admin) {
  admin
      .def("list_orders", &list_orders, py::arg("principal"),
           py::arg("store_id"), py::arg("query") = py::none(),
           "Return a Page of the store's orders, newest first; pass an "
           "OrderQuery or its fields as keywords (status=, limit=, "
           "cursor=).")
      .def("get_order", without_gil(&AdminService::get_order),
           py::arg("principal"), py::arg("store_id"), py::arg("order_id"),
           "Return the Order. Raises NotFound for an unknown order.")
      .def("pay_order", without_gil(&AdminService::pay_order),
           py::arg("principal"), py::arg("store_id"), py::arg("order_id"),
           "Move a pending order to paid. Raises FailedPrecondition from "
           "any other status.")
      .def("fulfill_order", without_gil(&AdminService::fulfill_order),
           py::arg("principal"), py::arg("store_id"), py::arg("order_id"),
           "Move a paid order to fulfilled. Raises FailedPrecondition from "
           "any other status.")
      .def("cancel_order", without_gil(&AdminService::cancel_order),
           py::arg("principal"), py::arg("store_id"), py::arg("order_id"),
           "Cancel a pending or paid order and put its units back in "
           "stock. Money already paid is returned only by refund_order(). "
           "Raises FailedPrecondition from fulfilled or cancelled.")
      .def("refund_order", without_gil(&AdminService::refund_order),
           py::arg("principal"), py::arg("store_id"), py::arg("order_id"),
           py::arg("amount"), py::arg("reason"),
           "Record a refund of `amount` (Money) on an order that was paid. "
           "Raises InvalidArgument for an amount that is not positive or "
           "in another currency, FailedPrecondition for an order never "
           "paid or when refunds would exceed the total.");
  def_iterator(admin, "iter_orders", "list_orders",
               "Yield every Order of list_orders() with the same arguments, "
               "fetching pages lazily.");
}

void bind_settings_calls(AdminClass& admin) {
  admin
      .def("get_settings", without_gil(&AdminService::get_settings),
           py::arg("principal"), py::arg("store_id"),
           "Return the store's StoreSettings.")
      .def("update_settings", &update_settings, py::arg("principal"),
           py::arg("store_id"), py::arg("update") = py::none(),
           "Change the fields given (a StoreSettingsUpdate, a dict or "
           "keywords such as tax_rate_bps=825) and return the settings. "
           "Raises InvalidArgument naming the field, FailedPrecondition "
           "for a currency change once the store has an order.");
}

}  // namespace

void bind_admin(py::module_& module) {
  // The Platform owns the service; Python only borrows it.
  AdminClass admin(
      module, "AdminService",
      "A store's admin panel, for its members; Platform.admin. Every "
      "method takes the calling Principal and the store's id. A caller "
      "who is not a member (nor a super admin, for reads) gets NotFound "
      "exactly as for a missing store; a member whose role lacks the "
      "right gets PermissionDenied; changes to a suspended store raise "
      "FailedPrecondition. A call that raises changes nothing. "
      "Thread-safe; every method releases the GIL.");

  admin
      .def("create_product", &create_product, py::arg("principal"),
           py::arg("store_id"), py::arg("product") = py::none(),
           "Create a product and return it. Pass a ProductInput, a dict of "
           "its fields (the JSON layout, money as {'amount', 'currency'}), "
           "or its fields as keywords. Raises AlreadyExists naming a taken "
           "SKU or handle, InvalidArgument naming the field for bad input.")
      .def("get_product", without_gil(&AdminService::get_product),
           py::arg("principal"), py::arg("store_id"), py::arg("product_id"),
           "Return the Product, whatever its status. Raises NotFound for "
           "an unknown id.")
      .def("get_product_by_handle",
           without_gil(&AdminService::get_product_by_handle),
           py::arg("principal"), py::arg("store_id"), py::arg("handle"),
           "Like get_product(), by the product's handle.")
      .def("list_products", &list_products, py::arg("principal"),
           py::arg("store_id"), py::arg("search") = py::none(),
           "Search the whole catalog and return a Page of Product. Pass a "
           "ProductSearch or its fields as keywords (q=, status=, limit=, "
           "cursor=, ...). Raises InvalidArgument for a bad limit or "
           "cursor.")
      .def("update_product", &update_product, py::arg("principal"),
           py::arg("store_id"), py::arg("product_id"),
           py::arg("update") = py::none(),
           "Change the fields given (a ProductUpdate, a dict, or keywords "
           "such as title='New') and return the product afterwards. "
           "Raises like create_product(), and NotFound for an unknown "
           "product.")
      .def("delete_product", without_gil(&AdminService::delete_product),
           py::arg("principal"), py::arg("store_id"), py::arg("product_id"),
           "Delete the product with its variants and images; orders keep "
           "their copies. Raises NotFound for an unknown id.");
  def_iterator(admin, "iter_products", "list_products",
               "Yield every Product of list_products() with the same "
               "arguments, fetching pages lazily.");
  bind_stock_calls(admin);
  bind_order_calls(admin);
  bind_settings_calls(admin);
  bind_admin_panel(module, admin);
  bind_admin_reports(module, admin);
}

}  // namespace shopkit::python
