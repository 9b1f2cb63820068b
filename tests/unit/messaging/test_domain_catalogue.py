"""A record's details checked against the landlord's own catalogue: its codes and outcomes, not archived ones
unless the record already carries them; labels (on the record and its events) are the catalogue's as it is,
falling back to the product's, then the code, for a code the catalogue does not have."""
import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.messaging import domain
from services.messaging.domain import Catalogue, Communication, CommunicationCode, Outcome

TODAY = dt.date(2026, 6, 15)
NOW = dt.datetime(2026, 6, 15, 9, 30, tzinfo=dt.timezone.utc)
OWN = Catalogue((
    CommunicationCode("phoned", "Telephoned", (Outcome("no_answer", "Rang out"),
                                               Outcome("wrong_number", "Wrong", True))),
    CommunicationCode("home_visit", "Home visit", (Outcome("let_in", "Let in"),)),
    CommunicationCode("leaflet", "Leaflet", (Outcome("posted", "Posted"),), archived=True),
    CommunicationCode("empty", "Empty", (Outcome("gone", "Gone", True),)),
))


def _details(code: str, outcome: str, **kw) -> domain.Details:
    return domain.details(communication_code=code, outcome_code=outcome, date="2026-06-01", today=TODAY,
                          catalogue=OWN, **kw)


def _refused(code: str, outcome: str, **kw) -> dict[str, str]:
    with pytest.raises(InvalidInput) as refused:
        _details(code, outcome, **kw)
    return {p.field: p.reason for p in refused.value.fields}


def test_a_landlords_own_code_is_taken_and_shows_its_labels():
    d = _details(" Home_Visit ", "let_in")
    assert (d.communication_code, d.outcome_code, d.communication_label, d.outcome_label) == (
        "home_visit", "let_in", "Home visit", "Let in")
    assert _details("phoned", "no_answer").communication_label == "Telephoned"


def test_unknown_and_archived_codes_are_refused_naming_the_current_ones():
    assert _refused("visited", "not_at_home") == {"communication_code": "must be one of phoned, home_visit, empty"}
    assert _refused("leaflet", "posted") == {
        "communication_code": "is archived: choose one of phoned, home_visit, empty"}
    assert _refused("phoned", "wrong_number") == {"outcome_code": "is archived: choose one of no_answer for phoned"}
    assert _refused("phoned", "let_in") == {"outcome_code": "must be one of no_answer for phoned"}
    assert _refused("empty", "gone") == {"outcome_code": "there are no current ones for empty: add one first"}


def test_a_record_keeps_the_archived_code_and_outcome_it_carries():
    kept = _details("leaflet", "posted", kept=("leaflet", "posted"))
    assert (kept.communication_label, kept.outcome_label) == ("Leaflet", "Posted")
    assert _details("phoned", "wrong_number", kept=("phoned", "wrong_number")).outcome_label == "Wrong"
    assert _refused("phoned", "wrong_number", kept=("phoned", "no_answer")) == {
        "outcome_code": "is archived: choose one of no_answer for phoned"}


def test_a_code_the_catalogue_lacks_shows_the_products_label_else_itself():
    assert (OWN.communication_label("visited"), OWN.outcome_label("visited", "card_left")) == ("Visited", "Card left")
    assert (OWN.communication_label("gone_code"), OWN.outcome_label("gone_code", "x")) == ("gone_code", "x")
    assert OWN.outcome_label("phoned", "spoke_to_person") == "Spoke to person"
    plain = domain.Details("phoned", "no_answer", TODAY, "", "", "")
    assert (plain.communication_label, plain.outcome_label) == ("Phoned", "No answer")


def test_the_product_catalogue_is_the_products_codes_in_order():
    assert [(c.code, c.label, [(o.code, o.label) for o in c.outcomes]) for c in domain.PRODUCT.codes] == [
        (c.code, c.label, list(c.outcomes)) for c in domain.CODES]
    assert not any(c.archived or any(o.archived for o in c.outcomes) for c in domain.PRODUCT.codes)


def test_events_carry_the_labels_at_the_time_and_a_deletion_keeps_them():
    record = Communication.new(landlord_id="L1", person_id="P1", details=_details("home_visit", "let_in"),
                               user_id="U1", now=NOW)
    record.delete(NOW)
    made, deleted = record.events
    assert (made.communication_label, made.outcome_label) == ("Home visit", "Let in")
    assert (deleted.deleted, deleted.communication_label, deleted.outcome_label) == (True, "Home visit", "Let in")
