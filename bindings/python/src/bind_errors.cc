// Translation of shopkit::Error into the exception classes of
// shopkit/_errors.py: one subclass per ErrorCode, carrying the message
// and the field.
#include "bindings.h"

namespace shopkit::python {

namespace {

py::object field_of(const Error& error) {
  return error.field().empty() ? py::object(py::none())
                               : py::object(utf8_text(error.field()));
}

void raise_python_error(const Error& error) {
  py::object errors =
      py::reinterpret_borrow<py::object>(python_objects.errors_module);
  py::object error_class = errors.attr("ERROR_CLASSES")[py::cast(error.code())];
  py::object exception = error_class(utf8_text(error.what()), field_of(error));
  PyErr_SetObject(error_class.ptr(), exception.ptr());
}

void raise_login_throttled(const LoginThrottledError& error) {
  py::object error_class =
      python_objects.errors_module.attr("LoginThrottled");
  py::object exception = error_class(utf8_text(error.what()), field_of(error),
                                     py::cast(error.retry_after()));
  PyErr_SetObject(error_class.ptr(), exception.ptr());
}

}  // namespace

void bind_errors(py::module_& module) {
  (void)module;
  py::register_exception_translator([](std::exception_ptr pointer) {
    try {
      if (pointer) std::rethrow_exception(pointer);
    } catch (const LoginThrottledError& error) {
      raise_login_throttled(error);
    } catch (const Error& error) {
      raise_python_error(error);
    }
  });
}

}  // namespace shopkit::python
