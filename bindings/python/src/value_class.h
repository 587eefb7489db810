// Binds a plain C++ struct as a Python value class: keyword-only
// constructor, one attribute per field, a repr that shows every field,
// equality by value, copy support, and to_dict()/from_dict() that map
// nested value types to nested dicts and back.
//
//   ValueClass<RegisterRequest>(m, "RegisterRequest", "doc")
//       .field("email", &RegisterRequest::email, "doc")
//       .finish();
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "casters.h"

namespace shopkit::python {

// A human-readable name of the Python type that a C++ type converts to,
// for TypeError messages ("list of Variant or None").
template <typename M>
std::string python_type_label();

namespace value_detail {

template <typename M>
struct IsOptional : std::false_type {};
template <typename V>
struct IsOptional<std::optional<V>> : std::true_type {};

template <typename M>
struct IsVector : std::false_type {};
template <typename V>
struct IsVector<std::vector<V>> : std::true_type {};

template <typename M>
struct IsMap : std::false_type {};
template <typename K, typename V>
struct IsMap<std::map<K, V>> : std::true_type {};

template <typename M>
struct IsId : std::false_type {};
template <typename Tag>
struct IsId<Id<Tag>> : std::true_type {};

// The bound Python class of M, or null when M is not a bound class.
template <typename M>
py::handle bound_type() {
  auto* info = py::detail::get_type_info(typeid(M));
  return info == nullptr ? py::handle() : py::handle((PyObject*)info->type);
}

}  // namespace value_detail

template <typename M>
std::string python_type_label() {
  using namespace value_detail;
  if constexpr (IsOptional<M>::value) {
    return python_type_label<typename M::value_type>() + " or None";
  } else if constexpr (IsVector<M>::value) {
    return "list of " + python_type_label<typename M::value_type>();
  } else if constexpr (IsMap<M>::value) {
    return "dict of " + python_type_label<typename M::mapped_type>();
  } else if constexpr (std::is_same_v<M, bool>) {
    return "bool";
  } else if constexpr (std::is_integral_v<M>) {
    return "int";
  } else if constexpr (std::is_same_v<M, std::string> || IsId<M>::value ||
                       StrEnumType<M>) {
    return "str";
  } else if constexpr (std::is_same_v<M, Timestamp>) {
    return "datetime";
  } else if constexpr (std::is_same_v<M, ThemeSettingValue>) {
    return "bool, int or str";
  } else if constexpr (std::is_same_v<M, std::chrono::seconds> ||
                       std::is_same_v<M, std::chrono::milliseconds>) {
    return "timedelta";
  } else {
    py::handle type = bound_type<M>();
    return type ? py::str(type.attr("__name__")).cast<std::string>()
                : std::string("a supported value");
  }
}

// The type annotation of a field as a stub file writes it, for example
// "list[Variant]" or "datetime.datetime | None". Value classes publish
// these in their `_field_types` dict, from which generate_stubs.py
// writes the annotations of shopkit/_shopkit.pyi.
template <typename M>
std::string python_type_hint() {
  using namespace value_detail;
  if constexpr (IsOptional<M>::value) {
    return python_type_hint<typename M::value_type>() + " | None";
  } else if constexpr (IsVector<M>::value) {
    return "list[" + python_type_hint<typename M::value_type>() + "]";
  } else if constexpr (IsMap<M>::value) {
    return "dict[" + python_type_hint<typename M::key_type>() + ", " +
           python_type_hint<typename M::mapped_type>() + "]";
  } else if constexpr (std::is_same_v<M, bool>) {
    return "bool";
  } else if constexpr (std::is_integral_v<M>) {
    return "int";
  } else if constexpr (std::is_same_v<M, std::string> || IsId<M>::value) {
    return "str";
  } else if constexpr (StrEnumType<M>) {
    return StrEnumNames<M>::class_name;
  } else if constexpr (std::is_same_v<M, Timestamp>) {
    return "datetime.datetime";
  } else if constexpr (std::is_same_v<M, ThemeSettingValue>) {
    return "bool | int | str";
  } else if constexpr (std::is_same_v<M, std::filesystem::path>) {
    return "str | os.PathLike[str]";
  } else if constexpr (std::is_same_v<M, std::chrono::seconds> ||
                       std::is_same_v<M, std::chrono::milliseconds>) {
    return "datetime.timedelta";
  } else {
    py::handle type = bound_type<M>();
    return type ? py::str(type.attr("__name__")).cast<std::string>()
                : std::string("Any");
  }
}

// Converts the plain form of a field (what to_dict() produced: dicts for
// value types, lists for vectors) into objects pybind11 can load as M.
// Other objects pass through unchanged.
template <typename M>
py::object from_plain(py::handle value) {
  using namespace value_detail;
  if constexpr (IsOptional<M>::value) {
    if (value.is_none()) return py::none();
    return from_plain<typename M::value_type>(value);
  } else if constexpr (IsVector<M>::value) {
    if (!py::isinstance<py::list>(value) && !py::isinstance<py::tuple>(value)) {
      return py::reinterpret_borrow<py::object>(value);
    }
    py::list converted;
    for (py::handle item : value) {
      converted.append(from_plain<typename M::value_type>(item));
    }
    return converted;
  } else if constexpr (std::is_class_v<M>) {
    py::handle type = bound_type<M>();
    if (type && py::isinstance<py::dict>(value) &&
        py::hasattr(type, "from_dict")) {
      return type.attr("from_dict")(value);
    }
    return py::reinterpret_borrow<py::object>(value);
  } else {
    return py::reinterpret_borrow<py::object>(value);
  }
}

// Converts a field value to its plain form: value types to dicts (through
// their own to_dict), lists and dicts element by element.
py::object to_plain(py::handle value);

// How a field reads and prints in Python.
enum class FieldStyle {
  plain,
  // repr() shows <hidden> instead of the value, for tokens, so that
  // printing a result never leaks one; to_dict() keeps the value.
  secret,
  // An empty string or id reads as None, and None sets it empty: for
  // fields where the library uses empty to mean "none".
  empty_is_none,
};

template <typename T>
class ValueClass {
 public:
  ValueClass(py::handle scope, const char* name, const char* doc)
      : class_(scope, name, doc),
        name_(name),
        fields_(std::make_shared<std::vector<Field>>()) {}

