// Translation of shopkit::Error into the exception classes of
// shopkit/_errors.py: one subclass per ErrorCode, carrying the message
// and the field.
#include "bindings.h"

namespace shopkit::python {

namespace {

void raise_python_error(const Error& error) {
  py::object errors =
      py::reinterpret_borrow<py::object>(python_objects.errors_module);
  py::object error_class = errors.attr("ERROR_CLASSES")[py::cast(error.code())];
  py::object field = error.field().empty()
                         ? py::object(py::none())
                         : py::object(utf8_text(error.field()));
  py::object exception = error_class(utf8_text(error.what()), field);
  PyErr_SetObject(error_class.ptr(), exception.ptr());
}

}  // namespace

void bind_errors(py::module_& module) {
  (void)module;
  py::register_exception_translator([](std::exception_ptr pointer) {
    try {
      if (pointer) std::rethrow_exception(pointer);
    } catch (const Error& error) {
      raise_python_error(error);
    }
  });
}

}  // namespace shopkit::python
