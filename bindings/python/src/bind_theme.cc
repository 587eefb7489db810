// Python binding of ThemeService.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

void bind_theme(py::module_& module) {
  // The Platform owns the service; Python only borrows it.
  py::class_<ThemeService, std::unique_ptr<ThemeService, py::nodelete>>(
      module, "ThemeService",
      "The theme catalog; Platform.themes. Thread-safe; every method releases the GIL.");
}

}  // namespace shopkit::python
