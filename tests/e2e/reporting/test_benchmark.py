"""Benchmark groups through the REST API, in both modes: landlords who join the same group see their own
figures beside the group's median and quartiles, shown only once five landlords contribute; a landlord
leaves at any time; only aggregates cross landlords. Synthetic data only."""
from __future__ import annotations

import uuid

from tests.e2e.conftest import eventually, new_landlord
from tests.e2e.people_api import add
from tests.e2e.reporting.test_profile_report import _recount

BENCHMARK = "/api/v1/reports/benchmark"


def _landlord_with(operator, group: str, known: int, unknown: int):
    _, admin = new_landlord(operator)
    for n in range(known + unknown):
        add(admin, f"Bm{n}", "Sample", tenancy_type="Non-resident", gender="Female" if n < known else None)
    assert eventually(lambda: admin.get("/api/v1/reports/people-count").json()["total"] == known + unknown)
    assert admin.put(BENCHMARK + "/membership", json={"group": group}).json() == {"group": group}
    return admin


def _gender_completeness(client) -> dict:
    answer = client.get(BENCHMARK)
    assert answer.status_code == 200, answer.text
    return next(m for m in answer.json()["measures"]
                if m["kind"] == "completeness" and m["characteristic"] == "gender")


def test_figures_beside_the_groups_once_five_landlords_contribute(operator):
    group = f"test-{uuid.uuid4().hex[:8]}"
    admins = [_landlord_with(operator, group, known, 10 - known) for known in (2, 4, 6, 8)]
    four = _gender_completeness(admins[0])
    assert four["own"] == 20.0 and four["contributors"] == 4 and four["median"] is None  # fewer than five
    admins.append(_landlord_with(operator, group, 10, 0))
    five = _gender_completeness(admins[0])
    assert (five["contributors"], five["median"], five["lower_quartile"], five["upper_quartile"]) == (5, 60.0, 40.0, 80.0)
    assert _gender_completeness(admins[4])["own"] == 100.0
    assert admins[4].delete(BENCHMARK + "/membership").json() == {"group": None}
    assert admins[4].get(BENCHMARK).status_code == 404  # in no group now
    assert _gender_completeness(admins[0])["median"] is None  # four left


def test_the_participation_rate_follows_people_taking_part_in_activities(platform, landlord):
    record, admin = landlord
    people = [add(admin, f"Pt{n}", "Sample", tenancy_type="Non-resident") for n in range(8)]
    activity = admin.post("/api/v1/activities", json={"name": "Garden club", "type": "Event"}).json()
    for person in people[:2]:
        assert admin.post(f"/api/v1/people/{person['id']}/groups",
                          json={"activity_id": activity["id"]}).status_code in (200, 201)
    assert admin.put(BENCHMARK + "/membership", json={"group": f"test-{uuid.uuid4().hex[:8]}"}).status_code == 200

    def participation():
        return next(m for m in admin.get(BENCHMARK).json()["measures"] if m["kind"] == "participation")
    assert eventually(lambda: participation()["own"] == 25.0), participation()  # 2 of 8 current people
    assert admin.patch(f"/api/v1/people/{people[0]['id']}", json={"status": "archived"}).status_code == 200
    assert eventually(lambda: participation()["own"] == 14.3), participation()  # 1 of 7
    assert not _recount(platform, record["id"])  # the counts equal a recount from profiles, households and groups


def test_the_contact_rate_counts_current_people_contacted_in_the_last_twelve_months(platform, landlord):
    _, admin = landlord
    people = [add(admin, f"Ct{n}", "Sample", tenancy_type="Non-resident") for n in range(8)]
    today = platform.clock.today()
    recent, old = today.isoformat(), today.replace(year=today.year - 2).isoformat()
    for who, date in ((people[:3], recent), (people[3:5], old)):
        answer = admin.post("/api/v1/communications", json={"person_ids": [p["id"] for p in who], "date": date,
                                                            "communication_code": "phoned", "outcome_code": "no_answer"})
        assert answer.status_code == 201, answer.text
    assert admin.put(BENCHMARK + "/membership", json={"group": f"test-{uuid.uuid4().hex[:8]}"}).status_code == 200

    def contact():
        return next(m for m in admin.get(BENCHMARK).json()["measures"] if m["kind"] == "contact")
    assert eventually(lambda: contact()["own"] == 37.5), contact()  # 3 of 8 current people
    assert admin.patch(f"/api/v1/people/{people[0]['id']}", json={"status": "archived"}).status_code == 200
    assert eventually(lambda: contact()["own"] == 28.6), contact()  # 2 of 7: the archived one no longer counts
    assert contact()["characteristic"] == "contacts"


def test_a_bad_group_name_is_a_422_and_joining_needs_manage_setup(landlord):
    _, admin = landlord
    bad = admin.put(BENCHMARK + "/membership", json={"group": "Not A Name!"})
    assert bad.status_code == 422 and "group" in bad.text
    assert admin.get(BENCHMARK).status_code == 404
