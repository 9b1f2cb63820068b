"""What changes to follow-up actions share: the person's open actions published after a change (in the same
transaction), and an interaction's open actions cancelled when it is deleted. Used by the records' use cases
(..service) and the actions' (.service), so it imports neither."""
from __future__ import annotations

from services.common.uow import UnitOfWork

from .domain import PersonActions, PersonActionsChanged
from .store import FollowUpActions


def actions(uow: UnitOfWork) -> FollowUpActions:
    return FollowUpActions(uow.session, uow.landlord_id)


def publish_person(uow: UnitOfWork, person_id: str) -> None:
    """A PersonActionsChanged with the person's open actions as this transaction leaves them."""
    stored = actions(uow)
    changed = PersonActionsChanged(uow.landlord_id, person_id, stored.next_person_version(person_id),
                                   stored.open_due_dates(person_id), uow.clock.now())
    uow.track(PersonActions([changed]))


def cancel_with(uow: UnitOfWork, *, communication_id: str, person_id: str, by: str) -> int:
    """The interaction's open actions cancelled (it is being deleted); how many were open."""
    stored, now = actions(uow), uow.clock.now()
    cancelled = 0
    for action in stored.of_interactions([communication_id], for_update=True)[communication_id]:
        if action.status == "open":
            action.cancel(by=by, now=now, note="the interaction was deleted")
            stored.save(action)
            cancelled += 1
    if cancelled:
        publish_person(uow, person_id)
    return cancelled
