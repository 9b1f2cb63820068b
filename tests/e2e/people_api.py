"""Helpers of the households, groups, templates and activities tests: add people,
and wait (polling, never sleeping blindly) until search or households have caught
up with what was changed."""
from __future__ import annotations

import uuid

from tests.e2e.conftest import eventually

SEARCH = "/api/v1/people/search"


def add(client, first: str, surname: str, **fields) -> dict:
    """A person added by hand (synthetic data only); their id and fields as the API answers."""
    body = {"personal_ref": f"T{uuid.uuid4().hex[:8].upper()}", "first_name": first, "surname": surname, **fields}
    answer = client.post("/api/v1/people", json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()


def ids(page: dict) -> set[str]:
    return {row["id"] for row in page["items"]}


def search(client, criteria: dict, **body) -> dict:
    answer = client.post(SEARCH, json={"criteria": criteria, "page_size": 500, **body})
    assert answer.status_code == 200, answer.text
    return answer.json()


def wait_found(client, criteria: dict, expected: set[str], timeout: float = 30.0) -> set[str]:
    """Poll the people search until exactly `expected` match; answers who matched last."""
    seen = {}

    def check():
        seen["ids"] = ids(search(client, criteria))
        return seen["ids"] == expected
    eventually(check, timeout)
    return seen["ids"]


def wait_searchable(client, *people: dict) -> None:
    wanted = {p["id"] for p in people}
    found = wait_found(client, {"person_id": sorted(wanted), "status": ["current", "archived"]}, wanted)
    assert found == wanted, "search never caught up with the people added"


def get_ok(client, path: str, **kwargs) -> dict:
    answer = client.get(path, **kwargs)
    assert answer.status_code == 200, f"{path}: {answer.status_code} {answer.text}"
    return answer.json()


def household_of(client, person_id: str) -> dict | None:
    answer = client.get(f"/api/v1/people/{person_id}/household")
    return answer.json() if answer.status_code == 200 else None


def wait_household(client, person_id: str, check=lambda household: True, timeout: float = 30.0) -> dict | None:
    """Poll the person's household until `check` holds; the household (or None) last seen."""
    seen = {}

    def poll():
        seen["household"] = household_of(client, person_id)
        return seen["household"] is not None and check(seen["household"])
    eventually(poll, timeout)
    return seen["household"]


def occupant_ids(household: dict) -> set[str]:
    return {o["person_id"] for o in household["occupants"]}


def errors(answer) -> dict[str, str]:
    return {f["field"]: f["reason"] for f in answer.json()["error"]["fields"]}
