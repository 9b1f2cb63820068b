"""People events as bulk work publishes them (PeopleChanged batches) and as they may come: the archived
leave admin groups, and a status older than the one taken (late, twice, out of order, a batch offered
again after a consumer stopped half way) changes nothing."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from services.common import topics
from services.common.clock import FixedClock
from services.common.envelope import unwrap, wrap
from services.gen.tracker.profiles.v1 import events_pb2 as people_events, person_pb2
from services.groups import handlers, service
from services.groups.members import service as members
from services.groups.members.tables import archived_people
from tests.service.groups.conftest import outbox_events


def _person(landlord: str, person_id: str, status: str, version: int) -> person_pb2.Person:
    return person_pb2.Person(person_id=person_id, landlord_id=landlord, status=status, version=version)


def changed(landlord, person_id, status, version, fields=("status",)) -> people_events.PersonEvent:
    return people_events.PersonEvent(changed=people_events.PersonChanged(
        person=_person(landlord, person_id, status, version), changed_fields=list(fields), source="import"))


def created(landlord, person_id, status, version) -> people_events.PersonEvent:
    return people_events.PersonEvent(created=people_events.PersonCreated(
        person=_person(landlord, person_id, status, version), source="import"))


def batch(landlord: str, *events: people_events.PersonEvent):
    """A PeopleChanged in its envelope, as the consumer gets it."""
    return unwrap(wrap(topics.PEOPLE, landlord, landlord, people_events.PeopleChanged(events=list(events)),
                       FixedClock().now()).envelope)


def one(landlord: str, event: people_events.PersonEvent):
    """The event on its own (PersonCreated or PersonChanged) in its envelope."""
    message = getattr(event, event.WhichOneof("event"))
    return unwrap(wrap(topics.PEOPLE, landlord, message.person.person_id, message, FixedClock().now()).envelope)


def handle(groups, landlord: str, *envelopes) -> None:
    """One consumer transaction over these envelopes, committed."""
    with groups.runtime.uow(landlord) as unit:
        handlers.people_event_batch(unit, list(envelopes))
        unit.commit()


def make_groups(groups, people, landlord: str, ids: list[str]) -> None:
    for reference, person_ids in (("Acacia Court residents", ids), ("Tenant panel", ids[::2])):
        with groups.runtime.uow(landlord) as unit:
            service.create_admin_group(unit, people, user_id="u1", reference=reference, description="",
                                       person_ids=person_ids)


def state(groups, landlord: str) -> dict:
    """What people events change, by group reference: members, member counts, the archived, events published."""
    with groups.runtime.uow(landlord) as unit:
        found = {}
        for group in service.list_admin_groups(unit, text="", page=1, page_size=10)[1]:
            total, listed = members.list_members(unit, group_id=group.group_id, page=1, page_size=100)
            found[group.reference] = (group.member_count, total, sorted(m.person_id for m in listed))
        archived = sorted(unit.session.execute(select(archived_people.c.person_id).where(
            archived_people.c.landlord_id == landlord)).scalars())
    published = sorted((e.person_id, e.version, len(e.admin_group_ids)) for e in outbox_events(groups, landlord))
    return {"groups": found, "archived": archived, "published": published}


def test_a_batch_that_archives_several_people_takes_them_out_of_admin_groups(groups, people, landlord):
    ids = sorted(people.add(5))
    make_groups(groups, people, landlord, ids)
    newcomer = people.add(1)[0]
    before = len(outbox_events(groups, landlord))

    handle(groups, landlord, batch(landlord, changed(landlord, ids[0], "archived", 2),
                                   changed(landlord, ids[1], "archived", 4),
                                   created(landlord, newcomer, "current", 1),
                                   changed(landlord, ids[2], "current", 3, fields=["first_name"]),
                                   changed(landlord, ids[3], "archived", 2)))

    found = state(groups, landlord)
    assert found["groups"] == {"Acacia Court residents": (2, 2, sorted([ids[2], ids[4]])),
                               "Tenant panel": (2, 2, sorted([ids[2], ids[4]]))}
    assert found["archived"] == sorted(ids[:2] + [ids[3]])
    left = outbox_events(groups, landlord)[before:]
    assert sorted((e.person_id, list(e.admin_group_ids)) for e in left) == [(p, []) for p in found["archived"]]


@pytest.mark.parametrize("together", [False, True], ids=["apart", "in-one-transaction"])
def test_an_older_archiving_after_a_newer_restoring_leaves_the_person_current(groups, people, landlord, together):
    ids = sorted(people.add(2))
    make_groups(groups, people, landlord, ids)
    restored = batch(landlord, changed(landlord, ids[0], "current", 3))
    archived = batch(landlord, changed(landlord, ids[0], "archived", 2), changed(landlord, ids[1], "archived", 2))
    if together:
        handle(groups, landlord, restored, archived)
    else:
        handle(groups, landlord, restored)
        handle(groups, landlord, archived)

    found = state(groups, landlord)
    assert found["archived"] == [ids[1]]
    assert found["groups"]["Acacia Court residents"] == (1, 1, [ids[0]])
    assert found["groups"]["Tenant panel"] == (1, 1, [ids[0]])


def test_an_older_status_on_its_own_after_a_newer_batch_is_ignored(groups, people, landlord):
    ids = sorted(people.add(2))
    make_groups(groups, people, landlord, ids)
    handle(groups, landlord, batch(landlord, changed(landlord, ids[0], "archived", 5)))
    handle(groups, landlord, one(landlord, changed(landlord, ids[0], "current", 4)))
    assert state(groups, landlord)["archived"] == [ids[0]]
    handle(groups, landlord, one(landlord, changed(landlord, ids[0], "current", 6)))
    assert state(groups, landlord)["archived"] == []


def test_the_same_batch_again_changes_nothing(groups, people, landlord):
    ids = sorted(people.add(4))
    make_groups(groups, people, landlord, ids)
    envelope = batch(landlord, changed(landlord, ids[0], "archived", 2), changed(landlord, ids[1], "current", 7),
                     changed(landlord, ids[2], "archived", 3))
    handle(groups, landlord, envelope)
    once = state(groups, landlord)

    handle(groups, landlord, envelope)
    handle(groups, landlord, envelope, envelope)

    assert state(groups, landlord) == once
    assert once["archived"] == sorted([ids[0], ids[2]])


def test_a_batch_offered_again_after_its_first_part_was_taken_ends_as_if_taken_once(groups, people, landlord):
    ids = sorted(people.add(5))
    newcomer = people.add(1)[0]

    def events(landlord_id: str) -> list[people_events.PersonEvent]:
        return [changed(landlord_id, ids[0], "archived", 2), changed(landlord_id, ids[1], "current", 3),
                created(landlord_id, newcomer, "current", 1), changed(landlord_id, newcomer, "archived", 1),
                changed(landlord_id, ids[3], "archived", 9), changed(landlord_id, ids[4], "current", 2, ["email"])]

    other = "ffffffff-0000-0000-0000-" + landlord[-12:]
    make_groups(groups, people, other, ids)
    handle(groups, other, batch(other, *events(other)))

    make_groups(groups, people, landlord, ids)
    handle(groups, landlord, batch(landlord, *events(landlord)[:3]))  # then the consumer stopped
    handle(groups, landlord, batch(landlord, *events(landlord)))

    assert state(groups, landlord) == state(groups, other)
    assert state(groups, landlord)["archived"] == sorted([ids[0], ids[3], newcomer])
