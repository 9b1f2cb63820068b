"""Post through the REST API in both modes: a mailing per household names the occupants its rules include
("Mr A Lambert and Mrs B Lambert", the under-16 left out) on one letter to the household's address; a
mailing per person goes to each person, or to their alternative contact's address on their behalf; people
opted out of post, archived or with no address are left off with the reason; large print is marked; the
mail-merge file (CSV and XLSX) has one row per letter; sending records each person on the list as Mailed,
and a person who opts out after the list was built is not recorded. Synthetic data."""
from __future__ import annotations

import csv
import io

import openpyxl

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, errors, occupant_ids, wait_household, wait_searchable

MESSAGES = "/api/v1/messages"
OAK = {"address_line_1": "24 Oak Drive", "address_line_4": "Northfield", "postcode": "NF3 2SS"}
ELM = {"address_line_1": "7 Elm Row", "address_line_4": "Northfield", "postcode": "NF1 4EL"}
ADULTS = ["16-44", "45-64", "65+"]


def _letter(admin, **fields) -> dict:
    made = admin.post(MESSAGES, json={"channel": "post", "sender_name": "Northfield Homes",
                                      "description": "Rent letter", **fields})
    assert made.status_code == 201, made.text
    return made.json()


def _list(admin, message: dict, people: list[dict]) -> dict:
    listed = admin.post(f"{MESSAGES}/{message['id']}/recipients",
                        json={"criteria": {"person_id": [p["id"] for p in people]}})
    assert listed.status_code == 200, listed.text
    return listed.json()


def _csv(admin, message: dict) -> list[dict]:
    got = admin.get(f"{MESSAGES}/{message['id']}/mailing-list", params={"format": "csv"})
    assert got.status_code == 200 and got.headers["Content-Type"].startswith("text/csv"), got.text
    return list(csv.DictReader(io.StringIO(got.content.decode("utf-8-sig"))))


def test_a_household_mailing_names_the_occupants_its_rules_include(platform, landlord):
    _, admin = landlord
    alan = add(admin, "Alan", "Lambert", title="Mr", date_of_birth="1970-03-01", household_status="Head", **OAK)
    beth = add(admin, "Beth", "Lambert", title="Mrs", date_of_birth="1972-07-09", household_status="Joint", **OAK)
    gus = add(admin, "Gus", "Lambert", title="Mr", date_of_birth="2016-02-02", household_status="Other", **OAK)
    eve = add(admin, "Eve", "Elm", title="Ms", preferences=["Large print required"], **ELM)
    homeless = add(admin, "Nia", "Noaddress")
    wait_searchable(admin, alan, beth, gus, eve, homeless)
    assert wait_household(admin, alan["id"], lambda h: occupant_ids(h) == {alan["id"], beth["id"], gus["id"]})

    message = _letter(admin, mailing="household", household_rules={"age_bands": ADULTS})
    assert message["mailing"] == "household" and message["household_rules"] == {
        "tenancy_types": [], "age_bands": ADULTS, "household_statuses": []}
    listed = _list(admin, message, [alan, beth, eve, homeless])
    assert listed["included"] == 3
    assert {e["reason"]: e["count"] for e in listed["excluded"]} == {"no_address": 1}
    shown = {r["person_id"]: r for r in admin.get(f"{MESSAGES}/{message['id']}/preview").json()["items"]}
    assert shown[alan["id"]]["to_name"] == "Mr A Lambert and Mrs B Lambert"
    assert shown[alan["id"]]["household_id"] == shown[beth["id"]]["household_id"] is not None
    assert shown[eve["id"]]["to_name"] == "Ms E Elm" and shown[eve["id"]]["large_print"] is True
    assert shown[homeless["id"]]["reason_label"] == "No postal address"

    rows = _csv(admin, message)
    assert [(r["Name"], r["Address line 1"], r["Postcode"], r["Large print"]) for r in rows] == [
        ("Ms E Elm", "7 Elm Row", "NF1 4EL", "Yes"),
        ("Mr A Lambert and Mrs B Lambert", "24 Oak Drive", "NF3 2SS", "No")]
    assert sorted(rows[1]["Personal references"].split(", ")) == sorted([alan["personal_ref"], beth["personal_ref"]])
    book = admin.get(f"{MESSAGES}/{message['id']}/mailing-list")
    assert book.status_code == 200 and "spreadsheetml" in book.headers["Content-Type"]
    sheet = openpyxl.load_workbook(io.BytesIO(book.content), read_only=True).worksheets[0]
    assert [list(r) for r in sheet.iter_rows(values_only=True)][2][0] == "Mr A Lambert and Mrs B Lambert"

    # everyone named by the household's rules when they are none; an opt-out after the list is honoured
    everyone = _letter(admin, mailing="household")
    _list(admin, everyone, [gus])
    assert _csv(admin, everyone)[0]["Name"] == "Mr A Lambert, Mrs B Lambert and Mr G Lambert"

    assert admin.patch(f"/api/v1/people/{eve['id']}", json={"preferences": ["No post"]}).status_code == 200
    sending = admin.post(f"{MESSAGES}/{message['id']}/send")
    assert sending.status_code == 202, sending.text
    done = eventually(lambda: (lambda m: m if m["status"] == "sent" else None)(
        admin.get(f"{MESSAGES}/{message['id']}").json()))
    assert done and done["sent"] == 2, done
    tab = admin.get(f"/api/v1/people/{beth['id']}/communications").json()
    assert [(c["communication_code"], c["outcome_code"], c["message_id"]) for c in tab["items"]] == [
        ("mailed", "sent", message["id"])]
    assert admin.get(f"/api/v1/people/{eve['id']}/communications").json()["total"] == 0
    assert admin.get(f"/api/v1/people/{gus['id']}/communications").json()["total"] == 0


