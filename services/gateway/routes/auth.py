from flask import request

from services.common.errors import PermissionDenied

from .. import service
from ..api import PUBLIC, SIGNED_IN
from ..privileges import Privilege
from ..schemas import PasswordChange, TokenAnswer, TokenRequest
from . import api


@api.route("POST", "/api/v1/auth/token", access=PUBLIC, tag="auth", summary="Sign in: exchange a username and password for a bearer token",
           body=TokenRequest, response=TokenAnswer)
def token(gw, caller, body: TokenRequest):
    with gw.uow(platform=True) as uow:
        access_token, user = service.sign_in(uow, gw.tokens, username=body.username, password=body.password,
                                             source_address=request.remote_addr or "")
    return {"access_token": access_token, "token_type": "bearer", "expires_in": gw.tokens.ttl_seconds,
            "password_change_required": user.must_change_password}


@api.route("POST", "/api/v1/auth/password", access=SIGNED_IN, tag="auth", before_password_change=True,
           summary="Change your own password; every earlier token stops working, a fresh one is returned",
           body=PasswordChange, response=TokenAnswer)
def change_password(gw, caller, body: PasswordChange):
    if Privilege.CHANGE_OWN_PASSWORD not in caller.privileges and not caller.must_change_password:
        raise PermissionDenied("this needs the privilege 'change_own_password'")
    with gw.uow(caller.landlord_id, platform=caller.landlord_id is None) as uow:
        access_token = service.change_own_password(uow, gw.tokens, caller=caller, current_password=body.current_password,
                                                   new_password=body.new_password)
    return {"access_token": access_token, "token_type": "bearer", "expires_in": gw.tokens.ttl_seconds}
