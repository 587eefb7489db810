"""The shopkit command line: help at every level, exit codes, and the
account and store commands."""

import json
import os
import pty
import select
import socket
import subprocess

import pytest

from shopkit_client import SHOPKIT_BIN

PASSWORD = "correct horse battery"


def run(*args, password=None, stdin=None):
    env = dict(os.environ)
    env.pop("SHOPKIT_PASSWORD", None)
    if password is not None:
        env["SHOPKIT_PASSWORD"] = password
    return subprocess.run([SHOPKIT_BIN, *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=120)


def commands():
    listing = run("--help").stdout
    section = listing.split("commands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in section.splitlines()]


def test_help_lists_commands():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: shopkit --data DIR COMMAND")
    assert {"init", "migrate", "serve", "create-super-admin"} <= set(commands())


@pytest.mark.parametrize("command", commands())
def test_help_for_each_command(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: shopkit --data DIR {command}")
    assert "--data DIR" in result.stdout


def test_no_command_is_usage_error():
    result = run()
    assert result.returncode == 2
    assert "no command given" in result.stderr


def test_unknown_command_is_usage_error(tmp_path):
    result = run("--data", str(tmp_path), "frobnicate")
    assert result.returncode == 2
    assert "unknown command 'frobnicate'" in result.stderr


def test_missing_data_is_usage_error():
    result = run("init")
    assert result.returncode == 2
    assert "missing --data DIR" in result.stderr


def test_unknown_option_is_usage_error(tmp_path):
    result = run("--data", str(tmp_path), "serve", "--colour", "blue")
    assert result.returncode == 2
    assert "unknown option --colour" in result.stderr


def test_bad_port_is_usage_error(tmp_path):
    result = run("--data", str(tmp_path), "serve", "--port", "99999")
    assert result.returncode == 2
    assert "'99999'" in result.stderr


def test_init_is_repeatable(tmp_path):
    data = str(tmp_path / "data")
    first = run("--data", data, "init")
    second = run("init", "--data", data)
    assert first.returncode == 0
    assert second.returncode == 0
    assert os.path.exists(os.path.join(data, "platform.db"))


def test_migrate_reports_counts(tmp_path):
    data = str(tmp_path / "data")
    result = run("--data", data, "migrate")
    assert result.returncode == 0
    assert result.stdout == "stores: 0 seen, 0 migrated, 0 already current\n"


def test_create_super_admin_once(tmp_path):
    data = str(tmp_path / "data")
    first = run("--data", data, "--scrypt-log2-n", "4", "create-super-admin",
                "--email", "root@example.com", password=PASSWORD)
    assert first.returncode == 0, first.stderr
    assert "created super admin root@example.com" in first.stdout
    second = run("--data", data, "--scrypt-log2-n", "4", "create-super-admin",
                 "--email", "other@example.com", password=PASSWORD)
    assert second.returncode == 1
    assert "failed_precondition" in second.stderr


def test_password_from_stdin(tmp_path):
    data = str(tmp_path / "data")
    result = run("--data", data, "--scrypt-log2-n", "4", "create-user",
                 "--email", "m@example.com", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "created merchant m@example.com" in result.stdout
    assert PASSWORD not in result.stderr


def test_missing_password_is_usage_error(tmp_path):
    result = run("--data", str(tmp_path / "data"), "create-user",
                 "--email", "m@example.com", stdin="")
    assert result.returncode == 2
    assert "SHOPKIT_PASSWORD" in result.stderr


def test_short_password_fails(tmp_path):
    result = run("--data", str(tmp_path / "data"), "create-user",
                 "--email", "m@example.com", password="short")
    assert result.returncode == 1
    assert "password" in result.stderr


def test_create_store_as_merchant(tmp_path):
    data = str(tmp_path / "data")
    run("--data", data, "--scrypt-log2-n", "4", "create-user", "--email",
        "m@example.com", password=PASSWORD)
    result = run("--data", data, "create-store", "--as", "m@example.com",
                 "--handle", "cli-shop", "--name", "CLI Shop",
                 password=PASSWORD)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("created store cli-shop (sto_")
    again = run("--data", data, "create-store", "--as", "m@example.com",
                "--handle", "cli-shop", password=PASSWORD)
    assert again.returncode == 1
    assert "already_exists" in again.stderr


def test_create_store_wrong_password(tmp_path):
    data = str(tmp_path / "data")
    run("--data", data, "--scrypt-log2-n", "4", "create-user", "--email",
        "m@example.com", password=PASSWORD)
    result = run("--data", data, "create-store", "--as", "m@example.com",
                 "--handle", "cli-shop", password="not the password")
    assert result.returncode == 1
    assert "unauthenticated" in result.stderr


SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "examples",
                      "data", "harbor-goods.csv")


@pytest.fixture
def merchant_store(tmp_path):
    data = str(tmp_path / "data")
    run("--data", data, "--scrypt-log2-n", "4", "create-user", "--email",
        "m@example.com", password=PASSWORD)
    run("--data", data, "create-store", "--as", "m@example.com", "--handle",
        "harbor", password=PASSWORD)
    return data


def test_import_sample_catalog(merchant_store):
    result = run("--data", merchant_store, "import", "--store", "harbor",
                 "--as", "m@example.com", SAMPLE, password=PASSWORD)
    assert result.returncode == 0, result.stderr
    assert "products created: 20\n" in result.stdout
    assert "errors: 0\n" in result.stdout
    # stderr is not a terminal here, so no progress line is drawn.
    assert "rows/s" not in result.stderr


def test_import_dry_run_as_json(merchant_store):
    result = run("--data", merchant_store, "import", "--store", "harbor",
                 "--as", "m@example.com", "--dry-run", "--json", SAMPLE,
                 password=PASSWORD)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["dry_run"] is True
    assert report["products_created"] == 20
    export = run("--data", merchant_store, "export", "--store", "harbor",
                 "--as", "m@example.com", password=PASSWORD)
    assert export.stdout.count("\n") == 1  # The header row only.


def test_import_bad_rows_exit_1(merchant_store, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Handle,Title,Option1 Name,Option1 Value,Variant SKU,"
                   "Variant Price\nok,OK,Size,One,OK-1,1.00\n"
                   "broken,Broken,Size,One,BR-1,abc\n")
    result = run("--data", merchant_store, "import", "--store", "harbor",
                 "--as", "m@example.com", str(bad), password=PASSWORD)
    assert result.returncode == 1
    assert "products created: 1\n" in result.stdout
    assert "error: line 3, column Variant Price" in result.stdout


def test_import_unknown_store_fails(merchant_store):
    result = run("--data", merchant_store, "import", "--store", "nope",
                 "--as", "m@example.com", SAMPLE, password=PASSWORD)
    assert result.returncode == 1
    assert "no store 'nope'" in result.stderr


def test_import_missing_file_fails(merchant_store):
    result = run("--data", merchant_store, "import", "--store", "harbor",
                 "--as", "m@example.com", "/no/such/file.csv",
                 password=PASSWORD)
    assert result.returncode == 1
    assert "/no/such/file.csv" in result.stderr


def test_import_needs_file_argument(merchant_store):
    result = run("--data", merchant_store, "import", "--store", "harbor",
                 "--as", "m@example.com", password=PASSWORD)
    assert result.returncode == 2


def test_export_round_trip(merchant_store, tmp_path):
    run("--data", merchant_store, "import", "--store", "harbor", "--as",
        "m@example.com", SAMPLE, password=PASSWORD)
    out = tmp_path / "export.csv"
    result = run("--data", merchant_store, "export", "--store", "harbor",
                 "--as", "m@example.com", "--output", str(out),
                 password=PASSWORD)
    assert result.returncode == 0, result.stderr
    run("--data", merchant_store, "create-store", "--as", "m@example.com",
        "--handle", "harbor-copy", password=PASSWORD)
    again = run("--data", merchant_store, "import", "--store", "harbor-copy",
                "--as", "m@example.com", str(out), password=PASSWORD)
    assert again.returncode == 0, again.stdout
    assert "products created: 20\n" in again.stdout


def test_backup_needs_super_admin(merchant_store, tmp_path):
    run("--data", merchant_store, "--scrypt-log2-n", "4", "create-super-admin",
        "--email", "root@example.com", password=PASSWORD)
    out = tmp_path / "harbor.db"
    denied = run("--data", merchant_store, "backup", "--store", "harbor",
                 "--as", "m@example.com", str(out), password=PASSWORD)
    assert denied.returncode == 1
    result = run("--data", merchant_store, "backup", "--store", "harbor",
                 "--as", "root@example.com", str(out), password=PASSWORD)
    assert result.returncode == 0, result.stderr
    with open(out, "rb") as copy:
        assert copy.read(16) == b"SQLite format 3\x00"
    again = run("--data", merchant_store, "backup", "--store", "harbor",
                "--as", "root@example.com", str(out), password=PASSWORD)
    assert again.returncode == 1
    assert "already_exists" in again.stderr


def test_import_progress_on_terminal(merchant_store):
    # stderr is a pseudo-terminal here, so the importer draws its
    # progress line there.
    controller, terminal = pty.openpty()
    try:
        env = {**os.environ, "SHOPKIT_PASSWORD": PASSWORD}
        result = subprocess.run(
            [SHOPKIT_BIN, "--data", merchant_store, "import", "--store",
             "harbor", "--as", "m@example.com", SAMPLE],
            env=env, stdout=subprocess.PIPE, stderr=terminal, timeout=120)
        os.close(terminal)
        terminal = None
        drawn = b""
        while select.select([controller], [], [], 0)[0]:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # Linux raises EIO once the writer is gone.
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        if terminal is not None:
            os.close(terminal)
        os.close(controller)
    assert result.returncode == 0
    assert b"37 rows, " in drawn
    assert b" rows/s" in drawn


def test_export_unknown_store_fails(merchant_store):
    result = run("--data", merchant_store, "export", "--store", "nope",
                 "--as", "m@example.com", password=PASSWORD)
    assert result.returncode == 1
    assert "'nope'" in result.stderr


def test_backup_unknown_store_fails(merchant_store, tmp_path):
    run("--data", merchant_store, "--scrypt-log2-n", "4", "create-super-admin",
        "--email", "root@example.com", password=PASSWORD)
    result = run("--data", merchant_store, "backup", "--store", "nope",
                 "--as", "root@example.com", str(tmp_path / "out.db"),
                 password=PASSWORD)
    assert result.returncode == 1
    assert "'nope'" in result.stderr


def test_serve_reports_busy_port(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("--data", str(tmp_path / "data"), "serve", "--port",
                     str(port))
    assert result.returncode == 1
    assert str(port) in result.stderr
