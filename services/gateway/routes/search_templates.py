"""Search templates: named saved criteria, re-evaluated every time they are used,
so always up to date (unlike an admin group, a fixed list). Any staff member
reads and uses them; saving, changing and deleting them needs the privilege
edit_profiles."""
from __future__ import annotations

from google.protobuf import json_format

from services.common.grpc_client import call
from services.gen.tracker.groups.v1 import groups_service_pb2 as pb

from .. import equality, searching
from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas.groups import (ListQuery, NewSearchTemplate, PeoplePage, PeoplePageQuery, SearchTemplateChanges,
                              SearchTemplateList, SearchTemplateOut)
from ..schemas.people import PeopleSearchAnswer
from . import api

TEMPLATES = "/api/v1/search-templates"
TEMPLATE = TEMPLATES + "/{search_template_id}"
READ = landlord_staff()
EDIT = landlord_staff(Privilege.EDIT_PROFILES)
TAG = "search templates"


def template(message) -> dict:
    return {"id": message.search_template_id, "name": message.name, "description": message.description,
            "criteria": json_format.MessageToDict(message.criteria) if message.HasField("criteria") else {},
            "created_at": message.created_at, "created_by": message.created_by, "updated_at": message.updated_at}


def _people(gw, caller, search_template_id: str, **page) -> dict:
    """Whoever the template picks now: its criteria, expanded (templates it names, groups), searched afresh."""
    found = call(gw.clients.groups.GetSearchTemplate, pb.GetByIdRequest(id=search_template_id))
    criteria = json_format.MessageToDict(found.criteria) if found.HasField("criteria") else {}
    return searching.search_people(gw, caller, criteria=criteria, **page)


@api.route("GET", TEMPLATES, access=READ, tag=TAG, query=ListQuery, response=SearchTemplateList,
           summary="The landlord's search templates (name or description containing the text, any case)")
def list_templates(gw, caller, query: ListQuery):
    answer = call(gw.clients.groups.ListSearchTemplates, pb.ListRequest(text=query.text, page=query.page,
                                                                        page_size=query.page_size))
    return {"total": answer.total, "items": [template(t) for t in answer.items]}


@api.route("POST", TEMPLATES, access=EDIT, tag=TAG, status=201, body=NewSearchTemplate, response=SearchTemplateOut,
           summary="Save criteria as a search template (its name unique, whatever the case; the criteria must "
                   "validate, and may use other templates but not themselves)")
def create(gw, caller, body: NewSearchTemplate):
    equality.check_use(searching.criteria_keys(body.criteria), caller, where="criteria")
    request = pb.CreateSearchTemplateRequest(name=body.name, description=body.description)
    request.criteria.update(body.criteria)
    return template(call(gw.clients.groups.CreateSearchTemplate, request))


@api.route("GET", TEMPLATE, access=READ, tag=TAG, response=SearchTemplateOut, summary="A search template")
def get(gw, caller, search_template_id: str):
    return template(call(gw.clients.groups.GetSearchTemplate, pb.GetByIdRequest(id=search_template_id)))


@api.route("PATCH", TEMPLATE, access=EDIT, tag=TAG, body=SearchTemplateChanges, response=SearchTemplateOut,
           summary="Rename a search template, change its description, or replace its criteria")
def change(gw, caller, search_template_id: str, body: SearchTemplateChanges):
    request = pb.UpdateSearchTemplateRequest(search_template_id=search_template_id,
                                             **{k: v for k, v in body.model_dump(exclude_unset=True).items()
                                                if k in ("name", "description") and v is not None})
    if body.criteria is not None:
        equality.check_use(searching.criteria_keys(body.criteria), caller, where="criteria")
        request.criteria.SetInParent()  # {} (everybody current) replaces the criteria too
        request.criteria.update(body.criteria)
    return template(call(gw.clients.groups.UpdateSearchTemplate, request))


@api.route("DELETE", TEMPLATE, access=EDIT, tag=TAG, status=204,
           summary="Delete a search template (409 while another template uses it)")
def delete(gw, caller, search_template_id: str):
    call(gw.clients.groups.DeleteSearchTemplate, pb.GetByIdRequest(id=search_template_id))
    return None, 204


@api.route("GET", TEMPLATE + "/people", access=READ, tag=TAG, query=PeoplePageQuery, response=PeopleSearchAnswer,
           summary="Whoever the template picks now (re-evaluated on every call), as a people-search page")
def people(gw, caller, search_template_id: str, query: PeoplePageQuery):
    return _people(gw, caller, search_template_id, page=query.page, page_size=query.page_size,
                   sort=searching.sort_keys(query.sort), columns=query.columns)


@api.route("POST", TEMPLATE + "/people", access=READ, tag=TAG, body=PeoplePage, response=PeopleSearchAnswer,
           summary="Whoever the template picks now (re-evaluated on every call): a page, sorted, with columns and "
                   "facet counts as in people search")
def search_people(gw, caller, search_template_id: str, body: PeoplePage):
    return _people(gw, caller, search_template_id, page=body.page, page_size=body.page_size,
                   sort=searching.sort_keys(body.sort), columns=body.columns, facets=body.facets,
                   count_only=body.count_only)
