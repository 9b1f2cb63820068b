"""A landlord's communication codes as an option list: labels as users write them, the code a new one gets
(given and checked, or made from its label and kept unique), outcomes given with a new code checked together,
and the codes the platform records itself, which are never archived or deleted."""
import pytest

from services.common.errors import AlreadyExists, InUse, InvalidInput
from services.messaging import domain
from services.messaging.codes import domain as rules
from services.messaging.messages import opens, texts
from services.messaging.messages.domain import OUTCOMES, RECORD_CODES


def test_a_label_is_written_with_single_spaces_and_checked():
    assert rules.label("  Home   visit ") == "Home visit"
    for bad, reason in (("  ", "is required"), ("x" * 61, "must be at most 60 characters"),
                        ("Home\x00visit", "must not contain control characters")):
        with pytest.raises(InvalidInput) as refused:
            rules.label(bad, "outcomes.0.label")
        assert [(p.field, p.reason) for p in refused.value.fields] == [("outcomes.0.label", reason)]


def test_the_label_makes_the_code_as_the_products_labels_make_theirs():
    assert rules.code_from("Home visit by surveyor", 40) == "home_visit_by_surveyor"
    assert rules.code_from("Café -- drop-in (2nd)", 40) == "cafe_drop_in_2nd"
    assert rules.code_from("A very long label " * 5, 20) == "a_very_long_label_a"
    assert rules.code_from("24 hour call", 40) == "code_24_hour_call"
    for code in domain.CODES:
        for outcome, label in code.outcomes:
            assert rules.code_from(label, rules.OUTCOME_CODE_MAX) == outcome


def test_a_new_code_is_the_one_given_or_one_made_from_the_label_that_is_free():
    assert rules.new_code(" Drop_In ", "Drop in", {"phoned"}, 40) == "drop_in"
    assert rules.new_code("", "Phoned", {"phoned", "phoned_2"}, 40) == "phoned_3"
    made = rules.new_code("", "x" * 50, {"x" * 40}, 40)
    assert made == "x" * 38 + "_2" and len(made) == 40
    with pytest.raises(AlreadyExists) as taken:
        rules.new_code("phoned", "Called", {"phoned"}, 40)
    assert taken.value.fields[0].field == "code"
    for given, label in (("Drop In!", "Drop in"), ("_drop", "Drop in"), ("2nd", "Drop in"), ("x" * 41, "Drop in"),
                         ("", "!!!")):
        with pytest.raises(InvalidInput) as refused:
            rules.new_code(given, label, (), 40)
        assert refused.value.fields[0].field == "code", (given, label)


def test_a_label_is_taken_whatever_its_case_but_not_by_the_one_renamed():
    codes = domain.PRODUCT.codes
    with pytest.raises(AlreadyExists) as taken:
        rules.unique_label("PHONED", codes, "a communication code")
    assert taken.value.fields[0].field == "label" and "PHONED is a communication code already" in str(taken.value)
    rules.unique_label("PHONED", codes, "a communication code", other_than="phoned")
    rules.unique_label("Home visit", codes, "a communication code")


def test_outcomes_given_with_a_new_code_are_checked_together():
    assert rules.new_outcomes([("", "Let in"), ("no_access", " No  access "), ("", "Let-in")]) == [
        ("let_in", "Let in"), ("no_access", "No access"), ("let_in_2", "Let-in")]
    with pytest.raises(InvalidInput) as refused:
        rules.new_outcomes([("", "Seen"), ("", "SEEN"), ("Bad code", "Other"), ("", "")])
    assert [p.field for p in refused.value.fields] == ["outcomes.1.label", "outcomes.2.code", "outcomes.3.label"]


def test_the_platform_records_what_it_sends_with_and_those_are_never_archived_or_deleted():
    assert set(rules.PLATFORM_RECORDS) == set(RECORD_CODES.values())
    assert opens.OPENED in rules.PLATFORM_RECORDS["emailed"] and "replied" not in rules.PLATFORM_RECORDS["emailed"]
    assert {texts.DELIVERED, texts.ILLEGAL_NUMBER, texts.NETWORK_ERROR, texts.BLOCKED_BY_USER, "replied",
            *OUTCOMES.values()} & {o for o, _ in domain.BY_CODE["texted"].outcomes} == rules.PLATFORM_RECORDS["texted"]
    assert rules.PLATFORM_RECORDS["mailed"] == {"sent"}
    assert rules.PLATFORM_RECORDS["questionnaire"] == {"sent", "completed", "declined"}
    emailed, phoned = domain.PRODUCT.code("emailed"), domain.PRODUCT.code("phoned")
    assert rules.by_platform("emailed") and rules.by_platform("emailed", "sent")
    assert not rules.by_platform("phoned") and not rules.by_platform("emailed", "replied")
    with pytest.raises(InUse) as refused:
        rules.refuse_platform(emailed, emailed.outcome("sent"))
    assert refused.value.fields[0].field == "outcome_code" and "Emailed: Sent" in refused.value.fields[0].reason
    with pytest.raises(InUse) as refused:
        rules.refuse_platform(emailed)
    assert refused.value.fields[0].field == "communication_code"
    rules.refuse_platform(emailed, emailed.outcome("replied"))
    rules.refuse_platform(phoned)


def test_a_path_names_a_code_only_as_codes_are_written():
    assert rules.key(" Phoned ", 40) == "phoned"
    assert [rules.key(bad, 40) for bad in ("", None, "x" * 41, "no answer", "a/b", "\x00")] == [""] * 6


def test_the_archived_are_shown_only_when_asked_for():
    catalogue = domain.Catalogue((
        domain.CommunicationCode("phoned", "Phoned", (domain.Outcome("a", "A"), domain.Outcome("b", "B", True))),
        domain.CommunicationCode("gone", "Gone", (domain.Outcome("a", "A"),), archived=True)))
    assert rules.shown(catalogue, True) == catalogue
    assert rules.shown(catalogue, False).codes == (
        domain.CommunicationCode("phoned", "Phoned", (domain.Outcome("a", "A"),)),)
