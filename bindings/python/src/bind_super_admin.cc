// Python binding of SuperAdminService.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

void bind_super_admin(py::module_& module) {
  // The Platform owns the service; Python only borrows it.
  py::class_<SuperAdminService, std::unique_ptr<SuperAdminService, py::nodelete>>(
      module, "SuperAdminService",
      "The platform's super-admin panel; Platform.super_admin. Thread-safe; every method releases the GIL.");
}

}  // namespace shopkit::python
