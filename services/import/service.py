"""Use cases of the import service. They take the unit of work first and are the only code
that commits; the run itself is carried out by the worker (worker.py, runner.py), through the
use cases of running/service.py."""
from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterator, Mapping

import openpyxl

from services.common.errors import FieldProblem, InvalidInput, NotFound, PermissionDenied
from services.common.uow import UnitOfWork

from . import feed, files
from .domain import FEED, FILE, MODES, QUEUED, WAITING, ImportRun
from .store import RunRepository, ValueMappingRepository
from .value_mappings import ValueMapping, by_field, checked as checked_value_mappings, unknown_values as _unknown_values

OPTION_LISTS = tuple(sorted({feed.BY_NAME[feed.PERSON_FIELD[c]].option_list for c in feed.OPTION_COLUMNS}))
MAPPING_NAME = re.compile(r"^[\w .-]{1,100}$")
MAX_PAGE_SIZE = 200


def _repo(uow: UnitOfWork) -> RunRepository:
    return RunRepository(uow.session, uow.landlord_id)


def start_file_run(uow: UnitOfWork, *, path: Path, file_name: str, mode: str, preview: bool, mapping_name: str,
                   user_id: str, encoding: str = "", view_equality_data: bool = False,
                   edit_equality_data: bool = False) -> ImportRun:
    """A run of the uploaded file stored at `path`, to be queued once the file is in its place. The header
    is read now, so a file that cannot be read at all is refused at once (nothing is kept), and so is a
    file with columns of equality data from an uploader without both equality privileges (a preview would
    tell them the values people have; a run would change them)."""
    repo = _repo(uow)
    if mode not in MODES:
        raise InvalidInput.field("mode", "must be full (a full snapshot: archives imported people it does not list) "
                                         "or delta (only adds and updates)")
    encoding = encoding or "utf-8"
    if encoding not in files.ENCODINGS:
        raise InvalidInput.field("encoding", "must be utf-8 or cp1252 (Windows-1252)")
    mapping = None
    if mapping_name:
        mapping = repo.mapping(mapping_name)
        if mapping is None:
            raise InvalidInput.field("mapping", "is not a saved column mapping of this landlord")
    try:
        with open(path, "rb") as stream:
            header = files.read_file(stream, mapping=mapping, encoding=encoding).header
    except files.FileProblem as problem:
        raise InvalidInput.field("file", problem.message) from None
    _check_equality(header, view=view_equality_data, edit=edit_equality_data)
    run = ImportRun.new(landlord_id=uow.landlord_id, source=FILE, mode=mode, now=uow.clock.now(), preview=preview,
                        started_by=user_id,
                        file_name=(file_name or "upload")[-255:], mapping=mapping, status=QUEUED, encoding=encoding)
    return run


def _check_equality(header: files.Header, *, view: bool, edit: bool) -> None:
    missing = [name for name, held in (("view_equality_data", view), ("edit_equality_data", edit)) if not held]
    columns = [(c, f) for c, f in zip(header.columns, header.fields) if f in feed.EQUALITY_COLUMNS]
    if columns and missing:
        needs = " and ".join(f"'{name}'" for name in missing)
        raise PermissionDenied(f"importing equality data needs the privilege{'s' * (len(missing) > 1)} {needs}",
                               [FieldProblem(f"file.{column}", f"gives {field}, equality data: needs {needs}; "
                                                               "leave the column out of the file")
                                for column, field in columns])


def queue(uow: UnitOfWork, run: ImportRun) -> ImportRun:
    _repo(uow).add(run)
    uow.commit()
    return run


def stage_feed_message(uow: UnitOfWork, *, feed_run_id: str, mode: str | None = None, record_count: int | None = None,
                       sequence: int = 0, values: Mapping[str, str] | None = None) -> bool:
    """Keep one message of a housing-system feed run: its start (`mode`), its end (`record_count`, how many
    records it sent) or one person's record (`sequence`, `values`). A run the message is the first of is
    created now. True when the message completed its run (now queued); a redelivered message changes nothing."""
    repo = _repo(uow)
    run = repo.by_feed_run(feed_run_id, for_update=True)
    if run is None:
        run = ImportRun.new(landlord_id=uow.landlord_id, source=FEED, mode="", now=uow.clock.now(),
                            feed_run_id=feed_run_id, status=WAITING)
        repo.add(run)
    queued = False
    if run.status == WAITING:  # else already queued or done: a redelivery
        _stage(repo, run, mode=mode, record_count=record_count, sequence=sequence, values=values or {})
        queued = run.feed_complete
        if queued:
            run.status = QUEUED
        repo.save(run)
    uow.commit()
    return queued


def _stage(repo: RunRepository, run: ImportRun, *, mode: str | None, record_count: int | None, sequence: int,
           values: Mapping[str, str]) -> None:
    if mode is not None:
        if mode not in MODES:
            raise ValueError("run_started.mode must be FULL_SNAPSHOT or DELTA")
        run.mode = mode
    elif record_count is not None:
        run.expected_records = record_count
    else:
        if sequence < 1:
            raise ValueError("person.sequence must be 1 or more")
        if repo.stage(run.run_id, sequence, {column: feed.cut(value) for column, value in values.items()}):
            run.staged_records += 1  # a value too long is kept cut, for the run to reject its row


