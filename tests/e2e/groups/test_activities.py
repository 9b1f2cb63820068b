"""Activities and participation records through the REST API in both modes: a
participation record links the person to the activity's group; a person's
records and groups are listed newest first; "took part in activity Z since a
date" and "in activity group Z" work as search criteria."""
from __future__ import annotations

from tests.e2e.conftest import eventually, new_landlord
from tests.e2e.people_api import add, errors, get_ok, wait_found, wait_searchable

ACTIVITIES = "/api/v1/activities"
RECORDS = "/api/v1/participation-records"
NOBODY = "00000000-0000-4000-8000-000000000000"


def _activity(admin, name, **fields) -> dict:
    answer = admin.post(ACTIVITIES, json={"name": name, "type": "Panel", **fields})
    assert answer.status_code == 201, answer.text
    return answer.json()


def _took_part(admin, person, activity, date, **fields) -> dict:
    answer = admin.post(RECORDS, json={"person_id": person["id"], "activity_id": activity["id"], "date": date, **fields})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_participation_links_people_to_activities_and_is_searchable(landlord):
    _, admin = landlord
    ada, bea, cy = (add(admin, n, "Involved", postcode="NF9 3CC") for n in ("Ada", "Bea", "Cy"))
    wait_searchable(admin, ada, bea, cy)
    panel = _activity(admin, "Residents' panel 2024", start_date="2024-01-15", description="Repairs and services")
    fun_day = _activity(admin, "Summer fun day", type="Event", start_date="2024-07-20", end_date="2024-07-20")
    assert panel["start_date"] == "2024-01-15" and panel["end_date"] is None and not panel["unspecified"]

    march = _took_part(admin, ada, panel, "2024-03-14", role="Panel member", notes="Raised the lift repairs")
    assert march["activity_name"] == "Residents' panel 2024" and march["role"] == "Panel member"
    june = _took_part(admin, ada, panel, "2024-06-13")
    _took_part(admin, bea, panel, "2024-02-08")
    _took_part(admin, ada, fun_day, "2024-07-20")
    linked = admin.post(f"/api/v1/people/{cy['id']}/groups", json={"activity_id": fun_day["id"]})
    assert linked.status_code == 201 and linked.json()["kind"] == "activity", linked.text

    records = get_ok(admin, f"/api/v1/people/{ada['id']}/participation-records")
    assert [r["date"] for r in records["items"]] == ["2024-07-20", "2024-06-13", "2024-03-14"], "newest first"
    assert get_ok(admin, RECORDS, params={"activity_id": panel["id"]})["total"] == 3
    assert get_ok(admin, RECORDS, params={"activity_id": panel["id"], "person_id": bea["id"]})["total"] == 1
    tab = get_ok(admin, f"/api/v1/people/{ada['id']}/groups")
    assert {(g["name"], g["kind"], g["how"]) for g in tab["items"]} == {
        ("Residents' panel 2024", "activity", "participation"), ("Summer fun day", "activity", "participation")}
    assert get_ok(admin, f"{ACTIVITIES}/{panel['id']}")["member_count"] == 2
    assert get_ok(admin, f"{ACTIVITIES}/{fun_day['id']}")["member_count"] == 2

    assert wait_found(admin, {"activity": [panel["id"]]}, {ada["id"], bea["id"]}) == {ada["id"], bea["id"]}
    since = {"participated": {"activity": [panel["id"]], "since": "2024-03-01"}}
    assert wait_found(admin, since, {ada["id"]}) == {ada["id"]}
    assert wait_found(admin, {"participated": {"until": "2024-02-28"}}, {bea["id"]}) == {bea["id"]}
    assert wait_found(admin, {"postcode": "NF9 3CC", "not_activity": [panel["id"]]}, {cy["id"]}) == {cy["id"]}
    assert wait_found(admin, {"activity": [fun_day["id"]], "not_activity": [panel["id"]]}, {cy["id"]}) == {cy["id"]}
    people = get_ok(admin, f"{ACTIVITIES}/{panel['id']}/people", params={"sort": "first_name"})
    assert [p["first_name"] for p in people["items"]] == ["Ada", "Bea"]

    moved = admin.patch(f"{RECORDS}/{june['id']}", json={"date": "2024-02-01", "role": "Chair"})
    assert moved.status_code == 200 and moved.json()["date"] == "2024-02-01" and moved.json()["role"] == "Chair"
    assert admin.delete(f"{RECORDS}/{march['id']}").status_code == 204
    assert wait_found(admin, since, set()) == set(), "no record of the panel since March any more"
    assert admin.delete(f"{RECORDS}/{march['id']}").status_code == 404