  // A read-write attribute backed by `member`.
  template <typename M>
  ValueClass& field(const char* name, M T::*member, const char* doc,
                    FieldStyle style = FieldStyle::plain) {
    std::string owner = name_;
    std::function<py::object(const T&)> get = [member](const T& value) {
      return py::cast(value.*member);
    };
    std::function<void(T&, py::handle)> set = [member, owner, name](
                                                  T& value, py::handle input) {
      value.*member = load_field<M>(owner, name, input);
    };
    if constexpr (requires(const M& text) { text.empty(); }) {
      if (style == FieldStyle::empty_is_none) {
        get = [member](const T& value) {
          return (value.*member).empty() ? py::object(py::none())
                                         : py::cast(value.*member);
        };
        set = [member, owner, name](T& value, py::handle input) {
          value.*member =
              input.is_none() ? M{} : load_field<M>(owner, name, input);
        };
      }
    } else if (style == FieldStyle::empty_is_none) {
      throw std::logic_error(owner + "." + name +
                             ": empty_is_none needs a string or id field");
    }
    class_.def_property(
        name, [get](const T& value) { return get(value); },
        [set](T& value, py::handle input) { set(value, input); }, doc);
    std::string hint = python_type_hint<M>();
    if (style == FieldStyle::empty_is_none) hint += " | None";
    fields_->push_back(
        Field{name, hint, get, set, style == FieldStyle::secret});
    return *this;
  }

  // A read-write attribute with custom conversion, for fields whose C++
  // type has no direct Python form (a callback, an injected sink).
  ValueClass& property(const char* name, const char* type_hint,
                       std::function<py::object(const T&)> get,
                       std::function<void(T&, py::handle)> set,
                       const char* doc) {
    class_.def_property(
        name, [get](const T& value) { return get(value); },
        [set](T& value, py::handle input) { set(value, input); }, doc);
    fields_->push_back(Field{name, type_hint, get, set, false});
    return *this;
  }

  // Adds the constructor, repr, equality, copy and dict conversion, and
  // returns the class for extra methods.
  py::class_<T>& finish();

 private:
  struct Field {
    std::string name;
    std::string type_hint;
    std::function<py::object(const T&)> get;
    std::function<void(T&, py::handle)> set;
    bool secret;  // repr() hides the value.
  };
  using Fields = std::vector<Field>;

  template <typename M>
  static M load_field(const std::string& owner, const std::string& name,
                      py::handle input) {
    py::object converted = from_plain<M>(input);
    try {
      return converted.cast<M>();
    } catch (const py::cast_error&) {
      throw py::type_error(
          owner + "." + name + " must be " + python_type_label<M>() +
          ", not " +
          py::str(py::type::of(input).attr("__name__")).cast<std::string>());
    }
  }

