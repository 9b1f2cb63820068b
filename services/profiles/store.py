"""Storage of people (SQLAlchemy Core). Every query is filtered by the landlord
here; PostgreSQL row-level security is the second wall behind it."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable, Iterator

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.common.bulk import chunks, insert_rows, one_of, update_rows
from services.common.db import as_utc
from services.common.errors import AlreadyExists
from services.common.person_fields import FIELDS, Kind

from .domain import Person, blank_values
from .setup.domain import CustomField
from .tables import people, person_custom_values, person_options, search_versions

BATCH = 1000


class PersonRepository:
    """People of one landlord, with their multi-option and custom values."""

    def __init__(self, session: Session, landlord_id: str, custom_fields: Iterable[CustomField] = ()):
        self.session = session
        self.landlord_id = landlord_id
        self._custom = {d.field_id: d for d in custom_fields}

    def add(self, person: Person) -> None:
        if person.landlord_id != self.landlord_id:
            raise ValueError("person belongs to another landlord")
        if self.ref_taken(person.personal_ref):
            raise _duplicate_ref()
        try:
            with self.session.begin_nested():
                self.session.execute(insert(people).values(**_row(person)))
                self.session.execute(insert(search_versions).values(_version_row(person)))
                self._write_lists(person)
        except IntegrityError:
            raise _duplicate_ref() from None

    def save(self, person: Person) -> None:
        """Write a changed person back (row, multi-option and custom values)."""
        row = _row(person)
        if person.personal_ref != self._stored_ref(person.person_id) and self.ref_taken(person.personal_ref):
            raise _duplicate_ref()
        try:
            with self.session.begin_nested():
                self.session.execute(update(people).where(
                    people.c.landlord_id == self.landlord_id, people.c.person_id == person.person_id).values(**row))
                person.version = self.count_up([person.person_id])[person.person_id]
                for table in (person_options, person_custom_values):
                    self.session.execute(delete(table).where(
                        table.c.landlord_id == self.landlord_id, table.c.person_id == person.person_id))
                self._write_lists(person)
        except IntegrityError:
            raise _duplicate_ref() from None

    def add_many(self, new: list[Person]) -> dict[str, AlreadyExists]:
        """New people in multi-row statements (the caller has checked their references are free); when a
        reference was taken meanwhile, they are added one by one instead. Returns those that could not be
        added (their reference taken), by id."""
        if not new:
            return {}
        try:
            with self.session.begin_nested():
                insert_rows(self.session, people, [_row(p) for p in new])
                insert_rows(self.session, search_versions, [_version_row(p) for p in new])
                self._write_lists(*new)
            return {}
        except IntegrityError:
            failed = {}
            for person in new:
                try:
                    self.add(person)
                except AlreadyExists as error:
                    failed[person.person_id] = error
            return failed

    def save_many(self, changed: list[Person]) -> None:
        """Changed people written back in bulk (their references unchanged), in id order (the order
        every writer locks people in, so none waits for another in a circle)."""
        if not changed:
            return
        rows = [{**_row(p), "b_id": p.person_id} for p in sorted(changed, key=lambda p: p.person_id)]
        for row in rows:
            del row["person_id"], row["landlord_id"]
        self.session.execute(update(people).where(people.c.landlord_id == self.landlord_id,
                                                  people.c.person_id == bindparam("b_id")), rows)
        ids = [p.person_id for p in changed]
        versions = self.count_up(ids)
        for person in changed:
            person.version = versions[person.person_id]
        for table in (person_options, person_custom_values):
            self.session.execute(delete(table).where(table.c.landlord_id == self.landlord_id,
                                                     one_of(self.session, table.c.person_id, ids)))
        self._write_lists(*changed)

    def count_up(self, person_ids: Iterable[str]) -> dict[str, int]:
        """Count up the search document versions of these people (those who do not exist are left out), locking
        them in id order, the order every writer locks them in; their new versions, by id."""
        counted, t = {}, search_versions
        for chunk in chunks(sorted(set(person_ids)), BATCH):
            where = (t.c.landlord_id == self.landlord_id, one_of(self.session, t.c.person_id, chunk))
            self.session.execute(select(t.c.person_id).where(*where).order_by(t.c.person_id).with_for_update())
            counted.update(self.session.execute(update(t).where(*where).values(version=t.c.version + 1)
                                                .returning(t.c.person_id, t.c.version)).all())
        return counted

    def imported_refs(self, chunk: int) -> Iterator[list[str]]:
        """References of current people with imported fields, in reference order, `chunk` at a time."""
        after = ""
        while True:
            refs = list(self.session.execute(select(people.c.personal_ref).where(
                people.c.landlord_id == self.landlord_id, people.c.status == "current",
                people.c.imported_fields != "[]", people.c.personal_ref > after)
                .order_by(people.c.personal_ref).limit(chunk)).scalars())
            if not refs:
                return
            yield refs
            after = refs[-1]

    def ref_taken(self, personal_ref: str) -> bool:
        return self.session.execute(select(people.c.person_id).where(
            people.c.landlord_id == self.landlord_id, people.c.personal_ref == personal_ref)).first() is not None

    def exists(self, person_id: str) -> bool:
        return self.session.execute(select(people.c.person_id).where(
            people.c.landlord_id == self.landlord_id, people.c.person_id == person_id)).first() is not None

    def get(self, person_id: str, *, for_update: bool = False) -> Person | None:
        query = select(people).where(people.c.landlord_id == self.landlord_id, people.c.person_id == person_id)
        if for_update:
            query = query.with_for_update()
        return next(iter(self._load(query)), None)

    def get_by_ref(self, personal_ref: str) -> Person | None:
        return next(iter(self._load(select(people).where(
            people.c.landlord_id == self.landlord_id, people.c.personal_ref == personal_ref))), None)

    def get_by_refs(self, personal_refs: Iterable[str], *, for_update: bool = False) -> dict[str, Person]:
        """The people of these personal references that exist, by reference; `for_update`: locked first, in id
        order (every writer's order), so none changes them before this transaction ends."""
        refs = list(dict.fromkeys(personal_refs))
        if for_update and refs:
            self.session.execute(select(people.c.person_id).where(
                people.c.landlord_id == self.landlord_id, one_of(self.session, people.c.personal_ref, refs))
                .order_by(people.c.person_id).with_for_update())
        return self._by(people.c.personal_ref, refs)

    def import_digests(self, personal_refs: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """(id, import digest) of the people of these personal references that exist, by reference; unlocked."""
        found = {}
        for part in chunks(list(dict.fromkeys(personal_refs)), BATCH):
            found.update((ref, (pid, digest)) for ref, pid, digest in self.session.execute(select(
                people.c.personal_ref, people.c.person_id, people.c.import_digest).where(
                people.c.landlord_id == self.landlord_id, one_of(self.session, people.c.personal_ref, part))))
        return found

    def mark_imported(self, digests: dict[str, str]) -> None:
        """Set the import digest of these people (by id) whose records the import found unchanged."""
        update_rows(self.session, people, [{"person_id": i, "import_digest": d} for i, d in sorted(digests.items())],
                    key="person_id", landlord_id=self.landlord_id)

    def get_many(self, person_ids: Iterable[str]) -> dict[str, Person]:
        """The people of these ids that exist, by id."""
        return self._by(people.c.person_id, person_ids)

    def statuses(self, person_ids: Iterable[str]) -> dict[str, str]:
        """The status of each of these people that exists, by id (a BATCH of ids per query)."""
        return self.column_of(people.c.status, person_ids)

    def column_of(self, column, person_ids: Iterable[str]) -> dict[str, Any]:
        """One column of each of these people that exists, by id (a BATCH of ids per query)."""
        found = {}
        for part in chunks(list(dict.fromkeys(person_ids)), BATCH):
            found.update(self.session.execute(select(people.c.person_id, column).where(
                people.c.landlord_id == self.landlord_id, one_of(self.session, people.c.person_id, part))).all())
        return found

    def _by(self, column, keys: Iterable[str]) -> dict[str, Person]:
        found = {}
        for part in chunks(list(dict.fromkeys(keys)), BATCH):  # a BATCH of keys per query
            for person in self._load(select(people).where(people.c.landlord_id == self.landlord_id,
                                                          one_of(self.session, column, part))):
                found[getattr(person, column.name)] = person
        return found

    def page_after(self, after_id: str, size: int) -> list[Person]:
        """Up to `size` people of the landlord (current and archived) whose id follows `after_id` ("": from the
        first), in id order: one keyset page."""
        return self._load(select(people).where(people.c.landlord_id == self.landlord_id, people.c.person_id > after_id)
                          .order_by(people.c.person_id).limit(size))

    def batches(self, size: int = BATCH) -> Iterator[list[Person]]:
        """Every person of the landlord, a batch at a time, in id order."""
        after = ""
        while batch := self.page_after(after, size):
            yield batch
            after = batch[-1].person_id

    def all(self) -> list[Person]:
        return [p for batch in self.batches() for p in batch]

    def _stored_ref(self, person_id: str) -> str | None:
        return self.session.execute(select(people.c.personal_ref).where(
            people.c.landlord_id == self.landlord_id, people.c.person_id == person_id)).scalar()

    def _write_lists(self, *persons: Person) -> None:
        option_rows = [{"landlord_id": self.landlord_id, "person_id": person.person_id, "field": name, "option_id": oid}
                       for person in persons for name in MULTI_OPTION_FIELDS for oid in person.values[name]]
        custom_rows = [{"landlord_id": self.landlord_id, "person_id": person.person_id, "field_id": fid, "value": v}
                       for person in persons for fid, value in person.custom.items() for v in _custom_cells(value)]
        insert_rows(self.session, person_options, option_rows)
        insert_rows(self.session, person_custom_values, custom_rows)

    def _load(self, query) -> list[Person]:
        """The people `query` (a select of people) finds, with their search document versions, options and
        custom values."""
        rows = self.session.execute(query.add_columns(_VERSION)).mappings().all()
        if not rows:
            return []
        found = {row["person_id"]: _person(row) for row in rows}
        ids = list(found)
        for row in self.session.execute(select(person_options).where(
                person_options.c.landlord_id == self.landlord_id, one_of(self.session, person_options.c.person_id, ids))
                .order_by(person_options.c.person_id, person_options.c.field)).mappings():
            values = found[row["person_id"]].values
            values[row["field"]] = (*values[row["field"]], row["option_id"])
        for row in self.session.execute(select(person_custom_values).where(
                person_custom_values.c.landlord_id == self.landlord_id,
                one_of(self.session, person_custom_values.c.person_id, ids))).mappings():
            definition = self._custom.get(row["field_id"])
            if definition is not None:
                custom = found[row["person_id"]].custom
                custom[definition.field_id] = _custom_value(definition, row["value"], custom.get(definition.field_id))
        return list(found.values())


# Each person's search version, read in the same statement as the person (so never newer than the state read),
# as a subquery probing search_versions' key once per person: as a join, the planner read a new landlord's
# versions whole for every batch (71-180 ms per ~400 people in a 30,000-row import, 10.9 ms per 600 before).
_VERSION = select(search_versions.c.version).where(
    search_versions.c.landlord_id == people.c.landlord_id,
    search_versions.c.person_id == people.c.person_id).scalar_subquery().label("version")
MULTI_OPTION_FIELDS = tuple(f.name for f in FIELDS if f.kind == Kind.OPTIONS)
COLUMN_FIELDS = tuple(f.name for f in FIELDS if f.kind != Kind.OPTIONS)


def _duplicate_ref() -> AlreadyExists:
    return AlreadyExists.field("personal_ref", "is already used by another person of this landlord")


def _row(person: Person) -> dict:
    row = {name: person.values[name] for name in COLUMN_FIELDS}
    row.update(person_id=person.person_id, landlord_id=person.landlord_id, created_at=person.created_at,
               updated_at=person.updated_at, created_by=person.created_by, updated_by=person.updated_by,
               imported_fields=json.dumps(sorted(person.imported_fields)), import_digest=person.import_digest)
    return row


def _version_row(person: Person) -> dict:
    return {"landlord_id": person.landlord_id, "person_id": person.person_id, "version": person.version}


def _person(row) -> Person:
    values = blank_values()
    values.update({name: row[name] for name in COLUMN_FIELDS})
    return Person(row["person_id"], row["landlord_id"], values, {}, as_utc(row["created_at"]), as_utc(row["updated_at"]),
                  row["created_by"], row["updated_by"], frozenset(json.loads(row["imported_fields"] or "[]")),
                  row["version"], row["import_digest"])


def _custom_cells(value: Any) -> list[str]:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, dt.date):
        return [value.isoformat()]
    return [value if isinstance(value, str) else json.dumps(value)]


def _custom_value(definition: CustomField, cell: str, previous: Any) -> Any:
    kind = definition.type
    if kind == "multi_choice":
        return (*(previous or ()), cell)
    if kind == "number":
        return json.loads(cell)
    if kind == "yes_no":
        return cell == "true"
    if kind == "date":
        return dt.date.fromisoformat(cell)
    return cell
