"""Saved reports and dashboards through the REST API, in both modes: a report saved private or shared, run
again (criteria as written, so a template picks today's people), changed and deleted by its owner only;
each user's dashboard starts as the standard one, takes at most eight widgets, and is worked out when
opened, one widget that cannot be shown leaving the others. Synthetic data only."""
from __future__ import annotations

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, search
from tests.e2e.profiles.test_protected_characteristics import _officer

SAVED = "/api/v1/reports/saved"
DASHBOARD = "/api/v1/dashboard"


def _people(admin, n: int = 12) -> None:
    for i in range(n):
        add(admin, f"Sv{i}", "Sample", tenancy_type="Non-resident", area=("Area A", "Area B")[i % 2])
    assert eventually(lambda: search(admin, {}, count_only=True)["total"] == n)


def test_a_saved_report_runs_again_and_only_its_owner_changes_it(anonymous, landlord):
    record, admin = landlord
    _people(admin)
    made = admin.post(SAVED, json={"name": "Areas", "kind": "build", "definition": {"rows": "area"}, "shared": False})
    assert made.status_code == 201, made.text
    report = made.json()
    ran = admin.post(f"{SAVED}/{report['id']}/run")
    assert ran.status_code == 200 and ran.json()["total"]["count"] == 12
    officer = _officer(anonymous, admin, record["id"][:8])
    assert officer.get(f"{SAVED}/{report['id']}").status_code == 404  # private
    assert admin.patch(f"{SAVED}/{report['id']}", json={"shared": True}).json()["shared"] is True
    assert [r["name"] for r in officer.get(SAVED).json()["items"]] == ["Areas"]
    assert officer.post(f"{SAVED}/{report['id']}/run").status_code == 200
    assert officer.patch(f"{SAVED}/{report['id']}", json={"name": "Mine now"}).status_code == 403
    assert officer.delete(f"{SAVED}/{report['id']}").status_code == 403
    bad = admin.post(SAVED, json={"name": "Bad", "kind": "build", "definition": {"rows": "area", "colour": "red"}})
    assert bad.status_code == 422 and "definition.colour" in bad.text
    assert admin.post(SAVED, json={"name": "", "kind": "build", "definition": {"rows": "area"}}).status_code == 422
    assert admin.delete(f"{SAVED}/{report['id']}").status_code == 204
    assert admin.get(f"{SAVED}/{report['id']}").status_code == 404


def test_a_dashboard_starts_standard_takes_eight_widgets_and_shows_each_now(anonymous, landlord):
    record, admin = landlord
    _people(admin)
    standard = admin.get(DASHBOARD)
    assert standard.status_code == 200, standard.text
    board = standard.json()
    assert board["standard"] and 1 <= len(board["widgets"]) <= 8
    figure = next(w for w in board["widgets"] if w["kind"] == "figure")
    assert eventually(lambda: admin.get(DASHBOARD).json()["widgets"][0]["data"]["current_people"]["count"] == 12)
    assert figure["error"] is None
    saved = admin.post(SAVED, json={"name": "Areas", "kind": "build", "definition": {"rows": "area"}}).json()
    widgets = [{"kind": "breakdown", "title": "Areas", "saved_report_id": saved["id"]},
               {"kind": "trend", "title": "Ethnicity not known", "report_kind": "trend",
                "definition": {"characteristic": "ethnicity", "months": 6}},
               {"kind": "quick_links", "title": "Go", "links": ["/people/search"]}]
    put = admin.put(DASHBOARD, json={"widgets": widgets})
    assert put.status_code == 200, put.text
    mine = put.json()
    assert not mine["standard"] and [w["title"] for w in mine["widgets"]] == ["Areas", "Ethnicity not known", "Go"]
    assert mine["widgets"][0]["data"]["total"]["count"] == 12
    nine = admin.put(DASHBOARD, json={"widgets": widgets * 3})
    assert nine.status_code == 422 and "at most 8 widgets" in nine.text
    officer = _officer(anonymous, admin, record["id"][:8])
    assert officer.put(DASHBOARD, json={"widgets": widgets}).status_code == 200
    seen = officer.get(DASHBOARD).json()["widgets"]  # the report is admin's and private; ethnicity needs the privilege
    assert seen[0]["error"]["code"] == "not_found" and seen[1]["error"]["code"] == "forbidden" and seen[2]["error"] is None
    assert admin.get(DASHBOARD).json()["widgets"][0]["error"] is None  # each user's own dashboard
