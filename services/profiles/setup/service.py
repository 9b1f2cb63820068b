"""Use cases of the profile set-up (issue 4): option lists, custom field
definitions and profile settings. They take the unit of work first and are the
only code that commits. A landlord's defaults are written when it is created
(`set_up_landlord`); these use cases write them too where a landlord created
before that still lacks them."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Mapping, NamedTuple, Sequence

from services.common.errors import AlreadyExists, InUse, InvalidInput, NotFound
from services.common.ids import new_id
from services.common.person_fields import FIELDS
from services.common.uow import UnitOfWork

from ..catalogue_cache import CatalogueCache
from .domain import (CHOICE_TYPES, CUSTOM_LIST_PREFIX, PERSON, AgeBand, CustomField, Option, ProfileSettings,
                     check_age_bands, check_applies_to, check_custom_type, check_group, check_ref_mode,
                     check_removable, clean_label, derive_key, in_use_message, key_problem, label_key, moved,
                     reordered, tenancy_attributes)
from .store import SetupStore
from .usage import custom_field_usage, option_usage

LIST_LABELS = {f.option_list: f.label for f in FIELDS if f.option_list}


class Used(NamedTuple):
    item: Any  # an Option or a CustomField
    in_use: int  # people using it


class OptionListView(NamedTuple):
    name: str
    label: str
    items: list[Used]


class ListSummary(NamedTuple):
    name: str
    label: str
    custom: bool  # the options of a choice custom field
    options: int
    archived: int


def _changed(uow: UnitOfWork) -> None:
    """Commit a change of the set-up; its new version tells cached catalogues to reload."""
    SetupStore(uow.session, uow.landlord_id).bump_version()
    uow.commit()
    CatalogueCache.forget_everywhere(uow.landlord_id)


def _store(uow: UnitOfWork) -> SetupStore:
    store = SetupStore(uow.session, uow.landlord_id)
    store.ensure_defaults(now=uow.clock.now())
    return store


def _list_field(store: SetupStore, list_name: str) -> CustomField | None:
    """The custom field a list belongs to (None for a standard list); NotFound when there is no such list."""
    if list_name not in store.list_names():
        raise NotFound("option list not found")
    if list_name.startswith(CUSTOM_LIST_PREFIX):
        return store.custom_field(list_name[len(CUSTOM_LIST_PREFIX):])
    return None


def _used_options(uow: UnitOfWork, store: SetupStore, list_name: str) -> list[Used]:
    counts = option_usage(uow.session, uow.landlord_id, list_name, _list_field(store, list_name))
    return [Used(o, counts[o.option_id]) for o in store.options(list_name)]


def _view(uow: UnitOfWork, store: SetupStore, list_name: str) -> OptionListView:
    field = _list_field(store, list_name)
    label = field.label if field is not None else LIST_LABELS.get(list_name, list_name)
    return OptionListView(list_name, label, _used_options(uow, store, list_name))


def _option_of(store: SetupStore, list_name: str, option_id: str) -> Option:
    _list_field(store, list_name)
    option = store.option(option_id)
    if option is None or option.list_name != list_name:
        raise NotFound("option not found")
    return option


# -- the landlord ------------------------------------------------------------------------------------------------------

def set_up_landlord(uow: UnitOfWork) -> None:
    """A new landlord's default option lists and profile settings (idempotent: what it has is kept)."""
    _store(uow)
    uow.commit()


# -- option lists ------------------------------------------------------------------------------------------------------

def option_lists(uow: UnitOfWork) -> list[ListSummary]:
    store = _store(uow)
    fields = {f.list_name: f for f in store.custom_fields()}
    counts: dict[str, list[int]] = {name: [0, 0] for name in store.list_names()}
    for option in store.options():
        counts.setdefault(option.list_name, [0, 0])[0] += 1
        counts[option.list_name][1] += option.archived
    uow.commit()
    return [ListSummary(name, fields[name].label if name in fields else LIST_LABELS.get(name, name), name in fields,
                        *counts[name]) for name in counts]


