// Python binding of AdminService, a store's admin panel.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

namespace {

Product create_product(AdminService& admin, const Principal& principal,
                       const StoreId& store, const py::object& product,
                       const py::kwargs& fields) {
  ProductInput input = request_from<ProductInput>(product, fields, "product");
  Principal caller = principal;
  StoreId store_id = store;
  py::gil_scoped_release release;
  return admin.create_product(caller, store_id, input);
}

Page<Product> list_products(AdminService& admin, const Principal& principal,
                            const StoreId& store, const py::object& search,
                            const py::kwargs& fields) {
  ProductSearch query = request_from<ProductSearch>(search, fields, "search");
  Principal caller = principal;
  StoreId store_id = store;
  py::gil_scoped_release release;
  return admin.list_products(caller, store_id, query);
}

Product update_product(AdminService& admin, const Principal& principal,
                       const StoreId& store, const ProductId& product,
                       const py::object& update, const py::kwargs& fields) {
  ProductUpdate change = request_from<ProductUpdate>(update, fields, "update");
  Principal caller = principal;
  StoreId store_id = store;
  ProductId product_id = product;
  py::gil_scoped_release release;
  return admin.update_product(caller, store_id, product_id, change);
}

}  // namespace

void bind_admin(py::module_& module) {
  // The Platform owns the service; Python only borrows it.
  py::class_<AdminService, std::unique_ptr<AdminService, py::nodelete>> admin(
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
}

}  // namespace shopkit::python
