"""Catalogues kept between searches and index updates (see CatalogueCache)."""
from __future__ import annotations

import threading
import time
import weakref

from sqlalchemy.orm import Session

from .setup.domain import Catalogue
from .setup.store import SetupStore, read_catalogue


class CatalogueCache:
    """Catalogues kept between searches. A kept one is used for up to `recheck_seconds`
    without asking the database; after that its set-up version (one small query) says
    whether to reload. Set-up changes made in this process drop it at once
    (`forget_everywhere`); those made by another process show within `recheck_seconds`.
    Loading reads only (read_catalogue): a landlord with no set-up written yet has no
    version, and is reloaded once it has one."""

    _all: "weakref.WeakSet[CatalogueCache]" = weakref.WeakSet()

    def __init__(self, recheck_seconds: float = 1.0) -> None:
        self._kept: dict[str, tuple[int | None, float, Catalogue]] = {}
        self._lock = threading.Lock()
        self._recheck = recheck_seconds
        CatalogueCache._all.add(self)

    def load(self, session: Session, landlord_id: str) -> Catalogue:
        now = time.monotonic()
        with self._lock:
            kept = self._kept.get(landlord_id)
        if kept and now - kept[1] < self._recheck:
            return kept[2]
        version = SetupStore(session, landlord_id).version()
        catalogue = kept[2] if kept and kept[0] == version else read_catalogue(session, landlord_id)
        with self._lock:
            self._kept[landlord_id] = (version, now, catalogue)
        return catalogue

    def forget(self, landlord_id: str) -> None:
        with self._lock:
            self._kept.pop(landlord_id, None)

    @classmethod
    def forget_everywhere(cls, landlord_id: str) -> None:
        for cache in list(cls._all):
            cache.forget(landlord_id)


def catalogue_of(session: Session, landlord_id: str, catalogues: CatalogueCache | None = None) -> Catalogue:
    """The landlord's catalogue for a read (nothing is written): a kept one when `catalogues` is given, else as
    the database holds it now."""
    return (catalogues.load if catalogues else read_catalogue)(session, landlord_id)
