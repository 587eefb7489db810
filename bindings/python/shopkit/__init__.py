"""shopkit: an embeddable multi-tenant commerce backend over SQLite.

Open a data folder and call the five services through it::

    import shopkit

    with shopkit.Platform.open("data") as platform:
        user = platform.auth.register(
            email="ann@example.com", password="correct horse",
            name="Ann", role=shopkit.PlatformRole.MERCHANT)

Every failure raises a subclass of shopkit.Error. Money is exact
(shopkit.Money, int minor units), times are aware datetimes in UTC, ids
are str, and list methods return a shopkit.Page (see shopkit.paginate).
"""

import logging as _logging

from . import _enums, _errors, _pagination, _shopkit
from ._enums import *  # noqa: F403
from ._errors import *  # noqa: F403
from ._pagination import Page, paginate
from ._shopkit import *  # noqa: F403

_LOGGING_LEVELS = {
    LogLevel.DEBUG: _logging.DEBUG,
    LogLevel.INFO: _logging.INFO,
    LogLevel.WARNING: _logging.WARNING,
    LogLevel.ERROR: _logging.ERROR,
}


def logging_sink(logger: _logging.Logger | None = None):
    """Return a log callable for Options.log that writes to `logger`.

    The default logger is logging.getLogger("shopkit"). The library never
    passes a password, token, key or hash to a sink.
    """
    target = logger if logger is not None else _logging.getLogger("shopkit")

    def write(level: LogLevel, message: str) -> None:
        target.log(_LOGGING_LEVELS[level], "%s", message)

    return write


def _public_names(module) -> list[str]:
    return [name for name in vars(module) if not name.startswith("_")]


# The compiled classes report module "shopkit", where users find them,
# instead of the private extension module.
for _name in _public_names(_shopkit):
    _value = getattr(_shopkit, _name)
    if isinstance(_value, type):
        _value.__module__ = __name__

__all__ = sorted(
    _enums.__all__ + _errors.__all__ + _public_names(_shopkit)
    + ["Page", "paginate", "logging_sink"]
)