def option_list(uow: UnitOfWork, *, list_name: str) -> OptionListView:
    view = _view(uow, _store(uow), list_name)
    uow.commit()
    return view


def add_option(uow: UnitOfWork, *, list_name: str, label: str, group: str = "",
               attributes: Mapping[str, Any] | None = None) -> Option:
    store = _store(uow)
    _list_field(store, list_name)
    label = clean_label(label)
    option = Option(new_id(), list_name, label, len(store.options(list_name)) + 1, group=check_group(list_name, group),
                    attributes=tenancy_attributes(list_name, attributes))
    if store.label_taken(list_name, label):
        raise _duplicate_label()
    store.add_option(option)
    _changed(uow)
    return option


def update_option(uow: UnitOfWork, *, list_name: str, option_id: str, label: str | None = None,
                  archived: bool | None = None, position: int | None = None, group: str | None = None,
                  attributes: Mapping[str, Any] | None = None) -> Used:
    """Rename, archive or unarchive, move, regroup or change a tenancy type's attributes (only what is given)."""
    store = _store(uow)
    option = _option_of(store, list_name, option_id)
    changed = option
    if label is not None:
        changed = replace(changed, label=clean_label(label))
        if store.label_taken(list_name, changed.label, other_than=option_id):
            raise _duplicate_label()
    if archived is not None and archived != option.archived:
        if archived:
            check_removable(option)
        changed = replace(changed, archived=archived)
    if group is not None:
        changed = replace(changed, group=check_group(list_name, group))
    if attributes is not None:
        changed = replace(changed, attributes=tenancy_attributes(list_name, attributes, option.attributes))
    if changed != option:
        store.update_option(changed)
    if position is not None:
        store.set_option_positions(moved([o.option_id for o in store.options(list_name)], option_id, position))
    used = next(u for u in _used_options(uow, store, list_name) if u.item.option_id == option_id)
    _changed(uow)
    return used


def reorder_options(uow: UnitOfWork, *, list_name: str, option_ids: Sequence[str]) -> OptionListView:
    store = _store(uow)
    _list_field(store, list_name)
    store.set_option_positions(reordered([o.option_id for o in store.options(list_name)], list(option_ids)))
    view = _view(uow, store, list_name)
    _changed(uow)
    return view


def delete_option(uow: UnitOfWork, *, list_name: str, option_id: str) -> None:
    """Only while nobody uses it; otherwise InUse saying how many people do."""
    store = _store(uow)
    option = _option_of(store, list_name, option_id)
    check_removable(option)
    count = option_usage(uow.session, uow.landlord_id, list_name, _list_field(store, list_name))[option_id]
    if count:
        raise InUse(in_use_message(count, "option"))
    store.delete_option(option_id)
    store.set_option_positions([o.option_id for o in store.options(list_name)])
    _changed(uow)


# -- custom fields -----------------------------------------------------------------------------------------------------

def custom_fields(uow: UnitOfWork) -> list[Used]:
    store = _store(uow)
    counts = custom_field_usage(uow.session, uow.landlord_id)
    used = [Used(d, counts[d.field_id]) for d in store.custom_fields()]
    uow.commit()
    return used


