// Python binding of StoreService.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

void bind_store(py::module_& module) {
  // The Platform owns the service; Python only borrows it.
  py::class_<StoreService, std::unique_ptr<StoreService, py::nodelete>>(
      module, "StoreService",
      "Stores, the public catalog and checkout; Platform.stores. Thread-safe; every method releases the GIL.");
}

}  // namespace shopkit::python
