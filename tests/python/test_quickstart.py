"""examples/python/quickstart.py runs to the end and leaves a store with
the imported catalog and one order."""

import os
import pathlib
import subprocess
import sys

import shopkit

SOURCE_DIR = pathlib.Path(os.environ.get(
    "SHOPKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
QUICKSTART = SOURCE_DIR / "examples" / "python" / "quickstart.py"


def test_quickstart_runs(tmp_path):
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, str(QUICKSTART), str(data)],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "imported 20 products" in result.stdout
    assert "order #1: pending" in result.stdout

    with shopkit.Platform.open(data) as platform:
        guest = shopkit.Principal.anonymous()
        store = platform.stores.get_public_store("harbor-goods")
        assert store.name == "Harbor Goods"
        found = platform.stores.search_products(guest, store.handle,
                                                q="green tea")
        assert len(found) >= 1
