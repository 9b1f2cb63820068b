"""People searches behind several routes: criteria that name search templates,
groups, activities or participation are expanded by the groups service before
profiles searches; equality criteria are refused to those who may not see them,
also inside any_of and inside the templates used."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from google.protobuf import json_format

from services.common.criteria import GROUP_KEYS  # criteria only the groups service can expand
from services.common.errors import FieldProblem, InvalidInput, NotFound
from services.common.people_rows import resolve as resolve_people
from services.common.grpc_client import call
from services.common.search import SortKey
from services.gen.tracker.groups.v1 import groups_service_pb2 as groups_pb
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb

from . import equality

BOTH_STATUSES = ["current", "archived"]


def criteria_keys(criteria: dict, prefix: str = "") -> Iterator[str]:
    """Every criterion named, nested ones (any_of) as any_of.<i>.<key>."""
    for key, value in (criteria or {}).items():
        yield prefix + key
        if key == "any_of" and isinstance(value, list):
            for i, nested in enumerate(value):
                if isinstance(nested, dict):
                    yield from criteria_keys(nested, f"{prefix}any_of.{i}.")


def needs_groups(keys: Iterable[str]) -> bool:
    """Whether criteria naming these keys (criteria_keys) need the groups service to expand them."""
    return any(key.rsplit(".", 1)[-1] in GROUP_KEYS for key in keys)


def expand(gw, criteria: dict) -> dict:
    """Criteria as profiles takes them (templates replaced by their criteria, group and activity ids checked)."""
    request = groups_pb.ExpandCriteriaRequest()
    request.criteria.update(criteria)
    answer = call(gw.clients.groups.ExpandCriteria, request)
    return json_format.MessageToDict(answer.criteria) if answer.HasField("criteria") else {}


def checked(gw, caller, criteria: dict) -> dict:
    """The criteria expanded, refused if they (or a template they use) need equality data the caller may not see.
    Their keys are read once; only criteria that need it go to the groups service."""
    keys = list(criteria_keys(criteria))
    equality.check_use(keys, caller, where="criteria")
    if not needs_groups(keys):
        return criteria
    expanded = expand(gw, criteria)
    equality.check_use(criteria_keys(expanded), caller, where="criteria")
    return expanded


def one_source(body, names: tuple[str, ...]) -> str:
    """Which of the fields `names` (ways of saying who) the body gives, when it gives exactly one; else
    InvalidInput naming those given (more than one) or all of them (none)."""
    given = [name for name in names if getattr(body, name) is not None]
    if len(given) == 1:
        return given[0]
    reason = f"give {', '.join(names[:-1])} or {names[-1]} (one of them)"
    raise InvalidInput(reason, [FieldProblem(name, reason) for name in given or names])


def picked_people(gw, caller, criteria: dict, *, most: int, field: str = "criteria") -> list[str]:
    """The ids of the people the criteria pick now (checked as `checked` does): 1 to `most` of them, else
    InvalidInput naming `field`, as are the criteria's own problems (a request that names a group or a
    template by `field` hears of it there, not of the criteria it was turned into)."""
    if not criteria:
        raise InvalidInput.field(field, "must pick someone: give at least one criterion")
    picked: list[str] = []
    try:
        for total, ids in resolve_people(gw.profiles, checked(gw, caller, criteria), most):
            if total > most:
                raise InvalidInput.field(field, f"picks {total:,} people: at most {most:,} can be named at once")
            picked += ids
    except InvalidInput as error:
        if field == "criteria":
            raise
        problems = [FieldProblem(field, p.reason) if p.field.startswith("criteria") else p for p in error.fields]
        message = "; ".join(f"{p.field}: {p.reason}" for p in problems) or error.message
        raise InvalidInput(message, problems) from None
    if not picked:
        raise InvalidInput.field(field, "picks nobody")
    return picked


def search_people(gw, caller, *, criteria: dict, page: int = 1, page_size: int = 25, sort: Iterable[SortKey] = (),
                  columns: Iterable[str] = (), facets: Iterable[str] = (), count_only: bool = False) -> dict:
    """A page of people in the people-search answer shape."""
    sort, columns, facets = list(sort), list(columns), list(facets)
    equality.check_use(columns, caller, where="columns")
    equality.check_use(facets, caller, where="facets")
    equality.check_use([key.field for key in sort], caller, where="sort")
    request = pb.SearchPeopleRequest(
        page_size=page_size, page=page, columns=columns, facets=facets, count_only=count_only,
        sort=[pb.SortField(field=key.field, descending=key.descending) for key in sort])
    request.criteria.update(checked(gw, caller, criteria))
    answer = call(gw.profiles.SearchPeople, request)
    return {"total": answer.total, "page": page, "page_size": page_size,
            "items": [equality.redact(row_json(row), caller) for row in answer.rows],
            "facets": {name: [facet_value_json(v) for v in facet.values] for name, facet in answer.facet_values.items()}}


def row_json(row: pb.PersonRow) -> dict[str, Any]:
    """A typed row as the API shows it: the standard columns, then the others in the order asked."""
    found = {"id": row.id, "status": row.status, "personal_ref": row.personal_ref, "first_name": row.first_name,
             "surname": row.surname, "address": row.address}
    for cell in row.columns:
        kind = cell.WhichOneof("value")
        found[cell.column] = (None if kind is None else list(cell.labels.labels) if kind == "labels"
                              else getattr(cell, kind))
    return found


def facet_value_json(value: pb.FacetValue) -> dict[str, Any]:
    return {"value": json_format.MessageToDict(value.value) if value.HasField("value") else None,
            "label": value.label, "count": value.count}


def people_rows(gw, caller, person_ids: list[str]) -> list[dict[str, Any]]:
    """Search rows of these people, in this order. Someone the index has not caught up with yet is
    read from their record instead; someone who no longer exists is left out."""
    if not person_ids:
        return []
    page = search_people(gw, caller, criteria={"person_id": list(person_ids), "status": BOTH_STATUSES},
                         page_size=len(person_ids))
    rows = {row["id"]: row for row in page["items"]}
    ordered = []
    for person_id in person_ids:
        row = rows.get(person_id)
        if row is None:
            row = _row_from_record(gw, caller, person_id)
        if row is not None:
            ordered.append(row)
    return ordered


def _row_from_record(gw, caller, person_id: str) -> dict | None:
    try:
        person = call(gw.profiles.GetPerson, pb.GetPersonRequest(person_id=person_id))
    except NotFound:
        return None
    fields = json_format.MessageToDict(person.fields) if person.HasField("fields") else {}
    lines = [fields.get(f"address_line_{i}") for i in range(1, 5)] + [fields.get("postcode")]
    return equality.redact({"id": person.person_id, "personal_ref": person.personal_ref,
                            "first_name": person.first_name, "surname": person.surname, "status": person.status,
                            "address": ", ".join(p for p in lines if p)}, caller)


def sort_keys(sort) -> list[SortKey]:
    """The sort of a body (SortField: field, direction) or a query (e.g. "-age"), in the one form it keeps from
    here to the index."""
    return [SortKey(item.lstrip("-"), item.startswith("-")) if isinstance(item, str)
            else SortKey(item.field, item.direction == "desc") for item in sort]
