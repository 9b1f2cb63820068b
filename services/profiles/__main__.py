import sys

from services.common import cli

from . import bootstrap, maintenance

args = sys.argv[1:]
reconciling = args[:1] == ["reconcile"]  # its options: `reconcile [--landlord ID]`
options = maintenance.reconcile_options(args[1:]) if reconciling else None
cli.main(bootstrap.NAME, bootstrap.build, argv=args[:1] if reconciling else args,
         commands={"reindex": maintenance.reindex,
                   "reconcile": lambda profiles: maintenance.reconcile_command(profiles, options)})
