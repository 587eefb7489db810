"""Pages of list results and an iterator over every page."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list.

    Attributes:
        items: the values on this page, in list order.
        next_cursor: pass it as ``cursor=`` to get the next page; None on
            the last page.
    """

    items: list[T] = field(default_factory=list)
    next_cursor: str | None = None

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def to_dict(self) -> dict[str, Any]:
        """Return {"items": [...], "next_cursor": ...} with items as dicts."""
        items = [
            item.to_dict() if hasattr(item, "to_dict") else item
            for item in self.items
        ]
        return {"items": items, "next_cursor": self.next_cursor}


def paginate(
    list_page: Callable[..., Page[T]], /, *args: Any, limit: int = 50,
    **kwargs: Any,
) -> Iterator[T]:
    """Yield every item of a paginated list, fetching pages lazily.

    ``list_page`` is any list method that takes ``limit`` and ``cursor``
    keywords and returns a Page; ``args`` and ``kwargs`` are passed to
    each call. A page is fetched only when the iteration reaches it.
    """
    cursor = kwargs.pop("cursor", None)
    while True:
        page = list_page(*args, limit=limit, cursor=cursor, **kwargs)
        yield from page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor
