"""The command line every service process has: `python -m services.<name> [serve|migrate]`."""
from __future__ import annotations

import argparse
import logging
import signal
import threading
from typing import Callable

from . import logs
from .config import Settings
from .metrics import serve_metrics

log = logging.getLogger(__name__)


def stop_on_signals() -> threading.Event:
    """An event set by SIGTERM or SIGINT (Ctrl-C), for a graceful stop."""
    stopping = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stopping.set())
    return stopping


def main(name: str, build: Callable[[Settings], object], argv: list[str] | None = None,
         commands: dict[str, Callable[[object], None]] | None = None) -> None:
    commands = commands or {}
    parser = argparse.ArgumentParser(prog=f"python -m services.{name}")
    parser.add_argument("command", nargs="?", default="serve", choices=["serve", "migrate", *commands])
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    logs.configure(settings.log_level)
    service = build(settings)
    if args.command == "migrate":
        service.runtime.migrate()
        log.info("migrated", extra={"service": name})
        return
    if args.command in commands:
        commands[args.command](service)
        return
    stopping = stop_on_signals()
    serve_metrics(settings.metrics_ports[name], settings.grpc_host)
    service.start()
    log.info("serving", extra={"service": name, "grpc": settings.grpc_address(name),
                               "metrics_port": settings.metrics_ports[name]})
    stopping.wait()
    log.info("stopping", extra={"service": name})
    service.stop()
