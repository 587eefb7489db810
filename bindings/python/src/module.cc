// The extension module shopkit._shopkit. The shopkit package imports it
// and re-exports its names; see shopkit/__init__.py.
#include "bindings.h"

namespace shopkit::python {

PythonObjects python_objects;

void load_python_objects() {
  py::module_ datetime = py::module_::import("datetime");
  python_objects.datetime_type = py::object(datetime.attr("datetime")).release();
  python_objects.timedelta_type = py::object(datetime.attr("timedelta")).release();
  python_objects.epoch =
      datetime.attr("datetime")(1970, 1, 1, py::arg("tzinfo") =
                                                datetime.attr("timezone")
                                                    .attr("utc"))
          .release();
  python_objects.millisecond =
      datetime.attr("timedelta")(py::arg("milliseconds") = 1).release();
  python_objects.enums_module = py::module_::import("shopkit._enums").release();
  python_objects.errors_module =
      py::module_::import("shopkit._errors").release();
  python_objects.paginate =
      py::object(py::module_::import("shopkit._pagination").attr("paginate"))
          .release();
  python_objects.page_type =
      py::object(py::module_::import("shopkit._pagination").attr("Page"))
          .release();
}

py::str utf8_text(std::string_view text) {
  PyObject* decoded = PyUnicode_DecodeUTF8(
      text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
  if (decoded == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(decoded);
}

}  // namespace shopkit::python

PYBIND11_MODULE(_shopkit, module) {
  namespace python = shopkit::python;
  module.doc() =
      "The compiled part of shopkit. Import the shopkit package instead; it "
      "re-exports every public name of this module.";
  python::load_python_objects();
  python::bind_errors(module);
  python::bind_values(module);
  python::bind_options(module);
  python::bind_store_values(module);
  python::bind_auth(module);
  python::bind_store(module);
  python::bind_theme(module);
  python::bind_admin(module);
  python::bind_super_admin(module);
  python::bind_platform(module);
}
