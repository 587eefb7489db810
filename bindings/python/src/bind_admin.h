// The AdminService class binding, shared by the files that add its
// sections.
#pragma once

#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

// The Platform owns the service; Python only borrows it.
using AdminClass =
    py::class_<AdminService, std::unique_ptr<AdminService, py::nodelete>>;

// Adds the value types and calls of import and export, members and the
// store's theme.
void bind_admin_panel(py::module_& module, AdminClass& admin);

// Adds the value types and calls of the dashboard and the customers.
void bind_admin_reports(py::module_& module, AdminClass& admin);

}  // namespace shopkit::python
