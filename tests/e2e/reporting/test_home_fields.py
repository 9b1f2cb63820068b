"""People broken down by their homes' choice fields (an estate on the property), through the REST API in
both modes: the whole landlord's profile counts each household's occupants under its property's estate from
the households' events, follows people moving between homes and homes changing estate, and equals a
recount; the report builder breaks a population down by the estate and each cell drills down to exactly its
people. Synthetic data only."""
from __future__ import annotations

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, search, wait_household
from tests.e2e.reporting.test_profile_report import _cells, _recount, _settles


def _estate_field(admin) -> None:
    made = admin.post("/api/v1/custom-fields", json={"label": "Estate", "key": "estate", "type": "choice",
                                                     "applies_to": "property",
                                                     "options": ["Northfield", "Southmead", "Riverside"]})
    assert made.status_code == 201, made.text
    note = admin.post("/api/v1/custom-fields", json={"label": "Access notes", "key": "access", "type": "text",
                                                     "applies_to": "property"})
    assert note.status_code == 201, note.text


def _homes(admin) -> tuple[list[dict], dict, dict]:
    """Six people at PR-N, six at PR-S, five with no estate at PR-X; the two estates' households."""
    people = [add(admin, f"Est{n}", "Sample", tenancy_type="Non-resident", property_ref=ref, area="Area A")
              for n, ref in enumerate(["PR-N"] * 6 + ["PR-S"] * 6 + ["PR-X"] * 5)]
    north, south = wait_household(admin, people[0]["id"]), wait_household(admin, people[6]["id"])
    assert north and south and north["id"] != south["id"]
    for household, estate in ((north, "Northfield"), (south, "Southmead")):
        changed = admin.patch(f"/api/v1/households/{household['id']}",
                              json={"property_profile": {"estate": estate, "access": "Key safe by the door"}})
        assert changed.status_code == 200, changed.text
    return people, north, south


def test_the_profile_counts_people_by_their_homes_estate_as_they_move_and_equals_a_recount(platform, landlord):
    record, admin = landlord
    _estate_field(admin)
    people, north, _ = _homes(admin)
    report = _settles(admin, lambda r: _cells(r, "custom.estate") == {"Northfield": 6, "Southmead": 6,
                                                                      "Not known": 5})
    estate = next(b for b in report["breakdowns"] if b["characteristic"] == "custom.estate")
    assert estate["label"] == "Estate" and estate["known"] == 12
    assert [c["percent"] for c in estate["cells"] if c["count"]] == [50.0, 50.0]
    assert not _recount(platform, record["id"])

    admin.patch(f"/api/v1/people/{people[0]['id']}", json={"property_ref": "PR-S"})  # moves to Southmead
    admin.patch(f"/api/v1/people/{people[7]['id']}", json={"status": "archived"})  # leaves Southmead's count
    _settles(admin, lambda r: _cells(r, "custom.estate") == {"Northfield": 5, "Southmead": 6, "Not known": 5})
    admin.patch(f"/api/v1/households/{north['id']}", json={"property_profile": {"estate": "Riverside"}})
    report = _settles(admin, lambda r: _cells(r, "custom.estate") == {"Southmead": 6, "Riverside": 5,
                                                                      "Not known": 5})
    assert report["current_people"]["count"] == 16
    assert not _recount(platform, record["id"])


def test_the_builder_breaks_a_population_down_by_estate_and_each_cell_drills_down_to_its_people(landlord):
    _, admin = landlord
    _estate_field(admin)
    _homes(admin)
    assert eventually(lambda: search(admin, {"household": {"custom": {"estate": ["Southmead"]}}},
                                     count_only=True)["total"] == 6)
    answer = admin.post("/api/v1/reports/build", json={"criteria": {"area": ["Area A"]}, "rows": "custom.estate"})
    assert answer.status_code == 200, answer.text
    table = answer.json()
    counts = {h["label"]: row[0]["count"] for h, row in zip(table["rows"], table["cells"])}
    assert counts == {"Northfield": 6, "Southmead": 6, "Riverside": 0, "Not known": 5}
    entries = [row[0] for row in table["cells"]] + [table["total"]]
    assert all(search(admin, e["criteria"], count_only=True)["total"] == e["count"] for e in entries)
    cross = admin.post("/api/v1/reports/build", json={"criteria": {}, "rows": "area", "columns": "custom.estate"})
    assert cross.status_code == 200, cross.text
    shown = [e for row in cross.json()["cells"] for e in row if not e["suppressed"]]
    assert shown and all(search(admin, e["criteria"], count_only=True)["total"] == e["count"] for e in shown)
