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

from .bodies import MAX_JSON_BODY_BYTES, BadRequest, read_json, too_large
from .domain import User
from .forms import FORM_OVERHEAD_BYTES, MULTIPART, URLENCODED, read_form
from .forms import too_large as file_too_large
from .privileges import PROVIDER_ROLES, Privilege

JSON = "application/json"
BINARY = "application/octet-stream"
PROVIDER_KINDS = ("provider", "operator_or_provider")  # routes for a provider's users (never a landlord's)


@dataclass(frozen=True)
class Access:
    """Who may call a route: everyone, everyone whose request carries a valid signature
    (a provider's webhook, a link the platform signed: checked by the service behind),
    platform operators, any signed-in user, a landlord's users (optionally only its staff),
    a provider's users, or platform operators and a provider's users, holding a privilege.
    A provider's users are never a landlord's: every landlord route refuses them, and every
    provider route refuses a landlord's users (the route itself keeps a provider's users to
    their own provider's things: another provider's answer 404)."""
    kind: str  # "public" | "signed" | "operator" | "signed_in" | "landlord" | "staff" | "provider"
    # | "operator_or_provider"
    privilege: Privilege | None = None

    def check(self, user: User | None) -> None:
        if self.open:
            return
        if user is None:
            raise Unauthenticated("sign in first: send Authorization: Bearer <access_token>")
        if self.kind == "signed_in":
            return
        if self.kind == "operator":
            if not user.is_operator:
                raise PermissionDenied("only platform operators may do this")
            return
        if self.kind in PROVIDER_KINDS:
            if self.kind == "operator_or_provider" and user.is_operator:
                return
            if not user.is_provider_user:
                raise PermissionDenied("this needs a provider's user")
        elif user.landlord_id is None or user.is_provider_user or user.role in PROVIDER_ROLES:
            raise PermissionDenied("this needs a landlord's user; platform operators and providers' users "
                                   "see no landlord's data here")
        if self.privilege is not None and self.privilege not in user.privileges:
            raise PermissionDenied(f"this needs the privilege '{self.privilege.value}'")

    def allows(self, user: User | None) -> bool:
        try:
            self.check(user)
        except (Unauthenticated, PermissionDenied):
            return False
        return True

    def describe(self) -> str:
        who = {"public": "Open to everyone.", "operator": "Platform operators only.",
               "signed": "Open to everyone; the request must carry a valid signature (403 otherwise).",
               "signed_in": "Anyone signed in.", "landlord": "Users of a landlord",
               "staff": "A landlord's staff (not provider advisers)", "provider": "A provider's users",
               "operator_or_provider": "Platform operators, or a provider's users (of the provider named)"
               }[self.kind]
        if self.kind in ("landlord", "staff", "provider", "operator_or_provider"):
            who += f" with the privilege `{self.privilege.value}`." if self.privilege else "."
        return who

    @property
    def open(self) -> bool:
        """No bearer token needed (whatever token is sent is not read)."""
        return self.kind in ("public", "signed")

    def extension(self) -> dict:
        """The declaration as it appears in the OpenAPI document (x-access)."""
        return {"kind": self.kind, "privilege": self.privilege.value if self.privilege else None}


PUBLIC = Access("public")
SIGNED = Access("signed")
OPERATOR = Access("operator")
SIGNED_IN = Access("signed_in")


def landlord_user(privilege: Privilege | None = None) -> Access:
    return Access("landlord", privilege)


def landlord_staff(privilege: Privilege | None = None) -> Access:
    return Access("staff", privilege)


def provider_user(privilege: Privilege | None = None) -> Access:
    """A provider's users only (holding `privilege`); the route limits them to their own provider's things."""
    return Access("provider", privilege)


def operator_or_provider_user(privilege: Privilege | None = None) -> Access:
    """Platform operators, or a provider's users holding `privilege` (the route keeps them to their provider)."""
    return Access("operator_or_provider", privilege)


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
    query: type[BaseModel] | None = None
    before_password_change: bool = False  # callable while a one-time password is still unchanged
    body_media: str = JSON  # or MULTIPART: the body model's UploadedFile and UploadedStream fields are file parts
    max_upload_bytes: int | None = None  # the largest file a MULTIPART route accepts (larger: 413)
    produces: str | tuple[str, ...] = JSON  # otherwise a file: the view answers a flask Response carrying its bytes

    @property
    def max_body_bytes(self) -> int:
        """The largest request body this route reads: its largest file and the form around it, or a JSON body."""
        if self.body_media == MULTIPART:
            return self.max_upload_bytes + FORM_OVERHEAD_BYTES
        return MAX_JSON_BODY_BYTES

    @property
    def flask_rule(self) -> str:
        return re.sub(r"\{(\w+)\}", r"<\1>", self.path)

    @property
    def name(self) -> str:
        return f"{self.method.lower()}_{self.view.__module__.rsplit('.', 1)[-1]}_{self.view.__name__}"


