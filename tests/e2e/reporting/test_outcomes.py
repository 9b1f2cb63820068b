"""Equal outcomes through the REST API, in both modes: the rate of an outcome (here: being in an admin
group) among the people of each value of a characteristic beside everyone's, small counts never shown.
Synthetic data only."""
from __future__ import annotations

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, search
from tests.e2e.profiles.test_protected_characteristics import _officer

OUTCOMES = "/api/v1/reports/outcomes"
IRISH, BRITISH = "White: Irish", "White: English, Welsh, Scottish, Northern Irish or British"


def test_each_values_rate_beside_everyones_with_small_counts_hidden(anonymous, landlord):
    record, admin = landlord
    people = [add(admin, f"Oc{n}", "Sample", tenancy_type="Non-resident", ethnicity=IRISH if n < 10 else BRITISH)
              for n in range(30)]
    assert eventually(lambda: search(admin, {}, count_only=True)["total"] == 30)
    members = [p["id"] for p in people[:6] + people[10:22]]  # 6 of the 10 Irish, 12 of the 20 British
    group = admin.post("/api/v1/admin-groups", json={"reference": "Took part", "person_ids": members})
    assert group.status_code == 201, group.text
    body = {"outcome": {"admin_group": [group.json()["id"]]}, "characteristic": "ethnicity"}
    # what groups tell profiles reaches people search in a moment
    assert eventually(lambda: admin.post(OUTCOMES, json=body).json()["overall"]["with_outcome"]["count"] == 18)
    answer = admin.post(OUTCOMES, json=body)
    assert answer.status_code == 200, answer.text
    rates = {r["label"]: (r["people"]["count"], r["with_outcome"]["count"], r["rate"]) for r in answer.json()["rows"]}
    assert rates[IRISH] == (10, 6, 60.0) and rates[BRITISH] == (20, 12, 60.0)
    overall = answer.json()["overall"]
    assert (overall["people"]["count"], overall["with_outcome"]["count"], overall["rate"]) == (30, 18, 60.0)
    narrow = admin.post(OUTCOMES, json={"criteria": {"ethnicity": [IRISH]}, "characteristic": "ethnicity",
                                        "outcome": {"person_id": [p["id"] for p in people[:3]]}}).json()
    irish = next(r for r in narrow["rows"] if r["label"] == IRISH)
    assert irish["with_outcome"] == {"count": None, "suppressed": True, "shown": "fewer than 5"} and irish["rate"] is None

    assert admin.post(OUTCOMES, json={"outcome": {}, "characteristic": "ethnicity"}).status_code == 422
    assert admin.post(OUTCOMES, json={"outcome": {"area": ["Area A"]}, "characteristic": "nope"}).status_code == 422
    officer = _officer(anonymous, admin, record["id"][:8])
    assert officer.post(OUTCOMES, json={"outcome": {"area": ["Area A"]}, "characteristic": "ethnicity"}).status_code == 403
    assert officer.post(OUTCOMES, json={"outcome": {"area": ["Area A"]}, "characteristic": "area"}).status_code == 200
