"""Profiles keeps what households, groups and messaging say about people (tracker.households.v1,
tracker.groups.v1, tracker.messaging.v1) and reindexes the people concerned: newest version wins, people a
household no longer lists live nowhere (unless they moved on already), and people
search finds them by those facts. Embedded storage (SQLite, embedded index)."""
from __future__ import annotations

import uuid

import pytest

from services.common import topics
from services.common.bus import Message
from services.common.clock import FixedClock
from services.common.consumers import idempotent
from services.common.envelope import wrap
from services.gen.tracker.groups.v1 import events_pb2 as groups_events
from services.gen.tracker.households.v1 import events_pb2 as households_events
from services.gen.tracker.messaging.v1 import events_pb2 as messaging_events
from services.profiles import handlers, search, service, tables
from services.profiles.facts import service as facts_service
from services.profiles.setup import service as setup_service
from services.profiles.facts.domain import GroupFacts
from services.profiles.facts.store import FactsRepository
from services.profiles.search import indexing
from services.profiles.search.store import SearchVersions
from services.common.dates import years_before
from tests.service.profiles import people_events

G1, G2, A1, A2 = (str(uuid.uuid4()) for _ in range(4))


def ten_years_ago(profiles) -> str:
    """A child's date of birth: ten years before the service clock's today."""
    return years_before(profiles.runtime.clock.today(), 10).isoformat()


@pytest.fixture
def people(profiles, landlord) -> dict[str, str]:
    """Ann, Ben (a child) and Cal, indexed: name -> person id."""
    born = {"Ann": "1980-02-03", "Ben": ten_years_ago(profiles), "Cal": "1950-07-08"}
    ids = {}
    with profiles.runtime.uow(landlord) as uow:
        for n, (name, dob) in enumerate(born.items()):
            ids[name] = service.add_person(uow, raw={"personal_ref": f"R{n}", "first_name": name, "surname": "Example",
                                                     "date_of_birth": dob}, user_id="U1")[0].person_id
    with profiles.runtime.uow(landlord) as uow:
        indexing.index_people(uow, profiles.index, person_ids=ids.values())
        uow.commit()
    return ids


class Sender:
    """Events to profiles' consumers, through the idempotent wrapper the runtime uses."""

    def __init__(self, profiles, landlord: str):
        self.profiles, self.landlord = profiles, landlord
        self.consumers = {topic: idempotent(group, tables.processed_events, profiles.runtime.uow, handler.event,
                                            handler.batch)
                          for topic, group, handler in (
                              (topics.HOUSEHOLDS, "profiles.households", handlers.households_consumer(profiles.index)),
                              (topics.GROUPS, "profiles.groups", handlers.groups_consumer(profiles.index)),
                              (topics.GROUPS_BULK, "profiles.groups.bulk", handlers.groups_consumer(profiles.index)),
                              (topics.MESSAGING, "profiles.messaging", handlers.messaging_consumer(profiles.index)))}

    def messages(self, topic: str, events: list) -> list[Message]:
        out = []
        for event in events:
            entity = getattr(event, "household_id", "") or getattr(event, "communication_id", "") or event.person_id
            sent = wrap(topic, self.landlord, entity, event, FixedClock().now())
            out.append(Message(topic=topic, key=sent.key, value=sent.envelope))
        return out

    def households(self, *events) -> list[Message]:
        messages = self.messages(topics.HOUSEHOLDS, list(events))
        self.consumers[topics.HOUSEHOLDS].batch(messages)
        return messages

    def groups(self, *events) -> list[Message]:
        messages = self.messages(topics.GROUPS, list(events))
        self.consumers[topics.GROUPS].batch(messages)
        return messages

    def groups_batch(self, *events) -> list[Message]:
        """The states in one PeopleGroupsChanged on the bulk lane, as groups publishes a bulk change."""
        sent = wrap(topics.GROUPS_BULK, self.landlord, events[0].person_id,
                    groups_events.PeopleGroupsChanged(people=list(events)), FixedClock().now())
        messages = [Message(topic=topics.GROUPS_BULK, key=sent.key, value=sent.envelope)]
        self.consumers[topics.GROUPS_BULK].batch(messages)
        return messages

    def contacts(self, *events) -> list[Message]:
        messages = self.messages(topics.MESSAGING, list(events))
        self.consumers[topics.MESSAGING].batch(messages)
        return messages


