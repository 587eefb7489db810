// AdminService sections beyond the catalog: product import and export in
// CSV, store members, and the store's theme.
#include <istream>
#include <ostream>

#include "bind_admin.h"
#include "python_streams.h"

namespace shopkit::python {

namespace {

void bind_panel_values(py::module_& module) {
  ValueClass<StoreMember>(module, "StoreMember",
                          "A member of a store with the user's email and "
                          "name.")
      .field("user_id", &StoreMember::user_id, "The user's id.")
      .field("email", &StoreMember::email, "The user's email.")
      .field("name", &StoreMember::name, "The user's name.")
      .field("role", &StoreMember::role, "StoreRole.")
      .field("created_at", &StoreMember::created_at,
             "When the user became a member; aware datetime in UTC.")
      .finish();

  ValueClass<ImportIssue>(module, "ImportIssue",
                          "A problem found in an imported CSV file.")
      .field("line", &ImportIssue::line,
             "1-based physical line where the row starts; 0 for the file "
             "as a whole.")
      .field("column", &ImportIssue::column,
             "The header name as the file spells it, or None.",
             FieldStyle::empty_is_none)
      .field("message", &ImportIssue::message, "What is wrong.")
      .field("handle", &ImportIssue::handle,
             "The product the row belongs to, or None when unknown.",
             FieldStyle::empty_is_none)
      .finish();

  ValueClass<ImportReport>(module, "ImportReport",
                           "The result of an import or, with dry_run, of "
                           "what it would do. A product with an error in "
                           "any row is skipped whole.")
      .field("format", &ImportReport::format, "The ImportFormat read.")
      .field("dry_run", &ImportReport::dry_run, "Whether nothing was written.")
      .field("rows_read", &ImportReport::rows_read,
             "Data rows, without the header.")
      .field("products_created", &ImportReport::products_created,
             "Products created.")
      .field("products_updated", &ImportReport::products_updated,
             "Products whose handle the store had, updated.")
      .field("products_unchanged", &ImportReport::products_unchanged,
             "Products the store had with every field equal to the "
             "file's; nothing was written for them.")
      .field("products_skipped", &ImportReport::products_skipped,
             "Products left out because a row had an error.")
      .field("variants_written", &ImportReport::variants_written,
             "Variants of created and updated products.")
      .field("images_written", &ImportReport::images_written,
             "Images of created and updated products.")
      .field("error_count", &ImportReport::error_count,
             "All errors, listed or not.")
      .field("warning_count", &ImportReport::warning_count,
             "All warnings, listed or not.")
      .field("errors", &ImportReport::errors,
             "list of ImportIssue for rejected rows, in file order.")
      .field("warnings", &ImportReport::warnings,
             "list of ImportIssue for rows imported with something left "
             "out.")
      .finish();
}

// Opens `source` when it is a path; otherwise returns None. The caller
// closes what this opened.
py::object open_if_path(const py::object& source, const char* mode) {
  py::object path_like = py::module_::import("os").attr("PathLike");
  if (!py::isinstance(source, path_like)) return py::none();
  if (std::string(mode) == "w") {
    return py::module_::import("builtins")
        .attr("open")(source, mode, py::arg("encoding") = "utf-8",
                      py::arg("newline") = "");
  }
  return py::module_::import("builtins").attr("open")(source, mode);
}

ImportReport import_from_file(AdminService& admin, const Principal& principal,
                              const StoreId& store, const py::object& file,
                              const ImportOptions& options) {
  PythonReadBuffer buffer(file);
  std::istream input(&buffer);
  ImportReport report;
  try {
    py::gil_scoped_release release;
    report = admin.import_products(principal, store, input, options);
  } catch (const Error&) {
    // A failed read() surfaces as the library's stream error; raise the
    // Python exception that caused it instead.
    buffer.rethrow_read_error();
    throw;
  }
  buffer.rethrow_read_error();
  return report;
}

ImportReport import_products(
    AdminService& admin, Principal principal, StoreId store,
    const py::object& source, ImportFormat format, bool dry_run,
    std::size_t max_listed_errors, std::size_t max_listed_warnings,
    const std::function<void(const ImportReport&)>& progress) {
  ImportOptions options{.format = format,
                        .dry_run = dry_run,
                        .max_listed_errors = max_listed_errors,
                        .max_listed_warnings = max_listed_warnings,
                        .progress = progress};
  if (py::isinstance<py::str>(source) || py::isinstance<py::bytes>(source)) {
    std::string text = source.cast<std::string>();
    py::gil_scoped_release release;
    return admin.import_products(principal, store, std::string_view(text),
                                 options);
  }
  py::object opened = open_if_path(source, "rb");
  if (!opened.is_none()) {
    try {
      ImportReport report =
          import_from_file(admin, principal, store, opened, options);
      opened.attr("close")();
      return report;
    } catch (...) {
      opened.attr("close")();
      throw;
    }
  }
  if (!py::hasattr(source, "read")) {
    throw py::type_error(
        "source must be CSV text (str or bytes), a path, or a file object "
        "with read()");
  }
  return import_from_file(admin, principal, store, source, options);
}

void export_to_file(AdminService& admin, const Principal& principal,
                    const StoreId& store, const py::object& file) {
  PythonWriteBuffer buffer(file);
  std::ostream out(&buffer);
  try {
    py::gil_scoped_release release;
    admin.export_products(principal, store, out);
    buffer.flush_to_file();
  } catch (const Error&) {
    buffer.rethrow_write_error();
    throw;
  }
  buffer.rethrow_write_error();
}

py::object export_products(AdminService& admin, Principal principal,
                           StoreId store, const py::object& destination) {
  if (destination.is_none()) {
    std::string text;
    {
      py::gil_scoped_release release;
      text = admin.export_products(principal, store);
    }
    return utf8_text(text);
  }
  py::object opened = open_if_path(destination, "w");
  if (!opened.is_none()) {
    try {
      export_to_file(admin, principal, store, opened);
      opened.attr("close")();
    } catch (...) {
      opened.attr("close")();
      throw;
    }
    return py::none();
  }
  if (!py::hasattr(destination, "write")) {
    throw py::type_error(
        "destination must be None, a path, or a file object with write()");
  }
  export_to_file(admin, principal, store, destination);
  return py::none();
}

StoreTheme update_theme_settings(AdminService& admin, Principal principal,
                                 StoreId store,
                                 std::optional<ThemeSettingChanges> changes,
                                 const py::kwargs& settings) {
  if (changes && settings.size() > 0) {
    throw py::type_error(
        "pass the theme settings as one dict or as keyword arguments, not "
        "both");
  }
  ThemeSettingChanges merged = changes.value_or(ThemeSettingChanges{});
  for (auto [key, value] : settings) {
    std::string name = py::str(key).cast<std::string>();
    if (value.is_none()) {
      merged[name] = std::nullopt;
      continue;
    }
    try {
      merged[name] = value.cast<ThemeSettingValue>();
    } catch (const py::cast_error&) {
      throw py::type_error(
          "theme setting '" + name + "' must be bool, int, str or None, not " +
          py::str(py::type::of(value).attr("__name__")).cast<std::string>());
    }
  }
  py::gil_scoped_release release;
  return admin.update_theme_settings(principal, store, merged);
}

void bind_transfer_calls(AdminClass& admin) {
  admin
      .def("import_products", &import_products, py::arg("principal"),
           py::arg("store_id"), py::arg("source"), py::kw_only(),
           py::arg("format") = ImportFormat::detect,
           py::arg("dry_run") = false,
           py::arg("max_listed_errors") = std::size_t{1000},
           py::arg("max_listed_warnings") = std::size_t{1000},
           py::arg("progress") = py::none(),
           "Import a product CSV file (Shopify, WooCommerce or Vendure "
           "layout) and return an ImportReport. `source` is the CSV text "
           "(str or bytes), a path (os.PathLike; a str is text, not a "
           "path), or a file object, which is read in chunks. Products "
           "whose handle the store has are updated. A product with a bad "
           "row is skipped and reported with its line and column; with "
           "dry_run=True nothing is written. `progress`, when given, is "
           "called with the report so far after each batch. Raises "
           "InvalidArgument when the header matches no known layout.")
      .def("export_products", &export_products, py::arg("principal"),
           py::arg("store_id"), py::arg("destination") = py::none(),
           "Export every product in Shopify's product CSV layout, sorted "
           "by title. Returns the CSV text when `destination` is None; "
           "otherwise writes it, in chunks, to a path (os.PathLike) or a "
           "file object (str for text files, bytes otherwise) and returns "
           "None.");
}

void bind_member_calls(AdminClass& admin) {
  admin
      .def("list_members", without_gil(&AdminService::list_members),
           py::arg("principal"), py::arg("store_id"),
           "Return the store's StoreMember list, oldest first; any member "
           "may read it.")
      .def("add_member", without_gil(&AdminService::add_member),
           py::arg("principal"), py::arg("store_id"), py::arg("email"),
           py::arg("role"),
           "Make the platform user with `email` a manager or staff member "
           "at once. Raises InvalidArgument for a malformed email or role "
           "owner, NotFound (field 'email') for no such account, "
           "FailedPrecondition for a suspended account, AlreadyExists for "
           "a member.")
      .def("change_member_role", without_gil(&AdminService::change_member_role),
           py::arg("principal"), py::arg("store_id"), py::arg("user_id"),
           py::arg("role"),
           "Change a member's role; owners may make other owners. Raises "
           "NotFound for a non-member, FailedPrecondition when the store "
           "would have no owner left.")
      .def("remove_member", without_gil(&AdminService::remove_member),
           py::arg("principal"), py::arg("store_id"), py::arg("user_id"),
           "Remove a member. Raises NotFound for a non-member, "
           "FailedPrecondition for the last owner.");
}

void bind_theme_calls(AdminClass& admin) {
  admin
      .def("get_store_theme", without_gil(&AdminService::get_store_theme),
           py::arg("principal"), py::arg("store_id"),
           "Return the store's StoreTheme with its effective settings; a "
           "store that never applied a theme uses 'classic'.")
      .def("apply_theme", without_gil(&AdminService::apply_theme),
           py::arg("principal"), py::arg("store_id"), py::arg("handle"),
           "Switch the store to the published theme `handle` (owner and "
           "manager), keeping the values the new theme accepts. Raises "
           "NotFound for an unknown or draft theme, FailedPrecondition for "
           "a retired one unless the store already uses it.")
      .def("update_theme_settings", &update_theme_settings,
           py::arg("principal"), py::arg("store_id"),
           py::arg("changes") = py::none(),
           "Set settings of the store's theme, all or none, from a dict or "
           "keywords (primary_color='#ff0000'); None resets a key to its "
           "default. Raises InvalidArgument with field 'settings.<key>' "
           "naming the key and the rule it broke.");
}

}  // namespace

void bind_admin_panel(py::module_& module, AdminClass& admin) {
  bind_panel_values(module);
  bind_transfer_calls(admin);
  bind_member_calls(admin);
  bind_theme_calls(admin);
}

}  // namespace shopkit::python
