"""scripts/demo-data, the demo's preparation step: the accounts, one
store per sample catalog, the imports, and a host that serves them."""

import csv
import glob
import os
import subprocess

import pytest

from shopkit_client import SHOPKIT_BIN, Host

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
SCRIPT = os.path.join(ROOT, "scripts", "demo-data")
CATALOGS = sorted(glob.glob(os.path.join(ROOT, "examples", "data", "*.csv")))


def run_demo_data(data):
    return subprocess.run(
        [SCRIPT, SHOPKIT_BIN, str(data)], capture_output=True, text=True,
        env={**os.environ, "SHOPKIT_SCRYPT_LOG2_N": "4"}, timeout=300)


def catalog_counts(path):
    """Returns (products, active products) as counted from the file."""
    with open(path, newline="", encoding="utf-8-sig") as catalog:
        rows = list(csv.DictReader(catalog))
    first_rows = [row for row in rows if row["Title"]]
    active = [row for row in first_rows
              if (row.get("Status") or "active") == "active"]
    return len(first_rows), len(active)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    result = run_demo_data(root / "data")
    assert result.returncode == 0, result.stderr
    return root, result


def test_sample_catalogs_exist():
    assert len(CATALOGS) >= 2


def test_demo_data_imports_every_catalog(demo):
    _, result = demo
    for path in CATALOGS:
        handle = os.path.basename(path)[:-len(".csv")]
        products, _ = catalog_counts(path)
        assert f"{handle}: products created: {products}\n" in result.stdout
        assert f"{handle}: errors: 0\n" in result.stdout


def test_demo_data_rejects_existing_folder(demo):
    root, _ = demo
    again = run_demo_data(root / "data")
    assert again.returncode == 1
    assert "exists already" in again.stderr


def test_demo_host_serves_catalogs(demo):
    root, _ = demo
    host = Host(root / "data", root / "serve.log").start()
    try:
        for path in CATALOGS:
            handle = os.path.basename(path)[:-len(".csv")]
            _, active = catalog_counts(path)
            listed = host.call(
                "GET", f"/api/v1/stores/{handle}/products?limit=200")
            assert listed.status == 200, listed
            assert len(listed.json()["items"]) == active
        login = host.call("POST", "/api/v1/auth/login", {
            "email": "merchant@example.com",
            "password": "demo merchant password"})
        assert login.status == 200, login
    finally:
        assert host.stop() == 0
