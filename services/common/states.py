"""Every state of a landlord, a page at a time, for the reporting service's recount (profiles'
StreamPeopleStates, households' StreamHouseholdStates, groups' StreamPersonGroupsStates): each page is read
by keyset on the id, in its own short unit of work, so a slow reader holds no transaction open and no page
sits in memory longer than it takes to send."""
from __future__ import annotations

from typing import Callable, Iterator, Sequence, TypeVar

from .errors import InvalidInput

PAGE, MOST = 1_000, 5_000  # states per page: unless asked, at most

P = TypeVar("P")


def page_size(given: int) -> int:
    """The page size asked for (0: PAGE); InvalidInput naming page_size when it is out of range."""
    if not 0 <= given <= MOST:
        raise InvalidInput.field("page_size", f"must be between 1 and {MOST:,} (0: {PAGE:,})")
    return given or PAGE


def by_key(read: Callable[[str, int], P], ids: Callable[[P], Sequence[str]], size: int,
           after: str = "") -> Iterator[P]:
    """Pages `read(after, size)` gives, each after the last id of the one before (`ids(page)`: its ids, in
    order), until one is short; an empty page is not given."""
    while True:
        page = read(after, size)
        found = ids(page)
        if found:
            yield page
        if len(found) < size:
            return
        after = found[-1]
