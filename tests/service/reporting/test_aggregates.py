"""The aggregates on embedded storage: people events handled once each whatever order and however often
they come (the newest version of each person wins), households' occupancy, birthdays moving people to their
new age on the day, and the recount's last step putting any drifted count right."""
from __future__ import annotations

import datetime as dt
import random
import uuid

from services.common.bus import Message
from services.common.consumers import idempotent
from services.common.envelope import payload_as, unwrap, wrap
from services.common import topics
from services.gen.tracker.groups.v1 import events_pb2 as groups_pb2
from services.gen.tracker.households.v1 import events_pb2 as households_pb2
from services.gen.tracker.profiles.v1 import events_pb2
from services.reporting import handlers, maintenance, service, tables
from services.reporting.choice_fields import ChoiceFields
from services.reporting.contacts import service as contacts
from services.reporting.contacts.domain import ContactState
from services.reporting.domain import KNOWN, MembershipState, PersonState
from services.reporting.store import AggregateStore

NOW = dt.datetime(2027, 3, 9, 12, tzinfo=dt.timezone.utc)


def person_event(landlord: str, person_id: str, version: int, status="current", born="", **options) -> Message:
    person = events_pb2.PersonChanged().person
    person.person_id, person.landlord_id, person.version, person.status = person_id, landlord, version, status
    person.fields.update({"date_of_birth": born or None})
    for name, ids in options.items():
        person.options[name].ids.extend(ids)
    event = wrap(topics.PEOPLE, landlord, person_id, events_pb2.PersonChanged(person=person), NOW)
    return Message(topic=topics.PEOPLE, key=event.key, value=event.envelope)


def household_event(landlord: str, household_id: str, version: int, occupants: int, **profile) -> Message:
    changed = households_pb2.HouseholdChanged(household_id=household_id, version=version, occupant_count=occupants,
                                              occupant_ids=[f"P{i}" for i in range(occupants)])
    changed.property_profile.update(profile)
    event = wrap(topics.HOUSEHOLDS, landlord, household_id, changed, NOW)
    return Message(topic=topics.HOUSEHOLDS, key=event.key, value=event.envelope)


def consumer(reporting, name="reporting.people", handler=handlers.people_event, batch=handlers.people_event_batch):
    return idempotent(name, tables.processed_events, lambda lid: reporting.runtime.uow(lid), handler, batch)


def counts(reporting, landlord) -> dict:
    with reporting.runtime.uow(landlord, read_only=True) as uow:
        return service.counts(uow)


def test_events_twice_and_out_of_order_leave_the_counts_of_the_newest_states(reporting, landlord):
    history = [person_event(landlord, "P1", 1, gender=["F"]), person_event(landlord, "P1", 2, gender=["M"]),
               person_event(landlord, "P2", 1, gender=["F"]), person_event(landlord, "P1", 3, "archived", gender=["M"]),
               person_event(landlord, "P2", 2, gender=["F"], disability=["Y"]), person_event(landlord, "P3", 1)]
    in_order = consumer(reporting)
    for message in history:
        in_order(message)
    expected = counts(reporting, landlord)
    assert expected == {("status", "current"): 2, ("status", "archived"): 1, ("gender", "F"): 1,
                        ("gender", KNOWN): 1, ("disability", "Y"): 1, ("disability", KNOWN): 1}
    for seed in range(5):  # other orders, each event twice, one at a time and in batches
        shuffled = history * 2
        random.Random(seed).shuffle(shuffled)
        with reporting.runtime.uow(landlord) as uow:  # start again from nothing
            for table in (tables.counts, tables.counted_people, tables.processed_events):
                uow.session.execute(table.delete())
            uow.commit()
        handle = consumer(reporting)
        handle.batch(shuffled[:5])
        for message in shuffled[5:]:
            handle(message)
        assert counts(reporting, landlord) == expected, seed


