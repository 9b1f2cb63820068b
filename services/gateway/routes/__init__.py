"""Routes by resource. Importing this package registers every route on `api`."""
from ..api import Api

api = Api()

from . import (activities, admin_groups, audit, auth, benchmark, communication_codes, communications,  # noqa: E402,F401
               documents, health, households, imports, landlord_contacts, landlords, message_attachments,
               message_defaults, message_reports, messages, need_rules, people, person_links, report_exports, reports,
               saved_reports, search_templates, setup, surveys, texts, unsubscribe, users)  # (registration)
