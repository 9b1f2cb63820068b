"""The search index port.

One index per kind of document (e.g. "people"), shared by all landlords. Every
call names the landlord; adapters route by it and add the landlord filter in the
one place every query goes through, so no caller can forget or skip it.

Queries are built from a small clause language that both adapters translate;
it needs nothing beyond Elasticsearch core (no analyzers, no plugins).
"""
from __future__ import annotations

import abc
import enum
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, Sequence, Union


class SearchError(RuntimeError):
    """The index could not answer (engine down, bad mapping). Adapters word its message with
    the operation, indices, fields and error kinds only, never a document's or a query's
    values, so logs may carry it (services.common.logs.error_reason)."""
    message_is_loggable = True


class SearchUnavailable(SearchError):
    """The engine is away or overloaded; the same call may work later."""


class FieldType(str, enum.Enum):
    KEYWORD = "keyword"  # exact values; Prefix matches case-insensitively
    INTEGER = "integer"
    NUMBER = "double"  # floating point
    DATE = "date"  # ISO 8601 date or datetime strings
    BOOLEAN = "boolean"


@dataclass(frozen=True)
class Term:
    """The field has any of these values (for a list field: any element does)."""
    field: str
    values: Sequence[Any]


@dataclass(frozen=True)
class Prefix:
    """A keyword field starts with `value`, case-insensitively."""
    field: str
    value: str


@dataclass(frozen=True)
class Range:
    """gte <= field <= lte; either bound may be None."""
    field: str
    gte: Any = None
    lte: Any = None


@dataclass(frozen=True)
class Exists:
    """The field has a non-null, non-empty value."""
    field: str


@dataclass(frozen=True)
class Not:
    clause: "Clause"


@dataclass(frozen=True)
class AnyOf:
    """At least one of the clauses matches."""
    clauses: Sequence["Clause"]


@dataclass(frozen=True)
class AllOf:
    """Every one of the clauses matches (none given: every document does); for a
    group of clauses inside AnyOf or Not."""
    clauses: Sequence["Clause"]


Clause = Union[Term, Prefix, Range, Exists, Not, AnyOf, AllOf]


@dataclass(frozen=True)
class RangeBucket:
    """One bucket of a range facet: gte <= value < lt; either bound may be None.
    Bounds are numbers for INTEGER/NUMBER fields, ISO 8601 strings for DATE fields."""
    key: str
    gte: Any = None
    lt: Any = None


@dataclass(frozen=True)
class RangeFacet:
    """Count matching documents per bucket of `field` (INTEGER, NUMBER or DATE).
    A document with several values counts once in every bucket one of them falls in."""
    name: str  # the key in SearchResult.facets and .missing; not a terms facet's field
    field: str
    buckets: Sequence[RangeBucket]  # keys unique


@dataclass(frozen=True)
class SortKey:
    """One key of a sort: a field, ascending unless `descending`. The one form a sort has from the
    gateway to the index; only the field's name changes on the way (to the index field it sorts by)."""
    field: str
    descending: bool = False


@dataclass(frozen=True)
class SearchRequest:
    filters: Sequence[Clause] = ()  # all must match
    sort: Sequence[SortKey] = ()  # ties by document id
    offset: int = 0
    limit: int = 25
    count_only: bool = False  # total only, no items
    facets: Sequence[str] = ()  # keyword/integer/boolean fields: count of documents per value
    range_facets: Sequence[RangeFacet] = ()
    source: Sequence[str] | None = None  # items hold only these fields (and "id"); None: all


@dataclass
class SearchResult:
    total: int  # exact, at any size
    items: list[dict] = field(default_factory=list)  # documents, with "id"
    # facet (field or range facet name) -> {value or bucket key: matching documents}
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # facet -> matching documents with no value there (null, absent, [], or "" for keywords)
    missing: dict[str, int] = field(default_factory=dict)


@dataclass
class IdScan:
    """Every matching document id: `total` counted as the scan starts, then `chunks`
    (lists of ids in id order, none empty) read on as they are iterated."""
    total: int
    chunks: Iterator[list[str]]


