"""Use cases of interactions and follow-up actions. An interaction is a communication record seen from the
person's profile: its code is the interaction type (with the type's colour), its description the title and
its notes the description; one recorded here shows in the communications tab, reports and search alike, and
one recorded there shows here. Actions: added (with the interaction or later), completed, reassigned; each
change publishes the person's open actions. Today is the landlord's (Europe/London)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

from services.common import people_status
from services.common.dates import iso_date, landlord_today
from services.common.errors import InvalidInput, NotFound
from services.common.uow import UnitOfWork

from .. import domain as records_domain, service as records
from ..clients.profiles import People
from ..codes import service as codes
from ..domain import Catalogue, Communication
from ..store import CommunicationRecords
from . import follow_ups
from .domain import STATUSES, FollowUpAction
from .store import Filter


@dataclass(frozen=True)
class Interaction:
    record: Communication  # labelled with the landlord's list
    actions: list[FollowUpAction]
    catalogue: Catalogue


@dataclass(frozen=True)
class ActionView:
    action: FollowUpAction
    interaction_type: str
    title: str
    catalogue: Catalogue


@dataclass(frozen=True)
class ActionsPage:
    total: int
    items: list[ActionView]
    today: dt.date
    by_type: list[tuple[str, int, int]]
    by_assignee: list[tuple[str, int, int]]
    by_status: list[tuple[str, int, int]]
    catalogue: Catalogue  # the labels the types show


def today(uow: UnitOfWork) -> dt.date:
    return landlord_today(uow.clock.now())


def _with_outcome(details: Mapping[str, str], catalogue: Catalogue) -> dict:
    """The details, the outcome defaulting to the type's first current one (an interaction need not give one)."""
    given = dict(details)
    found = catalogue.code((given.get("communication_code") or "").strip().lower())
    if not (given.get("outcome_code") or "").strip() and found is not None and found.current_outcomes:
        given["outcome_code"] = found.current_outcomes[0].code
    return given


def record_interaction(uow: UnitOfWork, people: People, *, user_id: str, person_id: str, details: Mapping[str, str],
                       action: Mapping[str, str] | None) -> Interaction:
    """One interaction on a current person, with a follow-up action when `action` is given; all or nothing."""
    people_status.check_person(people.status, person_id, current_only=True)
    catalogue = codes.for_records(uow)
    checked = records_domain.details(**_with_outcome(details, catalogue), today=today(uow), catalogue=catalogue)
    now = uow.clock.now()
    made = Communication.new(landlord_id=uow.landlord_id, person_id=person_id, details=checked, user_id=user_id,
                             now=now, by_hand=True)
    added = []
    if action is not None:
        added.append(FollowUpAction.new(landlord_id=uow.landlord_id, communication_id=made.communication_id,
                                        person_id=person_id, what=action.get("what"),
                                        assigned_to=action.get("assigned_to", ""), due=action.get("due_date"),
                                        by=user_id, now=now, today=today(uow), prefix="action."))
    CommunicationRecords(uow.session, uow.landlord_id).add_all([made])
    uow.track(made)
    for new in added:
        follow_ups.actions(uow).add(new)
        follow_ups.publish_person(uow, person_id)
    uow.commit()
    return Interaction(made, added, catalogue)


def _interactions(uow: UnitOfWork, found: Sequence[Communication]) -> list[Interaction]:
    catalogue = codes.catalogue(uow)
    by_record = follow_ups.actions(uow).of_interactions([r.communication_id for r in found])
    return [Interaction(replace(r, details=replace(r.details, catalogue=catalogue)), by_record[r.communication_id],
                        catalogue) for r in found]


def person_interactions(uow: UnitOfWork, *, person_id: str, types: Sequence[str], page: int,
                        page_size: int) -> tuple[int, list[Interaction]]:
    """The person's interactions newest first, of any of these types (none: all)."""
    if not person_id:
        raise InvalidInput.field("person_id", "is required")
    page, size = records_domain.paging(page, page_size)
    total, found = CommunicationRecords(uow.session, uow.landlord_id).of_person(
        person_id, limit=size, offset=(page - 1) * size, codes=[t.strip().lower() for t in types if t.strip()])
    return total, _interactions(uow, found)


