"""Storage of a landlord's profile set-up: option lists, custom field definitions
and profile settings (SQLAlchemy Core, every query filtered by the landlord).

A landlord's default lists and settings are written when the landlord is created
(`ensure_defaults`, idempotent; use cases that change people or the set-up ensure
them too, for landlords created before that). `read_catalogue` is what searches and
reads use: it writes nothing, and a landlord with no defaults written yet reads them
as they will be written. `load_catalogue` is for use cases that write: defaults
first, in the caller's transaction. `next_personal_ref` hands out generated personal
references without duplicates or gaps."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.common.errors import AlreadyExists, InvalidInput
from services.common.person_fields import OPTION_LISTS

from ..tables import people
from .defaults import default_options
from .domain import (REF_MAX, TENANCY_DEFAULTS, TENANCY_TYPE, AgeBand, Catalogue, CustomField, Option,
                     ProfileSettings, format_ref, label_key)
from .tables import custom_fields, option_lists, options, profile_settings

TENANCY_COLUMNS = tuple(TENANCY_DEFAULTS)  # fed_by_import, ref_prefix, ref_digits, next_number
SEARCH_WINDOW = 200  # references checked per query when skipping those already used


class SetupStore:
    """One landlord's set-up rows, inside the caller's transaction."""

    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def _mine(self, table):
        return table.c.landlord_id == self.landlord_id

    # -- defaults ---------------------------------------------------------------------------------------------------

    def ensure_defaults(self, *, now: dt.datetime) -> None:
        """Create the standard lists (with their default options) and the settings the landlord lacks, as of
        `now`. Two transactions racing here both succeed: the loser's insert hits the primary key and is undone."""
        present = set(self.session.execute(select(option_lists.c.list_name).where(self._mine(option_lists))).scalars())
        for list_name in OPTION_LISTS:
            if list_name not in present:
                self._insert_if_absent(lambda name=list_name: self._seed_list(name, now))
        if self.session.execute(select(profile_settings.c.landlord_id)
                                .where(self._mine(profile_settings))).first() is None:
            self._insert_if_absent(lambda: self.save_settings(ProfileSettings(), now=now, insert_row=True))

    def _insert_if_absent(self, write) -> None:
        try:
            with self.session.begin_nested():
                write()
        except IntegrityError:
            pass  # another transaction created it first; it is there now

    def _seed_list(self, list_name: str, now: dt.datetime) -> None:
        self.add_list(list_name, now=now)
        rows = default_options(self.landlord_id, list_name)
        if rows:
            self.session.execute(insert(options), [self._option_row(o) for o in rows])

    # -- option lists -----------------------------------------------------------------------------------------------

    def list_names(self) -> list[str]:
        return list(self.session.execute(select(option_lists.c.list_name).where(self._mine(option_lists))
                                          .order_by(option_lists.c.list_name)).scalars())

    def add_list(self, list_name: str, *, now: dt.datetime) -> None:
        self.session.execute(insert(option_lists).values(landlord_id=self.landlord_id, list_name=list_name,
                                                         created_at=now))

    def delete_list(self, list_name: str) -> None:
        for table in (options, option_lists):
            self.session.execute(delete(table).where(self._mine(table), table.c.list_name == list_name))

    def options(self, list_name: str | None = None) -> list[Option]:
        query = select(options).where(self._mine(options)).order_by(options.c.list_name, options.c.position)
        if list_name is not None:
            query = query.where(options.c.list_name == list_name)
        return [_option(row) for row in self.session.execute(query).mappings()]

    def option(self, option_id: str) -> Option | None:
        row = self.session.execute(select(options).where(self._mine(options), options.c.option_id == option_id)
                                   ).mappings().first()
        return _option(row) if row else None

    def label_taken(self, list_name: str, label: str, *, other_than: str = "") -> bool:
        return self.session.execute(select(options.c.option_id).where(
            self._mine(options), options.c.list_name == list_name, options.c.label_key == label_key(label),
            options.c.option_id != other_than)).first() is not None

    def add_option(self, option: Option) -> None:
        self._write(insert(options).values(**self._option_row(option)), "label", "is already an option of this list")

    def update_option(self, option: Option) -> None:
        row = self._option_row(option)
        self._write(update(options).where(self._mine(options), options.c.option_id == option.option_id).values(**row),
                    "label", "is already an option of this list")

    def set_option_positions(self, option_ids: list[str]) -> None:
        self._set_positions(options, "option_id", option_ids)

    def set_field_positions(self, field_ids: list[str]) -> None:
        self._set_positions(custom_fields, "field_id", field_ids)

    def _set_positions(self, table, id_column: str, ids: list[str]) -> None:
        for position, item_id in enumerate(ids, start=1):
            self.session.execute(update(table).where(self._mine(table), table.c[id_column] == item_id)
                                 .values(position=position))

    def delete_option(self, option_id: str) -> None:
        self.session.execute(delete(options).where(self._mine(options), options.c.option_id == option_id))

    def _option_row(self, option: Option) -> dict:
        row = {"option_id": option.option_id, "landlord_id": self.landlord_id, "list_name": option.list_name,
               "label": option.label, "label_key": label_key(option.label), "position": option.position,
               "archived": option.archived, "code": option.code, "option_group": option.group}
        row.update({name: option.attributes.get(name) for name in TENANCY_COLUMNS})
        return row

    def _write(self, statement, field_name: str, reason: str) -> None:
        try:
            with self.session.begin_nested():
                self.session.execute(statement)
        except IntegrityError:
            raise AlreadyExists.field(field_name, reason) from None

    # -- custom fields ----------------------------------------------------------------------------------------------

    def custom_fields(self) -> list[CustomField]:
        rows = self.session.execute(select(custom_fields).where(self._mine(custom_fields))
                                    .order_by(custom_fields.c.position)).mappings()
        return [_custom_field(row) for row in rows]

    def custom_field(self, key: str) -> CustomField | None:
        row = self.session.execute(select(custom_fields).where(self._mine(custom_fields), custom_fields.c.key == key)
                                   ).mappings().first()
        return _custom_field(row) if row else None

    def add_custom_field(self, definition: CustomField) -> None:
        self._write(insert(custom_fields).values(**self._field_row(definition)), "label",
                    "is already the label or key of another custom field")

    def update_custom_field(self, definition: CustomField) -> None:
        self._write(update(custom_fields).where(self._mine(custom_fields), custom_fields.c.field_id == definition.field_id)
                    .values(**self._field_row(definition)), "label", "is already the label of another custom field")

    def delete_custom_field(self, field_id: str) -> None:
        self.session.execute(delete(custom_fields).where(self._mine(custom_fields), custom_fields.c.field_id == field_id))

    def _field_row(self, d: CustomField) -> dict:
        return {"field_id": d.field_id, "landlord_id": self.landlord_id, "key": d.key, "label": d.label,
                "label_key": label_key(d.label), "type": d.type, "position": d.position, "archived": d.archived,
                "applies_to": d.applies_to, "index_generation": d.index_generation}

    # -- settings ---------------------------------------------------------------------------------------------------

    def settings(self) -> ProfileSettings:
        row = self.session.execute(select(profile_settings).where(self._mine(profile_settings))).mappings().first()
        if row is None:
            return ProfileSettings()
        bands = tuple(AgeBand(b["label"], b["min_age"], b["max_age"]) for b in json.loads(row["age_bands"]))
        return ProfileSettings(age_bands=bands, personal_ref_mode=row["personal_ref_mode"])

    def save_settings(self, settings: ProfileSettings, *, now: dt.datetime, insert_row: bool = False) -> None:
        values = {"age_bands": json.dumps([{"label": b.label, "min_age": b.min_age, "max_age": b.max_age}
                                           for b in settings.age_bands]),
                  "personal_ref_mode": settings.personal_ref_mode, "updated_at": now}
        if insert_row:
            self.session.execute(insert(profile_settings).values(landlord_id=self.landlord_id, **values))
        else:
            self.session.execute(update(profile_settings).where(self._mine(profile_settings)).values(**values))

    def bump_version(self) -> None:
        self.session.execute(update(profile_settings).where(self._mine(profile_settings))
                             .values(setup_version=profile_settings.c.setup_version + 1))

    def version(self) -> int | None:
        """The set-up's version; None while the landlord has no set-up yet."""
        return self.session.execute(select(profile_settings.c.setup_version)
                                    .where(self._mine(profile_settings))).scalar()

    # -- generated personal references ------------------------------------------------------------------------------

    def take_ref(self, option_id: str) -> str | None:
        """The tenancy type's next unused reference, its counter moved past it (None: no such tenancy type).
        The row lock (PostgreSQL FOR UPDATE; SQLite's write lock) makes concurrent takers queue."""
        where = (self._mine(options), options.c.option_id == option_id, options.c.list_name == TENANCY_TYPE)
        row = self.session.execute(select(options.c.ref_prefix, options.c.ref_digits, options.c.next_number)
                                   .where(*where).with_for_update()).first()
        if row is None:
            return None
        prefix, digits, number = row.ref_prefix or "", row.ref_digits or 6, row.next_number or 1
        while True:
            window = {format_ref(prefix, digits, n): n for n in range(number, number + SEARCH_WINDOW)}
            used = set(self.session.execute(select(people.c.personal_ref).where(
                people.c.landlord_id == self.landlord_id, people.c.personal_ref.in_(list(window)))).scalars())
            free = next((ref for ref in window if ref not in used), None)
            if free is not None:
                if len(free) > REF_MAX:
                    raise InvalidInput.field("tenancy_type", "has no personal references left in its format:"
                                                             " give it more digits or another prefix")
                self.session.execute(update(options).where(*where).values(next_number=window[free] + 1))
                return free
            number += SEARCH_WINDOW


