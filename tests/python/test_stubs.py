"""The committed type stub matches the module, and every public name has
a docstring."""

import importlib.util
import inspect
import os
import pathlib

import pytest

import shopkit

SOURCE_DIR = pathlib.Path(os.environ.get(
    "SHOPKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
PACKAGE_DIR = SOURCE_DIR / "bindings" / "python"


def load_generator():
    path = PACKAGE_DIR / "tools" / "generate_stubs.py"
    spec = importlib.util.spec_from_file_location("generate_stubs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stub_is_up_to_date():
    committed = (PACKAGE_DIR / "shopkit" / "_shopkit.pyi").read_text()
    generated = load_generator().generate(shopkit._shopkit)
    assert committed == generated, (
        "bindings/python/shopkit/_shopkit.pyi is out of date; regenerate it "
        "with bindings/python/tools/generate_stubs.py")


def public_members():
    """Yield (qualified name, object) for every public name of shopkit."""
    for name in shopkit.__all__:
        value = getattr(shopkit, name)
        yield name, value
        if not isinstance(value, type):
            continue
        for member_name, member in vars(value).items():
            if member_name.startswith("_") or member is None:
                continue
            yield f"{name}.{member_name}", member


def documentation(value) -> str:
    """The docstring without pybind11's signature line."""
    if isinstance(value, (property, staticmethod)):
        value = value if isinstance(value, property) else value.__func__
    text = inspect.getdoc(value) or ""
    first, _, rest = text.partition("\n")
    if "(" in first and "->" in first:
        return rest.strip()
    return text


@pytest.mark.parametrize("name,value", list(public_members()),
                         ids=lambda item: item if isinstance(item, str)
                         else "")
def test_public_name_has_docstring(name, value):
    if isinstance(value, (int, str)) and not callable(value):
        pytest.skip("constants are documented in the stub")
    assert documentation(value), f"{name} has no docstring"
