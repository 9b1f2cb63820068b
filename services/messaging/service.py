"""Use cases of communication records: a contact recorded by hand for a list of people (one record per
person, all or none), a person's records newest first, changing or deleting one (a tombstone stays), and
every record's state for the reporting service's recount. Every change puts a CommunicationRecorded event
in the outbox in the same transaction. Profiles is asked about the people before this service's
transaction begins, so no lock is held while another service answers. Codes are checked against the
landlord's own list, and records show (and events carry) its labels as they are at the time."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator, Sequence

from services.common import people_status, states
from services.common.dates import landlord_today
from services.common.errors import InvalidInput, NotFound
from services.common.uow import UnitOfWork

from . import domain
from .clients.profiles import People
from .codes import service as codes
from .domain import Catalogue, Communication, CommunicationRecorded
from .interactions import follow_ups
from .store import CommunicationRecords


def _records(uow: UnitOfWork) -> CommunicationRecords:
    return CommunicationRecords(uow.session, uow.landlord_id)


def check_people(people: People, person_ids: Sequence[str], *, field: str = "person_ids") -> list[str]:
    """The ids, each once, if there are some (not too many) and every one is a current person of the
    landlord; else InvalidInput naming each bad one as `field[i]`."""
    if not person_ids:
        raise InvalidInput.field(field, "must name at least one person")
    if len(person_ids) > domain.MAX_PEOPLE:
        raise InvalidInput.field(field, f"must name at most {domain.MAX_PEOPLE:,} people")
    return people_status.check_people(people.status, person_ids, field=field)


def record(uow: UnitOfWork, people: People, *, user_id: str, person_ids: Sequence[str],
           details: dict) -> list[Communication]:
    """One record per person named (repeats once), with the same details."""
    ids = check_people(people, person_ids)
    checked = domain.details(**details, today=landlord_today(uow.clock.now()),
                             catalogue=codes.for_records(uow))
    now = uow.clock.now()
    made = [Communication.new(landlord_id=uow.landlord_id, person_id=p, details=checked, user_id=user_id, now=now,
                               by_hand=True) for p in ids]
    _records(uow).add_all(made)
    for record_made in made:
        uow.track(record_made)
    uow.commit()
    return made


def person_records(uow: UnitOfWork, *, person_id: str, page: int, page_size: int) -> tuple[int, list[Communication]]:
    if not person_id:
        raise InvalidInput.field("person_id", "is required")
    page, size = domain.paging(page, page_size)
    total, found = _records(uow).of_person(person_id, limit=size, offset=(page - 1) * size)
    return total, _labelled(found, codes.catalogue(uow))


def _labelled(found: list[Communication], catalogue: Catalogue) -> list[Communication]:
    """The records, showing the labels of the landlord's list as it is."""
    for record_found in found:
        record_found.details = replace(record_found.details, catalogue=catalogue)
    return found


def get(uow: UnitOfWork, *, communication_id: str, for_update: bool = False) -> Communication:
    found = _records(uow).get(communication_id, for_update=for_update) if communication_id else None
    if found is None:
        raise NotFound("communication record not found")
    return _labelled([found], codes.catalogue(uow))[0]


def change(uow: UnitOfWork, *, communication_id: str, changes: dict, by: str = "") -> Communication:
    """Only the fields given change; the outcome must still suit the code (give both to change the code). A
    record keeps its code and outcome though the landlord has archived them since. A user's change (`by`) is
    in the person's history."""
    found = get(uow, communication_id=communication_id, for_update=True)
    d = found.details
    merged = {"communication_code": d.communication_code, "outcome_code": d.outcome_code,
              "date": d.date.isoformat(), "landlord_contact": d.landlord_contact, "description": d.description,
              "notes": d.notes, **changes}
    found.change(domain.details(**merged, today=landlord_today(uow.clock.now()), catalogue=codes.for_records(uow),
                                kept=(d.communication_code, d.outcome_code)), uow.clock.now(), by)
    _records(uow).save(found)
    uow.track(found)
    uow.commit()
    return found


def delete(uow: UnitOfWork, *, communication_id: str, by: str = "") -> None:
    """The record is gone for users; a tombstone (its words cleared) tells the recount it was deleted. Its open
    follow-up actions are cancelled with it; a user's deletion (`by`) is in the person's history."""
    found = get(uow, communication_id=communication_id, for_update=True)
    found.delete(uow.clock.now(), by)
    follow_ups.cancel_with(uow, communication_id=communication_id, person_id=found.person_id, by=by)
    _records(uow).save(found)
    uow.track(found)
    uow.commit()


def record_states(make_uow: Callable[[], UnitOfWork], *, page_size: int = 0,
                  after_communication_id: str = "") -> Iterator[list[CommunicationRecorded]]:
    """Every record (whose id follows `after_communication_id`) as its newest CommunicationRecorded shows it,
    deletions too, in id order, `page_size` at a time (0: states.PAGE), each page in its own unit of work:
    the reporting service's recount. A bad size is raised before the first page."""
    def read(after: str, size: int) -> list[CommunicationRecorded]:
        with make_uow() as uow:
            now, found = uow.clock.now(), _records(uow).page_after(after, size)
            return [record.state(now) for record in _labelled(found, codes.catalogue(uow))]
    return states.by_key(read, lambda page: [r.communication_id for r in page], states.page_size(page_size),
                         after_communication_id)
