"""Value mappings for imported option values, through the REST API in both modes: a feed that spells ethnicity
the 2011 census's way and names an area the landlord does not have gets its rows rejected; the run's unknown
values come back with counts and suggestions; a preview says how many rows mappings would accept; once saved,
the next run imports the rows with the mapped options and no new option appears, even where unknown values would
add options. A mapping names an option the list has; equality fields need the equality privileges; another
landlord sees none of it. Synthetic data only."""
from __future__ import annotations

from tests.e2e.conftest import new_landlord
from tests.e2e.import_.test_import_equality import _staff
from tests.e2e.imports_api import (IMPORTS, assert_counts, error_fields, feed_csv, feed_person, run_to_completion,
                                   search_refs)
from tests.e2e.people_api import get_ok

CENSUS_2011 = "Asian or Asian British: Indian"
INDIAN = "Asian, Asian British or Asian Welsh: Indian"
VALUES = IMPORTS + "/value-mappings"


def _rows() -> list[dict]:
    return [feed_person("V000001", "Val", "Mapped", 1, ethnicity=CENSUS_2011),
            feed_person("V000002", "Vic", "Mapped", 2, ethnicity="asian or  asian british: INDIAN"),
            feed_person("V000003", "Viv", "Mapped", 3, ethnicity=CENSUS_2011, area="Northfield Estate"),
            feed_person("V000004", "Vin", "Fine", 4)]


def _labels(client, list_name: str) -> list[str]:
    return [o["label"] for o in get_ok(client, f"/api/v1/option-lists/{list_name}")["items"]]


def test_unknown_values_are_suggested_previewed_mapped_and_imported_without_new_options(landlord):
    _, admin = landlord
    areas, ethnicities = _labels(admin, "area"), _labels(admin, "ethnicity")

    first = run_to_completion(admin, feed_csv(_rows()), mode="delta")
    assert_counts(first, rows_read=4, accepted=1, rejected=3, created=1)
    unknown = get_ok(admin, f"{IMPORTS}/{first['id']}/unknown-values")
    assert [(u["field"], u["feed_value"], u["rows"], u["mapped_to"], u["suggestion"]) for u in unknown["items"]] == [
        ("ethnicity", CENSUS_2011, 3, None, INDIAN), ("area", "Northfield Estate", 1, None, None)]

    wrong = admin.put(VALUES + "/ethnicity", json={"mappings": [{"feed_value": CENSUS_2011, "option": "Indian"}]})
    assert wrong.status_code == 422 and "mappings[0].option" in error_fields(wrong), wrong.text
    twice = admin.put(VALUES + "/ethnicity", json={"mappings": [{"feed_value": CENSUS_2011, "option": INDIAN},
                                                               {"feed_value": CENSUS_2011.upper(), "option": INDIAN}]})
    assert twice.status_code == 422 and "mappings[1].feed_value" in error_fields(twice), twice.text
    no_field = admin.put(VALUES + "/postcode", json={"mappings": []})
    assert no_field.status_code == 422 and "field" in error_fields(no_field), no_field.text

    preview = admin.post(f"{IMPORTS}/{first['id']}/value-mappings/ethnicity/preview",
                         json={"mappings": [{"feed_value": CENSUS_2011, "option": INDIAN}]})
    assert preview.status_code == 200, preview.text
    assert (preview.json()["rejected_rows"], preview.json()["would_be_accepted"]) == (3, 2)  # V3's area is unknown
    assert get_ok(admin, VALUES)["total"] == 0, "a preview saves nothing"

    saved = admin.put(VALUES + "/ethnicity", json={"mappings": [{"feed_value": CENSUS_2011, "option": INDIAN.upper()}]})
    assert saved.status_code == 200, saved.text
    assert saved.json()["items"] == [{"field": "ethnicity", "feed_value": CENSUS_2011, "option": INDIAN}]
    assert get_ok(admin, f"{IMPORTS}/{first['id']}/unknown-values")["items"][0]["mapped_to"] == INDIAN

    assert admin.put(IMPORTS + "/settings", json={"add_unknown_options": ["ethnicity", "area"]}).status_code == 200
    second = run_to_completion(admin, feed_csv(_rows()), mode="delta")
    assert_counts(second, rows_read=4, rejected=0, created=3, unchanged=1)
    found = search_refs(admin, ["V000001", "V000002", "V000003"])
    for ref in ("V000001", "V000002"):
        assert get_ok(admin, f"/api/v1/people/{found[ref]['id']}")["ethnicity"] == INDIAN
    assert _labels(admin, "ethnicity") == ethnicities, "a mapped value never creates an option"
    assert _labels(admin, "area") == areas + ["Northfield Estate"], "an unmapped one does, where the settings say"


def test_equality_fields_need_the_equality_privileges_and_landlords_see_only_their_own(landlord, operator):
    _, admin = landlord
    saved = admin.put(VALUES + "/ethnicity", json={"mappings": [{"feed_value": CENSUS_2011, "option": INDIAN}]})
    assert saved.status_code == 200, saved.text
    assert admin.put(VALUES + "/household_status", json={"mappings": [{"feed_value": "Lead tenant",
                                                                      "option": "Head"}]}).status_code == 200
    officer = _staff(admin, "run_imports")
    assert [m["field"] for m in get_ok(officer, VALUES)["items"]] == ["household_status"]
    refused = officer.put(VALUES + "/ethnicity", json={"mappings": []})
    assert refused.status_code == 403, refused.text
    viewer = _staff(admin, "run_imports", "view_equality_data")
    assert viewer.put(VALUES + "/ethnicity", json={"mappings": []}).status_code == 403
    assert get_ok(admin, VALUES)["total"] == 2, "refused changes change nothing"

    _, other = new_landlord(operator)
    assert get_ok(other, VALUES)["total"] == 0
    run = run_to_completion(admin, feed_csv([feed_person("W000001", "Wyn", "Other", 1, area="Nowhere")]),
                            mode="delta")
    assert other.get(f"{IMPORTS}/{run['id']}/unknown-values").status_code == 404