@pytest.fixture
def send(profiles, landlord) -> Sender:
    return Sender(profiles, landlord)


def household(household_id: str, version: int, *occupants: str, youngest: str = "", property_profile=None,
              household_profile=None) -> households_events.HouseholdChanged:
    event = households_events.HouseholdChanged(household_id=household_id, version=version, occupant_ids=occupants,
                                               occupant_count=len(occupants), youngest_date_of_birth=youngest)
    event.property_profile.update(property_profile or {})
    event.household_profile.update(household_profile or {})
    return event


def groups(person_id: str, version: int, admin=(), activities=(), participations=()):
    return groups_events.PersonGroupsChanged(
        person_id=person_id, version=version, admin_group_ids=admin, activity_ids=activities,
        participations=[groups_events.Participation(activity_id=a, date=d) for a, d in participations])


def found(profiles, landlord: str, criteria: dict) -> set[str]:
    with profiles.runtime.uow(landlord, read_only=True) as uow:
        found = service.search_people(uow, profiles.index, criteria=criteria, page=search.Page(size=100))
    return {row.id for row in found.rows}


def lives_in(profiles, landlord: str, person_ids) -> dict[str, str | None]:
    with profiles.runtime.uow(landlord) as uow:
        facts = FactsRepository(uow.session, landlord).get_many(person_ids)
    return {p: facts[p].household.household_id if p in facts and facts[p].household else None for p in person_ids}


# -- households --------------------------------------------------------------------------------------------------------

def test_household_facts_make_people_findable(profiles, landlord, people, send):
    ann, ben, cal = people["Ann"], people["Ben"], people["Cal"]
    child_dob = ten_years_ago(profiles)
    send.households(household("h1", 1, ann, ben, youngest=child_dob), household("h2", 1, cal, youngest="1950-07-08"))
    assert found(profiles, landlord, {"household": {"occupants": {"min": 2}}}) == {ann, ben}
    assert found(profiles, landlord, {"household": {"child_under": 16}}) == {ann, ben}
    assert found(profiles, landlord, {"household": {"child_under": 10}}) == set()
    assert found(profiles, landlord, {"household_id": ["h2"]}) == {cal}


def test_an_older_version_of_a_household_changes_nothing(profiles, landlord, people, send):
    ann, ben = people["Ann"], people["Ben"]
    send.households(household("h1", 3, ann))
    send.households(household("h1", 2, ann, ben))  # arrives late
    assert lives_in(profiles, landlord, [ann, ben]) == {ann: "h1", ben: None}
    assert found(profiles, landlord, {"household": {"occupants": {"min": 1}}}) == {ann}
    send.households(household("h1", 5, ann, ben), household("h1", 4, ann))  # one batch: the newest wins
    assert lives_in(profiles, landlord, [ann, ben]) == {ann: "h1", ben: "h1"}
    send.households(household("h1", 5, ann))  # the same version again: old news
    assert found(profiles, landlord, {"household": {"occupants": {"min": 2}}}) == {ann, ben}


def test_people_a_household_no_longer_lists_live_nowhere_unless_they_moved_on(profiles, landlord, people, send):
    ann, ben, cal = people["Ann"], people["Ben"], people["Cal"]
    send.households(household("h1", 1, ann, ben), household("h2", 1, cal))
    send.households(household("h2", 2, cal, ben))  # Ben moves: h2 says so first ...
    send.households(household("h1", 2, ann))  # ... then h1 drops him: he stays in h2
    assert lives_in(profiles, landlord, [ann, ben, cal]) == {ann: "h1", ben: "h2", cal: "h2"}
    send.households(household("h1", 3))  # Ann archived: h1 is empty (kept, not occupied)
    assert lives_in(profiles, landlord, [ann, ben, cal]) == {ann: None, ben: "h2", cal: "h2"}
    assert found(profiles, landlord, {"household_id": ["h1"]}) == set()
    assert found(profiles, landlord, {"household_id": ["h2"], "household": {"occupants": {"min": 2}}}) == {ben, cal}
    assert found(profiles, landlord, {"any_of": [{"household_id": ["h1"]}, {"household": {"occupants": {"min": 1}}}]}) \
        == {ben, cal}