@dataclass
class DocumentScan:
    """Every matching document with the fields asked for (and its "id"): `total` counted as the
    scan starts, then `chunks` (lists of documents in no particular order, none empty) read on as
    they are iterated. Iterate to the end or close() the chunks: a scan holds the engine's view
    of the index until then."""
    total: int
    chunks: Iterator[list[dict[str, Any]]]


MAX_SCAN_BATCH = 10_000  # ids per chunk (Elasticsearch's index.max_result_window)


class SearchIndex(abc.ABC):
    @abc.abstractmethod
    def ensure_index(self, name: str, fields: Mapping[str, FieldType]) -> None:
        """Create the index (versioned, behind an alias called `name`) if missing."""

    @abc.abstractmethod
    def index(self, name: str, landlord_id: str, doc_id: str, document: Mapping[str, Any],
              version: int | None = None) -> bool:
        """Insert or replace one document of that landlord; False when refused (see index_many)."""

    @abc.abstractmethod
    def index_many(self, name: str, landlord_id: str, documents: Mapping[str, Mapping[str, Any]],
                   versions: Mapping[str, int] | None = None) -> int:
        """Insert or replace many documents of one landlord ({doc_id: document}).

        With `versions` ({doc_id: version} for every document; external versioning): a
        write is refused where the index holds that document at a higher version, so a
        slower writer never replaces a newer state; the same version may be written again.
        Without: each write replaces the document and counts its version up by one.
        Returns how many writes were refused (a refusal is not an error)."""

    def update_many(self, name: str, landlord_id: str, changes: Mapping[str, tuple[int, Mapping[str, Any]]]) -> set[str]:
        """Set some fields of many documents of one landlord ({doc_id: (version, fields)}), each only where
        the index holds the document at exactly `version - 1`: it then holds it at `version`, its other fields
        as they were. Answers the ids it did not update (missing, at another version, or written meanwhile),
        which the caller writes whole; an index that cannot update in place answers them all."""
        return set(changes)

    @abc.abstractmethod
    def versions(self, name: str, landlord_id: str, doc_ids: Sequence[str]) -> dict[str, int]:
        """The version of each of these documents that the index holds, read at once
        (no refresh needed); at most MAX_SCAN_BATCH ids."""

    @abc.abstractmethod
    def delete(self, name: str, landlord_id: str, doc_id: str) -> None:
        """Remove a document; no error if it is not there."""

    @abc.abstractmethod
    def search(self, name: str, landlord_id: str, request: SearchRequest) -> SearchResult:
        """Documents of this landlord only that match every filter."""

    @abc.abstractmethod
    def scan_ids(self, name: str, landlord_id: str, filters: Sequence[Clause], batch: int = 5_000) -> IdScan:
        """The ids of this landlord's documents that match every filter, all of them (no page
        depth limit), in id order, `batch` (1 to MAX_SCAN_BATCH) at a time. A document
        indexed or removed while the scan runs may or may not be in it."""

    @abc.abstractmethod
    def scan_documents(self, name: str, landlord_id: str, filters: Sequence[Clause], fields: Sequence[str],
                       batch: int = 5_000) -> DocumentScan:
        """This landlord's documents that match every filter, all of them (no page depth limit),
        each with `fields` (those it has) and its "id", in no particular order (the cheapest for
        the engine), `batch` (1 to MAX_SCAN_BATCH) at a time: one pass where scan_ids and a
        search per page of ids would be two."""

    @abc.abstractmethod
    def refresh(self, name: str) -> None:
        """Make everything indexed so far visible to search."""

    @abc.abstractmethod
    def drop(self, name: str) -> None:
        """Delete the index and its alias (tests, reindex)."""

    def close(self) -> None:
        """Release connections."""


def indexable(document: Mapping[str, Any]) -> dict[str, Any]:
    """The document as indexed: "" is no value, so it is left out (as null) and list
    elements that are "" are dropped. Both adapters store documents this way,
    so Exists and missing counts stay cheap in Elasticsearch."""
    out: dict[str, Any] = {}
    for name, value in document.items():
        if isinstance(value, list):
            out[name] = [v for v in value if v != ""]
        else:
            out[name] = None if value == "" else value
    return out
