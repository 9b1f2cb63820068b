from google.protobuf import json_format

from services.common.grpc_client import call
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb

from .. import equality
from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas import NewPerson, PeopleSearch, PeopleSearchAnswer, PersonOut
from . import api


def _person(message) -> dict:
    return {"id": message.person_id, "personal_ref": message.personal_ref, "first_name": message.first_name,
            "surname": message.surname, "status": message.status, "created_at": message.created_at,
            "updated_at": message.updated_at}


@api.route("POST", "/api/v1/people", access=landlord_staff(Privilege.EDIT_PROFILES), tag="people", status=201,
           summary="Add a person by hand", body=NewPerson, response=PersonOut)
def create(gw, caller, body: NewPerson):
    equality.check_edit(body.model_fields_set, caller)
    created = call(gw.profiles.CreatePerson, pb.CreatePersonRequest(
        personal_ref=body.personal_ref, first_name=body.first_name, surname=body.surname))
    return equality.redact(_person(created), caller)


@api.route("GET", "/api/v1/people/{person_id}", access=landlord_staff(), tag="people",
           summary="A person's record", response=PersonOut)
def get(gw, caller, person_id: str):
    return equality.redact(_person(call(gw.profiles.GetPerson, pb.GetPersonRequest(person_id=person_id))), caller)


@api.route("POST", "/api/v1/people/search", access=landlord_staff(), tag="people",
           summary="Find people by criteria: a page, the exact total and facet counts",
           body=PeopleSearch, response=PeopleSearchAnswer)
def search(gw, caller, body: PeopleSearch):
    equality.check_use(body.criteria, caller, where="criteria")
    equality.check_use(body.columns, caller, where="columns")
    equality.check_use(body.facets, caller, where="facets")
    equality.check_use([s.field for s in body.sort], caller, where="sort")
    request = pb.SearchPeopleRequest(
        page_size=body.page_size, page=body.page, columns=body.columns, facets=body.facets,
        count_only=body.count_only, sort=[pb.SortField(field=s.field, descending=s.direction == "desc") for s in body.sort])
    request.criteria.update(body.criteria)
    answer = call(gw.profiles.SearchPeople, request)
    return {
        "total": answer.total, "page": body.page, "page_size": body.page_size,
        "items": [equality.redact(json_format.MessageToDict(item), caller) for item in answer.items],
        "facets": {name: dict(f.counts) for name, f in answer.facets.items()},
    }
