// Options for Platform.open(), the clocks a host may inject, and the log
// sink that forwards library log lines to a Python callable.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

namespace {

// Forwards each log line to a Python callable taking (LogLevel, str).
// The library may log from any thread with the GIL released, so each
// write takes the GIL. An exception raised by the callable cannot reach
// the caller of the library; it is reported through sys.unraisablehook.
class PythonLogSink final : public LogSink {
 public:
  explicit PythonLogSink(py::object callback)
      : callback_(std::move(callback)) {}

  ~PythonLogSink() override {
    // The last reference may drop on a thread without the GIL.
    if (!Py_IsInitialized()) {
      callback_.release();
      return;
    }
    py::gil_scoped_acquire acquire;
    callback_ = py::object();
  }

  void write(LogLevel level, std::string_view message) override {
    if (!Py_IsInitialized()) return;
    py::gil_scoped_acquire acquire;
    try {
      callback_(py::cast(level), utf8_text(message));
    } catch (py::error_already_set& error) {
      error.discard_as_unraisable("shopkit log sink");
    }
  }

  const py::object& callback() const { return callback_; }

 private:
  py::object callback_;
};

void bind_clocks(py::module_& module) {
  py::class_<Clock, std::shared_ptr<Clock>>(
      module, "Clock",
      "A source of the current time for Options.clock. Use SystemClock "
      "or ManualClock; Python subclasses are not supported.")
      .def("now", without_gil(&Clock::now),
           "Return the current time as an aware datetime in UTC.");

  py::class_<SystemClock, Clock, std::shared_ptr<SystemClock>>(
      module, "SystemClock", "The system's UTC clock; the default.")
      .def(py::init<>());

  py::class_<ManualClock, Clock, std::shared_ptr<ManualClock>>(
      module, "ManualClock",
      "A clock that moves only when told to, for tests of expiry and "
      "throttling. Thread-safe. Times have millisecond precision.")
      .def(py::init<Timestamp>(), py::arg("start"),
           "Create a clock that reads `start`, an aware datetime.")
      .def("set", without_gil(&ManualClock::set), py::arg("now"),
           "Set the time to `now`, an aware datetime.")
      .def("advance", without_gil(&ManualClock::advance), py::arg("by"),
           "Move the time forward by a timedelta.");
}

void bind_auth_options(py::module_& module) {
  ValueClass<AuthOptions>(module, "AuthOptions",
                          "Token lifetimes, password hashing cost and "
                          "login throttling; Options.auth.")
      .field("issuer", &AuthOptions::issuer,
             "JWT 'iss' written into and required from access tokens.")
      .field("audience", &AuthOptions::audience,
             "JWT 'aud' written into and required from access tokens.")
      .field("access_token_ttl", &AuthOptions::access_token_ttl,
             "Lifetime of an access token (timedelta, default 15 min).")
      .field("refresh_token_ttl", &AuthOptions::refresh_token_ttl,
             "Lifetime of a refresh token (timedelta, default 30 days).")
      .field("leeway", &AuthOptions::leeway,
             "Allowed clock skew when checking exp, nbf and iat "
             "(timedelta, default 30 s).")
      .field("scrypt_log2_n", &AuthOptions::scrypt_log2_n,
             "scrypt cost N = 2**scrypt_log2_n (default 15); tests lower "
             "it to keep hashing cheap.")
      .field("scrypt_r", &AuthOptions::scrypt_r, "scrypt block size r.")
      .field("scrypt_p", &AuthOptions::scrypt_p, "scrypt parallelism p.")
      .field("reset_token_ttl", &AuthOptions::reset_token_ttl,
             "Lifetime of a password reset token (timedelta).")
      .field("verify_token_ttl", &AuthOptions::verify_token_ttl,
             "Lifetime of an email verification token (timedelta).")
      .field("max_failed_logins", &AuthOptions::max_failed_logins,
             "Failed logins allowed per account and per client key within "
             "throttle_window.")
      .field("throttle_window", &AuthOptions::throttle_window,
             "The window over which failed logins are counted (timedelta).")
      .field("session_cache_ttl", &AuthOptions::session_cache_ttl,
             "How long authenticate() may trust a session, and the rights "
             "check a store's row and a membership, read before reading "
             "them again (timedelta, default 1 s). It bounds how long a "
             "change made by another process goes unseen.")
      .finish();
}

py::object get_clock(const Options& options) {
  return options.clock ? py::cast(options.clock) : py::none();
}

void set_clock(Options& options, py::handle value) {
  if (value.is_none()) {
    options.clock = nullptr;
    return;
  }
  if (!py::isinstance<Clock>(value)) {
    throw py::type_error("Options.clock must be a SystemClock, ManualClock "
                         "or None");
  }
  options.clock = value.cast<std::shared_ptr<Clock>>();
}

py::object get_log(const Options& options) {
  auto sink = std::dynamic_pointer_cast<PythonLogSink>(options.log);
  return sink ? sink->callback() : py::none();
}

void set_log(Options& options, py::handle value) {
  if (value.is_none()) {
    options.log = nullptr;
    return;
  }
  if (!PyCallable_Check(value.ptr())) {
    throw py::type_error(
        "Options.log must be a callable taking (LogLevel, str), or None");
  }
  options.log = std::make_shared<PythonLogSink>(
      py::reinterpret_borrow<py::object>(value));
}

void bind_platform_options(py::module_& module) {
  ValueClass<Options>(module, "Options",
                      "Configuration for Platform.open(). Every field has a "
                      "default except data_dir.")
      .field("data_dir", &Options::data_dir,
             "The folder that holds platform.db, stores/ and trash/; "
             "created when missing. A str or os.PathLike; read back as "
             "pathlib.Path.")
      .field("max_open_stores", &Options::max_open_stores,
             "How many store files stay open at once (default 256); the "
             "least recently used store is closed first.")
      .field("synchronous_full", &Options::synchronous_full,
             "SQLite synchronous=FULL instead of NORMAL: every commit "
             "survives power loss, at the cost of an fsync per commit.")
      .field("busy_timeout", &Options::busy_timeout,
             "How long a write waits for another process's lock "
             "(timedelta, default 10 s).")
      .field("deleted_store_retention", &Options::deleted_store_retention,
             "How long a deleted store's file stays restorable in trash/ "
             "before purge_deleted_stores() may remove it (timedelta, "
             "default 30 days).")
      .field("auth", &Options::auth, "AuthOptions.")
      .property("clock", "Clock | None", &get_clock, &set_clock,
                "A SystemClock or ManualClock; None means the system "
                "clock.")
      .property("log", "Callable[[LogLevel, str], None] | None", &get_log, &set_log,
                "A callable(level: LogLevel, message: str) that receives "
                "the library's log lines, or None for no logging. It may "
                "be called from any thread; see shopkit.logging_sink().")
      .finish();
  // NOTE: Options.random and Options.fault_hook are not bound: the first
  // has no use in Python beyond the OS default, and the second serves
  // only the C++ crash tests.
}

}  // namespace

void bind_options(py::module_& module) {
  bind_clocks(module);
  bind_auth_options(module);
  bind_platform_options(module);
}

}  // namespace shopkit::python
