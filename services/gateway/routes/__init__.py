"""Routes by resource. Importing this package registers every route on `api`."""
from ..api import Api

api = Api()

from . import auth, health, landlords, people, reports  # noqa: E402,F401  (registration)