def read_catalogue(session: Session, landlord_id: str) -> Catalogue:
    """The landlord's option lists (archived options too), custom fields and settings; writes nothing.
    A standard list (or the settings) not written yet reads as its defaults, ids and all."""
    store = SetupStore(session, landlord_id)
    lists: dict[str, list[Option]] = {name: [] for name in store.list_names()}
    for option in store.options():
        lists.setdefault(option.list_name, []).append(option)
    for list_name in OPTION_LISTS:
        if list_name not in lists:
            lists[list_name] = default_options(landlord_id, list_name)
    return Catalogue(options=lists, custom_fields={d.key: d for d in store.custom_fields()}, settings=store.settings())


def load_catalogue(session: Session, landlord_id: str) -> Catalogue:
    """The catalogue, for a use case that writes: the landlord's defaults written first where it lacks
    them (in the caller's transaction: the caller commits)."""
    SetupStore(session, landlord_id).ensure_defaults(now=dt.datetime.now(dt.timezone.utc))  # no clock here (yet)
    return read_catalogue(session, landlord_id)


def next_personal_ref(session: Session, landlord_id: str, tenancy_type_option_id: str) -> str:
    """The next generated personal reference of the tenancy type: its prefix and zero-padded next number,
    skipping references already used. The counter moves in the caller's transaction, so a failed insert
    takes the increment back with it (no gaps) and concurrent adds queue on the row (no duplicates)."""
    store = SetupStore(session, landlord_id)
    store.ensure_defaults(now=dt.datetime.now(dt.timezone.utc))  # no clock on reads (yet)
    ref = store.take_ref(tenancy_type_option_id)
    if ref is None:
        raise InvalidInput.field("tenancy_type", "is not a tenancy type of this landlord")
    return ref


def _option(row) -> Option:
    attributes = {}
    if row["list_name"] == TENANCY_TYPE:
        attributes = {name: row[name] if row[name] is not None else TENANCY_DEFAULTS[name] for name in TENANCY_COLUMNS}
        attributes["fed_by_import"] = bool(attributes["fed_by_import"])
    return Option(row["option_id"], row["list_name"], row["label"], row["position"], bool(row["archived"]),
                  row["code"] or "", row["option_group"] or "", attributes)


def _custom_field(row) -> CustomField:
    return CustomField(row["field_id"], row["key"], row["label"], row["type"], row["position"], bool(row["archived"]),
                       row["applies_to"], row["index_generation"])