def get_run(uow: UnitOfWork, *, run_id: str) -> ImportRun:
    run = _repo(uow).get(run_id)
    if run is None:
        raise NotFound("import run not found")
    return run


def list_runs(uow: UnitOfWork, *, page: int, page_size: int) -> tuple[int, list[ImportRun]]:
    if page < 1:
        raise InvalidInput.field("page", "must be 1 or more")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise InvalidInput.field("page_size", f"must be between 1 and {MAX_PAGE_SIZE}")
    return _repo(uow).page(limit=page_size, offset=(page - 1) * page_size)


def rejected_rows(uow: UnitOfWork, *, run_id: str, format: str, view_equality_data: bool = False) -> Iterator[bytes]:
    """The rejected-rows report (row, column, reason, then the original columns), in chunks; without
    `view_equality_data`, columns of equality data are left out (their problems' reasons stay)."""
    if format not in ("csv", "xlsx"):
        raise InvalidInput.field("format", "must be csv or xlsx")
    run = get_run(uow, run_id=run_id)
    problems = _repo(uow).rejections(run.run_id)
    if not view_equality_data:
        problems = _without_equality(problems, run.mapping)
    first = next(problems, None)
    columns = list(first.values) if first else []
    rows = _chain(first, problems)
    with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as out:
        if format == "csv":
            feed.write_rejected_rows(out, columns, rows)
        else:
            _write_xlsx(out, columns, rows)
        out.seek(0)
        while chunk := out.read(1024 * 1024):
            yield chunk


def _without_equality(problems: Iterator[feed.RowProblem], mapping) -> Iterator[feed.RowProblem]:
    hidden: dict[str, bool] = {}
    for p in problems:
        values = {c: v for c, v in p.values.items()
                  if not hidden.setdefault(c, files.field_of(c, mapping) in feed.EQUALITY_COLUMNS)}
        yield feed.RowProblem(p.row, p.column, p.reason, values)


def _chain(first, rest):
    if first is not None:
        yield first
        yield from rest


def _write_xlsx(out: BinaryIO, columns: list[str], problems) -> None:
    """The same report as a workbook (write-only: rows go straight to the file), formulas neutralised."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Rejected rows")
    text = io.BytesIO()
    feed.write_rejected_rows(text, columns, problems)  # one grouping and neutralising rule for both formats
    text.seek(0)
    for cells in csv.reader(io.TextIOWrapper(text, encoding="utf-8-sig", newline="")):
        sheet.append(cells)
    book.save(out)


def settings(uow: UnitOfWork) -> list[str]:
    return _repo(uow).add_unknown_options()


def update_settings(uow: UnitOfWork, *, add_unknown_options: list[str]) -> list[str]:
    wrong = sorted(set(add_unknown_options) - set(OPTION_LISTS))
    if wrong:
        raise InvalidInput.field("add_unknown_options", f"only the feed's option lists can take new options: "
                                                        f"{', '.join(OPTION_LISTS)}; not {', '.join(wrong)}")
    lists = sorted(set(add_unknown_options))
    _repo(uow).save_add_unknown_options(lists)
    uow.commit()
    return lists


def mappings(uow: UnitOfWork) -> list[tuple[str, dict, object]]:
    return _repo(uow).mappings()


def save_mapping(uow: UnitOfWork, *, name: str, columns: Mapping[str, str | None]) -> tuple[str, dict, object]:
    name = (name or "").strip()
    if not MAPPING_NAME.match(name):
        raise InvalidInput.field("name", "must be 1 to 100 letters, digits, spaces, dots, hyphens or underscores")
    cleaned = {str(k).strip(): (v or None) for k, v in columns.items()}
    if not cleaned or any(not k for k in cleaned):
        raise InvalidInput.field("columns", "must name at least one column, and no column without a name")
    try:
        files.check_mapping(cleaned)
    except ValueError as error:
        raise InvalidInput.field("columns", str(error)) from None
    at = uow.clock.now()
    _repo(uow).save_mapping(name, cleaned, at)
    uow.commit()
    return name, cleaned, at


def delete_mapping(uow: UnitOfWork, *, name: str) -> None:
    if not _repo(uow).delete_mapping(name):
        raise NotFound("column mapping not found")
    uow.commit()


def value_mappings(uow: UnitOfWork) -> list[ValueMapping]:
    return ValueMappingRepository(uow.session, uow.landlord_id).all()


def save_value_mappings(uow: UnitOfWork, *, field: str, entries: list[tuple[str, str]],
                        options: list[str]) -> list[ValueMapping]:
    """Replace one field's mappings (`options`: the field's list's current labels); all of them answered."""
    repo = ValueMappingRepository(uow.session, uow.landlord_id)
    repo.replace(field, checked_value_mappings(field, entries, options))
    uow.commit()
    return repo.all()


def unknown_values(uow: UnitOfWork, *, run_id: str, options_of, field: str = "",
                   proposed: list[ValueMapping] | None = None):
    """A run's unknown option values (rejected rows, rows the mappings would accept, each value): with the saved
    mappings, or with one field's mappings replaced by `proposed` (a preview; nothing is saved)."""
    run = get_run(uow, run_id=run_id)
    mappings = value_mappings(uow)
    if proposed is not None:
        mappings = [m for m in mappings if m.field != field] + proposed
    problems = _repo(uow).rejections(run_id)
    return _unknown_values(problems, lambda column: files.field_of(column, run.mapping), by_field(mappings),
                           options_of)
