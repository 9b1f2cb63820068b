"""Declaring routes: every route says who may call it, what body it takes and
what it answers. The same declarations enforce access, validate requests and
write the OpenAPI document, so the document cannot drift from the server.
A route without an access declaration cannot be registered, and a Flask view
added any other way refuses every request (deny by default)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel, ValidationError

from services.common.errors import FieldProblem, InvalidInput, PermissionDenied, Unauthenticated

from .domain import Privilege, User


class BadRequest(InvalidInput):
    """The request cannot be read at all (not JSON, not an object)."""
    code = "bad_request"


@dataclass(frozen=True)
class Access:
    kind: str  # "public" | "operator" | "landlord"
    privilege: Privilege | None = None

    def check(self, user: User | None) -> None:
        if self.kind == "public":
            return
        if user is None:
            raise Unauthenticated("sign in first: send Authorization: Bearer <access_token>")
        if self.kind == "operator":
            if not user.is_operator:
                raise PermissionDenied("only platform operators may do this")
            return
        if user.landlord_id is None:
            raise PermissionDenied("this needs a landlord's user; platform operators manage landlords only")
        if self.privilege is not None and self.privilege not in user.privileges:
            raise PermissionDenied(f"this needs the privilege '{self.privilege.value}'")

    def describe(self) -> str:
        if self.kind == "public":
            return "Open to everyone."
        if self.kind == "operator":
            return "Platform operators only."
        return f"Users of a landlord with the privilege `{self.privilege.value}`." if self.privilege \
            else "Any signed-in user of a landlord."


PUBLIC = Access("public")
OPERATOR = Access("operator")


def landlord_user(privilege: Privilege | None = None) -> Access:
    return Access("landlord", privilege)


@dataclass
class Endpoint:
    method: str
    path: str  # OpenAPI form: /api/v1/people/{person_id}
    view: Callable[..., Any]
    access: Access
    summary: str
    tag: str
    body: type[BaseModel] | None
    response: type[BaseModel] | None
    status: int

    @property
    def flask_rule(self) -> str:
        return re.sub(r"\{(\w+)\}", r"<\1>", self.path)

    @property
    def name(self) -> str:
        return f"{self.method.lower()}_{self.view.__module__.rsplit('.', 1)[-1]}_{self.view.__name__}"


class Api:
    def __init__(self) -> None:
        self.endpoints: list[Endpoint] = []

    def route(self, method: str, path: str, *, access: Access, summary: str, tag: str,
              body: type[BaseModel] | None = None, response: type[BaseModel] | None = None, status: int = 200):
        if not isinstance(access, Access):
            raise TypeError(f"{method} {path}: every route declares who may call it")

        def register(view):
            self.endpoints.append(Endpoint(method.upper(), path, view, access, summary, tag, body, response, status))
            return view
        return register


def parse_body(model: type[BaseModel], raw: Any) -> BaseModel:
    if not isinstance(raw, dict):
        raise BadRequest("the request body must be a JSON object", [FieldProblem("body", "must be a JSON object")])
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        problems = [FieldProblem(".".join(str(p) for p in e["loc"]) or "body", _reason(e)) for e in error.errors()]
        raise InvalidInput("; ".join(f"{p.field}: {p.reason}" for p in problems), problems) from None


def _reason(error: dict) -> str:
    if error["type"] == "missing":
        return "is required"
    if error["type"] == "extra_forbidden":
        return "is not a known field"
    message = error["msg"]
    return message[0].lower() + message[1:]
