from services.common import cli

from . import bootstrap, maintenance

cli.main(bootstrap.NAME, bootstrap.build, commands={"rebuild": maintenance.rebuild_all})
