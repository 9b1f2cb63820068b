"""Settings from environment variables. Every default is the embedded one.

The README's "Configuration" table lists every variable read here; keep them in step.
"""
from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from .clock import Clock, shifted

SERVICES = ("gateway", "profiles", "reporting", "import", "households", "groups", "messaging", "referrals")
DEFAULT_GRPC_PORTS = {"profiles": 50051, "reporting": 50052, "import": 50053, "households": 50054, "groups": 50055,
                      "messaging": 50056, "referrals": 50057}
DEFAULT_METRICS_PORTS = {"profiles": 9101, "reporting": 9102, "import": 9103, "households": 9104, "groups": 9105,
                         "messaging": 9106, "referrals": 9107}
EMBEDDED_DATABASE_URL = "sqlite:///{var}/{service}.sqlite"


class ConfigError(ValueError):
    """A setting has a value the platform cannot use."""


def _choice(env: Mapping[str, str], name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = env.get(name, default).strip().lower()
    if value not in allowed:
        raise ConfigError(f"{name}={value!r}: expected one of {', '.join(allowed)}")
    return value


def _kafka_namespace(env: Mapping[str, str]) -> str:
    value = env.get("TRACKER_KAFKA_NAMESPACE", "")
    if len(value) > 100 or not re.fullmatch(r"[A-Za-z0-9._-]*", value):
        raise ConfigError(f"TRACKER_KAFKA_NAMESPACE={value!r}: expected at most 100 letters, digits, '.', '_' or '-'")
    return value


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, str(default))
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r}: expected a whole number") from None


def _at_least(env: Mapping[str, str], name: str, default: int, least: int) -> int:
    value = _int(env, name, default)
    if value < least:
        raise ConfigError(f"{name}={value}: expected at least {least}")
    return value


def kept_secret(var_dir: Path, name: str, size: int) -> str:
    """A secret generated once and kept under var/ (embedded mode, when not configured)."""
    path = var_dir / name
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(size)
    path.touch(mode=0o600)
    path.write_text(value)
    return value


