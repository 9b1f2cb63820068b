"""Statements over many rows. `chunks` cuts a list of keys into IN (...) lists (or rows into
statements) of a bounded size, so no statement exceeds an engine's parameter limits. `one_of` is the
IN list itself: on PostgreSQL one array parameter (`= ANY(:keys)`), not a placeholder per key, which the
driver would otherwise parse anew for every list (6.3 ms of the service's CPU per thousand keys, 2.1 ms as
an array). Its one query text gets prepared, and PostgreSQL's generic plan for `landlord_id = $1 AND key =
ANY($2)` probes the unique (landlord_id, key) index whatever the landlord's statistics say.
`update_rows`, `insert_rows` and `upsert_rows`: on PostgreSQL the rows are copied (COPY) into a temporary table
of this connection, then joined to the table in one UPDATE ... FROM or added in one INSERT ... SELECT. The
client sends rows, not a statement with a parameter per value (an UPDATE ... FROM (VALUES ...) of 1,000
rows cost about 30 times the client CPU), nor a statement per row (an executemany: about 3 times the
client CPU, and the server runs each row as a statement). On SQLite, where a statement is a call inside
the process, one executemany does it."""
from __future__ import annotations

import functools
import zlib
from typing import Any, Iterator, Mapping, Sequence, TypeVar

from sqlalchemy import Column, MetaData, String, Table, any_, bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateTable
from sqlalchemy.sql import ColumnElement

IN_CHUNK = 500  # keys per IN (...) list
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = IN_CHUNK) -> Iterator[Sequence[T]]:
    """`items` in order, `size` at a time (the last part may be shorter; none when there are none)."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def one_of(session: Session, key_column, keys: Sequence[str]) -> ColumnElement:
    """`key_column IN keys` (text keys) as the session's engine does it best: one array parameter on PostgreSQL,
    an IN list elsewhere."""
    if session.get_bind().dialect.name == "postgresql":
        return key_column == any_(bindparam(None, list(keys), type_=ARRAY(String)))
    return key_column.in_(keys)


def update_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]], *, key: str,
                landlord_id: str) -> None:
    """Set, in each of the landlord's rows of `table` whose column `key` equals a row's `key`, that row's
    other columns (every row names the same columns). On PostgreSQL the landlord travels with the staged rows
    and the join is on (landlord_id, key), never `landlord_id = <constant>`: a landlord new or growing fast
    has no statistics yet, and a constant would make the planner read the landlord's rows whole (estimated
    at a handful) for every batch, where the join probes an index per row whatever the statistics say."""
    if not rows:
        return
    names = [name for name in rows[0] if name != key]
    if session.get_bind().dialect.name != "postgresql":
        statement = update(table).where(table.c.landlord_id == landlord_id, table.c[key] == bindparam(f"k_{key}"))
        session.execute(statement.values({name: bindparam(f"v_{name}") for name in names}),
                        [{f"k_{key}": row[key], **{f"v_{n}": row[n] for n in names}} for row in rows])
        return
    stage = _stage(table, ("landlord_id", key, *names))
    _copy_rows(session, stage, [{**row, "landlord_id": landlord_id} for row in rows])
    session.execute(update(table).where(table.c.landlord_id == stage.c.landlord_id, table.c[key] == stage.c[key])
                    .values({name: stage.c[name] for name in names}))
    session.execute(delete(stage))


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Add `rows` (each naming the same columns; the others take their defaults) to `table`: on PostgreSQL
    copied (COPY) into a temporary table and added in one INSERT ... SELECT, where an executemany runs a
    statement per row; elsewhere one executemany. A row breaking a constraint fails the whole statement
    (IntegrityError), as an INSERT does."""
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    columns = tuple(rows[0])
    stage = _stage(table, columns)
    _copy_rows(session, stage, rows)
    session.execute(insert(table).from_select(columns, select(*(stage.c[c] for c in columns))))
    session.execute(delete(stage))


def upsert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]], *, keys: Sequence[str],
                replace: Sequence[str] = (), add: Sequence[str] = (), returning: Sequence[str] = ()) -> list:
    """Add `rows` (each naming the same columns, no two with the same `keys`) to `table`; where a row with
    their `keys` is there already, its `replace` columns take the new row's values and its `add` columns
    grow by them, and it is left as it is when neither is named. On PostgreSQL one INSERT ... SELECT ... ON
    CONFLICT from the copied rows, taken in key order (the order concurrent writers lock rows in); elsewhere
    one executemany. Answers the `returning` columns of each row added or changed (none if not named)."""
    if not rows:
        return []
    postgres = session.get_bind().dialect.name == "postgresql"
    columns = tuple(rows[0])
    if postgres:
        stage = _stage(table, columns)
        _copy_rows(session, stage, rows)
        statement = postgresql.insert(table).from_select(
            columns, select(*(stage.c[c] for c in columns)).order_by(*(stage.c[k] for k in keys)))
    else:
        statement = sqlite.insert(table)
    new = statement.excluded
    changes = {**{c: new[c] for c in replace}, **{c: table.c[c] + new[c] for c in add}}
    target = [table.c[k] for k in keys]
    statement = (statement.on_conflict_do_update(index_elements=target, set_=changes) if changes
                 else statement.on_conflict_do_nothing(index_elements=target))
    if returning:
        statement = statement.returning(*(table.c[c] for c in returning))
    result = session.execute(statement) if postgres else session.execute(statement, rows)
    found = result.all() if returning else []
    if postgres:
        session.execute(delete(stage))
    return found


@functools.lru_cache(maxsize=None)
def _stage(table: Table, columns: tuple[str, ...]) -> Table:
    """A temporary table of these columns of `table` (their types, no constraints), one for each table and
    set of columns, emptied at every commit."""
    name = f"stage_{table.name}_{zlib.crc32(','.join(columns).encode()):08x}"
    return Table(name, MetaData(), *(Column(c, table.c[c].type) for c in columns), prefixes=["TEMPORARY"],
                 postgresql_on_commit="DELETE ROWS")


def _copy_rows(session: Session, stage: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """`rows` (each naming every column of the temporary table `stage`) copied into it on PostgreSQL,
    the table made first in this connection if it is not there yet; values are bound as the columns'
    types bind them in a statement (JSON as text, say)."""
    connection = session.connection()
    dialect = connection.dialect
    connection.execute(CreateTable(stage, if_not_exists=True))
    columns = [c.name for c in stage.columns]
    processors = [(name, c.type.bind_processor(dialect)) for name, c in zip(columns, stage.columns)]
    with connection.connection.driver_connection.cursor() as cursor:
        with cursor.copy(f"COPY {stage.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(tuple(row[name] if process is None else process(row[name])
                                     for name, process in processors))