def test_household_custom_values_are_searchable(profiles, landlord, people, send):
    with profiles.runtime.uow(landlord) as uow:
        bedrooms = setup_service.add_custom_field(uow, label="Bedrooms", type="number", applies_to="property")
    with profiles.runtime.uow(landlord) as uow:
        garden = setup_service.add_custom_field(uow, label="Garden", type="multi_choice", applies_to="household",
                                                options=["Front", "Back"])
    with profiles.runtime.uow(landlord) as uow:
        options = {u.item.label: u.item.option_id
                   for u in setup_service.option_list(uow, list_name=garden.list_name).items}
    ann, cal = people["Ann"], people["Cal"]
    send.households(household("h1", 1, ann, property_profile={bedrooms.field_id: 3},
                              household_profile={garden.field_id: [options["Back"], options["Front"]]}),
                    household("h2", 1, cal, property_profile={bedrooms.field_id: 1}))
    assert found(profiles, landlord, {"household": {"custom": {"bedrooms": {"min": 2}}}}) == {ann}
    assert found(profiles, landlord, {"household": {"custom": {"garden": ["Front"]}}}) == {ann}
    assert found(profiles, landlord, {"household": {"custom": {"garden": ["Not known"]}}}) == {cal, people["Ben"]}
    with profiles.runtime.uow(landlord) as uow:
        in_use = {u.item.key: u.in_use for u in setup_service.custom_fields(uow)}
    assert in_use == {"bedrooms": 2, "garden": 1}  # households with a value


def test_household_facts_update_documents_in_place(profiles, landlord, people, send):
    with profiles.runtime.uow(landlord) as uow:
        bedrooms = setup_service.add_custom_field(uow, label="Bedrooms", type="number", applies_to="property")
    ann, ben, cal = people["Ann"], people["Ben"], people["Cal"]
    held = profiles.index.versions(search.INDEX, landlord, [ann, ben, cal])
    whole = written_whole(profiles)
    send.households(household("h1", 1, ann, ben, property_profile={bedrooms.field_id: 3}))
    send.households(household("h1", 2, ann, property_profile={bedrooms.field_id: 4}), household("h2", 1, ben))
    assert whole == []  # every document updated in place, no record read
    assert profiles.index.versions(search.INDEX, landlord, [ann, ben, cal]) == {
        ann: held[ann] + 2, ben: held[ben] + 2, cal: held[cal]}
    assert found(profiles, landlord, {"household": {"custom": {"bedrooms": {"min": 4}}, "occupants": {"max": 1}},
                                      "surname": "exam"}) == {ann}
    assert found(profiles, landlord, {"household_id": ["h2"]}) == {ben}
    assert found(profiles, landlord, {"household": {"custom": {"bedrooms": {"min": 0}}}}) == {ann}  # h2: no value
    send.households(household("h2", 2))  # nobody lives there now: Ben's household fields emptied in place
    assert found(profiles, landlord, {"household": {"occupants": {"min": 1}}}) == {ann}
    assert found(profiles, landlord, {"household_id": ["h1", "h2"]}) == {ann}
    assert whole == []


# -- groups ------------------------------------------------------------------------------------------------------------

def test_groups_facts_make_people_findable_and_old_versions_change_nothing(profiles, landlord, people, send):
    ann, ben, cal = people["Ann"], people["Ben"], people["Cal"]
    send.groups(groups(ann, 1, admin=[G1], activities=[A1], participations=[(A1, "2025-03-01")]),
                groups(ben, 1, admin=[G2], activities=[A2], participations=[(A2, "2024-06-01")]))
    assert found(profiles, landlord, {"admin_group": [G1]}) == {ann}
    assert found(profiles, landlord, {"not_admin_group": [G1]}) == {ben, cal}
    assert found(profiles, landlord, {"activity": [A2]}) == {ben}
    assert found(profiles, landlord, {"not_activity": [A1, A2]}) == {cal}
    assert found(profiles, landlord, {"participated": {"since": "2025-01-01"}}) == {ann}
    assert found(profiles, landlord, {"participated": {"activity": [A2], "since": "2024-01-01"}}) == {ben}
    assert found(profiles, landlord, {"participated": {"activity": [A1], "until": "2024-12-31"}}) == set()

    send.groups(groups(ann, 3, activities=[A1]))  # left admin group G1
    send.groups(groups(ann, 2, admin=[G1, G2]))  # old news
    assert found(profiles, landlord, {"admin_group": [G1, G2]}) == {ben}
    assert found(profiles, landlord, {"participated": {"since": "2020-01-01"}}) == {ben}


