"""Surveys, with no I/O: a survey's reference names its method; a phone survey reaches a person at their
landline, else their mobile, an address survey at their address, never through an alternative contact; and
the survey team's list writes numbers as people dial them."""
from __future__ import annotations

import datetime as dt

from services.messaging.messages import domain, routing, surveys
from services.messaging.messages.domain import Addressee

HOME = "1 Oak Drive\nNF3 2SS"


def _person(**changes) -> Addressee:
    fields = dict(person_id="P1", status="current", title="Ms", first_name="Pat", surname="Phoned", personal_ref="R1",
                  email="", opted_out=False, contact_name="Cara Carer", contact_email="cara@example.org",
                  address=HOME)
    return Addressee(**{**fields, **changes})


def _survey(method: str) -> domain.Message:
    return domain.new_message(landlord_id="L", user_id="U", now=dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc),
                              today=dt.date(2026, 6, 1), channel="survey", sender_name="Northfield Homes",
                              survey_method=method)


def test_a_phone_survey_rings_the_person_and_an_address_survey_visits_them():
    phone = _survey("phone")
    assert phone.reference == "Phone survey Northfield Homes 01/06/2026" and phone.audience == "survey:phone"
    rung = routing.route(_person(phone="01632 960123", mobile="07700 900123"), phone.audience)
    assert (rung.to_address, rung.contact_name) == ("+441632960123", "")
    assert routing.route(_person(mobile="07700 900123"), phone.audience).to_address == "+447700900123"
    assert routing.route(_person(), phone.audience).reason == "no_phone"
    visit = routing.route(_person(large_print=True), _survey("face_to_face").audience)
    assert (visit.to_address, visit.large_print) == (HOME, True)
    assert routing.route(_person(address=""), "survey:postal").reason == "no_address"


def test_the_survey_teams_list_has_numbers_as_dialled_and_addresses_in_lines():
    rung = domain.Recipient("P1", "Pat Phoned", "included", to_address="+441632960123", personal_ref="R1")
    visited = domain.Recipient("P2", "Hal Home", "included", to_address=HOME, personal_ref="R2", large_print=True)
    assert surveys.list_rows(_survey("phone"), [rung]) == [["Pat Phoned", "R1", "01632 960123", "", "", "", "", "",
                                                           "No"]]
    assert surveys.list_rows(_survey("postal"), [visited]) == [["Hal Home", "R2", "", "1 Oak Drive", "", "", "",
                                                               "NF3 2SS", "Yes"]]
