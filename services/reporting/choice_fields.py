"""Which custom fields of properties and households are choice fields, as the households consumer needs to
know: a household's event carries its profiles' values by field id, and only options count. Kept per
landlord from profiles' set-up and fetched again when an event names a field not known as a choice field and
was made after the last fetch (a field's type changes only while it holds no values, so a fetch made after
the event knows the type its values were recorded under)."""
from __future__ import annotations

import datetime as dt
import threading
from typing import Callable, Iterable

CHOICE_TYPES = ("choice", "multi_choice")


def choice_ids(types: dict[str, str]) -> frozenset[str]:
    """The choice fields' ids of custom fields' types by field id."""
    return frozenset(field_id for field_id, kind in types.items() if kind in CHOICE_TYPES)


class ChoiceFields:
    def __init__(self, fetch: Callable[[], dict[str, str]], clock: Callable[[], dt.datetime]):
        """`fetch`: the caller's landlord's custom fields' types by field id (over gRPC)."""
        self._fetch = fetch
        self._clock = clock
        self._lock = threading.Lock()
        self._known: dict[str, tuple[dt.datetime, frozenset[str]]] = {}  # landlord -> (fetched at, choice ids)

    def of(self, landlord_id: str, field_ids: Iterable[str], made_at: dt.datetime) -> frozenset[str]:
        """Those of `field_ids` that are choice fields (for an event made at `made_at`)."""
        wanted = set(field_ids)
        if not wanted:
            return frozenset()
        with self._lock:
            fetched_at, choice = self._known.get(landlord_id, (None, frozenset()))
        if not wanted <= choice and (fetched_at is None or made_at >= fetched_at):
            fetched_at = self._clock()
            choice = choice_ids(self._fetch())
            with self._lock:
                self._known[landlord_id] = (fetched_at, choice)
        return frozenset(wanted & choice)
