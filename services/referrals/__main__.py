from services.common import cli

from . import bootstrap

cli.main(bootstrap.NAME, bootstrap.build)
