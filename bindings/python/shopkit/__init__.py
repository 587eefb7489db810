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

from ._enums import ErrorCode, LogLevel, PlatformRole, StoreRole
from ._errors import (
    AlreadyExists,
    Conflict,
    Error,
    FailedPrecondition,
    Internal,
    InvalidArgument,
    LoginThrottled,
    NotFound,
    PermissionDenied,
    ResourceExhausted,
    Unauthenticated,
)
from ._pagination import Page, paginate
from ._shopkit import (
    AdminService,
    AuthOptions,
    AuthService,
    Clock,
    ManualClock,
    MigrationReport,
    Money,
    Options,
    Platform,
    Principal,
    StoreService,
    SuperAdminService,
    SystemClock,
    ThemeService,
    currency_exponent,
    is_currency,
)

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


__all__ = [
    "AdminService",
    "AlreadyExists",
    "AuthOptions",
    "AuthService",
    "Clock",
    "Conflict",
    "Error",
    "ErrorCode",
    "FailedPrecondition",
    "Internal",
    "InvalidArgument",
    "LogLevel",
    "LoginThrottled",
    "ManualClock",
    "MigrationReport",
    "Money",
    "NotFound",
    "Options",
    "Page",
    "PermissionDenied",
    "Platform",
    "PlatformRole",
    "Principal",
    "ResourceExhausted",
    "StoreRole",
    "StoreService",
    "SuperAdminService",
    "SystemClock",
    "ThemeService",
    "Unauthenticated",
    "currency_exponent",
    "is_currency",
    "logging_sink",
    "paginate",
]
