"""Every service in one process: `make run` (embedded defaults) and the test
suites (with whichever engines the settings name)."""
from __future__ import annotations

import logging
import sys

from . import demo, logs
from .cli import stop_on_signals
from .clock import Clock
from .config import Settings
from .mailcatcher import MailCatcher
from .text_catcher import TextCatcher
from .public_paths import REPLIES_PATH
from .runtime import make_bus, make_search_index

log = logging.getLogger(__name__)


class Platform:
    """Profiles, reporting, import, households, groups, messaging, referrals and the gateway, sharing one bus, one search index
    and one clock (the settings' unless `clock` is given: tests pass a FixedClock and move it)."""

    def __init__(self, settings: Settings, *, ephemeral_ports: bool = False, clock: Clock | None = None):
        import importlib

        from services.gateway import bootstrap as gateway
        from services.groups import bootstrap as groups
        from services.households import bootstrap as households
        from services.messaging import bootstrap as messaging
        from services.profiles import bootstrap as profiles
        from services.referrals import bootstrap as referrals
        from services.reporting import bootstrap as reporting
        self.settings = settings
        self.clock = clock or settings.clock()
        self._ephemeral = ephemeral_ports
        self.bus = make_bus(settings, client_id="platform")
        self.index = make_search_index(settings)
        self.profiles = profiles.build(settings, bus=self.bus, index=self.index, clock=self.clock)
        self.reporting = reporting.build(settings, bus=self.bus, clock=self.clock)
        self.imports = importlib.import_module("services.import.bootstrap").build(settings, bus=self.bus,
                                                                                  clock=self.clock)
        self.households = households.build(settings, bus=self.bus, clock=self.clock)
        self.groups = groups.build(settings, bus=self.bus, clock=self.clock)
        self.messaging = messaging.build(settings, bus=self.bus, clock=self.clock)
        self.referrals = referrals.build(settings, bus=self.bus, clock=self.clock)
        self._gateway_module = gateway
        self.gateway = None
        self.mail = None  # the loopback mail catcher, when settings.mail_catcher
        self.texts = None  # the loopback text provider, when settings.text_catcher

    @property
    def services(self):
        # in starting order: reporting, import, households, groups and messaging call profiles; referrals calls
        # profiles and messaging
        return [self.profiles, self.reporting, self.imports, self.households, self.groups, self.messaging,
                self.referrals]

    def migrate(self) -> None:
        for svc in self.services:
            svc.runtime.migrate()
        from services.common import migrations
        migrations.upgrade("gateway", self.settings.migration_database_url("gateway"))

    def start(self) -> "Platform":
        self.migrate()
        self.mail = MailCatcher.for_settings(self.settings, any_port=self._ephemeral)
        if self.mail:
            self.messaging.smtp_url = self.mail.start().url
        self.texts = TextCatcher.for_settings(self.settings, any_port=self._ephemeral)
        if self.texts:
            self.messaging.sms_api_url = self.texts.start().url
        host = self.settings.grpc_host
        addresses = {}
        for svc in self.services:
            name = svc.runtime.name
            if svc is not self.profiles:
                svc.profiles_address = addresses["profiles"]
            if svc is self.messaging:  # the households of postal mailings
                svc.households_address = addresses["households"]
            if svc is self.referrals:  # appointment requests go by email
                svc.messaging_address = addresses["messaging"]
            svc.start(f"{host}:0" if self._ephemeral else self.settings.grpc_address(name))
            addresses[name] = svc.runtime.grpc.address
        self.reporting.groups_address = addresses["groups"]  # reporting reaches these only once asked
        self.reporting.households_address = addresses["households"]
        self.reporting.messaging_address = addresses["messaging"]
        self.gateway = self._gateway_module.build(self.settings, addresses=addresses, clock=self.clock)
        self.gateway.start(port=0 if self._ephemeral else None)
        if self._ephemeral or not self.settings.public_url:  # the provider calls back where the gateway listens
            self.messaging.public_url = _loopback(self)
        if self.texts:
            self.texts.inbound_url = self.messaging.public_url + REPLIES_PATH
        return self

    @property
    def url(self) -> str:
        return f"http://{self.settings.gateway_host}:{self.gateway.port}"

    def stop(self) -> None:
        if self.gateway:
            self.gateway.stop()
        for svc in self.services:
            svc.stop()
        self.bus.close()
        self.index.close()
        if self.mail:
            self.mail.stop()
        if self.texts:
            self.texts.stop()


def main() -> None:
    settings = Settings.from_env()
    logs.configure(settings.log_level)
    stopping = stop_on_signals()
    platform = Platform(settings).start()
    # Only here, not in Platform.start: the tests build platforms and want no demo landlord.
    sign_in = demo.ensure(settings, _loopback(platform), platform.gateway.operator_password, cancelled=stopping)
    print(_banner(platform, sign_in), file=sys.stderr, flush=True)
    stopping.wait()
    print("Stopping Tenant Tracker...", file=sys.stderr, flush=True)
    platform.stop()


def _loopback(platform: Platform) -> str:
    """The gateway as this process reaches it (a wildcard bind answers on loopback)."""
    host = platform.settings.gateway_host
    return platform.url if host not in ("0.0.0.0", "::", "") else f"http://127.0.0.1:{platform.gateway.port}"


def _mail(platform: Platform) -> str:
    if platform.mail:
        return platform.mail.described()
    return f"sent through {platform.settings.smtp_url}"


def _texts(platform: Platform) -> str:
    if platform.texts:
        return platform.texts.described()
    return f"sent through {platform.settings.sms_api_url}"


def _banner(platform: Platform, demo_sign_in: dict | None = None) -> str:
    s = platform.settings
    return f"""
Tenant Tracker is running (embedded defaults: every service in this process).
  gateway     {platform.url}   (OpenAPI: {platform.url}/api/v1/openapi.json, ready: {platform.url}/readyz)
  profiles    gRPC {platform.profiles.runtime.grpc.address}
  reporting   gRPC {platform.reporting.runtime.grpc.address}
  import      gRPC {platform.imports.runtime.grpc.address}
  households  gRPC {platform.households.runtime.grpc.address}
  groups      gRPC {platform.groups.runtime.grpc.address}
  messaging   gRPC {platform.messaging.runtime.grpc.address}
  referrals   gRPC {platform.referrals.runtime.grpc.address}
  storage     SQLite under {s.var_dir.resolve()}/   bus: {s.bus}   search: {s.search}
  email       {_mail(platform)}
  texts       {_texts(platform)}
Sign in as the platform operator:
  username  operator
  password  {platform.gateway.operator_password}
  curl -s -X POST {platform.url}/api/v1/auth/token -H 'Content-Type: application/json' \\
       -d '{{"username": "operator", "password": "{platform.gateway.operator_password}"}}'
Then create a landlord (POST /api/v1/landlords) and sign in as its administrator: see README.md.
{demo.banner(demo_sign_in, platform.url)}Press Ctrl-C to stop.
"""


if __name__ == "__main__":
    main()
