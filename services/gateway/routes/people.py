from google.protobuf import json_format

from services.common.grpc_client import call
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb

from .. import equality, searching
from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas.people import (
    HistoryQuery, NewPerson, PeopleSearch, PeopleSearchAnswer, PersonChanges, PersonHistory, PersonOut, QuickView,
)
from . import api


def person_record(message, caller) -> dict:
    fields = json_format.MessageToDict(message.fields) if message.HasField("fields") else {}
    imported = list(message.imported_fields)
    record = {**fields, "id": message.person_id, "personal_ref": message.personal_ref,
              "first_name": message.first_name, "surname": message.surname, "status": message.status,
              "created_at": message.created_at, "updated_at": message.updated_at, "alerts": list(message.alerts),
              "imported_fields": imported,
              "read_only_fields": sorted(set(imported) | set(equality.read_only_person_fields(caller)))}
    return equality.redact(record, caller)


def _given(body) -> dict:
    """The fields the caller sent (null included: it clears), as JSON values."""
    return body.model_dump(mode="json", include=body.model_fields_set)


@api.route("POST", "/api/v1/people", access=landlord_staff(Privilege.EDIT_PROFILES), tag="people", status=201,
           summary="Add a person by hand (not of a tenancy type the housing-system import feeds)",
           body=NewPerson, response=PersonOut)
def create(gw, caller, body: NewPerson):
    equality.check_edit(body.model_fields_set, caller)
    given = _given(body)
    request = pb.CreatePersonRequest(personal_ref=given.pop("personal_ref", None) or "",
                                     first_name=given.pop("first_name", None) or "",
                                     surname=given.pop("surname", None) or "")
    request.fields.update(given)
    return person_record(call(gw.profiles.CreatePerson, request), caller)


@api.route("GET", "/api/v1/people/{person_id}", access=landlord_staff(), tag="people",
           summary="A person's record", response=PersonOut)
def get(gw, caller, person_id: str):
    return person_record(call(gw.profiles.GetPerson, pb.GetPersonRequest(person_id=person_id)), caller)


@api.route("PATCH", "/api/v1/people/{person_id}", access=landlord_staff(Privilege.EDIT_PROFILES), tag="people",
           summary="Change fields of a person (imported fields are read-only; every change goes into the history)",
           body=PersonChanges, response=PersonOut)
def change(gw, caller, person_id: str, body: PersonChanges):
    equality.check_edit(body.model_fields_set, caller)
    request = pb.UpdatePersonRequest(person_id=person_id)
    request.fields.update(_given(body))
    return person_record(call(gw.profiles.UpdatePerson, request), caller)


@api.route("GET", "/api/v1/people/{person_id}/quick-view", access=landlord_staff(), tag="people",
           summary="Name, address, contact details, tenancy type and alerts", response=QuickView)
def quick_view(gw, caller, person_id: str):
    person = person_record(call(gw.profiles.GetPerson, pb.GetPersonRequest(person_id=person_id)), caller)
    lines = [person.get(f"address_line_{i}") for i in range(1, 5)] + [person.get("postcode")]
    name = " ".join(p for p in (person.get("title"), person["first_name"], person["surname"]) if p)
    return {"id": person["id"], "personal_ref": person["personal_ref"], "name": name,
            "address": ", ".join(p for p in lines if p), "phone": person.get("phone"), "mobile": person.get("mobile"),
            "email": person.get("email"), "tenancy_type": person.get("tenancy_type"), "status": person["status"],
            "alerts": person["alerts"]}


@api.route("GET", "/api/v1/people/{person_id}/history", access=landlord_staff(), tag="people", query=HistoryQuery,
           summary="Every change to the person's core fields: who, when, field, old and new value; newest first",
           response=PersonHistory)
def history(gw, caller, person_id: str, query: HistoryQuery):
    answer = call(gw.profiles.GetPersonHistory, pb.GetPersonHistoryRequest(
        person_id=person_id, page=query.page, page_size=query.page_size))
    hidden = not equality.may_view(caller)
    items = []
    for c in answer.changes:
        entry = {"changed_at": c.changed_at, "changed_by": c.changed_by, "source": c.source, "field": c.field,
                 "old_value": c.old_value if c.HasField("old_value") else None,
                 "new_value": c.new_value if c.HasField("new_value") else None}
        if hidden and c.field in equality.EQUALITY_FIELDS:
            entry["old_value"] = entry["new_value"] = "(hidden)" if (entry["old_value"] or entry["new_value"]) else None
        items.append(entry)
    return {"total": answer.total, "page": query.page, "page_size": query.page_size, "items": items}


@api.route("POST", "/api/v1/people/search", access=landlord_staff(), tag="people",
           summary="Find people by criteria: a page, the exact total and facet counts. Criteria may name search "
                   "templates, admin groups, activities and participation (expanded by the groups service)",
           body=PeopleSearch, response=PeopleSearchAnswer)
def search(gw, caller, body: PeopleSearch):
    return searching.search_people(gw, caller, criteria=body.criteria, page=body.page, page_size=body.page_size,
                                   sort=searching.sort_keys(body.sort), columns=body.columns, facets=body.facets,
                                   count_only=body.count_only)
