// Python binding of AdminService.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

void bind_admin(py::module_& module) {
  // The Platform owns the service; Python only borrows it.
  py::class_<AdminService, std::unique_ptr<AdminService, py::nodelete>>(
      module, "AdminService",
      "A store's admin panel, for its members; Platform.admin. Thread-safe; every method releases the GIL.");
}

}  // namespace shopkit::python
