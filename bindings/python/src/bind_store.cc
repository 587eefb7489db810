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

}  // namespace

void bind_store(py::module_& module) {
  // The Platform owns the service; Python only borrows it.
  py::class_<StoreService, std::unique_ptr<StoreService, py::nodelete>>(
      module, "StoreService",
      "Stores, the public catalog and checkout; Platform.stores. Calls by "
      "store id are for members: anyone else gets NotFound exactly as for "
      "a store that does not exist. Calls by store handle are public and "
      "see only active stores. Thread-safe; every method releases the "
      "GIL.")
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
           "Raises NotFound for an unknown, suspended or deleted store.");
}

}  // namespace shopkit::python
