"""Platform.open(), the context manager, closing and migration."""

import os

import pytest

import shopkit
from conftest import PASSWORD, fast_auth_options, sign_in


def open_db_files() -> int:
    """Count this process's open descriptors of *.db files."""
    count = 0
    for entry in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{entry}")
        except OSError:
            continue
        if target.endswith(".db"):
            count += 1
    return count


def test_open_creates_data_folder(tmp_path):
    data = tmp_path / "data"
    with shopkit.Platform.open(data, auth=fast_auth_options()):
        assert (data / "platform.db").exists()


def test_open_with_options_object(tmp_path):
    options = shopkit.Options(data_dir=tmp_path / "d", max_open_stores=7)
    with shopkit.Platform.open(options=options) as platform:
        assert platform.options.max_open_stores == 7
        assert platform.options.data_dir == tmp_path / "d"


def test_open_rejects_options_and_keywords(tmp_path):
    options = shopkit.Options(data_dir=tmp_path / "d")
    with pytest.raises(TypeError, match="not both"):
        shopkit.Platform.open(options=options, max_open_stores=3)


def test_open_rejects_unknown_keyword(tmp_path):
    with pytest.raises(TypeError, match="max_stores"):
        shopkit.Platform.open(tmp_path / "d", max_stores=3)


def test_open_without_data_dir_fails():
    with pytest.raises(shopkit.InvalidArgument):
        shopkit.Platform.open()


def test_context_manager_closes_files(tmp_path, clock):
    before = open_db_files()
    with shopkit.Platform.open(
        tmp_path / "d", clock=clock, auth=fast_auth_options()
    ) as platform:
        merchant = sign_in(platform)[1]
        platform.stores.create_store(
            merchant, name="Shop", handle="shop-one", currency="USD",
            country="US")
        assert open_db_files() > before
    assert open_db_files() == before


def test_calls_after_close_fail(tmp_path):
    with shopkit.Platform.open(tmp_path / "d") as platform:
        pass
    with pytest.raises(shopkit.FailedPrecondition) as raised:
        platform.auth.list_signing_keys()
    assert "closed" in raised.value.message


def test_reopen_after_close(tmp_path, clock):
    data = tmp_path / "d"
    with shopkit.Platform.open(
        data, clock=clock, auth=fast_auth_options()
    ) as platform:
        merchant = sign_in(platform)[1]
        store = platform.stores.create_store(
            merchant, name="Shop", handle="shop-one", currency="USD",
            country="US")
    with shopkit.Platform.open(
        data, clock=clock, auth=fast_auth_options()
    ) as reopened:
        assert reopened.stores.get_public_store("shop-one") == \
            reopened.stores.get_public_store(store.handle)
        assert reopened.stores.get_public_store("shop-one").id == store.id


def test_close_twice_is_harmless(tmp_path):
    platform = shopkit.Platform.open(tmp_path / "d")
    platform.close()
    platform.close()


def test_context_manager_propagates_errors(tmp_path):
    with pytest.raises(KeyError):
        with shopkit.Platform.open(tmp_path / "d"):
            raise KeyError("boom")


def test_service_keeps_platform_alive(tmp_path):
    auth = shopkit.Platform.open(
        tmp_path / "d", auth=fast_auth_options()).auth
    user = auth.register(email="a@example.com", password=PASSWORD, name="A")
    assert user.email == "a@example.com"


def test_migrate_all_stores_reports(platform, store):
    seen = []
    report = platform.migrate_all_stores(progress=seen.append)
    assert report.stores_seen == 1
    assert report.stores_current == 1
    assert seen[-1] == report


def test_log_sink_receives_lines(tmp_path):
    lines = []
    with shopkit.Platform.open(
        tmp_path / "d", auth=fast_auth_options(),
        log=lambda level, message: lines.append((level, message)),
    ) as platform:
        user = sign_in(platform)[0]
    assert any(user.id in message for _, message in lines)
    assert all(isinstance(level, shopkit.LogLevel) for level, _ in lines)
    assert not any(PASSWORD in message for _, message in lines)


def test_log_sink_errors_are_unraisable(tmp_path, monkeypatch):
    reported = []
    monkeypatch.setattr("sys.unraisablehook", reported.append)

    def broken(level, message):
        raise RuntimeError("sink failed")

    with shopkit.Platform.open(
        tmp_path / "d", auth=fast_auth_options(), log=broken
    ) as platform:
        sign_in(platform)
    assert reported
    assert isinstance(reported[0].exc_value, RuntimeError)


def test_logging_sink_writes_to_logger(tmp_path, caplog):
    caplog.set_level("INFO", logger="shopkit")
    with shopkit.Platform.open(
        tmp_path / "d", auth=fast_auth_options(),
        log=shopkit.logging_sink(),
    ) as platform:
        sign_in(platform)
    assert any("registered" in record.message for record in caplog.records)
