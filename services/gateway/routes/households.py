"""Households: the people at one property (matched by property reference, or by
the address lines and postcode), found by search, with their occupants, a
property profile and a household profile. Any staff member reads them; changing
the profiles needs the privilege edit_profiles."""
from __future__ import annotations

from google.protobuf import json_format

from services.common.grpc_client import call
from services.gen.tracker.households.v1 import households_service_pb2 as pb

from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas.households import (HouseholdList, HouseholdOut, HouseholdProfilesChanges, HouseholdQuery,
                                  HouseholdQuickView, HouseholdSearch)
from . import api

HOUSEHOLDS = "/api/v1/households"
HOUSEHOLD = HOUSEHOLDS + "/{household_id}"
READ = landlord_staff()
EDIT = landlord_staff(Privilege.EDIT_PROFILES)
TAG = "households"
CHILD_AGE = 16


def occupant(message) -> dict:
    return {"person_id": message.person_id, "personal_ref": message.personal_ref, "first_name": message.first_name,
            "surname": message.surname, "status": message.status, "date_of_birth": message.date_of_birth or None,
            "age": message.age if message.HasField("age") else None, "tenancy_type": message.tenancy_type or None,
            "joined_at": message.joined_at, "left_at": message.left_at or None}


def household(message) -> dict:
    def struct(name):
        return json_format.MessageToDict(getattr(message, name)) if message.HasField(name) else {}
    return {
        "id": message.household_id, "matched_by": message.matched_by, "property_ref": message.property_ref or None,
        **{f"address_line_{i}": getattr(message, f"address_line_{i}") or None for i in range(1, 5)},
        "postcode": message.postcode or None, "address": message.address, "occupant_count": message.occupant_count,
        "occupied": message.occupied, "occupants": [occupant(o) for o in message.occupants],
        "former_occupants": [occupant(o) for o in message.former_occupants],
        "property_profile": struct("property_profile"), "household_profile": struct("household_profile"),
        "created_at": message.created_at, "updated_at": message.updated_at,
    }


def _search(gw, criteria: dict, page: int, page_size: int, sort: str) -> dict:
    request = pb.SearchHouseholdsRequest(page=page, page_size=page_size, sort=sort)
    request.criteria.update(criteria)
    answer = call(gw.clients.households.SearchHouseholds, request)
    return {"total": answer.total, "page": page, "page_size": page_size,
            "items": [household(h) for h in answer.items]}


@api.route("GET", HOUSEHOLDS, access=READ, tag=TAG, query=HouseholdQuery, response=HouseholdList,
           summary="Households by address, postcode or property reference (every word starts a word of them)")
def list_households(gw, caller, query: HouseholdQuery):
    return _search(gw, {"text": query.text} if query.text else {}, query.page, query.page_size, query.sort)


@api.route("POST", HOUSEHOLDS + "/search", access=READ, tag=TAG, body=HouseholdSearch, response=HouseholdList,
           summary="Households matching criteria: address, occupants, children, tenancy types, property and "
                   "household profile fields")
def search(gw, caller, body: HouseholdSearch):
    return _search(gw, body.criteria, body.page, body.page_size, body.sort)


@api.route("GET", HOUSEHOLD, access=READ, tag=TAG, response=HouseholdOut,
           summary="A household: its occupants (oldest first), former occupants, property and household profiles")
def get(gw, caller, household_id: str):
    return household(call(gw.clients.households.GetHousehold, pb.GetHouseholdRequest(household_id=household_id)))


@api.route("PATCH", HOUSEHOLD, access=EDIT, tag=TAG, body=HouseholdProfilesChanges, response=HouseholdOut,
           summary="Change the property profile and/or the household profile (custom fields by key; null clears)")
def change(gw, caller, household_id: str, body: HouseholdProfilesChanges):
    request = pb.UpdateHouseholdProfilesRequest(household_id=household_id)
    if body.property_profile is not None:
        request.property_profile.update(body.property_profile)
    if body.household_profile is not None:
        request.household_profile.update(body.household_profile)
    return household(call(gw.clients.households.UpdateHouseholdProfiles, request))


@api.route("GET", HOUSEHOLD + "/quick-view", access=READ, tag=TAG, response=HouseholdQuickView,
           summary="A snapshot of a household: address, who lives there, children, tenancy types")
def quick_view(gw, caller, household_id: str):
    found = call(gw.clients.households.GetHousehold, pb.GetHouseholdRequest(household_id=household_id))
    tenancy_types = list(dict.fromkeys(o.tenancy_type for o in found.occupants if o.tenancy_type))
    return {"id": found.household_id, "address": found.address, "property_ref": found.property_ref or None,
            "occupied": found.occupied, "occupant_count": found.occupant_count,
            "occupants": [" ".join(p for p in (o.first_name, o.surname) if p) for o in found.occupants],
            "children": sum(1 for o in found.occupants if o.HasField("age") and o.age < CHILD_AGE),
            "tenancy_types": tenancy_types}
