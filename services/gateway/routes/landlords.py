from .. import service
from ..api import OPERATOR
from ..schemas import AnotherAdmin, LandlordList, LandlordOut, NewLandlord, NewUserAnswer
from .users import details
from . import api


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
    return _landlord(landlord, admin)


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
