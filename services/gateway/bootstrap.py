"""The composition root of the gateway."""
from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import text
from waitress.server import create_server

from services.common.clock import Clock
from services.common.config import Settings, kept_secret
from services.common.db import Database
from services.common.grpc_client import is_serving
from services.common.uow import UnitOfWork

from . import auth, openapi, service
from .app import create_app
from .clients import ServiceClients
from .digests import Digests
from .routes import api

NAME = "gateway"
API_VERSION = "1.0.0"
NEEDS = ("profiles", "reporting", "import", "households", "groups", "messaging", "referrals")
log = logging.getLogger(__name__)


class RecentCallers:
    """Users behind tokens checked in the last `seconds`, so a burst of requests (a
    front end counting as the user types) costs one database look-up. Any change
    committed through this gateway forgets them all; a change made through another
    gateway process shows here within `seconds`."""

    def __init__(self, seconds: float = 1.0, most: int = 10_000):
        self._seconds = seconds
        self._most = most
        self._kept: dict[str, tuple[float, object]] = {}
        self._lock = threading.Lock()

    def get(self, token: str):
        with self._lock:
            kept = self._kept.get(token)
        if kept and time.monotonic() - kept[0] < self._seconds:
            return kept[1]
        return None

    def keep(self, token: str, user) -> None:
        with self._lock:
            if len(self._kept) >= self._most:
                self._kept.clear()
            self._kept[token] = (time.monotonic(), user)

    def forget_all(self) -> None:
        with self._lock:
            self._kept.clear()


class _ForgettingUnitOfWork(UnitOfWork):
    """The gateway's unit of work: a commit may change users, so recent callers are forgotten."""

    def __init__(self, callers: RecentCallers, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._callers = callers

    def commit(self) -> None:
        super().commit()
        self._callers.forget_all()


class Gateway:
    def __init__(self, settings: Settings, database: Database, clients: ServiceClients, tokens: auth.TokenIssuer,
                 operator_password: str, clock: Clock):
        self.settings = settings
        self.clock = clock  # where the use cases (through uow.clock) and the tokens read now
        self.database = database
        self.clients = clients
        self.tokens = tokens
        self.operator_password = operator_password
        self.callers = RecentCallers()
        self.openapi = openapi.document(api.endpoints, API_VERSION)
        self.app = create_app(self)
        self._server = None
        self._thread: threading.Thread | None = None
        self.port: int | None = None
        self.digests = Digests(self, settings.digest_interval_seconds)

    @property
    def profiles(self):
        return self.clients.profiles

    @property
    def reporting(self):
        return self.clients.reporting

    def uow(self, landlord_id: str | None = None, *, platform: bool = False) -> UnitOfWork:
        return _ForgettingUnitOfWork(self.callers, self.database, landlord_id=landlord_id, platform=platform,
                                     clock=self.clock)

    def authenticate(self, token: str):
        claims = self.tokens.read(token)  # signature and expiry: every time
        user = self.callers.get(token)
        if user is None:
            with UnitOfWork(self.database, landlord_id=claims.get("lid") or None, platform=not claims.get("lid"),
                            clock=self.clock) as uow:
                user = service.authenticate(uow, claims=claims)
            self.callers.keep(token, user)
        return user

    def readiness(self) -> dict[str, str]:
        checks = {name: "serving" if is_serving(address) else "not serving"
                  for name, address in self.clients.addresses.items()}
        try:
            with self.uow(platform=True) as uow:
                uow.session.execute(text("SELECT 1"))
            checks["database"] = "serving"
        except Exception:  # noqa: BLE001 - any failure means not ready
            checks["database"] = "not serving"
        return checks

    def migrate(self) -> None:
        from services.common import migrations
        migrations.upgrade(NAME, self.settings.migration_database_url(NAME))

    def start(self, port: int | None = None) -> "Gateway":
        with self.uow(platform=True) as uow:
            service.ensure_operator(uow, password=self.operator_password)
        self._server = create_server(self.app, host=self.settings.gateway_host,
                                     port=self.settings.gateway_port if port is None else port, threads=16,
                                     ident="tenant-tracker",
                                     max_request_body_size=api.max_body_bytes + 1,  # waitress: 413 from this size on
                                     **_behind_proxy(self.settings.gateway_trusted_proxy))
        self.port = self._server.effective_port
        self._thread = threading.Thread(target=self._server.run, name="gateway-http", daemon=True)
        self._thread.start()
        if self.settings.digest_interval_seconds > 0:
            self.digests.start()
        log.info("gateway listening", extra={"port": self.port})
        return self

    def stop(self) -> None:
        self.digests.stop()
        if self._server:
            self._server.close()
        if self._thread:
            self._thread.join(5)
        self.clients.close()
        self.database.dispose()


def _behind_proxy(trusted_proxy: str) -> dict:
    """Waitress options so the client's address (sign-in throttling counts per username and address) is the
    one the trusted proxy saw: the last X-Forwarded-For hop, which the proxy itself appends (a client cannot
    forge it). Without a trusted proxy, forwarded headers are ignored and the peer's address counts."""
    if not trusted_proxy:
        return {}
    return {"trusted_proxy": trusted_proxy, "trusted_proxy_count": 1, "trusted_proxy_headers": {"x-forwarded-for"},
            "clear_untrusted_proxy_headers": True}


def build(settings: Settings, *, addresses: dict[str, str] | None = None, clock: Clock | None = None) -> Gateway:
    """The gateway, its clock the platform's (`settings.clock()`) unless a test passes `clock`."""
    clock = clock or settings.clock()
    if settings.database_url(NAME).startswith("sqlite"):
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    database = Database.from_url(settings.database_url(NAME))
    clients = ServiceClients({**{name: settings.service_address(name) for name in NEEDS}, **(addresses or {})})
    secret = settings.signing_secret()
    operator_password = settings.operator_password or kept_secret(settings.var_dir, "operator_password", 12)
    return Gateway(settings, database, clients, auth.TokenIssuer(secret, settings.token_ttl_seconds, clock=clock),
                   operator_password, clock)
