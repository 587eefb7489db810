"""The shopkit command line: help at every level, exit codes, and the
account and store commands."""

import os
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
