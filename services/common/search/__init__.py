"""The search index port and its adapters (embedded, Elasticsearch)."""
from .port import (
    MAX_SCAN_BATCH, AllOf, AnyOf, Clause, DocumentScan, Exists, FieldType, IdScan, Not, Prefix, Range, RangeBucket,
    RangeFacet, SearchError, SearchIndex, SearchRequest, SearchResult, SearchUnavailable, SortKey, Term,
)

__all__ = [
    "MAX_SCAN_BATCH", "AllOf", "AnyOf", "Clause", "DocumentScan", "Exists", "FieldType", "IdScan", "Not", "Prefix",
    "Range", "RangeBucket", "RangeFacet", "SearchError", "SearchIndex", "SearchRequest", "SearchResult", "SearchUnavailable",
    "SortKey", "Term",
]
