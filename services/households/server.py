"""The Households gRPC servicer: proto -> use case -> proto, nothing else."""
from __future__ import annotations

from google.protobuf import json_format

from services.common.context import require_landlord
from services.gen.tracker.households.v1 import households_service_pb2 as pb, households_service_pb2_grpc as pb_grpc

from . import service
from .events import household_changed, struct
from .views import HouseholdView, OccupantView


def _time(value) -> str:
    return value.isoformat() if value else ""


def occupant_message(o: OccupantView) -> pb.Occupant:
    r = o.resident
    message = pb.Occupant(person_id=r.person_id, personal_ref=r.personal_ref, first_name=r.first_name,
                          surname=r.surname, status=r.status,
                          date_of_birth=r.date_of_birth.isoformat() if r.date_of_birth else "",
                          tenancy_type=r.tenancy_type, joined_at=_time(o.joined_at), left_at=_time(o.left_at))
    if o.age is not None:
        message.age = o.age
    return message


def household_message(h: HouseholdView) -> pb.Household:
    line_1, line_2, line_3, line_4 = h.lines
    return pb.Household(
        household_id=h.household_id, matched_by=h.matched_by, property_ref=h.property_ref, address_line_1=line_1,
        address_line_2=line_2, address_line_3=line_3, address_line_4=line_4, postcode=h.postcode, address=h.address,
        occupant_count=h.occupant_count, occupied=h.occupant_count > 0,
        occupants=[occupant_message(o) for o in h.occupants],
        former_occupants=[occupant_message(o) for o in h.former_occupants],
        property_profile=struct(h.property_profile), household_profile=struct(h.household_profile),
        created_at=_time(h.created_at), updated_at=_time(h.updated_at))


def _given(request, name: str) -> dict | None:
    return json_format.MessageToDict(getattr(request, name)) if request.HasField(name) else None


class HouseholdsServicer(pb_grpc.HouseholdsServicer):
    def __init__(self, runtime, setup):
        self._runtime = runtime
        self._setup = setup

    def SearchHouseholds(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            total, found = service.search(uow, self._setup, criteria_given=_given(request, "criteria"),
                                          page=request.page or 1, page_size=request.page_size, sort=request.sort)
        return pb.SearchHouseholdsResponse(total=total, items=[household_message(h) for h in found])

    def GetHousehold(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return household_message(service.household(uow, self._setup, household_id=request.household_id))

    def GetPersonHousehold(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return household_message(service.person_household(uow, self._setup, person_id=request.person_id))

    def GetPeopleHouseholds(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            people, found = service.people_households(uow, self._setup, person_ids=list(request.person_ids))
        return pb.PeopleHouseholds(people=[pb.PersonHousehold(person_id=p, household_id=h) for p, h in people],
                                   households=[household_message(h) for h in found])

    def UpdateHouseholdProfiles(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return household_message(service.update_profiles(
                uow, self._setup, household_id=request.household_id,
                property_profile=_given(request, "property_profile"),
                household_profile=_given(request, "household_profile")))

    def StreamHouseholdStates(self, request, ctx):
        landlord_id = require_landlord()
        pages = service.household_states(lambda: self._runtime.uow(landlord_id, read_only=True),
                                         page_size=request.page_size, after_household_id=request.after_household_id)
        for page in pages:
            yield pb.HouseholdStates(households=[household_changed(h) for h in page])
