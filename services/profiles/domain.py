"""People: the rules, with no storage, transport or engine in sight.

A person's fields (services/common/person_fields.py) live in `values` as stored:
text, dates, option ids (tuples of ids for multi-option fields). Custom field
values live in `custom` by field id. Every change of a core field becomes a
`FieldChange` for the history; imported fields change only through the import.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from services.common.errors import collect
from services.common.ids import new_id
from services.common.person_fields import ALTERNATIVE_CONTACT, FIELDS, Kind

from .setup.domain import CHOICE_TYPES, Catalogue
from .values import REQUIRED, Reader, display, history_text

CURRENT = "current"
ARCHIVED = "archived"
STATUSES = (CURRENT, ARCHIVED)
USER, IMPORT = "user", "import"
INTERACTIONS = "interactions"  # the history source of what a user changed by hand on an interaction (messaging)
FROM_HOUSING_SYSTEM = "comes from the housing system: change it there and the next import brings it here"


@dataclass(frozen=True)
class FieldChange:
    field: str  # a catalogue field name, or custom.<key>
    old: str | None  # as shown to users (labels, ISO dates)
    new: str | None


@dataclass(frozen=True)
class PersonCreated:
    person: "Person"
    source: str
    shown: dict = field(default_factory=dict, compare=False)  # every field as users see it, at that moment
    chosen: dict = field(default_factory=dict, compare=False)  # the option ids it holds then (Person.chosen)


@dataclass(frozen=True)
class PersonChanged:
    person: "Person"
    changes: tuple[FieldChange, ...]
    source: str
    shown: dict = field(default_factory=dict, compare=False)
    chosen: dict = field(default_factory=dict, compare=False)


def blank_values() -> dict[str, Any]:
    return {f.name: (() if f.kind == Kind.OPTIONS else None) for f in FIELDS}


@dataclass
class Person:
    person_id: str
    landlord_id: str
    values: dict[str, Any]
    custom: dict[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime
    created_by: str
    updated_by: str | None = None
    imported_fields: frozenset[str] = frozenset()
    # grows with every committed change of the record (the store sets it; 1 when added): events carry it,
    # so a consumer keeps the newest state of each person whatever order events arrive in
    version: int = 1
    # a digest of the record the import last applied (importing.py: the same record again is not applied again);
    # any change of the record clears it, so what an officer or an archive changed since is never skipped over
    import_digest: str | None = None
    events: list = field(default_factory=list, repr=False, compare=False)

    personal_ref = property(lambda self: self.values["personal_ref"])
    first_name = property(lambda self: self.values["first_name"])
    surname = property(lambda self: self.values["surname"])
    status = property(lambda self: self.values["status"])

    @classmethod
    def add(cls, *, landlord_id: str, raw: Mapping[str, Any], catalogue: Catalogue, created_by: str,
            now: dt.datetime, source: str = USER) -> "Person":
        """A new person; raises InvalidInput naming every bad field."""
        person = cls(new_id(), landlord_id, blank_values(), {}, now, now, created_by,
                     imported_fields=frozenset(raw) - {"custom"} if source == IMPORT else frozenset())
        person.values["status"] = CURRENT
        person._apply(raw, catalogue, now=now, by=created_by, source=source, new=True)
        person.events.append(PersonCreated(person, source, person.shown(catalogue), person.chosen(catalogue)))
        return person

    def change(self, raw: Mapping[str, Any], catalogue: Catalogue, *, by: str, now: dt.datetime,
               source: str = USER) -> tuple[FieldChange, ...]:
        """Apply changed fields; raises InvalidInput naming every bad field, changing nothing."""
        changes = self._apply(raw, catalogue, now=now, by=by, source=source, new=False)
        if source == IMPORT:
            self.imported_fields = self.imported_fields | (frozenset(raw) - {"custom"})
        if changes:
            self.import_digest = None
            self.events.append(PersonChanged(self, changes, source, self.shown(catalogue), self.chosen(catalogue)))
        return changes

    def set_status(self, status: str, catalogue: Catalogue, *, by: str, now: dt.datetime,
                   source: str = USER) -> tuple[FieldChange, ...]:
        """Archive or make current again; the status never becomes an imported field."""
        imported = self.imported_fields
        changes = self.change({"status": status}, catalogue, by=by, now=now, source=source)
        self.imported_fields = imported
        return changes

    def _apply(self, raw: Mapping[str, Any], catalogue: Catalogue, *, now: dt.datetime, by: str, source: str,
               new: bool) -> tuple[FieldChange, ...]:
        reader = Reader(catalogue, self.values, self.custom, today=now.date())
        values = dict(self.values)
        for name, given in raw.items():
            if name == "custom":
                continue
            if name not in values:
                reader.problem(name, "is not a field of a person")
            else:
                values[name] = reader.field(name, given)
        for name in REQUIRED:
            if not values[name]:
                reader.problem(name, "is required")
        given_custom = raw.get("custom") or {}
        if not isinstance(given_custom, Mapping):
            reader.problem("custom", "must be an object of custom field keys and values")
            given_custom = {}
        custom = reader.custom_values(given_custom, "person", "is not a custom field of people")
        if source == USER:  # a form sent back whole, greyed-out fields unchanged, is fine
            for name in sorted(set(raw) & self.imported_fields):
                if values.get(name) != self.values.get(name):
                    reader.problem(name, FROM_HOUSING_SYSTEM)
        collect(reader.problems)
        if new:  # a new record's history is one "created" entry
            self.values, self.custom = values, custom
            return ()
        changes = [FieldChange(f.name, history_text(display(f.name, self.values[f.name], catalogue)),
                               history_text(display(f.name, values[f.name], catalogue)))
                   for f in FIELDS if values[f.name] != self.values[f.name]]
        for definition in catalogue.custom_fields.values():
            old, value = self.custom.get(definition.field_id), custom.get(definition.field_id)
            if old != value:
                changes.append(FieldChange(f"custom.{definition.key}", history_text(reader.label_custom(definition, old)),
                                           history_text(reader.label_custom(definition, value))))
        self.values, self.custom = values, custom
        if changes and not new:
            self.updated_at, self.updated_by = now, by
        return tuple(c for c in changes if c.old != c.new)

    # -- what the record shows ------------------------------------------------------

    @property
    def has_alternative_contact(self) -> bool:
        return any(self.values[name] for name in ALTERNATIVE_CONTACT)

    def alerts(self) -> list[str]:
        alerts = []
        if self.has_alternative_contact:
            alerts.append("Contact this person through their alternative contact")
        if self.status == ARCHIVED:
            alerts.append("Archived: no longer current")
        return alerts

    def chosen(self, catalogue: Catalogue) -> dict[str, tuple[str, ...]]:
        """The options the record holds, as option ids by field name (custom choice fields by option list):
        what reports count by, so a renamed option keeps its count."""
        chosen = {}
        for f in FIELDS:
            value = self.values[f.name]
            if f.kind == Kind.OPTIONS and value:
                chosen[f.name] = tuple(value)
            elif f.kind == Kind.OPTION and value:
                chosen[f.name] = (value,)
        for d in catalogue.custom_fields.values():
            value = self.custom.get(d.field_id)
            if d.type in CHOICE_TYPES and value:
                chosen[d.list_name] = tuple(value) if isinstance(value, tuple) else (value,)
        return chosen

    def shown(self, catalogue: Catalogue) -> dict[str, Any]:
        """Every field as the API shows it: labels, ISO dates, custom fields by key."""
        shown = {f.name: display(f.name, self.values[f.name], catalogue) for f in FIELDS}
        reader = Reader(catalogue)
        shown["custom"] = {d.key: reader.label_custom(d, self.custom[d.field_id])
                           for d in catalogue.custom_fields.values() if d.field_id in self.custom}
        return shown
