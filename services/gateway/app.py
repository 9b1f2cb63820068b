"""The Flask app: installs the declared routes, authenticates, enforces access,
validates bodies, and answers every error as JSON with a stable shape."""
from __future__ import annotations

import logging
import time

from flask import Flask, Response, g, jsonify, request
from werkzeug.exceptions import HTTPException

from services.common import context
from services.common.errors import DomainError, PermissionDenied, TooManyAttempts, Unauthenticated
from services.common.metrics import HTTP_DURATION, HTTP_REQUESTS

from .api import Endpoint, parse_body, parse_form, parse_query, parse_urlencoded, refuse_large_body
from .forms import MULTIPART, URLENCODED
from .routes import api

log = logging.getLogger(__name__)


class PasswordChangeRequired(PermissionDenied):
    code = "password_change_required"


def create_app(gw) -> Flask:
    app = Flask("tenant_tracker_gateway")
    app.json.sort_keys = False
    declared = {e.name for e in api.endpoints}
    for endpoint in api.endpoints:
        app.add_url_rule(endpoint.flask_rule, endpoint.name, _view(gw, endpoint), methods=[endpoint.method])

    @app.before_request
    def _begin():
        g.started = time.perf_counter()
        g.request_id = (request.headers.get("X-Request-Id") or "")[:64] or context.new_request_id()
        g.context_token = context.enter(context.CallContext(request_id=g.request_id))  # for every log line
        if request.endpoint is not None and request.endpoint not in declared:
            raise PermissionDenied("this route declares no access, so it refuses everyone")

    @app.after_request
    def _finish(response: Response):
        response.headers["X-Request-Id"] = g.get("request_id", "")
        rule = request.url_rule.rule if request.url_rule else "unmatched"
        HTTP_REQUESTS.labels(request.method, rule, str(response.status_code)).inc()
        HTTP_DURATION.labels(request.method, rule).observe(time.perf_counter() - g.get("started", time.perf_counter()))
        return response

    @app.teardown_request
    def _end(_error):
        token = g.pop("context_token", None)
        if token is not None:
            context.leave(token)

    @app.errorhandler(DomainError)
    def _domain_error(error: DomainError):
        response, status = _error(error.http_status, error.code, error.message, error.fields)
        if isinstance(error, TooManyAttempts):
            response.headers["Retry-After"] = str(error.retry_after)
        return response, status

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(error.code, "bad_request")
        response, status = _error(error.code, code, error.description or error.name, [])
        for name, value in error.get_headers():  # e.g. Allow on 405
            if name.lower() != "content-type":
                response.headers[name] = value
        return response, status

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        log.exception("unhandled error", extra={"path": request.path})
        return _error(500, "internal_error", "something went wrong on our side; the request id helps us find it", [])

    return app


def _error(status: int, code: str, message: str, fields) -> tuple[Response, int]:
    body = {"code": code, "message": message, "fields": [{"field": f.field, "reason": f.reason} for f in fields],
            "request_id": g.get("request_id", "")}
    response = jsonify({"error": body})
    if status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response, status


def _view(gw, endpoint: Endpoint):
    def view(**path_params):
        refuse_large_body(endpoint, request)
        caller = None if endpoint.access.open else _caller(gw)  # open routes answer whatever token is sent
        endpoint.access.check(caller)
        if caller is not None and caller.must_change_password and not endpoint.before_password_change:
            raise PasswordChangeRequired("change your one-time password first: POST /api/v1/auth/password")
        kwargs = dict(path_params)
        if endpoint.query is not None:
            kwargs["query"] = parse_query(endpoint.query, request.args)
        if endpoint.body is not None and endpoint.body_media == MULTIPART:
            kwargs["body"] = parse_form(endpoint, request)
        elif endpoint.body is not None and endpoint.body_media == URLENCODED:
            kwargs["body"] = parse_urlencoded(endpoint.body, request)
        elif endpoint.body is not None:
            kwargs["body"] = parse_body(endpoint.body, request)
        ctx = context.CallContext(landlord_id=(caller.landlord_id or "") if caller else "",
                                  user_id=caller.user_id if caller else "", request_id=g.request_id)
        with context.bound(ctx):
            result = endpoint.view(gw, caller, **kwargs)
        status = endpoint.status
        if isinstance(result, tuple):
            result, status = result
        if isinstance(result, Response):
            return result
        if status == 204:
            return Response(status=204)
        if endpoint.response is not None:
            result = endpoint.response.model_validate(result).model_dump(mode="json")
        return jsonify(result), status
    return view


def _caller(gw):
    header = request.headers.get("Authorization", "")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("use Authorization: Bearer <access_token>")
    return gw.authenticate(token.strip())
