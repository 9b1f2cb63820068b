"""The Profiles gRPC servicer: proto -> use case -> proto, nothing else."""
from __future__ import annotations

from google.protobuf import json_format, struct_pb2

from services.common import context
from services.common.errors import Unauthenticated
from services.common.search import SearchIndex
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb, profiles_service_pb2_grpc as pb_grpc

from . import search, service
from .events import person_message


def _landlord() -> str:
    landlord_id = context.current().landlord_id
    if not landlord_id:
        raise Unauthenticated("no landlord in the call metadata")
    return landlord_id


class ProfilesServicer(pb_grpc.ProfilesServicer):
    def __init__(self, runtime, index: SearchIndex):
        self._runtime = runtime
        self._index = index

    def CreatePerson(self, request, ctx):
        with self._runtime.uow(_landlord()) as uow:
            person = service.add_person(uow, personal_ref=request.personal_ref, first_name=request.first_name,
                                        surname=request.surname, user_id=context.current().user_id)
        return person_message(person)

    def GetPerson(self, request, ctx):
        with self._runtime.uow(_landlord()) as uow:
            return person_message(service.get_person(uow, person_id=request.person_id))

    def SearchPeople(self, request, ctx):
        page = search.Page(
            size=request.page_size or 25, number=request.page or 1,
            sort=[(s.field, "desc" if s.descending else "asc") for s in request.sort],
            columns=list(request.columns), facets=list(request.facets), count_only=request.count_only)
        criteria = json_format.MessageToDict(request.criteria) if request.HasField("criteria") else {}
        result = service.search_people(self._index, landlord_id=_landlord(), criteria=criteria, page=page)
        answer = pb.SearchPeopleResponse(total=result.total)
        for item in result.items:
            answer.items.append(_struct(item))
        for name, counts in result.facets.items():
            answer.facets[name].counts.update(counts)
        return answer


def _struct(values: dict) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(values)
    return message