class Api:
    def __init__(self) -> None:
        self.endpoints: list[Endpoint] = []

    @property
    def max_body_bytes(self) -> int:
        """The largest body any route reads: the HTTP server refuses larger ones before reading them."""
        return max(e.max_body_bytes for e in self.endpoints)

    def route(self, method: str, path: str, *, access: Access, summary: str, tag: str,
              body: type[BaseModel] | None = None, response: type[BaseModel] | None = None, status: int = 200,
              query: type[BaseModel] | None = None, before_password_change: bool = False,
              body_media: str = JSON, max_upload_bytes: int | None = None, produces: str | tuple[str, ...] = JSON):
        if not isinstance(access, Access):
            raise TypeError(f"{method} {path}: every route declares who may call it")
        if body_media == MULTIPART and not max_upload_bytes:
            raise TypeError(f"{method} {path}: a route taking uploads declares the largest file it accepts")

        def register(view):
            self.endpoints.append(Endpoint(method.upper(), path, view, access, summary, tag, body, response, status,
                                           query, before_password_change, body_media, max_upload_bytes, produces))
            return view
        return register


def refuse_large_body(endpoint: Endpoint, request) -> None:
    """413 for a body whose Content-Length is beyond what the route reads, before anything reads it."""
    if (request.content_length or 0) <= endpoint.max_body_bytes:
        return
    if endpoint.body_media == MULTIPART:
        raise file_too_large(endpoint.body, endpoint.max_upload_bytes)
    raise too_large(endpoint.max_body_bytes)


def parse_body(model: type[BaseModel], request) -> BaseModel:
    raw = read_json(request)
    if not isinstance(raw, dict):
        raise BadRequest("the request body must be a JSON object", [FieldProblem("body", "must be a JSON object")])
    return validated(model, raw)


def parse_form(endpoint: Endpoint, request) -> BaseModel:
    """A multipart/form-data body: its fields and files, validated by the endpoint's body model."""
    if request.mimetype != MULTIPART:
        raise BadRequest(f"the request body must be {MULTIPART}", [FieldProblem("body", f"must be {MULTIPART}")])
    return validated(endpoint.body, read_form(endpoint.body, request, endpoint.max_upload_bytes))


def parse_urlencoded(model: type[BaseModel], request) -> BaseModel:
    """An application/x-www-form-urlencoded body (a webhook's): its fields, validated by the model."""
    if request.mimetype != URLENCODED:
        raise BadRequest(f"the request body must be {URLENCODED}", [FieldProblem("body", f"must be {URLENCODED}")])
    return validated(model, request.form.to_dict())


def parse_query(model: type[BaseModel], args) -> BaseModel:
    """Query parameters; a list field takes comma-separated values or repeats."""
    raw = {}
    for name, info in model.model_fields.items():
        if name not in args:
            continue
        if getattr(info.annotation, "__origin__", None) in (list, tuple):
            raw[name] = [v for item in args.getlist(name) for v in item.split(",") if v]
        else:
            raw[name] = args.get(name)
    unknown = sorted(set(args) - set(model.model_fields))
    if unknown:
        raise InvalidInput(f"unknown query parameters: {', '.join(unknown)}",
                           [FieldProblem(name, "is not a known query parameter") for name in unknown])
    return validated(model, raw)


def validated(model: type[BaseModel], raw: dict, where: str = "") -> BaseModel:
    """`raw` as `model`, or InvalidInput naming every bad field (each under `where`, when given)."""
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        problems = [FieldProblem(".".join(str(p) for p in ([where] if where else []) + list(e["loc"])) or "body",
                                 _reason(e)) for e in error.errors()]
        raise InvalidInput("; ".join(f"{p.field}: {p.reason}" for p in problems), problems) from None


def _reason(error: dict) -> str:
    if error["type"] == "missing":
        return "is required"
    if error["type"] == "extra_forbidden":
        return "is not a known field"
    if error.get("input", "") is None:
        return "cannot be null"
    message = error["msg"]
    return message[0].lower() + message[1:]
