"""Routes by resource. Importing this package registers every route on `api`."""
from ..api import Api

api = Api()

from . import (actions, activities, admin_groups, audit, auth, benchmark,  # noqa: E402,F401 (registration)
               communication_codes, communications, documents, health, households, import_values, imports, interactions,
               landlord_contacts, landlords, message_attachments, message_defaults, message_reports, messages,
               need_rules, people, person_links, provider_referrals, provider_users, providers, referral_reports,
               referrals, report_exports, reports, saved_reports, search_templates, setup, surveys, texts,
               unsubscribe, users)
