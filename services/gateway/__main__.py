"""`python -m services.gateway [serve|migrate]`: the gateway as its own process."""
import argparse
import logging

from services.common import cli, logs
from services.common.config import Settings

from . import bootstrap

log = logging.getLogger(__name__)
parser = argparse.ArgumentParser(prog="python -m services.gateway")
parser.add_argument("command", nargs="?", default="serve", choices=["serve", "migrate"])
args = parser.parse_args()
settings = Settings.from_env()
logs.configure(settings.log_level)
gateway = bootstrap.build(settings)
if args.command == "migrate":
    gateway.migrate()
else:
    stopping = cli.stop_on_signals()
    gateway.start()
    stopping.wait()
    gateway.stop()
