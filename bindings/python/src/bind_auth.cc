// Python binding of AuthService.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

void bind_auth(py::module_& module) {
  // The Platform owns the service; Python only borrows it.
  py::class_<AuthService, std::unique_ptr<AuthService, py::nodelete>>(
      module, "AuthService",
      "Accounts, passwords, sessions and tokens; Platform.auth. Thread-safe; every method releases the GIL.");
}

}  // namespace shopkit::python
