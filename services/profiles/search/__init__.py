"""People search, profiles' search area.

- domain.py: the criteria shape -> the index request (pages, sorting, facets); the index's
  answer -> the rows and facet counts users see. Pure.
- document.py: the search document, a person as the index holds it. Pure.
- criteria.py, criteria_groups.py, criteria_contacts.py, criteria_actions.py, criteria_referrals.py: criteria ->
  index clauses (person fields; household and group facts; communication records; open follow-up actions;
  referrals). Pure.
- store.py: each person's document version (table `search_versions`), in the database.
- indexing.py: keeping the index in step with the database.

The public names of domain.py are re-exported here, so `from services.profiles import search`
and `search.build_request(...)` read as before.
"""
from . import domain
from .domain import *  # noqa: F401,F403 (its __all__)

__all__ = domain.__all__
