"""ThemeService and a store's theme through AdminService."""

import pytest

import shopkit


def draft(handle="sunset"):
    return {
        "name": "Sunset",
        "handle": handle,
        "version": "1.0.0",
        "description": "Warm colors.",
        "manifest": {"settings": [
            {"key": "accent_color", "type": "color", "label": "Accent",
             "default_value": "#ff8800"},
            {"key": "columns", "type": "number", "label": "Columns",
             "default_value": 3, "min": 1, "max": 6},
        ]},
    }


def test_seeded_themes_are_published(platform):
    handles = [theme.handle for theme in platform.themes.list_published_themes()]
    assert {"classic", "bold", "minimal"} <= set(handles)


def test_create_publish_retire(platform, super_admin):
    theme = platform.themes.create_theme(super_admin, draft())
    assert theme.status is shopkit.ThemeStatus.DRAFT
    assert theme.manifest.settings[1].type is shopkit.ThemeSettingType.NUMBER
    published = platform.themes.publish_theme(super_admin, "sunset")
    assert published.status is shopkit.ThemeStatus.PUBLISHED
    retired = platform.themes.retire_theme(super_admin, "sunset")
    assert retired.status is shopkit.ThemeStatus.RETIRED


def test_create_theme_needs_super_admin(platform, merchant):
    with pytest.raises(shopkit.PermissionDenied):
        platform.themes.create_theme(merchant, draft())


def test_create_theme_bad_setting_names_key(platform, super_admin):
    bad = draft()
    bad["manifest"]["settings"][1]["default_value"] = 9
    with pytest.raises(shopkit.InvalidArgument) as raised:
        platform.themes.create_theme(super_admin, bad)
    assert "columns" in raised.value.message


def test_update_theme_draft(platform, super_admin):
    platform.themes.create_theme(super_admin, draft())
    updated = platform.themes.update_theme(
        super_admin, "sunset", name="Sunset II", version="1.1.0",
        manifest={"settings": []})
    assert updated.name == "Sunset II"
    assert updated.manifest.settings == []


def test_draft_hidden_from_merchants(platform, super_admin, merchant):
    platform.themes.create_theme(super_admin, draft())
    with pytest.raises(shopkit.NotFound):
        platform.themes.get_theme(merchant, "sunset")
    assert platform.themes.get_theme(super_admin, "sunset").handle == "sunset"


def test_list_themes_by_status(platform, super_admin):
    platform.themes.create_theme(super_admin, draft())
    drafts = platform.themes.list_themes(super_admin, shopkit.ThemeStatus.DRAFT)
    assert [theme.handle for theme in drafts] == ["sunset"]


def test_store_uses_classic_by_default(platform, merchant, store):
    current = platform.admin.get_store_theme(merchant, store.id)
    assert current.theme.handle == "classic"
    assert current.settings["products_per_row"] == 4
    assert current.settings["show_vendor"] is False


def test_apply_theme_and_change_settings(platform, merchant, store):
    platform.admin.apply_theme(merchant, store.id, "bold")
    changed = platform.admin.update_theme_settings(
        merchant, store.id, accent_color="#000000", products_per_row=2)
    assert changed.theme.handle == "bold"
    assert changed.settings["accent_color"] == "#000000"
    assert changed.settings["products_per_row"] == 2
    reset = platform.admin.update_theme_settings(
        merchant, store.id, {"accent_color": None})
    assert reset.settings["accent_color"] == "#e63946"


def test_theme_setting_out_of_range(platform, merchant, store):
    with pytest.raises(shopkit.InvalidArgument) as raised:
        platform.admin.update_theme_settings(
            merchant, store.id, products_per_row=9)
    assert raised.value.field == "settings.products_per_row"


def test_theme_setting_float_rejected(platform, merchant, store):
    with pytest.raises(TypeError):
        platform.admin.update_theme_settings(
            merchant, store.id, products_per_row=2.5)
