// Shared declarations of the binding sources: one bind_* function per
// area, each adding its classes to the extension module, and the wrapper
// that runs library calls without the GIL.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include "casters.h"

namespace shopkit::python {

// The type a wrapped call receives an argument as. A std::string_view
// becomes a std::string, so the text is copied out of the Python object
// before the GIL is released.
template <typename A>
using OwnedArgument =
    std::conditional_t<std::is_same_v<std::decay_t<A>, std::string_view>,
                       std::string, std::decay_t<A>>;

// Wraps a member function of a service for .def(): pybind11 copies each
// argument into a C++ value while the GIL is held, then the call runs
// with the GIL released, so other Python threads run during database
// and crypto work. Copying first (rather than py::call_guard, which
// releases the GIL before the argument conversions finish) means no
// Python object is read without the GIL, even when another thread
// changes an input object during the call.
template <typename R, typename C, typename... A>
auto without_gil(R (C::*method)(A...)) {
  return [method](C& self, OwnedArgument<A>... args) -> R {
    py::gil_scoped_release release;
    return (self.*method)(std::move(args)...);
  };
}

template <typename R, typename C, typename... A>
auto without_gil(R (C::*method)(A...) const) {
  return [method](const C& self, OwnedArgument<A>... args) -> R {
    py::gil_scoped_release release;
    return (self.*method)(std::move(args)...);
  };
}

// Decodes UTF-8 from the library (messages may quote user input) into a
// Python str, replacing invalid bytes instead of failing.
py::str utf8_text(std::string_view text);

void bind_errors(py::module_& module);
void bind_values(py::module_& module);
void bind_options(py::module_& module);
void bind_platform(py::module_& module);
void bind_store_values(py::module_& module);
void bind_auth(py::module_& module);
void bind_store(py::module_& module);
void bind_theme(py::module_& module);
void bind_admin(py::module_& module);
void bind_super_admin(py::module_& module);

}  // namespace shopkit::python