@dataclass(frozen=True)
class Settings:
    var_dir: Path = Path("var")
    database_url_template: str = EMBEDDED_DATABASE_URL
    migration_database_url_template: str = ""  # empty: the same as database_url_template
    bus: str = "inprocess"
    kafka_bootstrap: str = "127.0.0.1:9092"
    kafka_namespace: str = ""  # put before every topic and consumer group name (one Kafka, many platforms)
    search: str = "embedded"
    elasticsearch_url: str = "http://127.0.0.1:9200"
    search_index_prefix: str = ""
    search_shards: int = 1
    search_replicas: int = 0
    search_routing_partition: int = 1
    search_bulk_bytes: int = 5 * 1024 * 1024
    search_bulk_in_flight: int = 2
    gateway_host: str = "127.0.0.1"
    gateway_port: int = 8080
    gateway_trusted_proxy: str = ""  # the proxy whose X-Forwarded-For names the client ("*": any); empty: none
    grpc_host: str = "127.0.0.1"
    grpc_ports: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_GRPC_PORTS))
    metrics_ports: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_METRICS_PORTS))
    service_addresses: Mapping[str, str] = field(default_factory=dict)  # where other processes reach each service
    operator_password: str = ""
    token_secret: str = ""
    token_ttl_seconds: int = 3600
    log_level: str = "INFO"
    demo: bool = True
    clock_offset_days: int = 0
    reconcile_interval_seconds: int = 600  # profiles compares the search index with its database; 0: never
    smtp_url: str = "smtp://127.0.0.1:2525"  # where messaging sends email
    mail_catcher: bool = True  # make run and the tests' platforms catch email on loopback (at smtp_url's port)
    sms_api_url: str = "http://127.0.0.1:2526"  # a Twilio-compatible Programmable Messaging API
    sms_account: str = "ACtenanttrackerlocal"  # its account SID
    sms_token: str = "local-text-token"  # its auth token: signs its callbacks too
    text_catcher: bool = True  # make run and the tests' platforms catch texts on loopback (at sms_api_url's port)
    public_url: str = ""  # where the provider reaches the gateway with callbacks; "": http://<gateway host>:<port>
    send_claim_lease_seconds: int = 600  # a send job takes over another's batch only once claimed this long ago
    digest_interval_seconds: int = 3600  # the gateway runs the daily action digests this often; 0: never

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        return cls(
            var_dir=Path(env.get("TRACKER_VAR_DIR", "var")),
            database_url_template=env.get("TRACKER_DATABASE_URL_TEMPLATE", EMBEDDED_DATABASE_URL),
            migration_database_url_template=env.get("TRACKER_MIGRATION_DATABASE_URL_TEMPLATE", ""),
            bus=_choice(env, "TRACKER_BUS", "inprocess", ("inprocess", "kafka")),
            kafka_bootstrap=env.get("TRACKER_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
            kafka_namespace=_kafka_namespace(env),
            search=_choice(env, "TRACKER_SEARCH", "embedded", ("embedded", "elasticsearch")),
            elasticsearch_url=env.get("TRACKER_ELASTICSEARCH_URL", "http://127.0.0.1:9200"),
            search_index_prefix=env.get("TRACKER_SEARCH_INDEX_PREFIX", ""),
            search_shards=_int(env, "TRACKER_SEARCH_SHARDS", 1),
            search_replicas=_int(env, "TRACKER_SEARCH_REPLICAS", 0),
            search_routing_partition=_int(env, "TRACKER_SEARCH_ROUTING_PARTITION", 1),
            search_bulk_bytes=_at_least(env, "TRACKER_SEARCH_BULK_BYTES", 5 * 1024 * 1024, 1024),
            search_bulk_in_flight=_at_least(env, "TRACKER_SEARCH_BULK_IN_FLIGHT", 2, 1),
            gateway_host=env.get("TRACKER_GATEWAY_HOST", "127.0.0.1"),
            gateway_port=_int(env, "TRACKER_GATEWAY_PORT", 8080),
            gateway_trusted_proxy=env.get("TRACKER_GATEWAY_TRUSTED_PROXY", "").strip(),
            grpc_host=env.get("TRACKER_GRPC_HOST", "127.0.0.1"),
            grpc_ports={s: _int(env, f"TRACKER_{s.upper()}_GRPC_PORT", p) for s, p in DEFAULT_GRPC_PORTS.items()},
            metrics_ports={s: _int(env, f"TRACKER_{s.upper()}_METRICS_PORT", p) for s, p in DEFAULT_METRICS_PORTS.items()},
            service_addresses={s: env[f"TRACKER_{s.upper()}_ADDRESS"] for s in DEFAULT_GRPC_PORTS
                               if env.get(f"TRACKER_{s.upper()}_ADDRESS")},
            operator_password=env.get("TRACKER_OPERATOR_PASSWORD", ""),
            token_secret=env.get("TRACKER_TOKEN_SECRET", ""),
            token_ttl_seconds=_int(env, "TRACKER_TOKEN_TTL_SECONDS", 3600),
            log_level=env.get("TRACKER_LOG_LEVEL", "INFO").upper(),
            demo=env.get("TRACKER_DEMO", "1") not in ("0", "false", "no"),
            clock_offset_days=_int(env, "TRACKER_CLOCK_OFFSET_DAYS", 0),
            reconcile_interval_seconds=_int(env, "TRACKER_RECONCILE_INTERVAL_SECONDS", 600),
            smtp_url=env.get("TRACKER_SMTP_URL", "smtp://127.0.0.1:2525"),
            mail_catcher=env.get("TRACKER_MAIL_CATCHER", "1") not in ("0", "false", "no"),
            sms_api_url=env.get("TRACKER_SMS_API_URL", "http://127.0.0.1:2526").rstrip("/"),
            sms_account=env.get("TRACKER_SMS_ACCOUNT", "ACtenanttrackerlocal"),
            sms_token=env.get("TRACKER_SMS_TOKEN", "local-text-token"),
            text_catcher=env.get("TRACKER_TEXT_CATCHER", "1") not in ("0", "false", "no"),
            public_url=env.get("TRACKER_PUBLIC_URL", "").rstrip("/"),
            send_claim_lease_seconds=_int(env, "TRACKER_SEND_CLAIM_LEASE_SECONDS", 600),
            digest_interval_seconds=_int(env, "TRACKER_DIGEST_INTERVAL_SECONDS", 3600),
        )

    @property
    def gateway_public_url(self) -> str:
        """The gateway as a text provider calling back reaches it."""
        return self.public_url or f"http://{self.gateway_host}:{self.gateway_port}"

    def signing_secret(self) -> str:
        """TRACKER_TOKEN_SECRET: what signs bearer tokens and unsubscribe links (embedded mode, when not
        configured: generated once and kept under var/)."""
        return self.token_secret or kept_secret(self.var_dir, "token_secret", 48)

    def clock(self) -> Clock:
        """The clock every service of this platform reads `now` and `today` from."""
        return shifted(self.clock_offset_days)

    def database_url(self, service: str) -> str:
        return self.database_url_template.format(var=self.var_dir.resolve(), service=service)

    def migration_database_url(self, service: str) -> str:
        template = self.migration_database_url_template or self.database_url_template
        return template.format(var=self.var_dir.resolve(), service=service)

    def grpc_address(self, service: str) -> str:
        """Where this process binds the service's gRPC server."""
        return f"{self.grpc_host}:{self.grpc_ports[service]}"

    def service_address(self, service: str) -> str:
        """Where other processes reach the service (its Kubernetes Service, or loopback)."""
        return self.service_addresses.get(service) or f"127.0.0.1:{self.grpc_ports[service]}"
