"""Use cases of activities and participation records. A participation record links its person to
the activity's group (as long as they have a record); each change publishes the person's groups.
The person is checked with profiles with no transaction of ours open (store.end_reads)."""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from services.common.errors import InUse, InvalidInput, NotFound
from services.common.ids import new_id
from services.common.uow import UnitOfWork

from ..clients.profiles import People
from ..domain import paging
from ..service import check_person, publish, repos
from ..store import end_reads
from ..templates.service import refuse_if_templates_use
from .domain import MAX_PEOPLE, Activity, Outcome, ParticipationRecord, outcomes, takes_people


def _get(uow: UnitOfWork, activity_id: str) -> Activity:
    activity = repos(uow).activities.get(activity_id) if activity_id else None
    if activity is None:
        raise NotFound("activity not found")
    return activity


def existing_activity(uow: UnitOfWork, activity_id: str, field: str = "activity_id", *,
                      for_update: bool = False) -> Activity:
    """The activity (its row locked, with `for_update`), or InvalidInput on `field` (it is a reference inside a
    request, not the resource)."""
    if not activity_id:
        raise InvalidInput.field(field, "is required")
    activity = repos(uow).activities.get(activity_id, for_update=for_update)
    if activity is None:
        raise InvalidInput.field(field, "no such activity")
    return activity


def create_activity(uow: UnitOfWork, *, user_id: str, name: str, type: str, start_date: str, end_date: str,
                    description: str) -> Activity:
    activity = Activity.new(landlord_id=uow.landlord_id, user_id=user_id, now=uow.clock.now(), name=name, type=type,
                            start_date=start_date, end_date=end_date, description=description)
    repos(uow).activities.add(activity)
    uow.commit()
    return activity


def update_activity(uow: UnitOfWork, *, activity_id: str, **changes) -> Activity:
    activity = _get(uow, activity_id)
    activity.change(now=uow.clock.now(), **changes)
    repos(uow).activities.save(activity)
    uow.commit()
    return activity


def get_activity(uow: UnitOfWork, *, activity_id: str) -> Activity:
    return _get(uow, activity_id)


def list_activities(uow: UnitOfWork, *, text: str, page: int, page_size: int) -> tuple[int, list[Activity]]:
    limit, offset = paging(page, page_size)
    return repos(uow).activities.page(text=text.strip(), limit=limit, offset=offset)


def delete_activity(uow: UnitOfWork, *, activity_id: str) -> str:
    activity = _get(uow, activity_id)
    r = repos(uow)
    if activity.unspecified:
        raise InUse("the Unspecified activity holds the admin groups: it cannot be deleted")
    if r.participation.any_for_activity(activity_id):
        raise InUse("the activity has participation records: delete them first")
    if r.activity_members.any(activity_id):
        raise InUse("people are linked to the activity: unlink them first")
    refuse_if_templates_use(uow, activity_id, "activity")
    r.activities.delete(activity_id)
    uow.commit()
    return activity_id


# -- participation records -----------------------------------------------------------------------------------------

def _record(uow: UnitOfWork, participation_id: str) -> ParticipationRecord:
    record = repos(uow).participation.get(participation_id) if participation_id else None
    if record is None:
        raise NotFound("participation record not found")
    return record


def _named(uow: UnitOfWork, records: list[ParticipationRecord]) -> list[ParticipationRecord]:
    names = repos(uow).activities.names(r.activity_id for r in records)
    for record in records:
        record.activity_name = names.get(record.activity_id, "")
    return records


def record_participation(uow: UnitOfWork, people: People, *, user_id: str, person_id: str, activity_id: str,
                         date: str, role: str, notes: str) -> ParticipationRecord:
    if not person_id:
        raise InvalidInput.field("person_id", "is required")
    activity = existing_activity(uow, activity_id)
    takes_people(activity)
    now = uow.clock.now()
    record = ParticipationRecord.new(landlord_id=uow.landlord_id, user_id=user_id, now=now, person_id=person_id,
                                     activity_id=activity_id, date=date, role=role, notes=notes)
    end_reads(uow)
    check_person(people, person_id)
    activity = existing_activity(uow, activity_id)  # still there, in the transaction that writes
    r = repos(uow)
    r.participation.add(record)
    r.activity_members.link(activity_id, person_id, at=now, by=user_id, manual=False)
    publish(uow, [person_id])
    uow.commit()
    record.activity_name = activity.name
    return record


def record_participations(uow: UnitOfWork, people: People, *, user_id: str, person_ids: Sequence[str],
                          activity_id: str, date: str, role: str, notes: str) -> list[Outcome]:
    """A participation record for each person (each once) who is current and has none of the activity on the
    date yet, all in one transaction, with each person's outcome in the order given: people profiles does not
    know, archived people and those recorded already are left out, so a re-run records nothing twice. Bad
    input (no people or more than MAX_PEOPLE, an unknown activity or the Unspecified one, a bad date, role or
    notes) writes nothing. The activity's row is locked while recording: two such requests for it take turns."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        raise InvalidInput.field("person_ids", "give at least one person")
    if len(ids) > MAX_PEOPLE:
        raise InvalidInput.field("person_ids", f"names {len(ids):,} people: at most {MAX_PEOPLE:,} at once")
    takes_people(existing_activity(uow, activity_id))
    now = uow.clock.now()
    checked = ParticipationRecord.new(landlord_id=uow.landlord_id, user_id=user_id, now=now, person_id="",
                                      activity_id=activity_id, date=date, role=role, notes=notes)
    end_reads(uow)
    status = people.status([p for p in ids if p])
    existing_activity(uow, activity_id, for_update=True)  # still there, in the transaction that writes
    r = repos(uow)
    already = r.participation.on_date(activity_id, checked.date, [p for p in ids if status.get(p) == "current"])
    records = [replace(checked, participation_id=new_id(), person_id=p) for p in ids
               if status.get(p) == "current" and p not in already]
    recorded = [record.person_id for record in records]
    r.participation.add_many(records)
    r.activity_members.link_records(activity_id, recorded, at=now, by=user_id)
    publish(uow, recorded)
    uow.commit()
    return outcomes(ids, status, already, {record.person_id: record.participation_id for record in records})


def update_participation(uow: UnitOfWork, *, participation_id: str, date: str | None = None, role: str | None = None,
                         notes: str | None = None) -> ParticipationRecord:
    record = _record(uow, participation_id)
    was = record.date
    record.change(now=uow.clock.now(), date=date, role=role, notes=notes)
    repos(uow).participation.save(record)
    if record.date != was:
        publish(uow, [record.person_id])
    _named(uow, [record])
    uow.commit()
    return record


def delete_participation(uow: UnitOfWork, *, participation_id: str) -> str:
    record = _record(uow, participation_id)
    r = repos(uow)
    r.participation.delete(participation_id)
    r.activity_members.drop_record(record.activity_id, record.person_id)
    publish(uow, [record.person_id])
    uow.commit()
    return participation_id


def list_participation(uow: UnitOfWork, *, person_id: str, activity_id: str, page: int,
                       page_size: int) -> tuple[int, list[ParticipationRecord]]:
    """Newest first (by date, then by when recorded), of a person and/or an activity."""
    limit, offset = paging(page, page_size)
    total, records = repos(uow).participation.page(person_id=person_id, activity_id=activity_id, limit=limit,
                                                   offset=offset)
    return total, _named(uow, records)
