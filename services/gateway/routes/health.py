from flask import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from ..api import PUBLIC
from ..schemas import Health
from . import api


@api.route("GET", "/healthz", access=PUBLIC, tag="operations", summary="The gateway process is alive", response=Health)
def healthz(gw, caller):
    return {"status": "ok"}


@api.route("GET", "/readyz", access=PUBLIC, tag="operations", response=Health,
           summary="Ready only when every service the gateway needs answers its health check (503 otherwise)")
def readyz(gw, caller):
    checks = gw.readiness()
    ready = all(v == "serving" for v in checks.values())
    return ({"status": "ready" if ready else "not ready", "checks": checks}, 200 if ready else 503)


@api.route("GET", "/metrics", access=PUBLIC, tag="operations", summary="Prometheus metrics (text exposition format)")
def metrics(gw, caller):
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)


@api.route("GET", "/api/v1/openapi.json", access=PUBLIC, tag="operations", summary="This document")
def openapi(gw, caller):
    return gw.openapi