def add_custom_field(uow: UnitOfWork, *, label: str, type: str, key: str = "", options: Sequence[str] = (),
                     applies_to: str = PERSON) -> CustomField:
    """A new custom field of people, properties or households (labels unique among each); a choice
    field's `options` start its option list `custom.<key>`."""
    store = _store(uow)
    label, kind = clean_label(label), check_custom_type(type)
    applies_to = check_applies_to(applies_to or PERSON)
    existing = store.custom_fields()
    if key:
        problem = key_problem(key)
        if problem:
            raise InvalidInput.field("key", problem)
        if any(d.key == key for d in existing):
            raise AlreadyExists.field("key", "is already the key of another custom field")
    else:
        key = derive_key(label, {d.key for d in existing})
    if any(label_key(d.label) == label_key(label) for d in existing if d.applies_to == applies_to):
        raise AlreadyExists.field("label", f"is already the label of another {applies_to} custom field")
    labels = [clean_label(o, "options") for o in options]
    if labels and kind not in CHOICE_TYPES:
        raise InvalidInput.field("options", "only choice and multi-choice fields have options")
    if len({label_key(o) for o in labels}) != len(labels):
        raise InvalidInput.field("options", "labels must be different")
    definition = CustomField(new_id(), key, label, kind, max((d.position for d in existing), default=0) + 1,
                             applies_to=applies_to)
    store.add_custom_field(definition)
    if kind in CHOICE_TYPES:
        store.add_list(definition.list_name, now=uow.clock.now())
        for i, option_label in enumerate(labels, start=1):
            store.add_option(Option(new_id(), definition.list_name, option_label, i))
    _changed(uow)
    return definition


def update_custom_field(uow: UnitOfWork, *, key: str, label: str | None = None, type: str | None = None,
                        archived: bool | None = None, position: int | None = None) -> Used:
    """Rename, archive or unarchive, move; change the type only while no one has a value."""
    store = _store(uow)
    definition = _field_of(store, key)
    in_use = custom_field_usage(uow.session, uow.landlord_id)[definition.field_id]
    changed = definition
    if label is not None:
        changed = replace(changed, label=clean_label(label))
    if archived is not None:
        changed = replace(changed, archived=archived)
    if type is not None and check_custom_type(type) != definition.type:
        if in_use:
            raise InUse(f"the type cannot change once values are recorded: {in_use_message(in_use, 'field')}")
        changed = replace(changed, type=type, index_generation=definition.index_generation + 1)  # a new index field
        was_choice, is_choice = definition.type in CHOICE_TYPES, type in CHOICE_TYPES
        if was_choice and not is_choice:
            store.delete_list(definition.list_name)
        elif is_choice and not was_choice:
            store.add_list(definition.list_name, now=uow.clock.now())
    if changed != definition:
        store.update_custom_field(changed)
    if position is not None:
        ids = moved([d.field_id for d in store.custom_fields()], definition.field_id, position)
        store.set_field_positions(ids)
        changed = replace(changed, position=ids.index(definition.field_id) + 1)
    _changed(uow)
    return Used(changed, in_use)


def delete_custom_field(uow: UnitOfWork, *, key: str) -> None:
    store = _store(uow)
    definition = _field_of(store, key)
    count = custom_field_usage(uow.session, uow.landlord_id)[definition.field_id]
    if count:
        raise InUse(in_use_message(count, "field"))
    store.delete_custom_field(definition.field_id)
    store.delete_list(definition.list_name)
    store.set_field_positions([d.field_id for d in store.custom_fields()])
    _changed(uow)


def _field_of(store: SetupStore, key: str) -> CustomField:
    definition = store.custom_field(key)
    if definition is None:
        raise NotFound("custom field not found")
    return definition


# -- settings ----------------------------------------------------------------------------------------------------------

def profile_settings(uow: UnitOfWork) -> ProfileSettings:
    settings = _store(uow).settings()
    uow.commit()
    return settings


def update_profile_settings(uow: UnitOfWork, *, age_bands: Sequence[AgeBand] | None = None,
                            personal_ref_mode: str | None = None) -> ProfileSettings:
    store = _store(uow)
    settings = store.settings()
    if age_bands is not None:
        settings = replace(settings, age_bands=check_age_bands(list(age_bands)))
    if personal_ref_mode is not None:
        settings = replace(settings, personal_ref_mode=check_ref_mode(personal_ref_mode))
    store.save_settings(settings, now=uow.clock.now())
    _changed(uow)
    return settings


def _duplicate_label() -> AlreadyExists:
    return AlreadyExists.field("label", "is already an option of this list")