def get_interaction(uow: UnitOfWork, *, communication_id: str) -> Interaction:
    return _interactions(uow, [records.get(uow, communication_id=communication_id)])[0]


def change_interaction(uow: UnitOfWork, *, communication_id: str, changes: dict, user_id: str) -> Interaction:
    changed = records.change(uow, communication_id=communication_id, changes=changes, by=user_id)
    return get_interaction(uow, communication_id=changed.communication_id)


# -- follow-up actions ----------------------------------------------------------------------------------------------

def _view(uow: UnitOfWork, action: FollowUpAction) -> ActionView:
    interaction_type, title = follow_ups.actions(uow).interaction(action.communication_id)
    return ActionView(action, interaction_type, title, codes.catalogue(uow))


def add_action(uow: UnitOfWork, *, communication_id: str, user_id: str, action: Mapping[str, str]) -> ActionView:
    record = records.get(uow, communication_id=communication_id, for_update=True)
    made = FollowUpAction.new(landlord_id=uow.landlord_id, communication_id=record.communication_id,
                              person_id=record.person_id, what=action.get("what"),
                              assigned_to=action.get("assigned_to", ""), due=action.get("due_date"), by=user_id,
                              now=uow.clock.now(), today=today(uow))
    follow_ups.actions(uow).add(made)
    follow_ups.publish_person(uow, record.person_id)
    uow.commit()
    return _view(uow, made)


def _action(uow: UnitOfWork, action_id: str, *, for_update: bool = False) -> FollowUpAction:
    found = follow_ups.actions(uow).get(action_id, for_update=for_update) if action_id else None
    if found is None:
        raise NotFound("follow-up action not found")
    return found


def get_action(uow: UnitOfWork, *, action_id: str) -> ActionView:
    return _view(uow, _action(uow, action_id))


def complete_action(uow: UnitOfWork, *, action_id: str, user_id: str, note: str) -> ActionView:
    found = _action(uow, action_id, for_update=True)
    found.complete(by=user_id, now=uow.clock.now(), note=note)
    return _saved(uow, found)


def reassign_action(uow: UnitOfWork, *, action_id: str, user_id: str, assigned_to: str, due_date: str,
                    note: str) -> ActionView:
    found = _action(uow, action_id, for_update=True)
    found.reassign(by=user_id, now=uow.clock.now(), today=today(uow), assigned_to=assigned_to, due=due_date,
                   note=note)
    return _saved(uow, found)


def _saved(uow: UnitOfWork, found: FollowUpAction) -> ActionView:
    follow_ups.actions(uow).save(found)
    follow_ups.publish_person(uow, found.person_id)
    uow.commit()
    return _view(uow, found)


def action_filter(uow: UnitOfWork, *, assigned_to: Sequence[str] = (), types: Sequence[str] = (),
                  statuses: Sequence[str] = (), due_from: str = "", due_until: str = "", overdue: bool = False,
                  person_id: str = "") -> Filter:
    """The filter as given, checked: InvalidInput naming a bad status or date."""
    unknown = sorted(set(statuses) - set(STATUSES))
    if unknown:
        raise InvalidInput.field("status", f"must be any of {', '.join(STATUSES)} (not {', '.join(unknown)})")
    start, end = iso_date(due_from, "due_from", required=False), iso_date(due_until, "due_until", required=False)
    if start and end and start > end:
        raise InvalidInput.field("due_until", "must not be before due_from")
    return Filter(today(uow), tuple(assigned_to), tuple(t.strip().lower() for t in types), tuple(statuses), start,
                  end, overdue, person_id)


def list_actions(uow: UnitOfWork, *, chosen: Filter, page: int, page_size: int) -> ActionsPage:
    """A page of the actions chosen by due date, with counts by type, assignee and status."""
    page, size = records_domain.paging(page, page_size)
    stored, catalogue = follow_ups.actions(uow), codes.catalogue(uow)
    total, found = stored.page(chosen, limit=size, offset=(page - 1) * size)
    return ActionsPage(total, [ActionView(a, code, title, catalogue) for a, code, title in found], chosen.today,
                       stored.counts(chosen, "type"), stored.counts(chosen, "assigned_to"),
                       stored.counts(chosen, "status"), catalogue)
