"""Use cases of the contacts report: communication records taken in from messaging's events (the newest
version of each wins, whatever order or how often they come), and a month's report from them."""
from __future__ import annotations

from typing import Iterable

from services.common.uow import UnitOfWork

from ..reports.service import threshold_of
from .domain import ContactState, ContactsReport, contacts_report, month_of
from .store import ContactStore


def take_in(uow: UnitOfWork, states: Iterable[ContactState]) -> int:
    """Keeps each record's newest state; answers how many states were newer than what was held. Called in
    the consumer's transaction (which commits it)."""
    newest: dict[str, ContactState] = {}
    for state in states:
        if state.communication_id not in newest or newest[state.communication_id].version < state.version:
            newest[state.communication_id] = state
    if not newest:
        return 0
    store = ContactStore(uow.session, uow.landlord_id)
    held = store.versions(list(newest))
    store.add([s for i, s in newest.items() if i not in held])
    changed = [s for i, s in newest.items() if i in held and held[i] < s.version]
    for state in changed:
        store.replace(state)
    return len(newest) - len(held) + len(changed)


def report(uow: UnitOfWork, *, month: str) -> ContactsReport:
    month, first, following = month_of(month, uow.clock.today())
    by_code, records, people = ContactStore(uow.session, uow.landlord_id).month(first, following)
    return contacts_report(month, by_code, records, people, threshold_of(uow))
