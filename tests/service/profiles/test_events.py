"""People events on embedded storage: each carries the person's version, which grows with every committed
change whichever way it was made (by hand, one by one or in bulk by the import), and the option ids the
record holds, so consumers can keep exact counts whatever order events arrive in."""
from __future__ import annotations

from sqlalchemy import select

from services.common.envelope import payload_as, unwrap
from services.gen.tracker.profiles.v1 import events_pb2
from services.profiles import importing, service, tables
from services.profiles.setup.store import read_catalogue

EVENTS = {events_pb2.PersonCreated.DESCRIPTOR.full_name: events_pb2.PersonCreated,
          events_pb2.PersonChanged.DESCRIPTOR.full_name: events_pb2.PersonChanged}


def _people_events(profiles, landlord):
    """The person of every people event in the landlord's outbox, oldest first."""
    with profiles.runtime.uow(landlord) as uow:
        rows = uow.session.execute(select(tables.outbox.c.envelope).where(tables.outbox.c.landlord_id == landlord)
                                   .order_by(tables.outbox.c.id)).scalars().all()
    return [payload_as(envelope, EVENTS[envelope.type]).person for envelope in map(unwrap, rows)]


def _versions(profiles, landlord) -> dict[str, int]:
    with profiles.runtime.uow(landlord) as uow:
        return dict(uow.session.execute(select(tables.people.c.personal_ref, tables.people.c.index_version)
                                        .where(tables.people.c.landlord_id == landlord)).all())


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
