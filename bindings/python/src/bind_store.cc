// Python binding of StoreService: stores, the public catalog and
// checkout.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

namespace {

Store create_store(StoreService& stores, Principal principal,
                   std::string name, std::string handle, std::string currency,
                   std::string country) {
  CreateStoreRequest request{.name = std::move(name),
                             .handle = std::move(handle),
                             .currency = std::move(currency),
                             .country = std::move(country)};
  py::gil_scoped_release release;
  return stores.create_store(principal, request);
}

Store update_store(StoreService& stores, Principal principal, StoreId store,
                   const RequestArgument<StoreSettingsUpdate>& update,
                   const py::kwargs& fields) {
  StoreSettingsUpdate change =
      request_from<StoreSettingsUpdate>(update, fields, "update");
  py::gil_scoped_release release;
  return stores.update_store(principal, store, change);
}

Page<Product> search_products(StoreService& stores, Principal principal,
                              std::string store_handle,
                              const RequestArgument<ProductSearch>& search,
                              const py::kwargs& fields) {
  ProductSearch query = request_from<ProductSearch>(search, fields, "search");
  py::gil_scoped_release release;
  return stores.search_products(principal, store_handle, query);
}

Order checkout(StoreService& stores, Principal principal,
               std::string store_handle,
               const RequestArgument<CheckoutRequest>& request,
               const py::kwargs& fields) {
  CheckoutRequest order =
      request_from<CheckoutRequest>(request, fields, "request");
  py::gil_scoped_release release;
  return stores.checkout(principal, store_handle, order);
}

Page<Order> list_my_orders(StoreService& stores, Principal principal,
                           std::string store_handle, int limit,
                           std::optional<std::string> cursor) {
  PageRequest page{.limit = limit, .cursor = cursor.value_or("")};
  py::gil_scoped_release release;
  return stores.list_my_orders(principal, store_handle, page);
}

}  // namespace

void bind_store(py::module_& module) {
  // The Platform owns the service; Python only borrows it.
  py::class_<StoreService, std::unique_ptr<StoreService, py::nodelete>> stores(
      module, "StoreService",
      "Stores, the public catalog and checkout; Platform.stores. Calls by "
      "store id are for members: anyone else gets NotFound exactly as for "
      "a store that does not exist. Calls by store handle are public and "
      "see only active stores. Thread-safe; every method releases the "
      "GIL.");
  stores
      .def("create_store", &create_store, py::arg("principal"), py::kw_only(),
           py::arg("name"), py::arg("handle"), py::arg("currency"),
           py::arg("country"),
           "Create a store owned by the principal, with its own file, and "
           "return it. Raises Unauthenticated for the anonymous principal, "
           "PermissionDenied for a non-merchant, InvalidArgument naming "
           "the field for a bad name, handle, currency or country, "
           "AlreadyExists when the handle is taken.")
      .def("list_my_stores", without_gil(&StoreService::list_my_stores),
           py::arg("principal"),
           "Return a StoreMembership for each store the principal is a "
           "member of, oldest membership first; deleted stores are left "
           "out.")
      .def("get_store", without_gil(&StoreService::get_store),
           py::arg("principal"), py::arg("store_id"),
           "Return the Store for a member or a super admin; NotFound "
           "otherwise.")
      .def("get_public_store", without_gil(&StoreService::get_public_store),
           py::arg("handle"),
           "Return an active store by handle, for anyone; owner_id is None. "
           "Raises NotFound for an unknown, suspended or deleted store.")
      .def("update_store", &update_store, py::arg("principal"),
           py::arg("store_id"), py::arg("update") = py::none(),
           "Change the store's settings (a StoreSettingsUpdate, a dict or "
           "keywords such as name='New') like AdminService."
           "update_settings() and return the Store afterwards. Needs the "
           "edit_settings right (owner or manager).")
      .def("search_products", &search_products, py::arg("principal"),
           py::arg("store_handle"), py::arg("search") = py::none(),
           "Search an active store's catalog and return a Page of "
           "Product; pass a ProductSearch or its fields as keywords. "
           "Customers and anonymous callers see active products only. "
           "Raises NotFound for an unknown or inactive store, "
           "InvalidArgument for a bad limit, a q over 512 bytes, a price "
           "bound in another currency or a malformed cursor.")
      .def("get_product", without_gil(&StoreService::get_product),
           py::arg("principal"), py::arg("store_handle"),
           py::arg("product_handle"),
           "Return a product by handle under the same visibility rules as "
           "search_products(); NotFound for an unknown or hidden one.")
      .def("checkout", &checkout, py::arg("principal"),
           py::arg("store_handle"), py::arg("request") = py::none(),
           "Place an order and return it; pass a CheckoutRequest, a dict "
           "or its fields as keywords (lines, email, shipping_address, "
           "idempotency_key). Prices, tax and shipping come from the "
           "store. Stock is taken in the same transaction, so it never "
           "goes below zero without backorders. The same idempotency key "
           "with the same request returns the first order. Raises "
           "Conflict naming the SKU and the available quantity when stock "
           "is short or a key is reused for another request, "
           "InvalidArgument naming the field for a bad request, NotFound "
           "for an unknown or inactive store.")
      .def("list_my_orders", &list_my_orders, py::arg("principal"),
           py::arg("store_handle"), py::kw_only(), py::arg("limit") = 50,
           py::arg("cursor") = py::none(),
           "Return a Page of the signed-in principal's own orders in the "
           "store, newest first. Raises Unauthenticated for the anonymous "
           "principal.")
      .def("get_my_order", without_gil(&StoreService::get_my_order),
           py::arg("principal"), py::arg("store_handle"),
           py::arg("order_id"),
           "Return one of the principal's own orders; NotFound for "
           "someone else's, exactly as for an unknown id.");
  def_iterator(stores, "iter_products", "search_products",
               "Yield every Product of search_products() with the same "
               "arguments, fetching pages lazily.");
  def_iterator(stores, "iter_my_orders", "list_my_orders",
               "Yield every Order of list_my_orders() with the same "
               "arguments, fetching pages lazily.");
}

}  // namespace shopkit::python