def households_consumer(reporting, types: dict[str, str] | None = None, fetched: list | None = None):
    """The households consumer, told the custom fields' types as profiles' set-up would tell it."""
    def fetch() -> dict[str, str]:
        if fetched is not None:
            fetched.append(dict(types or {}))
        return dict(types or {})
    households = handlers.Households(ChoiceFields(fetch, reporting.runtime.clock.now))
    return consumer(reporting, "reporting.households", households.event, households.batch)


def test_occupied_properties_follow_the_newest_state_of_each_household(reporting, landlord):
    handle = households_consumer(reporting)
    handle.batch([household_event(landlord, "H1", 2, 0), household_event(landlord, "H1", 1, 2),
                  household_event(landlord, "H2", 1, 1), household_event(landlord, "H3", 1, 3)])
    assert counts(reporting, landlord) == {("properties", "occupied"): 2}
    handle(household_event(landlord, "H2", 2, 0))
    assert counts(reporting, landlord) == {("properties", "occupied"): 1}


def test_occupants_count_towards_their_homes_choice_fields_and_move_with_them(reporting, landlord):
    types = {"estate": "choice", "features": "multi_choice", "note": "text"}
    fetched: list = []
    handle = households_consumer(reporting, types, fetched)
    handle.batch([household_event(landlord, "H1", 1, 3, estate="E1", features=["lift"], note="by the park"),
                  household_event(landlord, "H2", 1, 2, estate="E1"), household_event(landlord, "H3", 1, 1)])
    assert counts(reporting, landlord) == {("properties", "occupied"): 3, ("cf.estate", "E1"): 5,
                                           ("cf.estate", KNOWN): 5, ("cf.features", "lift"): 3,
                                           ("cf.features", KNOWN): 3}
    assert len(fetched) == 1  # the types fetched once: the text field is known not to be a choice
    handle(household_event(landlord, "H1", 3, 2, estate="E2"))  # one moved out; the estate corrected
    handle(household_event(landlord, "H1", 2, 3, estate="E9"))  # an older state, late: changes nothing
    assert counts(reporting, landlord) == {("properties", "occupied"): 3, ("cf.estate", "E1"): 2,
                                           ("cf.estate", "E2"): 2, ("cf.estate", KNOWN): 4}
    with reporting.runtime.uow(landlord) as uow:
        assert service.settle_counts(uow) == []  # the households' weighted facts add up to the counts


def test_people_move_to_their_new_age_on_their_birthday_and_not_before(reporting, landlord, clock):
    handle = consumer(reporting)
    handle(person_event(landlord, "P1", 1, born="1962-03-10"))  # 65 tomorrow
    handle(person_event(landlord, "P2", 1, born="2011-03-09"))  # 16 today
    assert {v for (c, v) in counts(reporting, landlord) if c == "age"} == {"64", "16", KNOWN}
    with reporting.runtime.uow(landlord) as uow:
        assert service.age_people(uow) == 0
        uow.commit()
    clock.move(dt.timedelta(days=1))
    with reporting.runtime.uow(landlord) as uow:
        assert service.age_people(uow) == 1
        uow.commit()
    ages = {v: n for (c, v), n in counts(reporting, landlord).items() if c == "age"}
    assert ages == {"65": 1, "16": 1, KNOWN: 2}
    clock.move(dt.timedelta(days=366))
    with reporting.runtime.uow(landlord) as uow:
        assert service.age_people(uow) == 2
        uow.commit()
    assert {v: n for (c, v), n in counts(reporting, landlord).items() if c == "age"} == {"66": 1, "17": 1, KNOWN: 2}


def test_settling_puts_a_drifted_count_right_and_says_which(reporting, landlord):
    with reporting.runtime.uow(landlord) as uow:
        service.count_people(uow, [PersonState("P1", 1, "current", None, {"gender": ("F",)}),
                                   PersonState("P2", 1, "current", None, {"gender": ("M",)})])
        AggregateStore(uow.session, landlord).add({("gender", "F"): 3, ("area", "gone"): 1})  # drift
        uow.commit()
    with reporting.runtime.uow(landlord) as uow:
        differences = service.settle_counts(uow)
        uow.commit()
    assert {(d.characteristic, d.value, d.held, d.recounted) for d in differences} == {
        ("gender", "F", 4, 1), ("area", "gone", 1, 0)}
    assert counts(reporting, landlord)[("gender", "F")] == 1
    with reporting.runtime.uow(landlord) as uow:
        assert service.settle_counts(uow) == []


