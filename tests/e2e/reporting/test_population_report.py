"""The profile of a population through the REST API, in both modes: the people some criteria, a search
template or an admin group pick, counted exactly by people search's aggregations, with the same labels,
percentages and disclosure control as the whole landlord's. Synthetic data only."""
from __future__ import annotations

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, search
from tests.e2e.profiles.test_protected_characteristics import _officer

REPORT = "/api/v1/reports/profile"


def _population(client, criteria: dict) -> dict:
    answer = client.post(REPORT, json={"criteria": criteria})
    assert answer.status_code == 200, answer.text
    return answer.json()


def _cells(report: dict, characteristic: str) -> dict:
    breakdown = next(b for b in report["breakdowns"] if b["characteristic"] == characteristic)
    return {c["label"]: (c["count"], c["percent"]) for c in breakdown["cells"] if c["count"] or c["suppressed"]}


def _people(admin) -> list[dict]:
    made = [add(admin, f"Po{n}", "Sample", tenancy_type="Non-resident", area=("Area A", "Area B")[n % 2],
                gender=("Female", "Male", "Female")[n % 3]) for n in range(18)]
    assert eventually(lambda: search(admin, {}, count_only=True)["total"] == 18)
    return made


def test_criteria_a_template_and_a_group_each_give_the_profile_of_their_people(landlord):
    _, admin = landlord
    people = _people(admin)
    area_a = _population(admin, {"area": ["Area A"]})
    assert area_a["current_people"]["count"] == 9 and area_a["occupied_properties"] is None
    assert _cells(area_a, "area") == {"Area A": (9, 100.0)}
    assert _cells(area_a, "gender") == {"Female": (None, None), "Male": (None, None)}  # 3, and 9 - 3 would tell
    template = admin.post("/api/v1/search-templates", json={"name": "Area A", "criteria": {"area": ["Area A"]}})
    assert template.status_code == 201, template.text
    by_template = _population(admin, {"search_template": [template.json()["id"]]})
    assert by_template["breakdowns"] == area_a["breakdowns"]
    group = admin.post("/api/v1/admin-groups", json={"reference": "Six of them",
                                                     "person_ids": [p["id"] for p in people[:6]]})
    assert group.status_code == 201, group.text
    in_group = {"admin_group": [group.json()["id"]]}  # what groups tell profiles reaches search in a moment
    assert eventually(lambda: _population(admin, in_group)["current_people"]["count"] == 6)
    whole = _population(admin, {})
    assert _cells(whole, "gender") == {"Female": (12, 66.7), "Male": (6, 33.3)}
    assert whole["current_people"]["count"] == 18


def test_bad_criteria_are_a_422_naming_them_and_equality_criteria_need_the_privilege(anonymous, landlord):
    record, admin = landlord
    bad = admin.post(REPORT, json={"criteria": {"shoe_size": ["9"]}})
    assert bad.status_code == 422 and "criteria.shoe_size" in bad.text
    assert admin.post(REPORT, json={"criteria": {"admin_group": ["no-such-group"]}}).status_code in (404, 422)
    officer = _officer(anonymous, admin, record["id"][:8])
    refused = officer.post(REPORT, json={"criteria": {"ethnicity": ["White: Irish"]}})
    assert refused.status_code == 403
    seen = officer.post(REPORT, json={"criteria": {}})
    assert seen.status_code == 200 and seen.json()["equality_hidden"]
    assert "ethnicity" not in {b["characteristic"] for b in seen.json()["breakdowns"]}
