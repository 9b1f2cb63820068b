"""Communication history as criteria, on real documents in the embedded index: contacted by code, by code
and outcome, by dates, and not contacted ({} is never contacted); bad shapes are named."""
from services.profiles.facts.domain import PersonFacts, contact_values
from tests.unit.profiles.search.criteria_support import translate


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
