// Python binding of ThemeService and the theme value types.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

namespace {

void bind_theme_values(py::module_& module) {
  ValueClass<ThemeSetting>(module, "ThemeSetting",
                           "One setting of a theme manifest. Fields that do "
                           "not belong to the setting's type keep their "
                           "defaults.")
      .field("key", &ThemeSetting::key,
             "1 to 64 characters of [a-z0-9_], starting with a letter.")
      .field("type", &ThemeSetting::type, "ThemeSettingType.")
      .field("label", &ThemeSetting::label, "Shown to merchants.")
      .field("default_value", &ThemeSetting::default_value,
             "str for color, text, select and image_url; int for number; "
             "bool for boolean.")
      .field("max_length", &ThemeSetting::max_length,
             "text: the largest number of code points.")
      .field("min", &ThemeSetting::min, "number: inclusive lower bound.")
      .field("max", &ThemeSetting::max, "number: inclusive upper bound.")
      .field("step", &ThemeSetting::step,
             "number: valid values are min + k * step.")
      .field("choices", &ThemeSetting::choices, "select: allowed values.")
      .finish();

  ValueClass<ThemeManifest>(module, "ThemeManifest",
                            "A theme's settings schema.")
      .field("settings", &ThemeManifest::settings,
             "list of ThemeSetting, at most 200.")
      .finish();

  ValueClass<ThemeDraft>(module, "ThemeDraft",
                         "The fields a super admin sets when creating or "
                         "editing a draft theme.")
      .field("name", &ThemeDraft::name, "1 to 100 characters.")
      .field("handle", &ThemeDraft::handle,
             "Lower-case letters, digits and single hyphens; fixed once "
             "created.")
      .field("version", &ThemeDraft::version, "For example '1.2.0'.")
      .field("description", &ThemeDraft::description,
             "At most 2000 characters.")
      .field("manifest", &ThemeDraft::manifest, "ThemeManifest (or dict).")
      .finish();

  ValueClass<Theme>(module, "Theme", "A theme of the catalog.")
      .field("id", &Theme::id, "The theme's id.")
      .field("handle", &Theme::handle, "Unique handle, e.g. 'classic'.")
      .field("name", &Theme::name, "Display name.")
      .field("version", &Theme::version, "Version text.")
      .field("description", &Theme::description, "Description.")
      .field("status", &Theme::status, "ThemeStatus.")
      .field("manifest", &Theme::manifest, "ThemeManifest.")
      .field("created_at", &Theme::created_at, "Aware datetime in UTC.")
      .field("updated_at", &Theme::updated_at, "Aware datetime in UTC.")
      .finish();

  ValueClass<StoreTheme>(module, "StoreTheme",
                         "The theme a store uses and its effective settings.")
      .field("theme", &StoreTheme::theme, "The Theme.")
      .field("settings", &StoreTheme::settings,
             "Every key of the manifest with the store's value, or the "
             "default where the store set none.")
      .finish();
}

ThemeDraft draft_from(const RequestArgument<ThemeDraft>& draft,
                      const py::kwargs& fields) {
  return request_from<ThemeDraft>(draft, fields, "draft");
}

}  // namespace

void bind_theme(py::module_& module) {
  bind_theme_values(module);

  // The Platform owns the service; Python only borrows it.
  py::class_<ThemeService, std::unique_ptr<ThemeService, py::nodelete>>(
      module, "ThemeService",
      "The theme catalog; Platform.themes. Super admins create, publish "
      "and retire themes; anyone lists the published ones. A store's "
      "choice of theme is managed through AdminService. Thread-safe; "
      "every method releases the GIL.")
      .def(
          "create_theme",
          [](ThemeService& themes, Principal principal,
             const RequestArgument<ThemeDraft>& draft,
             const py::kwargs& fields) {
            ThemeDraft input = draft_from(draft, fields);
            py::gil_scoped_release release;
            return themes.create_theme(principal, input);
          },
          py::arg("principal"), py::arg("draft") = py::none(),
          "Create a draft theme from a ThemeDraft, a dict or keywords. "
          "Raises Unauthenticated or PermissionDenied unless the principal "
          "is a super admin, InvalidArgument naming the field (for a "
          "manifest, the setting's key), AlreadyExists for a taken handle.")
      .def(
          "update_theme",
          [](ThemeService& themes, Principal principal, std::string handle,
             const RequestArgument<ThemeDraft>& draft,
             const py::kwargs& fields) {
            ThemeDraft input = draft_from(draft, fields);
            py::gil_scoped_release release;
            return themes.update_theme(principal, handle, input);
          },
          py::arg("principal"), py::arg("handle"),
          py::arg("draft") = py::none(),
          "Replace name, version, description and manifest of the draft "
          "theme `handle`. Raises like create_theme(), NotFound for an "
          "unknown handle, FailedPrecondition once it is not a draft.")
      .def("publish_theme", without_gil(&ThemeService::publish_theme),
           py::arg("principal"), py::arg("handle"),
           "Make a draft or retired theme available to merchants. Raises "
           "FailedPrecondition when it is already published.")
      .def("retire_theme", without_gil(&ThemeService::retire_theme),
           py::arg("principal"), py::arg("handle"),
           "Withdraw a published theme; stores that use it keep it. Raises "
           "FailedPrecondition unless it is published.")
      .def("list_published_themes",
           without_gil(&ThemeService::list_published_themes),
           "Return the published themes by handle; needs no principal.")
      .def("list_themes", without_gil(&ThemeService::list_themes),
           py::arg("principal"), py::arg("status") = py::none(),
           "Return every theme, or those with `status`, by handle. Super "
           "admins only.")
      .def("get_theme", without_gil(&ThemeService::get_theme),
           py::arg("principal"), py::arg("handle"),
           "Return the theme `handle`; a draft is NotFound for anyone but "
           "a super admin.");
}

}  // namespace shopkit::python
