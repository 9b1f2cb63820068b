import logging
from dataclasses import replace

from google.protobuf import empty_pb2

from services.common import context
from services.common.errors import DomainError
from services.common.grpc_client import call

from .. import service
from ..api import OPERATOR
from ..schemas import AnotherAdmin, LandlordList, LandlordOut, NewLandlord, NewUserAnswer
from .users import details
from . import api

log = logging.getLogger(__name__)


def _landlord(landlord, admin=None) -> dict:
    out = {"id": landlord.landlord_id, "name": landlord.name, "created_at": landlord.created_at.isoformat()}
    if admin is not None:
        out["admin"] = {"id": admin.user_id, "username": admin.username, "name": admin.name, "role": admin.role.value}
    return out


@api.route("POST", "/api/v1/landlords", access=OPERATOR, tag="landlords", status=201,
           summary="Create a landlord and its first site administrator", body=NewLandlord, response=LandlordOut)
def create(gw, caller, body: NewLandlord):
    with gw.uow(platform=True) as uow:
        landlord, admin = service.create_landlord(
            uow, caller=caller, name=body.name, admin_username=body.admin.username,
            admin_password=body.admin.password, admin_name=body.admin.name)
    _set_up_profiles(gw, landlord.landlord_id)
    return _landlord(landlord, admin)


def _set_up_profiles(gw, landlord_id: str) -> None:
    """The new landlord's default option lists and profile settings, in profiles (after the landlord committed).
    Were profiles away, the landlord still works: reads show its defaults as they will be, and its first
    change in profiles writes them."""
    try:
        with context.bound(replace(context.current(), landlord_id=landlord_id)):
            call(gw.clients.setup.SetUpLandlord, empty_pb2.Empty())
    except DomainError as error:
        log.warning("a new landlord's profile set-up is left to its first change",
                    extra={"landlord_id": landlord_id, "reason": type(error).__name__})


@api.route("GET", "/api/v1/landlords", access=OPERATOR, tag="landlords", summary="List landlords",
           response=LandlordList)
def list_all(gw, caller):
    with gw.uow(platform=True) as uow:
        landlords = service.list_landlords(uow, caller=caller)
    return {"total": len(landlords), "items": [_landlord(l) for l in landlords]}


@api.route("POST", "/api/v1/landlords/{landlord_id}/administrators", access=OPERATOR, tag="landlords", status=201,
           body=AnotherAdmin, response=NewUserAnswer,
           summary="Add a site administrator to a landlord, with a one-time password")
def add_administrator(gw, caller, landlord_id: str, body: AnotherAdmin):
    with gw.uow(platform=True) as uow:
        admin, password = service.add_administrator(uow, caller=caller, landlord_id=landlord_id,
                                                    username=body.username, name=body.name, email=body.email)
    return {**details(admin, caller), "one_time_password": password}