  // Sets the fields named in `values`; an unknown name raises through
  // `unknown` so the constructor and from_dict can report it their way.
  static void apply(const Fields& fields, T& target, const py::dict& values,
                    const std::function<void(const std::string&)>& unknown) {
    for (auto [key, input] : values) {
      std::string name = py::str(key).cast<std::string>();
      const Field* match = nullptr;
      for (const Field& field : fields) {
        if (field.name == name) match = &field;
      }
      if (match == nullptr) {
        unknown(name);
      } else {
        match->set(target, input);
      }
    }
  }

  py::class_<T> class_;
  std::string name_;
  std::shared_ptr<Fields> fields_;
};

template <typename T>
py::class_<T>& ValueClass<T>::finish() {
  std::shared_ptr<Fields> fields = fields_;
  std::string type_name = name_;

  class_.def(py::init([fields, type_name](const py::kwargs& values) {
               T value{};
               apply(*fields, value, values, [&](const std::string& name) {
                 throw py::type_error(type_name +
                                      "() got an unexpected keyword "
                                      "argument '" +
                                      name + "'");
               });
               return value;
             }),
             ("Create a " + type_name +
              " from keyword arguments; omitted fields keep their "
              "defaults.")
                 .c_str());

  class_.def_static(
      "from_dict",
      [fields, type_name](const py::dict& values) {
        T value{};
        apply(*fields, value, values, [&](const std::string& name) {
          throw Error(ErrorCode::invalid_argument,
                      "unknown field '" + name + "' for " + type_name, name);
        });
        return value;
      },
      py::arg("values"),
      ("Create a " + type_name +
       " from a dict as to_dict() returns it. Nested dicts become nested "
       "value objects; an unknown key raises shopkit.InvalidArgument.")
          .c_str());

  class_.def(
      "to_dict",
      [fields](const T& value) {
        py::dict out;
        for (const Field& field : *fields) {
          out[py::str(field.name)] = to_plain(field.get(value));
        }
        return out;
      },
      "Return the fields as a dict; nested value objects become dicts, "
      "Money becomes {'amount': int, 'currency': str}.");

  class_.def(
      "__repr__",
      [fields, type_name](const T& value) {
        std::string text = type_name + "(";
        for (std::size_t i = 0; i < fields->size(); ++i) {
          const Field& field = (*fields)[i];
          if (i > 0) text += ", ";
          text += field.name + "=";
          text += field.secret
                      ? std::string("<hidden>")
                      : py::repr(field.get(value)).template cast<std::string>();
        }
        return text + ")";
      });

  class_.def(
      "__eq__",
      [fields](const T& value, const py::object& other) -> py::object {
        if (!py::isinstance<T>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        const T& right = other.cast<const T&>();
        for (const Field& field : *fields) {
          if (!field.get(value).equal(field.get(right))) return py::bool_(false);
        }
        return py::bool_(true);
      },
      py::is_operator());

  py::dict field_types;
  for (const Field& field : *fields) {
    field_types[py::str(field.name)] = field.type_hint;
  }
  class_.attr("_field_types") = field_types;

  class_.def("__copy__", [](const T& value) { return T(value); });
  class_.def("__deepcopy__",
             [](const T& value, const py::object&) { return T(value); },
             py::arg("memo"));
  return class_;
}

// Builds the request of a method that takes either one T (or a dict of
// its fields) as `input`, or T's fields as keyword arguments.
template <typename T>
T request_from(const RequestArgument<T>& argument, const py::kwargs& fields,
               const std::string& parameter) {
  const py::object& input = argument.object;
  py::handle type = py::type::of<T>();
  std::string type_name = py::str(type.attr("__name__")).cast<std::string>();
  if (!input.is_none() && fields.size() > 0) {
    throw py::type_error("pass " + parameter + " as one " + type_name +
                         " or as keyword arguments, not both");
  }
  if (fields.size() > 0) return type(**fields).template cast<T>();
  if (input.is_none()) return T{};
  py::object converted = from_plain<T>(input);
  if (!py::isinstance<T>(converted)) {
    throw py::type_error(
        parameter + " must be a " + type_name + " or a dict, not " +
        py::str(py::type::of(input).attr("__name__")).cast<std::string>());
  }
  return converted.template cast<T>();
}

// Adds `iter_name`, which yields every item of the paginated list method
// `list_name` of the same class (see shopkit.paginate).
template <typename Class>
void def_iterator(Class& cls, const char* iter_name, const char* list_name,
                  const char* doc) {
  std::string list = list_name;
  cls.def(
      iter_name,
      [list](const py::object& self, const py::args& args,
             const py::kwargs& kwargs) {
        py::object paginate =
            py::reinterpret_borrow<py::object>(python_objects.paginate);
        return paginate(self.attr(list.c_str()), *args, **kwargs);
      },
      doc);
}

}  // namespace shopkit::python
