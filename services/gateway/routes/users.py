from typing import Iterable

from services.common.errors import FieldProblem, InvalidInput
from services.common.grpc_client import call
from services.gen.tracker.profiles.v1 import setup_service_pb2 as setup_pb

from .. import user_admin
from ..api import SIGNED_IN, landlord_user
from ..domain import ACTIVE, DELETED, DISABLED
from ..privileges import Privilege, Role, read_only_fields
from ..schemas import NewUser, NewUserAnswer, UserChanges, UserDetails, UserList, UserQuery
from . import api

MANAGE = landlord_user(Privilege.MANAGE_USERS)


def details(user, caller) -> dict:
    return {
        "id": user.user_id, "username": user.username, "name": user.name, "initials": user.initials,
        "email": user.email, "phone": user.phone, "role": user.role.value, "areas": list(user.areas),
        "all_areas": user.all_areas, "extra_privileges": sorted(p.value for p in user.extra_privileges),
        "privileges": sorted(p.value for p in user.privileges), "status": user.status,
        "must_change_password": user.must_change_password,
        "last_sign_in_at": user.last_sign_in_at.isoformat() if user.last_sign_in_at else None,
        "created_at": user.created_at.isoformat(), "read_only_fields": read_only_fields(caller, user),
        "provider_id": user.provider_id,
    }


@api.route("GET", "/api/v1/me", access=SIGNED_IN, tag="users", before_password_change=True,
           summary="Who I am: my details, role and privileges", response=UserDetails)
def me(gw, caller):
    return details(caller, caller)


@api.route("GET", "/api/v1/users", access=MANAGE, tag="users", query=UserQuery, response=UserList,
           summary="Search the landlord's users by name (check before creating someone)")
def find(gw, caller, query: UserQuery):
    with gw.uow(caller.landlord_id) as uow:
        total, users = user_admin.find_users(uow, caller=caller, name=query.name, statuses=tuple(query.status),
                                             page=query.page, page_size=query.page_size)
    return {"total": total, "items": [details(u, caller) for u in users]}


@api.route("POST", "/api/v1/users", access=MANAGE, tag="users", status=201, body=NewUser, response=NewUserAnswer,
           summary="Create a user with a one-time password, to be changed at first sign-in")
def create(gw, caller, body: NewUser):
    values = user_values(body.model_dump())
    values["areas"] = _known_areas(gw, values.get("areas") or [])
    with gw.uow(caller.landlord_id) as uow:
        user, password = user_admin.create_user(uow, caller=caller, values=values)
    return {**details(user, caller), "one_time_password": password}


@api.route("GET", "/api/v1/users/{user_id}", access=MANAGE, tag="users", response=UserDetails,
           summary="A user, with the fields you may not change")
def get(gw, caller, user_id: str):
    with gw.uow(caller.landlord_id) as uow:
        return details(user_admin.get_user(uow, caller=caller, user_id=user_id), caller)


@api.route("PATCH", "/api/v1/users/{user_id}", access=MANAGE, tag="users", body=UserChanges, response=UserDetails,
           summary="Change a user's details, role, privileges or areas (only the fields sent)")
def change(gw, caller, user_id: str, body: UserChanges):
    changes = user_values(body.model_dump(exclude_unset=True))
    with gw.uow(caller.landlord_id) as uow:
        if "areas" in changes:
            kept = user_admin.get_user(uow, caller=caller, user_id=user_id).areas
            changes["areas"] = _known_areas(gw, changes["areas"], kept=kept)
        user = user_admin.update_user(uow, caller=caller, user_id=user_id, changes=changes)
    return details(user, caller)


def _status_route(path_action: str, status: str, summary: str):
    @api.route("POST", f"/api/v1/users/{{user_id}}/{path_action}", access=MANAGE, tag="users", response=UserDetails,
               summary=summary)
    def set_status(gw, caller, user_id: str):
        with gw.uow(caller.landlord_id) as uow:
            return details(user_admin.set_status(uow, caller=caller, user_id=user_id, status=status), caller)
    set_status.__name__ = path_action
    return set_status


_status_route("disable", DISABLED, "Disable a user: they cannot sign in and their tokens stop working")
_status_route("enable", ACTIVE, "Enable a disabled user")


@api.route("DELETE", "/api/v1/users/{user_id}", access=MANAGE, tag="users", status=204,
           summary="Delete a user; their name stays on the records they made")
def delete(gw, caller, user_id: str):
    with gw.uow(caller.landlord_id) as uow:
        user_admin.set_status(uow, caller=caller, user_id=user_id, status=DELETED)
    return None, 204


@api.route("POST", "/api/v1/users/{user_id}/password-reset", access=MANAGE, tag="users", response=NewUserAnswer,
           summary="Give a user a new one-time password (every token of theirs stops working)")
def reset_password(gw, caller, user_id: str):
    with gw.uow(caller.landlord_id) as uow:
        user, password = user_admin.reset_password(uow, caller=caller, user_id=user_id)
    return {**details(user, caller), "one_time_password": password}


def _known_areas(gw, given: list[str], kept: Iterable[str] = ()) -> list[str]:
    """Areas are the landlord's "area" option list: labels matched in any case and stored as
    the list spells them; an archived area stays only on users who already work in it."""
    options = call(gw.clients.setup.GetOptionList, setup_pb.GetOptionListRequest(list_name="area")).items
    by_key = {o.label.casefold(): o for o in options}
    kept_keys = {k.casefold() for k in kept}
    areas, problems = [], []
    for area in given:
        option = by_key.get(area.strip().casefold())
        if option is None:
            problems.append(f"'{area}' is not one of this landlord's areas (option list 'area')")
        elif option.archived and option.label.casefold() not in kept_keys:
            problems.append(f"the area '{option.label}' is archived")
        else:
            areas.append(option.label)
    if problems:
        raise InvalidInput("areas: " + "; ".join(problems), [FieldProblem("areas", "; ".join(problems))])
    return list(dict.fromkeys(areas))


def user_values(raw: dict) -> dict:
    values = {k: v for k, v in raw.items() if v is not None or k in ("initials", "email", "phone")}
    if "role" in values:
        values["role"] = Role(values["role"])
    if "extra_privileges" in values:
        values["extra_privileges"] = [Privilege(p) for p in values["extra_privileges"]]
    for name in ("initials", "email", "phone"):
        if name in values and values[name] is None:
            values[name] = ""
    return values

