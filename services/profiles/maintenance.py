"""Operator commands of the profiles service, and the periodic reconcile of the search index."""
from __future__ import annotations

import argparse
import logging
import threading
from typing import Sequence

from services.common import context
from services.common.db import landlords_in

from . import search
from .search import indexing
from .search.indexing import Drift
from .store import people

log = logging.getLogger(__name__)


def _landlords(runtime) -> list[str]:
    with runtime.uow(platform=True) as uow:
        return landlords_in(uow.session, people.c.landlord_id)


def reindex(profiles) -> None:
    """Rebuild the people search index from the database: `python -m services.profiles reindex`."""
    runtime = profiles.runtime
    profiles.index.ensure_index(search.INDEX, search.index_fields())
    landlords = _landlords(runtime)
    total = 0
    for number, landlord_id in enumerate(landlords, 1):
        def progress(done: int, number=number) -> None:
            if done % 10_000 == 0:
                log.info("reindexing", extra={"landlord": number, "of": len(landlords), "people": done})
        with _landlord_bound(landlord_id), runtime.uow(landlord_id) as uow:
            done = indexing.reindex_landlord(uow, profiles.index, progress)
        total += done
        log.info("reindexed landlord", extra={"landlord": number, "of": len(landlords), "people": done})
    profiles.index.refresh(search.INDEX)
    log.info("reindexed", extra={"landlords": len(landlords), "people": total})


def reconcile(profiles, landlord_id: str | None = None, stopping: threading.Event | None = None) -> dict[str, Drift]:
    """Compare the people search index with the database, per landlord (every landlord, or the one
    given), and repair what differs; logs and answers what it found, by landlord."""
    runtime = profiles.runtime
    profiles.index.ensure_index(search.INDEX, search.index_fields())
    found: dict[str, Drift] = {}
    for landlord in [landlord_id] if landlord_id else _landlords(runtime):
        if stopping is not None and stopping.is_set():
            break
        with _landlord_bound(landlord), runtime.uow(landlord) as uow:
            drift = found[landlord] = indexing.reconcile_landlord(uow, profiles.index)
            if drift.found or drift.refused or landlord_id:  # the landlord is in every log line
                log.info("reconciled a landlord's search documents", extra={"repaired": drift.found, **drift.counts()})
    if not landlord_id:
        log.info("reconciled the people search index",
                 extra={"landlords": len(found), "repaired": sum(d.found for d in found.values())})
    return found


def reconcile_options(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m services.profiles reconcile")
    parser.add_argument("--landlord", help="only this landlord (its id)")
    return parser.parse_args(list(argv))


def reconcile_command(profiles, options: argparse.Namespace) -> None:
    """`python -m services.profiles reconcile [--landlord ID]`: prints what it repaired per landlord."""
    found = reconcile(profiles, options.landlord)
    for landlord, drift in found.items():
        print(f"landlord {landlord}: " + ", ".join(f"{kind} {count}" for kind, count in drift.counts().items()))
    print(f"{len(found)} landlord(s); documents repaired: {sum(d.found for d in found.values())}")


class ReconcileJob:
    """Reconciles every landlord's documents every `interval` seconds, in a thread, until stopped."""

    def __init__(self, profiles, interval: float) -> None:
        self._profiles, self._interval = profiles, interval
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="profiles-reconcile", daemon=True)

    def start(self) -> "ReconcileJob":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stopping.wait(self._interval):
            try:
                reconcile(self._profiles, stopping=self._stopping)
            except Exception:  # an engine away: the next run tries again
                log.exception("reconciling the people search index failed")


def _landlord_bound(landlord_id: str):
    return context.bound(context.CallContext(landlord_id=landlord_id, request_id=context.new_request_id()))
