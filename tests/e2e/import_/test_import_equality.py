"""Equality data through the import (issue 13, item 7), in both modes: a file with an ethnicity or
disability column (by feed v1 name or through a saved mapping) needs the privileges "view equality
data" and "edit equality data", or the upload is refused (403 naming the columns) and nothing is
changed or compared; without those columns the same user imports as before. Someone without "view
equality data" reading another user's preview sees no equality field among what it would change,
and the rejected-rows report leaves out the equality columns. Synthetic data only."""
from __future__ import annotations

import uuid

from tests.e2e.conftest import ApiClient
from tests.e2e.imports_api import (FEED_COLUMNS, IMPORTS, assert_counts, error_fields, feed_csv, feed_person,
                                   rejected_report, run_to_completion, search_refs, upload_file)

INDIAN = "Asian, Asian British or Asian Welsh: Indian"
PERSON = feed_person("Q000001", "Quinn", "Example", 1)  # ethnicity "White: Irish", disability "No"
EQUALITY = ("ethnicity", "disability", "gender_identity", "marriage_civil_partnership", "pregnancy_maternity")
NO_EQUALITY = [c for c in FEED_COLUMNS if c not in EQUALITY]
BOTH = "needs 'view_equality_data' and 'edit_equality_data'; leave the column out of the file"


def _staff(admin: ApiClient, *extra: str) -> ApiClient:
    """A housing officer (no equality privileges) given these privileges too, signed in."""
    body = {"username": f"u.{uuid.uuid4().hex[:8]}", "name": "Pat Sample", "role": "housing_officer",
            "areas": ["Area A"], "extra_privileges": list(extra)}
    created = admin.post("/api/v1/users", json=body)
    assert created.status_code == 201, created.text
    first = ApiClient(admin.base).post("/api/v1/auth/token", json={"username": body["username"],
                                                                   "password": created.json()["one_time_password"]})
    changed = ApiClient(admin.base, first.json()["access_token"]).post("/api/v1/auth/password", json={
        "current_password": created.json()["one_time_password"], "new_password": "a quiet blue harbour"})
    assert changed.status_code == 200, changed.text
    return ApiClient(admin.base, changed.json()["access_token"])


def _ethnicity(admin: ApiClient) -> str:
    person = search_refs(admin, [PERSON["personal_ref"]])[PERSON["personal_ref"]]
    return admin.get(f"/api/v1/people/{person['id']}").json()["ethnicity"]


def test_equality_columns_need_the_equality_privileges_or_the_upload_is_refused(landlord):
    _, admin = landlord
    run_to_completion(admin, feed_csv([PERSON]))
    officer = _staff(admin, "run_imports")
    changed = {**PERSON, "ethnicity": INDIAN}
    for preview in ("true", "false"):
        answer = upload_file(officer, feed_csv([changed]), "delta", preview=preview)
        assert answer.status_code == 403, answer.text
        assert error_fields(answer) == {f"file.{c}": f"gives {c}, equality data: {BOTH}" for c in EQUALITY}
    assert admin.put(f"{IMPORTS}/mappings/Ours", json={"columns": {"Ethnic group": "ethnicity"}}).status_code == 200
    mapped = feed_csv([{**changed, "Ethnic group": INDIAN}], ["personal_ref", "first_name", "surname", "Ethnic group"])
    answer = upload_file(officer, mapped, "delta", mapping="Ours")
    assert answer.status_code == 403 and list(error_fields(answer)) == ["file.Ethnic group"], answer.text

    viewer = _staff(admin, "run_imports", "view_equality_data")
    answer = upload_file(viewer, feed_csv([changed]), "delta")
    assert answer.status_code == 403 and error_fields(answer)["file.ethnicity"] == (
        "gives ethnicity, equality data: needs 'edit_equality_data'; leave the column out of the file")
    assert officer.get(IMPORTS).json()["total"] == 1, "no run was queued for a refused file"
    assert _ethnicity(admin) == "White: Irish"

    run = run_to_completion(officer, feed_csv([{**changed, "surname": "Changed"}], NO_EQUALITY), "delta")
    assert_counts(run, rows_read=1, accepted=1, updated=1)
    run = run_to_completion(_staff(admin, "run_imports", "view_equality_data", "edit_equality_data"),
                            feed_csv([changed]), "delta")
    assert_counts(run, rows_read=1, updated=1)
    assert _ethnicity(admin) == INDIAN


def test_a_preview_shows_equality_changes_only_to_who_may_see_equality_data(landlord):
    _, admin = landlord
    run_to_completion(admin, feed_csv([PERSON]))
    rows = [{**PERSON, "ethnicity": INDIAN, "surname": "Changed"},
            feed_person("Q000002", "Rae", "Example", 2, ethnicity="Not an ethnicity")]
    answer = upload_file(admin, feed_csv(rows), "delta", preview="true")
    assert answer.status_code == 202, answer.text
    officer = _staff(admin, "run_imports")
    for reader, fields, columns in ((admin, ["ethnicity", "surname"], True), (officer, ["surname"], False)):
        run = reader.get(f"{IMPORTS}/{answer.json()['id']}")
        for _ in range(600):
            if run.json()["status"] in ("completed", "failed"):
                break
            run = reader.get(f"{IMPORTS}/{answer.json()['id']}")
        run = run.json()
        assert run["status"] == "completed" and run["counts"]["updated"] == 1, run
        assert [sorted(s["fields"]) for s in run["samples"]["updated"]] == [fields]
        [rejected] = rejected_report(reader, run["id"])
        assert (rejected["row"], rejected["column"]) == ("3", "ethnicity") and rejected["reason"]
        assert ("ethnicity" in rejected, "disability" in rejected) == (columns, columns)
        assert rejected["personal_ref"] == "Q000002"
    assert _ethnicity(admin) == "White: Irish", "a preview changes nothing"
