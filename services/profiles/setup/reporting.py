"""The profile set-up as the reporting service reads it: every option list, every custom field and the
age bands in one answer (a use case; its own module so service.py stays within size). No usage counts,
so it never scans people, and it reads only: a landlord whose default lists are not written yet reads
them as they will be written, and nothing is written for it."""
from __future__ import annotations

from typing import NamedTuple

from services.common.person_fields import OPTION_LISTS
from services.common.uow import UnitOfWork

from .domain import CHOICE_TYPES, AgeBand, CustomField, Option
from .service import LIST_LABELS
from .store import read_catalogue


class ReportingList(NamedTuple):
    name: str  # a person field's list ("ethnicity") or a choice custom field's ("custom.<key>")
    label: str  # the person field's label, or the custom field's
    options: list[Option]  # in the list's order, archived ones too


class ReportingCatalogue(NamedTuple):
    lists: list[ReportingList]  # the standard lists in the person fields' order, then the choice custom fields'
    custom_fields: list[CustomField]  # every one (people, properties, households; archived too), in position order
    age_bands: tuple[AgeBand, ...]


def reporting_catalogue(uow: UnitOfWork) -> ReportingCatalogue:
    """The landlord's whole set-up for reports. Reads only: the unit of work may be read-only."""
    catalogue = read_catalogue(uow.session, uow.landlord_id)
    fields = sorted(catalogue.custom_fields.values(), key=lambda d: d.position)
    lists = [ReportingList(name, LIST_LABELS[name], list(catalogue.options.get(name, ()))) for name in OPTION_LISTS]
    lists += [ReportingList(d.list_name, d.label, list(catalogue.options.get(d.list_name, ())))
              for d in fields if d.type in CHOICE_TYPES]
    return ReportingCatalogue(lists, fields, catalogue.settings.age_bands)
