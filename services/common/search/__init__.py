"""The search index port and its adapters (embedded, Elasticsearch)."""
from .port import (
    AnyOf, Clause, Exists, FieldType, Not, Prefix, Range, RangeBucket, RangeFacet, SearchError, SearchIndex,
    SearchRequest, SearchResult, SearchUnavailable, Term,
)

__all__ = [
    "AnyOf", "Clause", "Exists", "FieldType", "Not", "Prefix", "Range", "RangeBucket", "RangeFacet", "SearchError",
    "SearchIndex", "SearchRequest", "SearchResult", "SearchUnavailable", "Term",
]
