"""People events on embedded storage: each carries the person's version, which grows with every committed
change whichever way it was made (by hand, one by one or in bulk by the import), and the option ids the
record holds, so consumers can keep exact counts whatever order events arrive in."""
from __future__ import annotations

from sqlalchemy import select

from services.common import topics
from services.common.envelope import unwrap
from services.common.people_events import BATCH, person_events
from services.profiles import events, importing, service, tables
from services.profiles.setup.store import read_catalogue


def _topics_and_envelopes(profiles, landlord):
    """(topic, event) of every event in the landlord's outbox, oldest first."""
    o = tables.outbox
    with profiles.runtime.uow(landlord) as uow:
        rows = uow.session.execute(select(o.c.topic, o.c.envelope).where(o.c.landlord_id == landlord)
                                   .order_by(o.c.id)).all()
    return [(topic, unwrap(envelope)) for topic, envelope in rows]


def _envelopes(profiles, landlord):
    """Every event in the landlord's outbox, oldest first."""
    return [envelope for _, envelope in _topics_and_envelopes(profiles, landlord)]


def _people_events(profiles, landlord):
    """The person of every people event in the landlord's outbox (a batch's each), oldest first."""
    return [event.person for event in person_events(_envelopes(profiles, landlord))]


def _versions(profiles, landlord) -> dict[str, int]:
    with profiles.runtime.uow(landlord) as uow:
        people, versions = tables.people, tables.search_versions
        return dict(uow.session.execute(select(people.c.personal_ref, versions.c.version)
                                        .join(versions, versions.c.person_id == people.c.person_id)
                                        .where(people.c.landlord_id == landlord)).all())


def _option_id(profiles, landlord, list_name: str, label: str) -> str:
    with profiles.runtime.uow(landlord) as uow:
        return next(o.option_id for o in read_catalogue(uow.session, landlord).options[list_name] if o.label == label)


def test_versions_grow_with_every_change_by_hand_and_by_import(profiles, landlord):
    with profiles.runtime.uow(landlord) as uow:
        person, _ = service.add_person(uow, raw={"personal_ref": "V1", "first_name": "Ann", "surname": "Lee",
                                                 "tenancy_type": "Non-resident"}, user_id="U1")
    for surname in ("Ray", "Roe"):
        with profiles.runtime.uow(landlord) as uow:
            service.change_person(uow, person_id=person.person_id, raw={"surname": surname}, user_id="U1")
    for surname in ("Imported", "Again"):  # the import's bulk path, which saves people in one statement
        with profiles.runtime.uow(landlord) as uow:
            importing.upsert_people(uow, records=[{"personal_ref": "V2", "first_name": "Bo", "surname": surname},
                                                  {"personal_ref": "V3", "first_name": "Cy", "surname": surname}],
                                    user_id="import")
    events = _people_events(profiles, landlord)
    by_ref = {}
    for event in events:
        by_ref.setdefault(event.personal_ref, []).append(event.version)
    assert by_ref == {"V1": [1, 2, 3], "V2": [1, 2], "V3": [1, 2]}
    assert _versions(profiles, landlord) == {"V1": 3, "V2": 2, "V3": 2}  # the events' versions are the stored ones


def test_events_carry_the_option_ids_the_record_holds(profiles, landlord):
    with profiles.runtime.uow(landlord) as uow:
        person, _ = service.add_person(uow, raw={
            "personal_ref": "O1", "first_name": "Ann", "surname": "Lee", "tenancy_type": "Non-resident",
            "marriage_civil_partnership": "Married", "communication_needs": ["Braille", "Easy read"]}, user_id="U1")
    with profiles.runtime.uow(landlord) as uow:
        service.change_person(uow, person_id=person.person_id, raw={"communication_needs": []}, user_id="U1")
    created, changed = _people_events(profiles, landlord)
    assert list(created.options["marriage_civil_partnership"].ids) == [
        _option_id(profiles, landlord, "marriage_civil_partnership", "Married")]
    assert sorted(created.options["communication_needs"].ids) == sorted(
        _option_id(profiles, landlord, "communication_needs", label) for label in ("Braille", "Easy read"))
    assert "communication_needs" not in changed.options and "gender" not in changed.options  # empty: left out
    assert created.fields["marriage_civil_partnership"] == "Married"  # labels stay where they were


def _import(profiles, landlord, records) -> None:
    with profiles.runtime.uow(landlord) as uow:
        importing.upsert_people(uow, records=records, user_id="import")


def test_a_commit_that_changes_many_people_publishes_their_events_in_batches(profiles, landlord, monkeypatch):
    monkeypatch.setattr(events, "PACK_PEOPLE", 2)
    _import(profiles, landlord, [{"personal_ref": f"B{n}", "first_name": "Bo", "surname": "Lee"} for n in range(5)])
    with profiles.runtime.uow(landlord) as uow:  # one person alone: their own event, as an officer's edit
        service.add_person(uow, raw={"personal_ref": "S1", "first_name": "Ann", "surname": "Lee"}, user_id="U1")
    envelopes = _envelopes(profiles, landlord)
    assert [e.type == BATCH for e in envelopes] == [True, True, True, False]
    assert [topic for topic, _ in _topics_and_envelopes(profiles, landlord)] == [
        topics.PEOPLE_BULK, topics.PEOPLE_BULK, topics.PEOPLE_BULK, topics.PEOPLE]  # bulk work on its own lane
    assert [[e.person.personal_ref for e in person_events([envelope])] for envelope in envelopes] == [
        ["B0", "B1"], ["B2", "B3"], ["B4"], ["S1"]]
    assert all(e.created and e.source == "import" for e in person_events(envelopes[:3]))


def test_a_persons_events_of_one_commit_stay_together_in_one_batch(profiles, landlord, monkeypatch):
    monkeypatch.setattr(events, "PACK_PEOPLE", 2)
    _import(profiles, landlord, [{"personal_ref": f"A{n}", "first_name": "Bo", "surname": "Lee"} for n in range(3)])
    with profiles.runtime.uow(landlord) as uow:
        importing.archive_imported(uow, personal_refs=["A0", "A1", "A2"], user_id="import")
    _import(profiles, landlord, [{"personal_ref": f"A{n}", "first_name": "Bo", "surname": "Ray"} for n in range(3)])
    last = _envelopes(profiles, landlord)[-2:]  # back from archive and renamed: two events each, together
    assert [[(e.person.personal_ref, e.person.status, tuple(e.changed_fields)) for e in person_events([envelope])]
            for envelope in last] == [
        [("A0", "current", ("surname",)), ("A0", "current", ("status",)),
         ("A1", "current", ("surname",)), ("A1", "current", ("status",))],
        [("A2", "current", ("surname",)), ("A2", "current", ("status",))]]
