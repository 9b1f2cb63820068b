from services.common.grpc_client import call
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb

from ..api import landlord_user
from ..privileges import Privilege
from ..schemas import PeopleCount
from . import api


@api.route("GET", "/api/v1/reports/people-count", access=landlord_user(Privilege.VIEW_REPORTS), tag="reports",
           summary="How many people the landlord has, by status", response=PeopleCount)
def people_count(gw, caller):
    answer = call(gw.reporting.GetPeopleCount, pb.GetPeopleCountRequest())
    return {"total": answer.total, "by_status": dict(answer.by_status)}
