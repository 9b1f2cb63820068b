from .. import service
from ..api import PUBLIC
from ..schemas import TokenAnswer, TokenRequest
from . import api


@api.route("POST", "/api/v1/auth/token", access=PUBLIC, tag="auth", summary="Sign in: exchange a username and password for a bearer token",
           body=TokenRequest, response=TokenAnswer)
def token(gw, caller, body: TokenRequest):
    with gw.uow(platform=True) as uow:
        access_token = service.sign_in(uow, gw.tokens, username=body.username, password=body.password)
    return {"access_token": access_token, "token_type": "bearer", "expires_in": gw.tokens.ttl_seconds}