class Source:
    """Profiles and households as the recount reads them: the people, households and field types held now."""

    def __init__(self, people: list[PersonState], households: list, types: dict[str, str], groups=(), contacts=()):
        self.people, self.households, self.types, self.groups = people, households, types, list(groups)
        self.contacts = list(contacts)

    def people_states(self):
        yield self.people

    def custom_field_types(self) -> dict[str, str]:
        return self.types

    def states(self):
        yield self.households

    def memberships(self):
        yield self.groups

    def contact_states(self):
        yield self.contacts


def test_the_recount_counts_everyone_as_their_source_holds_them_and_says_how_many_were_behind(reporting, landlord):
    consumer(reporting).batch([person_event(landlord, "P1", 1, gender=["F"]), person_event(landlord, "P2", 1, gender=["M"]),
                               person_event(landlord, "P3", 1, status="archived")])
    households_consumer(reporting, {"estate": "choice"})(household_event(landlord, "H1", 1, 2, estate="E1"))
    # events missed: P2 changed, H1 lost an occupant and moved estate, H2 became occupied
    people = [PersonState("P1", 1, "current", None, {"gender": ("F",)}),
              PersonState("P2", 2, "current", None, {"gender": ("F",)}), PersonState("P3", 1, "archived", None, {})]
    homes = [households_pb2.HouseholdChanged(household_id=h, version=v, occupant_count=n) for h, v, n in
             (("H1", 2, 1), ("H2", 1, 1))]
    homes[0].property_profile.update({"estate": "E2"})
    homes[1].property_profile.update({"estate": "E1"})
    source = Source(people, homes, {"estate": "choice"},
                    [MembershipState("P1", 3, {"admin_group": ("G1",), "activity": ()}),
                     MembershipState("P3", 1, {"admin_group": ("G1",), "activity": ()})],  # archived: counts nowhere
                    [ContactState("C1", 1, "P1", "phoned", "Phoned", "no_answer", dt.date(2027, 3, 1), False)])
    found = maintenance.recount_landlord(reporting.runtime, source, source, source, source, landlord)
    assert (found.people_behind, found.households_behind, found.groups_behind, found.differences) == (1, 2, 2, [])
    assert found.contacts_behind == 1
    held = counts(reporting, landlord)
    assert (held[("gender", "F")], held.get(("gender", "M"), 0), held[("properties", "occupied")]) == (2, 0, 2)
    assert (held[("cf.estate", "E1")], held[("cf.estate", "E2")], held[("admin_group", "G1")]) == (1, 1, 1)
    with reporting.runtime.uow(landlord, read_only=True) as uow:
        assert contacts.report(uow, month="2027-03").records.count == 1
    again = maintenance.recount_landlord(reporting.runtime, source, source, source, source, landlord)
    assert (again.people_behind, again.households_behind, again.groups_behind, again.differences,
            again.contacts_behind) == (0, 0, 0, [], 0)


def groups_event(landlord: str, person_id: str, version: int, groups=(), activities=()) -> Message:
    changed = groups_pb2.PersonGroupsChanged(person_id=person_id, version=version, admin_group_ids=list(groups),
                                             activity_ids=list(activities))
    event = wrap(topics.GROUPS, landlord, person_id, changed, NOW)
    return Message(topic=topics.GROUPS, key=event.key, value=event.envelope)


def groups_batch(landlord: str, *states: Message) -> Message:
    """These one-person events' states in one PeopleGroupsChanged on the bulk lane, as groups publishes a bulk
    change."""
    batch = groups_pb2.PeopleGroupsChanged(people=[payload_as(unwrap(m.value), groups_pb2.PersonGroupsChanged)
                                                   for m in states])
    event = wrap(topics.GROUPS_BULK, landlord, batch.people[0].person_id, batch, NOW)
    return Message(topic=topics.GROUPS_BULK, key=event.key, value=event.envelope)