def test_a_redelivered_event_changes_nothing(profiles, landlord, people, send):
    ann = people["Ann"]
    first = send.groups(groups(ann, 1, admin=[G1]))
    send.groups(groups(ann, 2))
    send.consumers[topics.GROUPS].batch(first)  # the same event id again
    assert found(profiles, landlord, {"admin_group": [G1]}) == set()


def test_batches_of_groups_states_are_exact_under_redelivery_and_reordering_across_lanes(profiles, landlord, people,
                                                                                        send):
    ann, ben, cal = people["Ann"], people["Ben"], people["Cal"]
    send.groups(groups(cal, 5))  # Cal left G2 on the one-person lane before the batch that put him in came
    batch = send.groups_batch(groups(ann, 2, admin=[G1]), groups(ben, 1, admin=[G1, G2]), groups(cal, 4, admin=[G2]))
    send.groups(groups(ann, 1, admin=[G2]))  # older than the batch's state of Ann: changes nothing
    assert found(profiles, landlord, {"admin_group": [G1]}) == {ann, ben}
    assert found(profiles, landlord, {"admin_group": [G2]}) == {ben}
    send.groups(groups(ben, 2, admin=[G2]))  # Ben left G1
    send.consumers[topics.GROUPS_BULK].batch(batch)  # the batch again (same event id): changes nothing
    send.groups_batch(groups(ben, 1, admin=[G1, G2]), groups(cal, 4, admin=[G2]))  # its states again, as a new event
    assert found(profiles, landlord, {"admin_group": [G1]}) == {ann}
    assert found(profiles, landlord, {"admin_group": [G2]}) == {ben}


def written_whole(profiles) -> list[str]:
    """The ids of every document written whole from now on (rather than updated in place); the fixture
    `profiles` is built anew for each test, so its index is changed for this one only."""
    written, write_whole = [], profiles.index.index_many

    def index_many(name, landlord_id, documents, versions=None):
        written.extend(documents)
        return write_whole(name, landlord_id, documents, versions)
    profiles.index.index_many = index_many
    return written


def test_groups_facts_update_documents_in_place_and_one_behind_is_written_whole(profiles, landlord, people, send):
    ann, ben = people["Ann"], people["Ben"]
    with profiles.runtime.uow(landlord) as uow:  # Ben's document fell behind: a write of it never landed
        SearchVersions(uow.session, landlord).count_up([ben])
        uow.commit()
    held = profiles.index.versions(search.INDEX, landlord, [ann, ben])
    whole = written_whole(profiles)
    send.groups(groups(ann, 1, admin=[G1]), groups(ben, 1, admin=[G1], activities=[A1]))
    assert whole == [ben]  # Ann's groups fields updated in place, her record not read
    assert profiles.index.versions(search.INDEX, landlord, [ann, ben]) == {ann: held[ann] + 1, ben: held[ben] + 2}
    assert found(profiles, landlord, {"admin_group": [G1], "surname": "exam"}) == {ann, ben}
    assert found(profiles, landlord, {"activity": [A1]}) == {ben}
    send.groups(groups(ann, 2))  # left every group: the fields emptied in place
    assert found(profiles, landlord, {"admin_group": [G1]}) == {ben}
    assert found(profiles, landlord, {"not_admin_group": [G1]}) == {ann, people["Cal"]}
    assert whole == [ben]


def test_reindexing_a_person_keeps_their_facts(profiles, landlord, people, send):
    ann = people["Ann"]
    send.households(household("h1", 1, ann))
    send.groups(groups(ann, 1, admin=[G1]))
    with profiles.runtime.uow(landlord) as uow:
        service.change_person(uow, person_id=ann, raw={"surname": "Changed"}, user_id="U1")
    indexer = handlers.search_indexer(profiles.index)
    with profiles.runtime.uow(landlord) as uow:  # the search indexer handles the PersonChanged
        indexer.event(uow, people_events.changed(landlord, ann))
    assert found(profiles, landlord, {"admin_group": [G1], "household_id": ["h1"], "surname": "chan"}) == {ann}
    with profiles.runtime.uow(landlord) as uow:
        done = indexing.reindex_landlord(uow, profiles.index)
    assert done == 3
    assert found(profiles, landlord, {"admin_group": [G1], "household": {"occupants": {"max": 1}}}) == {ann}


