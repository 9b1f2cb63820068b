"""Routes by resource. Importing this package registers every route on `api`."""
from ..api import Api

api = Api()

from . import audit, auth, health, landlords, people, reports, users  # noqa: E402,F401  (registration)
