"""Exception classes: shopkit.Error and one subclass per ErrorCode.

The extension raises the subclass that matches the C++ error's code, so
``except shopkit.NotFound`` catches exactly the not_found failures and
``except shopkit.Error`` catches every failure of the library.
"""

from datetime import timedelta

from ._enums import ErrorCode

__all__ = [
    "AlreadyExists", "Conflict", "Error", "FailedPrecondition", "Internal",
    "InvalidArgument", "LoginThrottled", "NotFound", "PermissionDenied",
    "ResourceExhausted", "Unauthenticated",
]


class Error(Exception):
    """A failed shopkit call.

    Attributes:
        code: the ErrorCode of the failure (fixed per subclass).
        message: what failed, naming the bad value; never a password,
            token or key.
        field: the input field at fault, or None when no single field is.
    """

    code: ErrorCode

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, field={self.field!r})"

    def __reduce__(self):
        return (type(self), (self.message, self.field))


class InvalidArgument(Error, ValueError):
    """The input is malformed or out of range. Also a ValueError."""

    code = ErrorCode.INVALID_ARGUMENT


class Unauthenticated(Error):
    """No valid credentials were given."""

    code = ErrorCode.UNAUTHENTICATED


class PermissionDenied(Error):
    """The principal is known but lacks the right."""

    code = ErrorCode.PERMISSION_DENIED


class NotFound(Error):
    """The target does not exist or is hidden from the caller."""

    code = ErrorCode.NOT_FOUND


class AlreadyExists(Error):
    """A unique value (email, handle, SKU) is taken."""

    code = ErrorCode.ALREADY_EXISTS


class Conflict(Error):
    """A concurrent change, a stock shortage or a reused key."""

    code = ErrorCode.CONFLICT


class FailedPrecondition(Error):
    """The target is in the wrong state for the call."""

    code = ErrorCode.FAILED_PRECONDITION


class ResourceExhausted(Error):
    """A limit or throttle was hit; retry later."""

    code = ErrorCode.RESOURCE_EXHAUSTED


class Internal(Error):
    """A bug or an I/O failure inside shopkit."""

    code = ErrorCode.INTERNAL


class LoginThrottled(ResourceExhausted):
    """Too many failed logins for an account or client key.

    Attributes:
        retry_after: how long until a login for this subject is accepted
            again.
    """

    def __init__(
        self, message: str, field: str | None = None,
        retry_after: timedelta = timedelta(0),
    ) -> None:
        super().__init__(message, field)
        self.retry_after = retry_after

    def __reduce__(self):
        return (type(self), (self.message, self.field, self.retry_after))


ERROR_CLASSES: dict[ErrorCode, type[Error]] = {
    cls.code: cls
    for cls in (
        InvalidArgument, Unauthenticated, PermissionDenied, NotFound,
        AlreadyExists, Conflict, FailedPrecondition, ResourceExhausted,
        Internal,
    )
}
"""The exception class raised for each ErrorCode."""
