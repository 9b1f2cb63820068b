from services.common import cli

from . import bootstrap, maintenance

cli.main(bootstrap.NAME, bootstrap.build, commands={"recount": maintenance.recount, "daily": maintenance.daily})
