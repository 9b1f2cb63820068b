"""The Profiles gRPC servicer: proto -> use case -> proto, nothing else."""
from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

import orjson

from google.protobuf import json_format, struct_pb2

from services.common import context
from services.common.context import require_landlord
from services.common.errors import InvalidInput
from services.common.search import SearchIndex, SortKey
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb, profiles_service_pb2_grpc as pb_grpc

from . import importing, search, service
from .events import person_message, person_state
from .catalogue_cache import CatalogueCache


def _dict(message, field: str) -> dict:
    return json_format.MessageToDict(getattr(message, field)) if message.HasField(field) else {}


class ProfilesServicer(pb_grpc.ProfilesServicer):
    def __init__(self, runtime, index: SearchIndex):
        self._runtime = runtime
        self._index = index
        self._catalogues = CatalogueCache()

    def CreatePerson(self, request, ctx):
        raw = {"personal_ref": request.personal_ref, "first_name": request.first_name, "surname": request.surname,
               **_dict(request, "fields")}
        with self._runtime.uow(require_landlord()) as uow:
            person, catalogue = service.add_person(uow, raw=raw, user_id=context.current().user_id)
        return person_message(person, catalogue)

    def _reading(self):
        """A read-only unit of work: reads and searches never write."""
        return self._runtime.uow(require_landlord(), read_only=True)

    def GetPerson(self, request, ctx):
        with self._reading() as uow:
            return person_message(*service.get_person(uow, person_id=request.person_id))

    def UpdatePerson(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            person, catalogue = service.change_person(uow, person_id=request.person_id, raw=_dict(request, "fields"),
                                                      user_id=context.current().user_id)
        return person_message(person, catalogue)

    def UpsertPeople(self, request, ctx):
        records = (_json_records(request.records_json) if request.records_json
                   else [json_format.MessageToDict(r) for r in request.records])
        with self._runtime.uow(require_landlord()) as uow:
            results = importing.upsert_people(uow, records=records, user_id=context.current().user_id,
                                              add_unknown_options=list(request.add_unknown_options),
                                              dry_run=request.dry_run)
        return pb.UpsertPeopleResponse(results=[
            pb.UpsertResult(outcome=r["outcome"], person_id=r["person_id"], changed_fields=r["changed_fields"],
                            problems=[pb.FieldProblem(field=p.field, reason=p.reason) for p in r["problems"]])
            for r in results])

    def ListImportedRefs(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            for refs in importing.imported_refs(uow):
                yield pb.ImportedRefs(personal_refs=refs)

    def ArchiveImportedPeople(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            archived = importing.archive_imported(uow, personal_refs=list(request.personal_refs),
                                                  user_id=context.current().user_id, dry_run=request.dry_run)
        return pb.ArchiveImportedPeopleResponse(archived=archived)

    def GetPersonHistory(self, request, ctx):
        with self._reading() as uow:
            total, changes = service.person_history(uow, person_id=request.person_id, page=request.page or 1,
                                                    page_size=request.page_size or 50)
        return pb.PersonHistory(total=total, changes=[
            pb.FieldChange(changed_at=c["changed_at"].isoformat(), changed_by=c["changed_by"], source=c["source"],
                           field=c["field"], old_value=c["old_value"], new_value=c["new_value"]) for c in changes])

    def SearchPeople(self, request, ctx):
        page = search.Page(
            size=request.page_size or 25, number=request.page or 1,
            sort=[SortKey(s.field, s.descending) for s in request.sort],
            columns=list(request.columns), facets=list(request.facets), count_only=request.count_only)
        with self._reading() as uow:
            found = service.search_people(uow, self._index, criteria=_dict(request, "criteria"), page=page,
                                          catalogues=self._catalogues)
        return search_answer(found)

    def ResolvePeople(self, request, ctx):
        with self._reading() as uow:
            scan = service.resolve_people(uow, self._index, criteria=_dict(request, "criteria"),
                                          chunk_size=request.chunk_size, catalogues=self._catalogues)
        yield from _total_first(scan.total, scan.chunks, lambda ids, total: pb.PeopleIds(person_ids=ids, total=total))

    def StreamPeopleRows(self, request, ctx):
        with self._reading() as uow:
            scan = service.people_rows(uow, self._index, criteria=_dict(request, "criteria"),
                                       columns=list(request.columns), chunk_size=request.chunk_size,
                                       catalogues=self._catalogues)
        yield from _total_first(scan.total, scan.chunks,
                                lambda rows, total: pb.PeopleRows(rows_json=orjson.dumps(rows), total=total))

    def GetPeople(self, request, ctx):
        with self._reading() as uow:
            people, catalogue = service.get_people(uow, person_ids=list(request.person_ids))
        return pb.People(people=[person_message(p, catalogue) for p in people])

    def GetPeopleStatus(self, request, ctx):
        with self._reading() as uow:
            found = service.people_status(uow, person_ids=list(request.person_ids))
        return pb.PeopleStatus(status=found)

    def StreamPeopleStates(self, request, ctx):
        landlord_id = require_landlord()
        pages = service.people_states(lambda: self._runtime.uow(landlord_id, read_only=True),
                                      page_size=request.page_size, after_person_id=request.after_person_id,
                                      catalogues=self._catalogues)
        for page in pages:
            yield pb.PeopleStates(people=[person_state(p, page.catalogue) for p in page.people])


def _json_records(data: bytes) -> list[dict]:
    try:
        records = orjson.loads(data)
    except ValueError:
        raise InvalidInput.field("records_json", "is not JSON") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InvalidInput.field("records_json", "must be a JSON array of objects")
    return records


def search_answer(found: search.Found) -> pb.SearchPeopleResponse:
    answer = pb.SearchPeopleResponse(total=found.total)
    add_row = answer.rows.add  # built in place: a message built apart is copied when put in a list
    for row in found.rows:
        add_column = add_row(id=row.id, status=row.status, personal_ref=row.personal_ref, first_name=row.first_name,
                             surname=row.surname, address=row.address).columns.add
        for name, value in row.columns:  # no value and text, the commonest, in one call each
            if value is None:
                add_column(column=name)
            elif value.__class__ is str:
                add_column(column=name, text=value)
            else:
                fill_column(add_column(column=name), value)
    for name, counts in found.facets.items():
        answer.facet_values[name].values.extend(
            pb.FacetValue(value=_value(c.value), label=c.label, count=c.count) for c in counts)
    return answer


def _total_first(total: int, chunks: Iterable[list], message: Callable[[list, int], Any]) -> Iterator:
    """A streamed answer: a message per chunk, the total on the first (one empty message with it when there
    are none)."""
    sent = False
    for chunk in chunks:
        yield message(chunk, 0 if sent else total)
        sent = True
    if not sent:
        yield message([], total)


def fill_column(message: pb.ColumnValue, value) -> None:
    """A column's value in its typed field: none set for no value."""
    if isinstance(value, str):
        message.text = value
    elif isinstance(value, bool):  # before int: a bool is an int in Python
        message.yes_no = value
    elif isinstance(value, int):
        message.whole_number = value
    elif isinstance(value, float):
        message.number = value
    elif isinstance(value, (list, tuple)):
        message.labels.SetInParent()  # an empty list is a value too
        message.labels.labels.extend(value)
    elif value is not None:
        raise TypeError(f"no column value of type {type(value).__name__}")


def _value(value: str | None) -> struct_pb2.Value:
    message = struct_pb2.Value()
    if value is None:
        message.null_value = struct_pb2.NULL_VALUE
    else:
        message.string_value = value
    return message
