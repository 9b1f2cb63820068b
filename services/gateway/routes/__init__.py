"""Routes by resource. Importing this package registers every route on `api`."""
from ..api import Api

api = Api()

from . import audit, auth, documents, health, imports, landlords, people, reports, setup, users  # noqa: E402,F401  (registration)
