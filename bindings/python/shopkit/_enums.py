"""String enums for shopkit's C++ enums.

Each member is a ``str`` whose value is the library's snake_case name, so
``PlatformRole.MERCHANT == "merchant"`` and every call that takes an enum
also takes the plain string.
"""

import enum

__all__ = [
    "ErrorCode", "ImportFormat", "LogLevel", "OrderStatus", "PlatformRole",
    "ProductSort", "ProductStatus", "StoreRole", "StoreStatus",
    "ThemeSettingType", "ThemeStatus", "UserStatus",
]


class ErrorCode(enum.StrEnum):
    """The kind of a failure; each has its own subclass of shopkit.Error."""

    INVALID_ARGUMENT = "invalid_argument"
    UNAUTHENTICATED = "unauthenticated"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    ALREADY_EXISTS = "already_exists"
    CONFLICT = "conflict"
    FAILED_PRECONDITION = "failed_precondition"
    RESOURCE_EXHAUSTED = "resource_exhausted"
    INTERNAL = "internal"


class PlatformRole(enum.StrEnum):
    """A user's role on the platform."""

    CUSTOMER = "customer"
    MERCHANT = "merchant"
    SUPER_ADMIN = "super_admin"


class StoreRole(enum.StrEnum):
    """A member's role inside one store."""

    OWNER = "owner"
    MANAGER = "manager"
    STAFF = "staff"


class LogLevel(enum.StrEnum):
    """The severity of a log line passed to a log sink."""

    DEBUG = "debug"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class UserStatus(enum.StrEnum):
    """The lifecycle of an account; only active users can sign in."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    DELETED = "deleted"


class StoreStatus(enum.StrEnum):
    """The lifecycle of a store; only active stores are public."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    DELETED = "deleted"


class ProductStatus(enum.StrEnum):
    """Who sees a product: draft (members), active (everyone), archived."""

    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


class ProductSort(enum.StrEnum):
    """The order of a product search."""

    NEWEST = "newest"
    PRICE = "price"
    TITLE = "title"
    RELEVANCE = "relevance"


class OrderStatus(enum.StrEnum):
    """pending -> paid -> fulfilled; pending or paid -> cancelled."""

    PENDING = "pending"
    PAID = "paid"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"


class ThemeStatus(enum.StrEnum):
    """A theme's life cycle: draft, published (listed), retired."""

    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


class ThemeSettingType(enum.StrEnum):
    """The type of a setting in a theme manifest."""

    COLOR = "color"
    TEXT = "text"
    NUMBER = "number"
    BOOLEAN = "boolean"
    SELECT = "select"
    IMAGE_URL = "image_url"


class ImportFormat(enum.StrEnum):
    """The column layout of a product CSV file; DETECT reads the header."""

    DETECT = "detect"
    SHOPIFY = "shopify"
    WOOCOMMERCE = "woocommerce"
    VENDURE = "vendure"
