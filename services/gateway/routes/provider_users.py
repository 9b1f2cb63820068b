"""A provider's users: the platform operator creates a provider's first manager, and a provider's managers then
create and manage their own provider's users (provider roles only). A landlord's users never reach these
routes, and a provider's users reach no other provider's (404)."""
import uuid

from services.common.errors import NotFound
from services.common.grpc_client import call
from services.gen.tracker.referrals.v1 import referrals_service_pb2 as referrals_pb

from .. import user_admin
from ..api import operator_or_provider_user
from ..domain import ACTIVE, DISABLED
from ..privileges import Privilege
from ..schemas import NewProviderUser, NewUserAnswer, ProviderUserChanges, UserDetails, UserList, UserQuery
from .users import details, user_values
from . import api

MANAGE = operator_or_provider_user(Privilege.MANAGE_USERS)
USERS = "/api/v1/providers/{provider_id}/users"


def known_provider(gw, provider_id: str) -> str:
    """The provider id, if the referrals service (which owns providers' records) knows it; NotFound otherwise.
    Every route of this module calls this first."""
    try:
        canonical = str(uuid.UUID(provider_id))
    except ValueError:
        canonical = None
    if canonical != provider_id:
        raise NotFound("provider not found")
    call(gw.clients.referrals.GetProvider, referrals_pb.GetProviderRequest(provider_id=provider_id))
    return provider_id


@api.route("GET", USERS, access=MANAGE, tag="provider users", query=UserQuery, response=UserList,
           summary="Search a provider's users by name")
def find(gw, caller, provider_id: str, query: UserQuery):
    provider_id = known_provider(gw, provider_id)
    with gw.uow(platform=True) as uow:
        total, users = user_admin.find_provider_users(uow, caller=caller, provider_id=provider_id, name=query.name,
                                                      statuses=tuple(query.status), page=query.page,
                                                      page_size=query.page_size)
    return {"total": total, "items": [details(u, caller) for u in users]}


@api.route("POST", USERS, access=MANAGE, tag="provider users", status=201, body=NewProviderUser,
           response=NewUserAnswer, summary="Create a provider's manager or adviser with a one-time password, "
                                           "to be changed at first sign-in")
def create(gw, caller, provider_id: str, body: NewProviderUser):
    provider_id = known_provider(gw, provider_id)
    with gw.uow(platform=True) as uow:
        user, password = user_admin.create_provider_user(uow, caller=caller, provider_id=provider_id,
                                                         values=user_values(body.model_dump()))
    return {**details(user, caller), "one_time_password": password}


@api.route("GET", USERS + "/{user_id}", access=MANAGE, tag="provider users", response=UserDetails,
           summary="A provider's user, with the fields you may not change")
def get(gw, caller, provider_id: str, user_id: str):
    provider_id = known_provider(gw, provider_id)
    with gw.uow(platform=True) as uow:
        return details(user_admin.get_provider_user(uow, caller=caller, provider_id=provider_id, user_id=user_id),
                       caller)


@api.route("PATCH", USERS + "/{user_id}", access=MANAGE, tag="provider users", body=ProviderUserChanges,
           response=UserDetails, summary="Change a provider's user's details or role (only the fields sent)")
def change(gw, caller, provider_id: str, user_id: str, body: ProviderUserChanges):
    provider_id = known_provider(gw, provider_id)
    changes = user_values(body.model_dump(exclude_unset=True))
    with gw.uow(platform=True) as uow:
        user = user_admin.update_provider_user(uow, caller=caller, provider_id=provider_id, user_id=user_id,
                                               changes=changes)
    return details(user, caller)


def _status_route(path_action: str, status: str, summary: str):
    @api.route("POST", USERS + f"/{{user_id}}/{path_action}", access=MANAGE, tag="provider users",
               response=UserDetails, summary=summary)
    def set_status(gw, caller, provider_id: str, user_id: str):
        provider_id = known_provider(gw, provider_id)
        with gw.uow(platform=True) as uow:
            return details(user_admin.set_provider_user_status(uow, caller=caller, provider_id=provider_id,
                                                               user_id=user_id, status=status), caller)
    set_status.__name__ = path_action
    return set_status


_status_route("disable", DISABLED, "Disable a provider's user: they cannot sign in and their tokens stop working")
_status_route("enable", ACTIVE, "Enable a provider's disabled user")


@api.route("POST", USERS + "/{user_id}/password-reset", access=MANAGE, tag="provider users",
           response=NewUserAnswer, summary="Give a provider's user a new one-time password (their tokens stop working)")
def reset_password(gw, caller, provider_id: str, user_id: str):
    provider_id = known_provider(gw, provider_id)
    with gw.uow(platform=True) as uow:
        user, password = user_admin.reset_provider_user_password(uow, caller=caller, provider_id=provider_id,
                                                                 user_id=user_id)
    return {**details(user, caller), "one_time_password": password}
