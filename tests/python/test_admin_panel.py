"""AdminService members, product import and export."""

import io
import os
import pathlib

import pytest

import shopkit
from conftest import shirt, sign_in

SOURCE_DIR = pathlib.Path(os.environ.get(
    "SHOPKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
SAMPLE_CSV = SOURCE_DIR / "examples" / "data" / "harbor-goods.csv"


def test_members_add_change_remove(platform, merchant, store):
    user, staff = sign_in(platform, shopkit.PlatformRole.CUSTOMER, "Sam")
    member = platform.admin.add_member(
        merchant, store.id, user.email, shopkit.StoreRole.STAFF)
    assert member.user_id == user.id
    assert member.role is shopkit.StoreRole.STAFF
    roles = {m.user_id: m.role for m in platform.admin.list_members(
        merchant, store.id)}
    assert roles == {merchant.user_id: "owner", user.id: "staff"}
    with pytest.raises(shopkit.PermissionDenied):
        platform.admin.create_product(staff, store.id, shirt())
    changed = platform.admin.change_member_role(
        merchant, store.id, user.id, "manager")
    assert changed.role is shopkit.StoreRole.MANAGER
    platform.admin.remove_member(merchant, store.id, user.id)
    with pytest.raises(shopkit.NotFound):
        platform.admin.list_members(staff, store.id)


def test_last_owner_cannot_leave(platform, merchant, store):
    with pytest.raises(shopkit.FailedPrecondition):
        platform.admin.remove_member(merchant, store.id, merchant.user_id)


def test_add_member_unknown_email(platform, merchant, store):
    with pytest.raises(shopkit.NotFound) as raised:
        platform.admin.add_member(
            merchant, store.id, "nobody@example.com", "staff")
    assert raised.value.field == "email"


def test_import_sample_from_path(platform, merchant, store):
    report = platform.admin.import_products(merchant, store.id, SAMPLE_CSV)
    assert report.format is shopkit.ImportFormat.SHOPIFY
    assert report.products_created == 20
    assert report.variants_written == 35
    assert report.error_count == 0
    products = list(platform.admin.iter_products(merchant, store.id))
    assert len(products) == 20


def test_reimport_leaves_products_unchanged(platform, merchant, store):
    platform.admin.import_products(merchant, store.id, SAMPLE_CSV)
    again = platform.admin.import_products(merchant, store.id, SAMPLE_CSV)
    assert again.products_unchanged == 20
    assert again.products_created == 0
    assert again.products_updated == 0


def test_import_dry_run_writes_nothing(platform, merchant, store):
    report = platform.admin.import_products(
        merchant, store.id, SAMPLE_CSV.read_text(), dry_run=True)
    assert report.dry_run
    assert report.products_created == 20
    assert platform.admin.list_products(merchant, store.id).items == []


def test_import_from_file_object_in_chunks(platform, merchant, store):
    reads = []

    class CountingFile(io.BytesIO):
        def read(self, size=-1):
            reads.append(size)
            return super().read(size)

    data = SAMPLE_CSV.read_bytes()
    progress = []
    report = platform.admin.import_products(
        merchant, store.id, CountingFile(data), progress=progress.append)
    assert report.products_created == 20
    assert all(size > 0 for size in reads)
    assert progress
    assert progress[-1].rows_read <= report.rows_read


def test_import_reports_bad_row_line(platform, merchant, store):
    text = SAMPLE_CSV.read_text().splitlines()
    header, first = text[0], text[1]
    broken = first.replace(",6.50,", ",six,")
    report = platform.admin.import_products(
        merchant, store.id, "\n".join([header, broken]) + "\n")
    assert report.products_skipped == 1
    assert report.errors[0].line == 2
    assert report.errors[0].column == "Variant Price"


def test_import_unknown_header(platform, merchant, store):
    with pytest.raises(shopkit.InvalidArgument):
        platform.admin.import_products(merchant, store.id, "a,b\n1,2\n")


def test_import_read_error_propagates(platform, merchant, store):
    class BrokenFile:
        def read(self, size):
            raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        platform.admin.import_products(merchant, store.id, BrokenFile())


def test_import_rejects_other_source(platform, merchant, store):
    with pytest.raises(TypeError, match="source must be"):
        platform.admin.import_products(merchant, store.id, 42)


def test_export_round_trip(platform, merchant, store):
    platform.admin.import_products(merchant, store.id, SAMPLE_CSV)
    text = platform.admin.export_products(merchant, store.id)
    assert text.startswith("Handle,")
    other = platform.stores.create_store(
        merchant, name="Copy", handle="copy-shop", currency="USD",
        country="US")
    report = platform.admin.import_products(merchant, other.id, text)
    assert report.products_created == 20


def test_export_to_text_and_binary_files(platform, merchant, store, tmp_path):
    platform.admin.import_products(merchant, store.id, SAMPLE_CSV)
    expected = platform.admin.export_products(merchant, store.id)
    text_file = io.StringIO()
    assert platform.admin.export_products(merchant, store.id, text_file) is None
    assert text_file.getvalue() == expected
    binary_file = io.BytesIO()
    platform.admin.export_products(merchant, store.id, binary_file)
    assert binary_file.getvalue().decode() == expected
    path = tmp_path / "out.csv"
    platform.admin.export_products(merchant, store.id, path)
    assert path.read_bytes().decode("utf-8") == expected


def test_export_write_error_propagates(platform, merchant, store):
    platform.admin.import_products(merchant, store.id, SAMPLE_CSV)

    class FullDisk(io.StringIO):
        def write(self, text):
            raise OSError("no space left")

    with pytest.raises(OSError, match="no space left"):
        platform.admin.export_products(merchant, store.id, FullDisk())