def memberships(reporting, landlord) -> dict:
    return {fact: n for fact, n in counts(reporting, landlord).items() if fact[0] in ("admin_group", "activity")}


def test_current_people_count_towards_their_groups_and_activities_whatever_order_the_two_topics_come_in(
        reporting, landlord):
    people = consumer(reporting)
    groups = consumer(reporting, "reporting.groups", handlers.groups_event, handlers.groups_event_batch)
    groups(groups_event(landlord, "P1", 1, groups=["G1"], activities=["A1"]))  # before the person is counted
    assert memberships(reporting, landlord) == {}  # not known as current yet
    people.batch([person_event(landlord, "P1", 1, gender=["F"]), person_event(landlord, "P2", 1)])
    groups.batch([groups_event(landlord, "P2", 2, activities=["A1", "A2"]), groups_event(landlord, "P2", 1, groups=["G9"]),
                  groups_event(landlord, "P2", 2, activities=["A1", "A2"])])  # reordered and twice
    assert memberships(reporting, landlord) == {("admin_group", "G1"): 1, ("admin_group", "*"): 1,
                                                ("activity", "A1"): 2, ("activity", "A2"): 1, ("activity", "*"): 2}
    people(person_event(landlord, "P1", 2, gender=["M"]))  # an edit keeps their groups
    assert memberships(reporting, landlord)[("admin_group", "G1")] == 1
    people(person_event(landlord, "P2", 2, status="archived"))  # archived: no longer counted anywhere
    groups(groups_event(landlord, "P1", 2, activities=["A2"]))  # left G1 and A1
    assert memberships(reporting, landlord) == {("activity", "A2"): 1, ("activity", "*"): 1}
    people(person_event(landlord, "P2", 3))  # back: their groups as last heard of
    assert memberships(reporting, landlord)[("activity", "A2")] == 2
    with reporting.runtime.uow(landlord) as uow:
        assert service.settle_counts(uow) == []


def test_batches_of_groups_states_count_exactly_under_redelivery_and_reordering_across_lanes(reporting, landlord):
    consumer(reporting).batch([person_event(landlord, p, 1) for p in ("P1", "P2", "P3")])
    one = consumer(reporting, "reporting.groups", handlers.groups_event, handlers.groups_event_batch)
    bulk = consumer(reporting, "reporting.groups.bulk", handlers.groups_event, handlers.groups_event_batch)
    one(groups_event(landlord, "P3", 5))  # P3 left G1 on the one-person lane before the batch that put P3 in came
    batch = groups_batch(landlord, groups_event(landlord, "P1", 2, groups=["G1"]),
                         groups_event(landlord, "P2", 1, groups=["G1", "G2"]), groups_event(landlord, "P3", 4, groups=["G1"]))
    bulk.batch([batch])
    one(groups_event(landlord, "P1", 1, groups=["G2"]))  # older than the batch's state of P1
    bulk.batch([batch])  # the same event again
    bulk(groups_batch(landlord, groups_event(landlord, "P2", 1, groups=["G1", "G2"])))  # an old state, a new event
    assert memberships(reporting, landlord) == {("admin_group", "G1"): 2, ("admin_group", "G2"): 1,
                                                ("admin_group", "*"): 2}
    with reporting.runtime.uow(landlord) as uow:
        assert service.settle_counts(uow) == []


def test_the_people_count_shows_current_and_archived_whether_the_events_came_one_by_one_or_together(
        reporting, landlord):
    created, archived = person_event(landlord, "P1", 1), person_event(landlord, "P1", 2, "archived")
    together = consumer(reporting)
    together.batch([created, archived])  # a busy consumer takes both at once: P1 was never counted as current
    with reporting.runtime.uow(landlord, read_only=True) as uow:
        assert service.people_count(uow) == (0, {"current": 0, "archived": 1})
    with reporting.runtime.uow(str(uuid.uuid4()), read_only=True) as uow:
        assert service.people_count(uow) == (0, {"current": 0, "archived": 0}), "a landlord with nobody yet"
