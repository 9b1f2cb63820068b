"""Use cases of search templates (saved criteria, re-evaluated every time they are used) and of
expanding criteria for profiles."""
from __future__ import annotations

from services.common.errors import AlreadyExists, FieldProblem, InUse, InvalidInput, NotFound
from services.common.uow import UnitOfWork

from . import criteria as criteria_rules
from .clients.profiles import People
from .domain import SearchTemplate
from .service import paging, repos
from .template_store import TAKEN_NAME


def lookups(uow: UnitOfWork) -> criteria_rules.Lookups:
    r = repos(uow)

    def template(template_id: str) -> dict | None:
        found = r.templates.get(template_id)
        return found.criteria if found else None

    return criteria_rules.Lookups(template, r.groups.existing, r.activities.existing)


def expand_criteria(uow: UnitOfWork, *, criteria: dict, within: tuple[str, ...] = ()) -> dict:
    """Criteria as profiles takes them: templates replaced by their criteria now, ids checked."""
    return criteria_rules.expand(criteria, lookups(uow), within=within)


def check_with_profiles(people: People, expanded: dict) -> None:
    """Profiles' verdict on the criteria (a count only); its problems name `criteria.<key>`."""
    try:
        people.count(expanded)
    except InvalidInput as error:
        fields = [FieldProblem(f.field if f.field.startswith("criteria") else f"criteria.{f.field}", f.reason)
                  for f in error.fields] or [FieldProblem("criteria", error.message)]
        raise InvalidInput("; ".join(f"{f.field}: {f.reason}" for f in fields), fields) from None


def _get(uow: UnitOfWork, template_id: str) -> SearchTemplate:
    template = repos(uow).templates.get(template_id) if template_id else None
    if template is None:
        raise NotFound("search template not found")
    return template


def _unique(uow: UnitOfWork, template: SearchTemplate) -> None:
    if repos(uow).templates.name_taken(template.name, other_than=template.search_template_id):
        raise AlreadyExists.field("name", TAKEN_NAME)


def _validated(uow: UnitOfWork, people: People, template: SearchTemplate) -> None:
    check_with_profiles(people, expand_criteria(uow, criteria=template.criteria, within=(template.search_template_id,)))


def create_template(uow: UnitOfWork, people: People, *, user_id: str, name: str, description: str,
                    criteria: dict) -> SearchTemplate:
    template = SearchTemplate.new(landlord_id=uow.landlord_id, user_id=user_id, now=uow.clock.now(), name=name,
                                  description=description, criteria=criteria)
    _unique(uow, template)
    _validated(uow, people, template)
    repos(uow).templates.add(template)
    uow.commit()
    return template


def update_template(uow: UnitOfWork, people: People, *, template_id: str, name: str | None = None,
                    description: str | None = None, criteria: dict | None = None) -> SearchTemplate:
    template = _get(uow, template_id)
    template.change(now=uow.clock.now(), name=name, description=description, criteria=criteria)
    if name is not None:
        _unique(uow, template)
    if criteria is not None:
        _validated(uow, people, template)
    repos(uow).templates.save(template)
    uow.commit()
    return template


def get_template(uow: UnitOfWork, *, template_id: str) -> SearchTemplate:
    return _get(uow, template_id)


def list_templates(uow: UnitOfWork, *, text: str, page: int, page_size: int) -> tuple[int, list[SearchTemplate]]:
    limit, offset = paging(page, page_size)
    return repos(uow).templates.page(text=text.strip(), limit=limit, offset=offset)


def refuse_if_templates_use(uow: UnitOfWork, some_id: str, what: str, *, other_than: str = "") -> None:
    users = repos(uow).templates.referring_to(some_id, other_than=other_than)
    if users:
        raise InUse(f"the {what} is used by search templates ({', '.join(users[:5])}): change them first")


def delete_template(uow: UnitOfWork, *, template_id: str) -> str:
    template = _get(uow, template_id)
    refuse_if_templates_use(uow, template.search_template_id, "search template", other_than=template.search_template_id)
    repos(uow).templates.delete(template.search_template_id)
    uow.commit()
    return template.search_template_id
