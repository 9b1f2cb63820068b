"""What households reads of a person on a people event."""
from google.protobuf import struct_pb2

from services.gen.tracker.profiles.v1 import person_pb2
from services.households.handlers import resident


def test_a_resident_from_the_person_on_an_event():
    fields = struct_pb2.Struct()
    fields.update({"property_ref": " PR-1 ", "address_line_1": "Flat 2", "address_line_2": None, "postcode": "LS1 4AP",
                   "date_of_birth": "1990-02-03", "tenancy_type": "Sheltered", "email": "sam@example.org",
                   "interests": ["Gardening"], "custom": {"shoe_size": 9}})
    r = resident(person_pb2.Person(person_id="p1", personal_ref="R-1", status="archived", first_name=" Sam ",
                                   surname="Example", fields=fields, version=7))
    assert (r.person_id, r.personal_ref, r.first_name, r.surname, r.status) == ("p1", "R-1", "Sam", "Example", "archived")
    assert r.version == 7
    assert r.property_ref == "PR-1" and r.lines == ("Flat 2", "", "", "") and r.postcode == "LS1 4AP"
    assert r.date_of_birth.isoformat() == "1990-02-03" and r.tenancy_type == "Sheltered"
    assert r.household_id is None and r.match.key == "ref:pr-1"


def test_blank_or_odd_values_are_blank():
    fields = struct_pb2.Struct()
    fields.update({"date_of_birth": "not a date", "tenancy_type": None, "postcode": 12})
    r = resident(person_pb2.Person(person_id="p2", status="", fields=fields))
    assert r.date_of_birth is None and r.tenancy_type == "" and r.postcode == "" and r.status == "current"
    assert r.match is None and r.version == 0, "0: the version is not known"
