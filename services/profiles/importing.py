"""Use cases of the housing-system import: people upserted by personal reference a batch at a
time, in bulk statements; the references of imported people; archiving those a full snapshot
no longer lists. They take the unit of work first and are the only code that commits."""
from __future__ import annotations

import dataclasses
import hashlib
from typing import Any, Iterable, Iterator, Mapping, Sequence

import orjson

from services.common.errors import DomainError, FieldProblem, InvalidInput
from services.common.ids import new_id
from services.common.person_fields import BY_NAME, FIELDS, Kind
from services.common.uow import UnitOfWork

from .catalogue_cache import CatalogueCache
from .domain import ARCHIVED, CURRENT, IMPORT, FieldChange, Person
from .setup.domain import Catalogue, Option, clean_label
from .setup.store import SetupStore, load_catalogue
from .history import HistoryRepository
from .store import PersonRepository

CREATED = FieldChange("record", None, "created")
# Option lists the import may add unknown labels to: those of single- and multi-option person fields.
IMPORTABLE_LISTS = frozenset(f.option_list for f in FIELDS if f.kind in (Kind.OPTION, Kind.OPTIONS))


def _ref(raw: Mapping[str, Any]) -> str:
    return str(raw.get("personal_ref") or "").strip()


def _prepare(uow: UnitOfWork, records: Sequence[Mapping[str, Any]], add_unknown: Iterable[str]) -> tuple[Catalogue, bool]:
    """The catalogue the records are read with: unknown labels added to the lists the landlord chose,
    and every tenancy type the feed names marked as fed by the import. True when the set-up changed."""
    catalogue = load_catalogue(uow.session, uow.landlord_id)
    store = SetupStore(uow.session, uow.landlord_id)
    lists = set(add_unknown) & IMPORTABLE_LISTS
    changed = False
    added: set[tuple[str, str]] = set()
    for raw in records:
        for name, given in raw.items():
            spec = BY_NAME.get(name)
            if spec is None or spec.option_list not in lists or not isinstance(given, str) or not given.strip():
                continue
            if catalogue.by_label(spec.option_list, given) is None and (spec.option_list, given.casefold()) not in added:
                try:
                    label = clean_label(given)
                except DomainError:
                    continue  # the record itself is rejected for it
                added.add((spec.option_list, given.casefold()))
                store.add_option(Option(new_id(), spec.option_list, label, len(store.options(spec.option_list)) + 1))
                changed = True
    if changed:
        catalogue = load_catalogue(uow.session, uow.landlord_id)
    for label in {r.get("tenancy_type") for r in records if isinstance(r.get("tenancy_type"), str)}:
        option = catalogue.by_label("tenancy_type", label)
        if option is not None and not option.attributes.get("fed_by_import"):
            store.update_option(dataclasses.replace(option, attributes={**option.attributes, "fed_by_import": True}))
            changed = True
    if changed:
        store.bump_version()
        catalogue = load_catalogue(uow.session, uow.landlord_id)
    return catalogue, changed


def _result(outcome: str, person_id: str = "", problems: Sequence[FieldProblem] = (),
            changed: Sequence[str] = ()) -> dict[str, Any]:
    return {"outcome": outcome, "person_id": person_id, "problems": list(problems), "changed_fields": list(changed)}


def _rejected(error: DomainError) -> dict[str, Any]:
    return _result("rejected", problems=error.fields or [FieldProblem("record", error.message)])


