// Conversions between shopkit's C++ value types and Python objects that
// pybind11 cannot derive on its own: ids become str, Timestamp becomes a
// timezone-aware datetime in UTC, enums become members of the str-based
// enum classes in shopkit/_enums.py, and Page<T> becomes shopkit.Page.
//
// Every binding source includes this header before any pybind11 header
// that could see these types, so each type has one caster everywhere.
#pragma once

#include <pybind11/chrono.h>
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <chrono>
#include <concepts>
#include <string>
#include <string_view>

#include "enum_names.h"
#include "shopkit/shopkit.h"

namespace shopkit::python {

namespace py = pybind11;

// Python objects the casters need, looked up once when the extension is
// imported. Looking them up lazily from a function-local static could
// deadlock: an import may release the GIL while another thread waits on
// the static's initialization lock with the GIL held.
struct PythonObjects {
  py::handle datetime_type;  // datetime.datetime
  py::handle timedelta_type;
  py::handle epoch;        // datetime(1970, 1, 1, tzinfo=timezone.utc)
  py::handle millisecond;  // timedelta(milliseconds=1)
  py::handle enums_module;  // shopkit._enums
  py::handle page_type;     // shopkit._pagination.Page
  py::handle paginate;      // shopkit._pagination.paginate
  py::handle errors_module;  // shopkit._errors
};

// Filled by load_python_objects(); the references are never released,
// because the extension module cannot be unloaded.
extern PythonObjects python_objects;

void load_python_objects();

// An argument that is either a T, a dict of T's fields, or None; see
// request_from() in value_class.h.
template <typename T>
struct RequestArgument {
  py::object object = py::none();
};

}  // namespace shopkit::python

namespace pybind11::detail {

// An id travels as its string, for example "usr_01jc...".
template <typename Tag>
struct type_caster<shopkit::Id<Tag>> {
  PYBIND11_TYPE_CASTER(shopkit::Id<Tag>, const_name("str"));

  bool load(handle source, bool) {
    if (!PyUnicode_Check(source.ptr())) return false;
    value = shopkit::Id<Tag>(source.cast<std::string>());
    return true;
  }

  static handle cast(const shopkit::Id<Tag>& id, return_value_policy,
                     handle) {
    return pybind11::str(id.str()).release();
  }
};

// A Timestamp is an aware datetime in UTC. Loading accepts an aware
// datetime in any zone and floors it to whole milliseconds; a naive
// datetime is rejected because its zone would be a guess.
template <>
struct type_caster<shopkit::Timestamp> {
  PYBIND11_TYPE_CASTER(shopkit::Timestamp, const_name("datetime.datetime"));

  bool load(handle source, bool) {
    const auto& objects = shopkit::python::python_objects;
    if (!isinstance(source, objects.datetime_type)) return false;
    if (source.attr("utcoffset")().is_none()) {
      throw value_error(
          "naive datetime " + pybind11::repr(source).cast<std::string>() +
          " has no time zone; pass an aware datetime, for example "
          "datetime.now(timezone.utc)");
    }
    // datetime - epoch is an exact timedelta, and floor division by one
    // millisecond gives an exact int, so no float is involved.
    object since_epoch = reinterpret_borrow<object>(source) -
                         reinterpret_borrow<object>(objects.epoch);
    object milliseconds = since_epoch.attr("__floordiv__")(objects.millisecond);
    value = shopkit::Timestamp(
        std::chrono::milliseconds(milliseconds.cast<std::int64_t>()));
    return true;
  }

  static handle cast(shopkit::Timestamp time, return_value_policy, handle) {
    const auto& objects = shopkit::python::python_objects;
    object delta = reinterpret_borrow<object>(objects.timedelta_type)(
        arg("milliseconds") = time.time_since_epoch().count());
    return (reinterpret_borrow<object>(objects.epoch) + delta).release();
  }
};

// A C++ enum with a StrEnumNames specialization travels as a member of
// the enum.StrEnum class of the same name in shopkit._enums. Loading
// accepts that member or any str; an unknown name raises
// shopkit.InvalidArgument naming it.
template <shopkit::python::StrEnumType E>
struct type_caster<E> {
  using Names = shopkit::python::StrEnumNames<E>;
  PYBIND11_TYPE_CASTER(E, Names::python_name);

  bool load(handle source, bool) {
    if (!PyUnicode_Check(source.ptr())) return false;
    value = Names::from_name(source.cast<std::string>());
    return true;
  }

  static handle cast(E member, return_value_policy, handle) {
    object enum_type = shopkit::python::python_objects.enums_module.attr(
        Names::class_name);
    return enum_type(pybind11::str(std::string(Names::to_name(member))))
        .release();
  }
};

// A theme setting value is a bool, an int or a str, each loaded only
// from exactly that Python type: the generic variant caster would turn
// 1.5 into True, and a number setting takes integers only.
template <>
struct type_caster<shopkit::ThemeSettingValue> {
  PYBIND11_TYPE_CASTER(shopkit::ThemeSettingValue,
                       const_name("bool | int | str"));

  bool load(handle source, bool) {
    if (PyBool_Check(source.ptr())) {
      value = source.ptr() == Py_True;
    } else if (PyLong_Check(source.ptr())) {
      value = source.cast<std::int64_t>();
    } else if (PyUnicode_Check(source.ptr())) {
      value = source.cast<std::string>();
    } else {
      return false;
    }
    return true;
  }

  static handle cast(const shopkit::ThemeSettingValue& setting,
                     return_value_policy, handle) {
    return std::visit(
        [](const auto& held) -> handle {
          return make_caster<std::decay_t<decltype(held)>>::cast(
              held, return_value_policy::copy, handle());
        },
        setting);
  }
};

// A Page<T> becomes shopkit.Page(items=[...], next_cursor=str or None):
// Python code tests the last page with `page.next_cursor is None`.
template <typename T>
struct type_caster<shopkit::Page<T>> {
  PYBIND11_TYPE_CASTER(shopkit::Page<T>, const_name("shopkit.Page[") +
                                            make_caster<T>::name +
                                            const_name("]"));

  bool load(handle, bool) { return false; }

  static handle cast(const shopkit::Page<T>& page, return_value_policy,
                     handle parent) {
    object items = reinterpret_steal<object>(make_caster<std::vector<T>>::cast(
        page.items, return_value_policy::move, parent));
    object cursor = page.next_cursor.empty()
                        ? object(none())
                        : object(pybind11::str(page.next_cursor));
    object page_type =
        reinterpret_borrow<object>(shopkit::python::python_objects.page_type);
    return page_type(items, cursor).release();
  }
};

// A request argument that a binding converts itself with
// request_from(): any object loads, and the signature shows the request
// type, a dict, or None.
template <typename T>
struct type_caster<shopkit::python::RequestArgument<T>> {
  PYBIND11_TYPE_CASTER(shopkit::python::RequestArgument<T>,
                       make_caster<T>::name + const_name(" | dict | None"));

  bool load(handle source, bool) {
    value.object = reinterpret_borrow<object>(source);
    return true;
  }

  static handle cast(const shopkit::python::RequestArgument<T>& argument,
                     return_value_policy, handle) {
    return argument.object.inc_ref();
  }
};

}  // namespace pybind11::detail
