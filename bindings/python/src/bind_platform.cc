// Platform: opening a data folder, its services, migration and closing.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

namespace {

std::unique_ptr<Platform> open_platform(
    std::optional<std::filesystem::path> data_dir,
    std::optional<Options> options, const py::kwargs& settings) {
  if (options && settings.size() > 0) {
    throw py::type_error(
        "Platform.open() takes either options= or option keywords such "
        "as max_open_stores=, not both");
  }
  Options resolved;
  if (options) {
    resolved = *options;
  } else if (settings.size() > 0) {
    resolved = py::type::of<Options>()(**settings).cast<Options>();
  }
  if (data_dir) resolved.data_dir = *data_dir;

  py::gil_scoped_release release;
  return Platform::open(std::move(resolved));
}

// pybind11 wraps a Python `progress` so that each call takes the GIL.
MigrationReport migrate(
    Platform& platform,
    const std::function<void(const MigrationReport&)>& progress) {
  py::gil_scoped_release release;
  return platform.migrate_all_stores(progress);
}

}  // namespace

void bind_platform(py::module_& module) {
  ValueClass<MigrationReport>(module, "MigrationReport",
                              "Counts from Platform.migrate_all_stores().")
      .field("stores_seen", &MigrationReport::stores_seen,
             "Store files looked at so far.")
      .field("stores_migrated", &MigrationReport::stores_migrated,
             "Files that were behind and were upgraded.")
      .field("stores_current", &MigrationReport::stores_current,
             "Files already at this build's schema version.")
      .finish();

  py::class_<Platform>(
      module, "Platform",
      "A shopkit data folder opened for use, owning the five services. "
      "Open one Platform per folder per process and share it between "
      "threads; every method releases the GIL while it works. Use it as "
      "a context manager to close its files on exit.")
      .def_static(
          "open", &open_platform, py::arg("data_dir") = py::none(),
          py::kw_only(), py::arg("options") = py::none(),
          "Open or create a data folder. Pass the folder and any Options "
          "field as a keyword (Platform.open('data', max_open_stores=64, "
          "clock=clock)), or a whole Options as options=; data_dir, when "
          "given, overrides options.data_dir. Raises InvalidArgument for "
          "an empty data_dir or bad option values, FailedPrecondition "
          "when a file was written by a newer shopkit, Internal on I/O "
          "errors.")
      .def_property_readonly("auth", &Platform::auth,
                             "The AuthService: accounts, sessions, tokens.")
      .def_property_readonly("stores", &Platform::stores,
                             "The StoreService: stores, public catalog, "
                             "checkout.")
      .def_property_readonly("themes", &Platform::themes,
                             "The ThemeService: the theme catalog.")
      .def_property_readonly("admin", &Platform::admin,
                             "The AdminService: a store's admin panel.")
      .def_property_readonly("super_admin", &Platform::super_admin,
                             "The SuperAdminService: the platform's panel.")
      .def_property_readonly(
          "options", [](const Platform& platform) { return platform.options(); },
          "A copy of the Options the platform was opened with.")
      .def("migrate_all_stores",
           &migrate,
           py::arg("progress") = py::none(),
           "Upgrade every store file to this build's schema, one store at "
           "a time, so an interrupted run resumes where it stopped. "
           "`progress`, when given, is called with a MigrationReport after "
           "each store. Returns the final MigrationReport.")
      .def("close", without_gil(&Platform::close),
           "Close every open file. Later calls on this platform or its "
           "services raise FailedPrecondition. Calling it again does "
           "nothing.")
      .def(
          "__enter__", [](Platform& platform) -> Platform& { return platform; },
          py::return_value_policy::reference,
          "Return the platform itself for the with-block.")
      .def(
          "__exit__",
          [](Platform& platform, const py::args&) {
            py::gil_scoped_release release;
            platform.close();
          },
          "Close the platform; exceptions propagate.");
}

}  // namespace shopkit::python