def test_activities_are_listed_changed_and_deleted_only_when_unused(landlord):
    _, admin = landlord
    used, spare = _activity(admin, "Tenant inspectors"), _activity(admin, "Digital drop-in", type="Training")
    person = add(admin, "Ivy", "Inspector")
    _took_part(admin, person, used, "2024-05-01")
    listed = get_ok(admin, ACTIVITIES)
    names = {a["name"] for a in listed["items"]}
    assert {"Tenant inspectors", "Digital drop-in"} <= names and listed["total"] == len(listed["items"])
    assert get_ok(admin, ACTIVITIES, params={"text": "DIGITAL"})["total"] == 1
    changed = admin.patch(f"{ACTIVITIES}/{spare['id']}", json={"end_date": "2024-12-31", "description": "Weekly"})
    assert changed.status_code == 200 and changed.json()["end_date"] == "2024-12-31", changed.text
    cleared = admin.patch(f"{ACTIVITIES}/{spare['id']}", json={"end_date": None})
    assert cleared.status_code == 200 and cleared.json()["end_date"] is None and cleared.json()["description"] == "Weekly"
    in_use = admin.delete(f"{ACTIVITIES}/{used['id']}")
    assert in_use.status_code == 409, in_use.text
    assert admin.delete(f"{ACTIVITIES}/{spare['id']}").status_code == 204
    assert admin.get(f"{ACTIVITIES}/{spare['id']}").status_code == 404
    assert get_ok(admin, f"{ACTIVITIES}/{used['id']}")["member_count"] == 1


def test_bad_participation_is_refused_naming_the_field(operator, landlord):
    _, admin = landlord
    activity = _activity(admin, "Estate walkabout", type="Event")
    person = add(admin, "Wyn", "Walker")
    stranger = admin.post(RECORDS, json={"person_id": NOBODY, "activity_id": activity["id"], "date": "2024-04-04"})
    assert stranger.status_code == 422 and "person_id" in errors(stranger), stranger.text
    nothing = admin.post(RECORDS, json={"person_id": person["id"], "activity_id": NOBODY, "date": "2024-04-04"})
    assert nothing.status_code in (404, 422), nothing.text
    bad_date = admin.post(RECORDS, json={"person_id": person["id"], "activity_id": activity["id"], "date": "14/03/2024"})
    assert bad_date.status_code == 422 and "date" in errors(bad_date)
    nameless = admin.post(ACTIVITIES, json={"name": ""})
    assert nameless.status_code == 422 and "name" in errors(nameless)
    unknown = admin.post("/api/v1/people/search", json={"criteria": {"participated": {"activity": [NOBODY]}}})
    assert unknown.status_code == 422 and any(f.startswith("criteria.participated") for f in errors(unknown)), unknown.text
    empty = admin.post("/api/v1/people/search", json={"criteria": {"participated": {}}})
    assert empty.status_code == 422, empty.text
    assert get_ok(admin, f"/api/v1/people/{person['id']}/participation-records")["total"] == 0
    assert get_ok(admin, f"{ACTIVITIES}/{activity['id']}")["member_count"] == 0
    _, other = new_landlord(operator)
    assert other.get(f"{ACTIVITIES}/{activity['id']}").status_code == 404
    assert other.get(f"/api/v1/people/{person['id']}/participation-records").status_code == 404
    theirs = other.post(RECORDS, json={"person_id": person["id"], "activity_id": activity["id"], "date": "2024-04-04"})
    assert theirs.status_code in (404, 422), theirs.text
    assert eventually(lambda: get_ok(admin, RECORDS, params={"activity_id": activity["id"]})["total"] == 0)


def test_dates_are_text_never_numbers_taken_as_days_since_1970(landlord):
    _, admin = landlord
    panel = _activity(admin, "Dates panel", start_date="2024-01-15")
    for bad in (0, 1654646400, "0", "1654646400", "2024-02-30", True):
        answer = admin.patch(f"{ACTIVITIES}/{panel['id']}", json={"end_date": bad})
        assert answer.status_code == 422, (bad, answer.text)
        assert [f["field"] for f in answer.json()["error"]["fields"]] == ["end_date"]
    assert admin.post(ACTIVITIES, json={"name": "Numbers", "start_date": 0}).status_code == 422
    assert admin.get(f"{ACTIVITIES}/{panel['id']}").json()["end_date"] is None
    assert admin.patch(f"{ACTIVITIES}/{panel['id']}", json={"end_date": "2024-12-15"}).json()["end_date"] == "2024-12-15"