def test_documents_are_written_only_once_their_change_commits(profiles, landlord, people):
    ann = people["Ann"]
    held = profiles.index.versions(search.INDEX, landlord, [ann])
    with profiles.runtime.uow(landlord) as uow:
        facts_service.record_groups(uow, profiles.index, groups=[GroupFacts(ann, 1, (G1,), (), ())])
        assert profiles.index.versions(search.INDEX, landlord, [ann]) == held, "not before the commit"
    assert profiles.index.versions(search.INDEX, landlord, [ann]) == held, "rolled back: never"
    assert found(profiles, landlord, {"admin_group": [G1]}) == set()
    with profiles.runtime.uow(landlord) as uow:
        facts_service.record_groups(uow, profiles.index, groups=[GroupFacts(ann, 1, (G1,), (), ())])
        uow.commit()
    assert profiles.index.versions(search.INDEX, landlord, [ann]) == {ann: held[ann] + 1}
    assert found(profiles, landlord, {"admin_group": [G1]}) == {ann}


# -- communication records -------------------------------------------------------------------------------------------

def contact(record_id: str, version: int, person_id: str, code="phoned", outcome="no_answer", date="2026-01-05",
            deleted=False, satisfaction=None) -> messaging_events.CommunicationRecorded:
    return messaging_events.CommunicationRecorded(communication_id=record_id, version=version, person_id=person_id,
                                                  communication_code=code, outcome_code=outcome, date=date,
                                                  deleted=deleted, satisfaction=satisfaction)


def test_communication_records_in_any_order_leave_people_found_by_their_newest_state(profiles, landlord, people,
                                                                                      send):
    ann, ben, cal = people["Ann"], people["Ben"], people["Cal"]
    send.contacts(contact("c2", 2, ben, deleted=True), contact("c1", 2, ann, code="visited", outcome="card_left"))
    send.contacts(contact("c1", 1, ann), contact("c2", 1, ben))  # the creations, late: old news
    send.contacts(contact("c3", 1, cal, date="2025-06-30"), contact("c3", 1, cal, date="2025-06-30"))  # twice
    assert found(profiles, landlord, {"contacted": {"code": ["visited"]}}) == {ann}
    assert found(profiles, landlord, {"contacted": {"code": ["phoned"]}}) == {cal}
    assert found(profiles, landlord, {"not_contacted": {}}) == {ben}, "a deletion stays a deletion"
    assert found(profiles, landlord, {"contacted": {"since": "2026-01-01"}}) == {ann}


def test_satisfaction_scores_are_kept_with_the_records_and_found_by_range(profiles, landlord, people, send):
    ann, ben, cal = people["Ann"], people["Ben"], people["Cal"]
    survey = {"code": "questionnaire", "outcome": "completed"}
    send.contacts(contact("s1", 1, ann, **survey, satisfaction=9), contact("s2", 1, ben, **survey, satisfaction=8),
                  contact("s3", 1, cal, code="questionnaire", outcome="declined"))
    send.contacts(contact("s2", 2, ben, **survey, satisfaction=4))  # a result given again: the newer score
    with profiles.runtime.uow(landlord) as uow:
        facts = FactsRepository(uow.session, landlord).get_many([ann, cal])
    assert [(c.outcome, c.satisfaction) for p in (ann, cal) for c in facts[p].contacts] == [
        ("completed", 9), ("declined", None)]
    satisfied = {"code": ["questionnaire"], "satisfaction": {"min": 7}}
    assert found(profiles, landlord, {"contacted": satisfied}) == {ann}
    assert found(profiles, landlord, {"contacted": {"code": ["questionnaire"], "satisfaction": {"max": 6}}}) == {ben}
    assert found(profiles, landlord, {"not_contacted": satisfied}) == {ben, cal}
    send.contacts(contact("s1", 2, ann, **survey, deleted=True))
    assert found(profiles, landlord, {"contacted": satisfied}) == set(), "a deleted record's score stops counting"