def test_a_letter_per_person_goes_to_the_alternative_contact_and_bad_input_is_refused(platform, landlord):
    _, admin = landlord
    helped = add(admin, "Hal", "Helped", title="Mr", alt_contact_name="Cara Carer",
                 alt_contact_address="3 Ash Close, Southfield, SF2 7AB", **ELM)
    unhelped = add(admin, "Una", "Unhelped", alt_contact_name="Dee Distant", **OAK)
    quiet = add(admin, "Quin", "Quiet", preferences=["No post"], **OAK)
    wait_searchable(admin, helped, unhelped, quiet)
    message = _letter(admin)
    assert message["mailing"] == "person"
    listed = _list(admin, message, [helped, unhelped, quiet])
    assert listed["included"] == 1
    assert {e["reason"]: e["count"] for e in listed["excluded"]} == {"contact_no_address": 1, "opted_out": 1}
    rows = _csv(admin, message)
    assert [(r["Name"], r["Address line 1"], r["Address line 2"], r["Postcode"], r["On behalf of"]) for r in rows] == [
        ("Cara Carer", "3 Ash Close", "Southfield", "SF2 7AB", "Hal Helped")]

    for body, field in (({"mailing": "street"}, "mailing"), ({"household_rules": {"age_bands": ["65+"]}},
                                                            "household_rules"),
                        ({"subject": "Hello"}, "subject"), ({"household_rules": {"pets": ["cat"]}}, "household_rules")):
        refused = admin.post(MESSAGES, json={"channel": "post", "sender_name": "Northfield Homes", **body})
        assert refused.status_code == 422 and any(f.startswith(field) for f in errors(refused)), refused.text
    email = admin.post(MESSAGES, json={"channel": "email", "sender_name": "N", "sender_email": "n@example.org",
                                       "subject": "S", "html": "<p>x</p>"}).json()
    not_post = admin.get(f"{MESSAGES}/{email['id']}/mailing-list")
    assert not_post.status_code == 422 and "message_id" in errors(not_post), not_post.text
