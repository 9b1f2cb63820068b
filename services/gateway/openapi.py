"""The OpenAPI 3 document, written from the route declarations."""
from __future__ import annotations

from .api import BINARY, JSON
from .bodies import MAX_JSON_BODY_BYTES, MAX_JSON_DEPTH
from .forms import size_text
from .schemas import ErrorAnswer

ERRORS = {
    "400": "The body cannot be read (not a JSON object, or nested more than "
           f"{MAX_JSON_DEPTH} deep; not multipart/form-data where a file is uploaded)",
    "401": "Not signed in, or the token is no longer valid",
    "403": "Signed in, but not allowed to do this",
    "404": "No such thing for this landlord",
    "409": "Conflicts with what exists (e.g. a reference already used, an option still in use)",
    "413": f"The body is larger than the route accepts ({size_text(MAX_JSON_BODY_BYTES)} of JSON; a file route's "
           "largest file): see error.fields",
    "422": "Some fields are not acceptable: see error.fields",
    "429": "Too many failed attempts: wait for Retry-After seconds",
    "503": "A service it needs is not available; try again (/readyz: not ready)",
}


def document(endpoints, version: str) -> dict:
    components: dict[str, dict] = {}
    paths: dict[str, dict] = {}
    _schema(ErrorAnswer, components)
    for e in endpoints:
        operation = {
            "operationId": e.name, "summary": e.summary, "tags": [e.tag],
            "description": e.access.describe(), "x-access": e.access.extension(),
            "responses": {str(e.status): _response(e, components)},
        }
        if not e.access.open:
            operation["security"] = [{"bearer": []}]
        if e.body is not None:
            operation["requestBody"] = {"required": True, "content": {e.body_media: {"schema": _schema(e.body, components)}}}
        params = [{"name": p[1:-1], "in": "path", "required": True, "schema": {"type": "string"}}
                  for p in e.path.split("/") if p.startswith("{")]
        if e.query is not None:
            schema = e.query.model_json_schema()
            params += [{"name": name, "in": "query", "required": name in schema.get("required", []),
                        "schema": prop, "description": prop.get("description", ""),
                        **({"style": "form", "explode": False} if prop.get("type") == "array" else {})}
                       for name, prop in schema["properties"].items()]
        if params:
            operation["parameters"] = params
        for status, text in ERRORS.items():
            if status == "403" and e.access.kind == "signed":
                text = "The request's signature is not valid (or the link was not made by this platform)"
            if _applies(status, e):
                operation["responses"][status] = {"description": text, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ErrorAnswer"}}}}
        paths.setdefault(e.path, {})[e.method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {"title": "Tenant Tracker API", "version": version,
                 "description": "Every request but sign-in and operations needs a bearer token from POST /api/v1/auth/token. "
                                "Everything is scoped to the caller's landlord: another landlord's data answers 404."},
        "paths": paths,
        "components": {"schemas": components,
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}},
    }


def _applies(status: str, e) -> bool:
    if status in ("400", "422"):
        return e.body is not None or (status == "422" and e.query is not None)
    if status == "413":
        return e.body is not None
    if status == "429":
        return e.path == "/api/v1/auth/token"
    if status == "403" and e.access.kind == "signed":
        return True
    if status in ("401", "403"):
        return not e.access.open or e.path == "/api/v1/auth/token" and status == "401"
    if status == "404":
        return "{" in e.path and e.access.kind != "signed"
    if status == "409":  # a name already used, something still in use, a state that does not allow it
        return e.method != "GET" and not e.access.open
    return e.path.startswith("/api/") and e.access.kind != "public" or e.path == "/readyz"


def _response(e, components) -> dict:
    if e.produces != JSON:
        media = (e.produces,) if isinstance(e.produces, str) else e.produces
        return {"description": "The file's bytes, as the type found in them" if e.produces == BINARY
                else "The file's bytes, in the format asked for",
                "headers": {"Content-Disposition": {"schema": {"type": "string"},
                                                    "description": "attachment; filename*=UTF-8''<the file's name>"}},
                "content": {m: {"schema": {"type": "string", "format": "binary"}} for m in media}}
    if e.response is None:
        return {"description": "OK"}
    return {"description": "OK", "content": {JSON: {"schema": _schema(e.response, components)}}}


def _schema(model, components) -> dict:
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(schema.pop("$defs", {}))
    components[model.__name__] = schema
    return {"$ref": f"#/components/schemas/{model.__name__}"}