def upsert_people(uow: UnitOfWork, *, records: Sequence[Mapping[str, Any]], user_id: str,
                  add_unknown_options: Iterable[str] = (), dry_run: bool = False) -> list[dict[str, Any]]:
    """Add or update people by personal reference (in the order given). Each record stands alone: a bad
    one is reported with its problems and the others still land. New people go in with multi-row
    statements; an archived person the feed lists again is current again. A record the import applied
    to the person before, unchanged since on both sides, is answered "unchanged" without being read
    again. `dry_run` answers the same and changes nothing."""
    add_unknown = sorted(set(add_unknown_options))
    setup = SetupStore(uow.session, uow.landlord_id)
    results: list[dict[str, Any]] = [{} for _ in records]
    applied = PersonRepository(uow.session, uow.landlord_id).import_digests(_ref(r) for r in records if _ref(r))
    version = setup.version()
    digests = _digests(records, version, add_unknown)
    todo = []
    for i, digest in enumerate(digests):
        person_id, before = applied.get(_ref(records[i]), ("", None))
        if before == digest:
            results[i] = _result("unchanged", person_id)
        else:
            todo.append(i)
    if not todo:
        _finish(uow, dry_run, False)
        return results
    catalogue, setup_changed = _prepare(uow, [records[i] for i in todo], add_unknown)
    if setup.version() != version:  # the set-up _prepare (or its defaults) just wrote: what the records apply under
        digests = _digests(records, setup.version(), add_unknown)
    repository = PersonRepository(uow.session, uow.landlord_id, catalogue.custom_fields.values())
    # locked: an officer's edit committed meanwhile would otherwise be written over with what was read here
    existing = repository.get_by_refs({_ref(records[i]) for i in todo if _ref(records[i])}, for_update=True)
    created: dict[str, Person] = {}
    changed: dict[str, tuple[Person, list[FieldChange]]] = {}
    marked: dict[str, Person] = {}  # found unchanged, their digest out of date
    now = uow.clock.now()
    for i in todo:
        raw, ref = records[i], _ref(records[i])
        try:
            if ref in created:
                raise InvalidInput.field("personal_ref", "appears more than once in this batch")
            person = existing.get(ref)
            if person is None:
                person = Person.add(landlord_id=uow.landlord_id, raw=raw, catalogue=catalogue, created_by=user_id,
                                    now=now, source=IMPORT)
                person.import_digest = digests[i]
                created[person.personal_ref] = person
                results[i] = _result("created", person.person_id)
                continue
            changes = list(person.change(raw, catalogue, by=user_id, now=now, source=IMPORT))
            if person.status == ARCHIVED:
                changes += person.set_status(CURRENT, catalogue, by=user_id, now=now, source=IMPORT)
            if changes:
                changed.setdefault(person.person_id, (person, []))[1].extend(changes)
            elif person.import_digest != digests[i]:
                marked[person.person_id] = person
            person.import_digest = digests[i]
            results[i] = _result("updated" if changes else "unchanged", person.person_id,
                                 changed=list(dict.fromkeys(c.field for c in changes)))
        except DomainError as error:
            results[i] = _rejected(error)
    repository.save_many([p for p, _ in changed.values()])
    repository.mark_imported({i: p.import_digest for i, p in marked.items() if i not in changed})
    failed = repository.add_many(list(created.values()))  # a reference taken meanwhile: that person is rejected
    history = HistoryRepository(uow.session, uow.landlord_id)
    history.record_many([(p.person_id, [CREATED]) for p in created.values() if p.person_id not in failed] +
                        [(p.person_id, c) for p, c in changed.values()], by=user_id, at=now, source=IMPORT)
    for person in [*created.values(), *(p for p, _ in changed.values())]:
        if person.person_id not in failed:
            uow.track(person)
    results = [_rejected(failed[r["person_id"]]) if r["person_id"] in failed else r for r in results]
    _finish(uow, dry_run, setup_changed)
    return results


def _digests(records: Sequence[Mapping[str, Any]], setup_version: int | None, add_unknown: list[str]) -> list[str]:
    """What decides how each record applies: the record itself, the set-up it is read under (any change of
    lists, options or custom fields moves its version) and the lists it may add unknown labels to."""
    salt = orjson.dumps([setup_version, add_unknown])
    return [hashlib.blake2b(salt + orjson.dumps(r, option=orjson.OPT_SORT_KEYS), digest_size=16).hexdigest()
            for r in records]


def _finish(uow: UnitOfWork, dry_run: bool, setup_changed: bool) -> None:
    if dry_run:
        uow.rollback()
        return
    uow.commit()
    if setup_changed:
        CatalogueCache.forget_everywhere(uow.landlord_id)


def imported_refs(uow: UnitOfWork, *, chunk: int = 5000) -> Iterator[list[str]]:
    """The personal references of the landlord's current people that came from the import, in chunks."""
    yield from PersonRepository(uow.session, uow.landlord_id).imported_refs(chunk=chunk)
    uow.commit()


def archive_imported(uow: UnitOfWork, *, personal_refs: Iterable[str], user_id: str, dry_run: bool = False) -> int:
    """Archive the current imported people among these references; others are left alone."""
    catalogue = load_catalogue(uow.session, uow.landlord_id)
    repository = PersonRepository(uow.session, uow.landlord_id, catalogue.custom_fields.values())
    found = repository.get_by_refs(set(personal_refs), for_update=True)
    now = uow.clock.now()
    archived = []
    for person in found.values():
        if person.status == CURRENT and person.imported_fields:
            changes = person.set_status(ARCHIVED, catalogue, by=user_id, now=now, source=IMPORT)
            archived.append((person, list(changes)))
    repository.save_many([p for p, _ in archived])
    HistoryRepository(uow.session, uow.landlord_id).record_many([(p.person_id, c) for p, c in archived],
                                                                by=user_id, at=now, source=IMPORT)
    for person, _ in archived:
        uow.track(person)
    _finish(uow, dry_run, False)
    return len(archived)
