"""Statements over many rows. `chunks` cuts a list of keys into IN (...) lists (or rows into
statements) of a bounded size, so no statement exceeds an engine's parameter limits.
`update_rows`: on PostgreSQL each chunk is one UPDATE ... FROM (VALUES ...): the planner joins the
new values to the table once, instead of planning and running a statement per row (where stale
statistics, right after a bulk load, can make each one scan). On SQLite, where a statement is a
call inside the process, one executemany does it."""
from __future__ import annotations

from typing import Any, Iterator, Mapping, Sequence, TypeVar

from sqlalchemy import Table, bindparam, cast, column, update, values
from sqlalchemy.orm import Session

CHUNK = 1000  # rows per statement: at most a few tens of thousands of parameters
IN_CHUNK = 500  # keys per IN (...) list
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = IN_CHUNK) -> Iterator[Sequence[T]]:
    """`items` in order, `size` at a time (the last part may be shorter; none when there are none)."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def update_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]], *, key: str,
                where: Sequence = ()) -> None:
    """Set, in each row of `table` whose column `key` equals a row's `key`, that row's other
    columns (every row names the same columns), within the extra conditions `where` (e.g. the
    landlord's rows only)."""
    if not rows:
        return
    names = [name for name in rows[0] if name != key]
    if session.get_bind().dialect.name != "postgresql":
        statement = update(table).where(*where, table.c[key] == bindparam(f"k_{key}")).values(
            {name: bindparam(f"v_{name}") for name in names})
        session.execute(statement, [{f"k_{key}": row[key], **{f"v_{n}": row[n] for n in names}} for row in rows])
        return
    columns = [key, *names]
    for part in chunks(rows, CHUNK):
        given = values(*(column(name, table.c[name].type) for name in columns), name="given").data(
            [tuple(row[name] for name in columns) for row in part])
        session.execute(update(table).where(*where, table.c[key] == given.c[key]).values(
            {name: cast(given.c[name], table.c[name].type) for name in names}))
