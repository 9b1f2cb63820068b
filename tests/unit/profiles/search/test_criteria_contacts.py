"""Communication history as criteria, on real documents in the embedded index: contacted by code, by code
and outcome, by dates, by satisfaction score, and not contacted ({} is never contacted); bad shapes are named."""
import pytest

from services.common.search import AnyOf, Not, Range
from services.profiles.facts.domain import Contact, PersonFacts, contact_values
from tests.unit.profiles.search.criteria_support import clauses, translate


def _contacted(*records) -> PersonFacts:
    return PersonFacts(contacts=tuple(records))


def test_contacts_become_keys_a_range_can_find():
    keys, dates = contact_values([("phoned", "no_answer", "2026-02-01"), ("phoned", "no_answer", "2026-02-01"),
                                  ("visited", "card_left", "2025-12-24")])
    assert keys == ["phoned.no_answer:2026-02-01", "phoned:2026-02-01", "visited.card_left:2025-12-24",
                    "visited:2025-12-24"]
    assert dates == ["2025-12-24", "2026-02-01"]


def test_people_are_found_by_how_and_when_they_were_contacted(people):
    ann = people.add(facts=_contacted(("phoned", "spoke_to_person", "2026-01-10"), ("visited", "card_left", "2025-06-01")))
    ben = people.add(facts=_contacted(("phoned", "no_answer", "2025-11-30")))
    cal = people.add(facts=_contacted(("phoned2", "sent", "2026-02-01")))  # a code that starts like another
    dee = people.add()
    assert people.found({"contacted": {"since": "2026-01-01"}}) == {ann, cal}
    assert people.found({"contacted": {"code": ["phoned"]}}) == {ann, ben}
    assert people.found({"contacted": {"code": ["phoned"], "outcome": ["no_answer", "wrong_number"]}}) == {ben}
    assert people.found({"contacted": {"code": ["phoned", "visited"], "until": "2025-07-01"}}) == {ann}
    assert people.found({"not_contacted": {}}) == {dee}
    assert people.found({"not_contacted": {"code": ["phoned"], "since": "2025-12-01"}}) == {ben, cal, dee}


def test_contacted_problems_are_named():
    def problems(criteria):
        return {p.field: p.reason for p in translate(criteria)[1]}
    assert set(problems({"contacted": {}})) == {"criteria.contacted"}
    assert set(problems({"contacted": {"outcome": ["sent"]}})) == {"criteria.contacted.outcome"}
    assert set(problems({"contacted": {"code": ["Phoned"], "since": "2026-02-30"}})) == {
        "criteria.contacted.code", "criteria.contacted.since"}
    assert set(problems({"not_contacted": {"since": "2026-02-01", "until": "2026-01-01"}})) == {
        "criteria.not_contacted"}
    assert set(problems({"not_contacted": []})) == {"criteria.not_contacted"}


# -- satisfaction scores ------------------------------------------------------------------------------------------------

def test_a_scored_record_also_becomes_score_keys_by_code_and_by_outcome():
    keys, dates = contact_values([Contact("questionnaire", "completed", "2026-02-01", 9),
                                  Contact("questionnaire", "completed", "2026-02-01", 0)])
    assert keys == ["questionnaire.completed.score.00:2026-02-01", "questionnaire.completed.score.09:2026-02-01",
                    "questionnaire.completed:2026-02-01", "questionnaire.score.00:2026-02-01",
                    "questionnaire.score.09:2026-02-01", "questionnaire:2026-02-01"]
    assert dates == ["2026-02-01"]


def test_a_satisfaction_range_is_any_of_its_scores_within_the_dates():
    found, _current = clauses({"contacted": {"code": ["questionnaire"], "satisfaction": {"min": 9},
                                             "since": "2026-01-01"}})
    assert found == AnyOf([Range("contacts", gte=f"questionnaire.score.{s}:2026-01-01",
                                 lte=f"questionnaire.score.{s}:9999-12-31") for s in ("09", "10")])
    one, _current = clauses({"not_contacted": {"code": ["questionnaire"], "outcome": ["completed"],
                                               "satisfaction": {"min": 3.0, "max": 3}}})  # JSON numbers: floats
    assert one == Not(Range("contacts", gte="questionnaire.completed.score.03:",
                            lte="questionnaire.completed.score.03:9999-12-31"))


def test_people_are_found_by_the_satisfaction_score_of_their_records(people):
    pleased = people.add(facts=_contacted(Contact("questionnaire", "completed", "2026-02-01", 9)))
    top = people.add(facts=_contacted(Contact("questionnaire", "completed", "2025-10-01", 10),
                                      Contact("questionnaire", "completed", "2026-02-10", 2)))
    middling = people.add(facts=_contacted(Contact("questionnaire", "completed", "2026-02-01", 5)))
    unscored = people.add(facts=_contacted(Contact("questionnaire", "declined", "2026-02-01")))
    other = people.add(facts=_contacted(Contact("questionnaire2", "completed", "2026-02-01", 8),
                                        ("phoned", "spoke_to_person", "2026-02-01")))
    nobody = people.add()
    satisfied = {"code": ["questionnaire"], "satisfaction": {"min": 7}}
    assert people.found({"contacted": satisfied}) == {pleased, top}
    assert people.found({"contacted": {**satisfied, "since": "2026-01-01"}}) == {pleased}
    assert people.found({"contacted": {**satisfied, "until": "2025-12-31", "satisfaction": {"min": 7, "max": 10}}}) \
        == {top}
    assert people.found({"contacted": {"code": ["questionnaire"], "satisfaction": {"max": 5}}}) == {top, middling}
    assert people.found({"contacted": {"code": ["questionnaire"], "outcome": ["completed"],
                                       "satisfaction": {"min": 0, "max": 10}}}) == {pleased, top, middling}
    assert people.found({"contacted": {"code": ["questionnaire"], "outcome": ["declined"],
                                       "satisfaction": {"min": 0}}}) == set(), "no score never matches a range"
    assert people.found({"contacted": {"code": ["questionnaire", "questionnaire2"], "satisfaction": {"min": 8}}}) \
        == {pleased, top, other}
    assert people.found({"not_contacted": satisfied}) == {middling, unscored, other, nobody}


@pytest.mark.parametrize("satisfaction", [{}, [7], 7, {"min": 11}, {"max": -1}, {"min": 7.5}, {"min": "7"},
                                          {"min": True}, {"min": 3, "most": 9}, {"min": float("nan")},
                                          {"min": 8, "max": 7}])
def test_a_bad_satisfaction_range_is_named(satisfaction):
    for key in ("contacted", "not_contacted"):
        problems = {p.field for p in translate({key: {"code": ["questionnaire"], "satisfaction": satisfaction}})[1]}
        assert problems == {f"criteria.{key}.satisfaction"}


def test_a_satisfaction_range_needs_the_communication_code():
    problems = {p.field: p.reason for p in translate({"contacted": {"satisfaction": {"min": 7}}})[1]}
    assert set(problems) == {"criteria.contacted.satisfaction"} and "code" in problems["criteria.contacted.satisfaction"]
