"""Use cases of search templates (saved criteria, re-evaluated every time they are used) and of
expanding criteria for profiles. A template's criteria are checked by profiles when saved, with no
transaction of ours open (store.end_reads); the write then reads the template again."""
from __future__ import annotations

import datetime as dt

from services.common.errors import AlreadyExists, FieldProblem, InUse, InvalidInput, NotFound
from services.common.uow import UnitOfWork

from ..activities.store import ActivityRepository
from ..clients.profiles import People
from ..domain import paging
from ..store import AdminGroupRepository, end_reads
from .domain import Lookups, SearchTemplate, expand
from .store import TAKEN_NAME, TemplateRepository


def _templates(uow: UnitOfWork) -> TemplateRepository:
    return TemplateRepository(uow.session, uow.landlord_id)


def lookups(uow: UnitOfWork) -> Lookups:
    templates = _templates(uow)

    def template(template_id: str) -> dict | None:
        found = templates.get(template_id)
        return found.criteria if found else None

    return Lookups(template, AdminGroupRepository(uow.session, uow.landlord_id).existing,
                   ActivityRepository(uow.session, uow.landlord_id).existing)


def expand_criteria(uow: UnitOfWork, *, criteria: dict, within: tuple[str, ...] = ()) -> dict:
    """Criteria as profiles takes them: templates replaced by their criteria now, ids checked."""
    return expand(criteria, lookups(uow), within=within)


def check_with_profiles(people: People, expanded: dict) -> None:
    """Profiles' verdict on the criteria (a count only); its problems name `criteria.<key>`."""
    try:
        people.count(expanded)
    except InvalidInput as error:
        fields = [FieldProblem(f.field if f.field.startswith("criteria") else f"criteria.{f.field}", f.reason)
                  for f in error.fields] or [FieldProblem("criteria", error.message)]
        raise InvalidInput("; ".join(f"{f.field}: {f.reason}" for f in fields), fields) from None


def _get(uow: UnitOfWork, template_id: str) -> SearchTemplate:
    template = _templates(uow).get(template_id) if template_id else None
    if template is None:
        raise NotFound("search template not found")
    return template


def _unique(uow: UnitOfWork, template: SearchTemplate) -> None:
    if _templates(uow).name_taken(template.name, other_than=template.search_template_id):
        raise AlreadyExists.field("name", TAKEN_NAME)


def _validated(uow: UnitOfWork, people: People, template: SearchTemplate) -> None:
    """Expanded in the transaction so far, which then ends; profiles checks them outside it."""
    expanded = expand_criteria(uow, criteria=template.criteria, within=(template.search_template_id,))
    end_reads(uow)
    check_with_profiles(people, expanded)


def create_template(uow: UnitOfWork, people: People, *, user_id: str, name: str, description: str,
                    criteria: dict) -> SearchTemplate:
    template = SearchTemplate.new(landlord_id=uow.landlord_id, user_id=user_id, now=uow.clock.now(), name=name,
                                  description=description, criteria=criteria)
    _unique(uow, template)
    _validated(uow, people, template)
    _templates(uow).add(template)  # the unique index refuses a name taken meanwhile
    uow.commit()
    return template


def _edited(uow: UnitOfWork, template_id: str, now: dt.datetime, **changes) -> SearchTemplate:
    template = _get(uow, template_id)
    template.change(now=now, **changes)
    if changes["name"] is not None:
        _unique(uow, template)
    return template


def update_template(uow: UnitOfWork, people: People, *, template_id: str, name: str | None = None,
                    description: str | None = None, criteria: dict | None = None) -> SearchTemplate:
    now, changes = uow.clock.now(), {"name": name, "description": description, "criteria": criteria}
    template = _edited(uow, template_id, now, **changes)
    if criteria is not None:
        _validated(uow, people, template)
        template = _edited(uow, template_id, now, **changes)  # as it is now, in the transaction that writes
    _templates(uow).save(template)
    uow.commit()
    return template


def get_template(uow: UnitOfWork, *, template_id: str) -> SearchTemplate:
    return _get(uow, template_id)


def list_templates(uow: UnitOfWork, *, text: str, page: int, page_size: int) -> tuple[int, list[SearchTemplate]]:
    limit, offset = paging(page, page_size)
    return _templates(uow).page(text=text.strip(), limit=limit, offset=offset)


def refuse_if_templates_use(uow: UnitOfWork, some_id: str, what: str, *, other_than: str = "") -> None:
    users = _templates(uow).referring_to(some_id, other_than=other_than)
    if users:
        raise InUse(f"the {what} is used by search templates ({', '.join(users[:5])}): change them first")


def delete_template(uow: UnitOfWork, *, template_id: str) -> str:
    template = _get(uow, template_id)
    refuse_if_templates_use(uow, template.search_template_id, "search template", other_than=template.search_template_id)
    _templates(uow).delete(template.search_template_id)
    uow.commit()
    return template.search_template_id
