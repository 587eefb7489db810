// Money, Principal and the helpers shared by every value class.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

LogLevel log_level_from_string(std::string_view name) {
  for (LogLevel level : {LogLevel::debug, LogLevel::info, LogLevel::warning,
                         LogLevel::error}) {
    if (to_string(level) == name) return level;
  }
  throw Error(ErrorCode::invalid_argument,
              "unknown log level '" + std::string(name) +
                  "'; expected debug, info, warning or error",
              "level");
}

py::object to_plain(py::handle value) {
  if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    py::list out;
    for (py::handle item : value) out.append(to_plain(item));
    return out;
  }
  if (py::isinstance<py::dict>(value)) {
    py::dict out;
    for (auto [key, item] : py::reinterpret_borrow<py::dict>(value)) {
      out[key] = to_plain(item);
    }
    return out;
  }
  if (!py::isinstance<py::type>(value) && py::hasattr(value, "to_dict")) {
    return value.attr("to_dict")();
  }
  return py::reinterpret_borrow<py::object>(value);
}

namespace {

// Raises invalid_argument unless both amounts are in one currency, for
// the ordering operators (the library's own arithmetic checks this too).
void require_same_currency(const Money& left, const Money& right) {
  if (left.currency() != right.currency()) {
    throw Error(ErrorCode::invalid_argument,
                "cannot compare " + left.to_decimal_string() + " " +
                    left.currency() + " with " + right.to_decimal_string() +
                    " " + right.currency() + ": the currencies differ",
                "currency");
  }
}

std::string money_repr(const Money& money) {
  return "Money(" + std::to_string(money.minor_units()) + ", '" +
         money.currency() + "')";
}

void bind_money(py::module_& module) {
  module.def("currency_exponent", &currency_exponent, py::arg("code"),
             "Return the number of decimal digits of an ISO 4217 currency "
             "(JPY 0, USD 2, KWD 3). Raises InvalidArgument for an unknown "
             "code.");
  module.def("is_currency", &is_currency, py::arg("code"),
             "Return True when code is an active ISO 4217 currency code "
             "(upper case).");

  py::class_<Money>(module, "Money",
                    "An exact amount of money: an int count of minor units "
                    "(cents for USD) and an ISO 4217 currency code. No float "
                    "is ever accepted or returned; Money.parse() reads "
                    "decimal strings exactly. Immutable and hashable.")
      .def(py::init<std::int64_t, std::string_view>(),
           py::arg("minor_units"), py::arg("currency"),
           "Create an amount from minor units: Money(1999, 'USD') is "
           "19.99 USD. Raises InvalidArgument for an unknown currency; a "
           "float amount raises TypeError.")
      .def_static("parse", &Money::parse, py::arg("text"),
                  py::arg("currency"),
                  "Parse a decimal string in major units exactly: "
                  "Money.parse('19.99', 'USD').minor_units == 1999. Raises "
                  "InvalidArgument for separators, exponents, a '+', more "
                  "digits than the currency has, or overflow.")
      .def_property_readonly("minor_units", &Money::minor_units,
                             "The amount as an int of minor units.")
      .def_property_readonly("currency", &Money::currency,
                             "The ISO 4217 currency code, for example 'USD'.")
      .def("to_decimal_string", &Money::to_decimal_string,
           "Format in major units with the currency's digits: '19.99', "
           "'-0.50', '500' for JPY. Money.parse() reads it back.")
      .def("__str__",
           [](const Money& money) {
             return money.to_decimal_string() + " " + money.currency();
           })
      .def("__repr__", &money_repr)
      .def(
          "__add__",
          [](const Money& left, const Money& right) {
            return left.plus(right);
          },
          py::is_operator(),
          "Add two amounts of one currency; raises InvalidArgument when "
           "the currencies differ or the sum overflows.")
      .def(
          "__sub__",
          [](const Money& left, const Money& right) {
            return left.minus(right);
          },
          py::is_operator(),
          "Subtract two amounts of one currency; raises InvalidArgument "
           "when the currencies differ or the result overflows.")
      .def(
          "__mul__",
          [](const Money& money, std::int64_t quantity) {
            return money.times(quantity);
          },
          py::is_operator(),
          "Multiply by an int quantity; a float raises TypeError.")
      .def(
          "__rmul__",
          [](const Money& money, std::int64_t quantity) {
            return money.times(quantity);
          },
          py::is_operator())
      .def("__neg__", [](const Money& money) { return money.times(-1); })
      .def("__bool__",
           [](const Money& money) { return money.minor_units() != 0; })
      .def(
          "__eq__",
          [](const Money& left, const Money& right) { return left == right; },
          py::is_operator())
      .def("__hash__",
           [](const Money& money) {
             return py::hash(
                 py::make_tuple(money.minor_units(), money.currency()));
           })
      .def(
          "__lt__",
          [](const Money& left, const Money& right) {
            require_same_currency(left, right);
            return left.minor_units() < right.minor_units();
          },
          py::is_operator())
      .def(
          "__le__",
          [](const Money& left, const Money& right) {
            require_same_currency(left, right);
            return left.minor_units() <= right.minor_units();
          },
          py::is_operator())
      .def(
          "__gt__",
          [](const Money& left, const Money& right) {
            require_same_currency(left, right);
            return left.minor_units() > right.minor_units();
          },
          py::is_operator())
      .def(
          "__ge__",
          [](const Money& left, const Money& right) {
            require_same_currency(left, right);
            return left.minor_units() >= right.minor_units();
          },
          py::is_operator())
      .def("__copy__", [](const Money& money) { return money; })
      .def("__deepcopy__", [](const Money& money, const py::object&) { return money; },
           py::arg("memo"))
      .def(
          "to_dict",
          [](const Money& money) {
            py::dict out;
            out["amount"] = money.minor_units();
            out["currency"] = money.currency();
            return out;
          },
          "Return {'amount': minor units as int, 'currency': code}, the "
          "layout of the JSON API.")
      .def_static(
          "from_dict",
          [](const py::dict& values) {
            for (const char* key : {"amount", "currency"}) {
              if (!values.contains(key)) {
                throw Error(ErrorCode::invalid_argument,
                            std::string("missing field '") + key +
                                "' in a Money dict",
                            key);
              }
            }
            py::handle amount = values["amount"];
            if (!PyLong_Check(amount.ptr()) || PyBool_Check(amount.ptr())) {
              throw Error(ErrorCode::invalid_argument,
                          "Money amount must be an int of minor units, not " +
                              py::repr(amount).cast<std::string>(),
                          "amount");
            }
            return Money(amount.cast<std::int64_t>(),
                         values["currency"].cast<std::string>());
          },
          py::arg("values"),
          "Create Money from {'amount': int, 'currency': str}. Raises "
          "InvalidArgument for a missing key or a non-int amount.");
}

std::optional<std::string> optional_text(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

void bind_principal(py::module_& module) {
  py::class_<Principal>(
      module, "Principal",
      "Who a call is made for. Only Platform.auth.authenticate() makes a "
      "signed-in Principal, so it has no public constructor and no "
      "from_dict(); Principal.anonymous() may browse public catalogs and "
      "check out as a guest. Immutable and hashable.")
      .def_static("anonymous", &Principal::anonymous,
                  "Return the principal of a caller who is not signed in.")
      .def_property_readonly(
          "user_id",
          [](const Principal& principal) {
            return optional_text(principal.user_id().str());
          },
          "The signed-in user's id, or None when anonymous.")
      .def_property_readonly(
          "role",
          [](const Principal& principal) -> std::optional<PlatformRole> {
            if (principal.is_anonymous()) return std::nullopt;
            return principal.role();
          },
          "The user's PlatformRole, or None when anonymous.")
      .def_property_readonly(
          "session_id",
          [](const Principal& principal) {
            return optional_text(principal.session_id().str());
          },
          "The session the access token belongs to, or None when "
          "anonymous.")
      .def_property_readonly("is_anonymous", &Principal::is_anonymous,
                             "True when no user is signed in.")
      .def_property_readonly("is_super_admin", &Principal::is_super_admin,
                             "True for a signed-in super admin.")
      .def("__repr__",
           [](const Principal& principal) -> std::string {
             if (principal.is_anonymous()) return "Principal.anonymous()";
             return "Principal(user_id='" + principal.user_id().str() +
                    "', role='" + std::string(to_string(principal.role())) +
                    "', session_id='" + principal.session_id().str() + "')";
           })
      .def(
          "__eq__",
          [](const Principal& left, const Principal& right) {
            return left.user_id() == right.user_id() &&
                   left.role() == right.role() &&
                   left.session_id() == right.session_id();
          },
          py::is_operator())
      .def("__hash__",
           [](const Principal& principal) {
             return py::hash(py::make_tuple(
                 principal.user_id().str(),
                 std::string(to_string(principal.role())),
                 principal.session_id().str()));
           })
      .def(
          "to_dict",
          [](const Principal& principal) {
            py::dict out;
            out["user_id"] = py::cast(optional_text(principal.user_id().str()));
            out["role"] = principal.is_anonymous()
                              ? py::object(py::none())
                              : py::cast(principal.role());
            out["session_id"] =
                py::cast(optional_text(principal.session_id().str()));
            return out;
          },
          "Return {'user_id', 'role', 'session_id'}, with None values for "
          "the anonymous principal.");
}

}  // namespace

void bind_values(py::module_& module) {
  bind_money(module);
  bind_principal(module);
}

}  // namespace shopkit::python
