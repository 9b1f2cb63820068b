"""The search contract's shared fixtures: every SearchIndex adapter, embedded (SQLite) and
Elasticsearch, with the same synthetic documents and helpers.

The Elasticsearch case needs a server at TRACKER_ELASTICSEARCH_URL (default
http://127.0.0.1:9200); it fails, never skips, when none is running. Each test
uses its own index prefix and drops its indices afterwards. Synthetic data only.
"""
from __future__ import annotations

import os
import urllib.error
import urllib.request
import uuid

import pytest

from services.common.search import FieldType, SearchRequest, SortKey
from services.common.search.elastic import ElasticsearchIndex
from services.common.search.embedded import EmbeddedSearchIndex

ES_URL = os.environ.get("TRACKER_ELASTICSEARCH_URL", "http://127.0.0.1:9200")
INDEX = "people"
A, B = "landlord-a", "landlord-b"
FIELDS = {
    "name": FieldType.KEYWORD, "email": FieldType.KEYWORD, "tags": FieldType.KEYWORD,
    "estate": FieldType.KEYWORD, "age": FieldType.INTEGER, "moved_in": FieldType.DATE,
    "vulnerable": FieldType.BOOLEAN,
}
PEOPLE = {
    "p1": {"name": "Alex Sample", "email": "alex@example.org", "tags": ["garden", "pets"],
           "age": 34, "moved_in": "2020-01-15", "vulnerable": False, "estate": "North"},
    "p2": {"name": "alexis Example", "email": "", "tags": ["pets"], "age": 40,
           "moved_in": "2021-06-01", "vulnerable": True, "estate": "South"},
    "p3": {"name": "Blake Sample", "email": None, "tags": [], "age": 18,
           "moved_in": "2019-12-31", "vulnerable": False, "estate": "North"},
    "p4": {"name": "Casey Example", "tags": ["garden"], "age": 65, "estate": "East"},
    "p5": {"name": "ALEX Upper", "email": "upper@example.org", "age": 40,
           "moved_in": "2021-06-01T09:30:00", "vulnerable": True},
}


# Fields added by a second ensure_index, and documents with lists and numbers.
MORE_FIELDS = {"score": FieldType.NUMBER, "options": FieldType.KEYWORD,
               "born": FieldType.DATE, "sizes": FieldType.INTEGER}
OTHERS = {
    "q1": {"name": "Quinn", "score": 1.5, "options": ["opt-a", "Opt-B"], "born": "1950-03-01",
           "sizes": [3, 10]},
    "q2": {"name": "Robin", "score": -2.25, "options": ["opt-b"], "born": "1990-07-15", "sizes": [5]},
    "q3": {"name": "Sasha", "score": 10, "options": [], "born": "2010-01-01", "sizes": []},
    "q4": {"name": "Taylor", "score": None, "options": [""], "born": None},
    "q5": {"name": "Uma", "options": ["x-opt", "opt-c"], "born": "1990-07-15T10:00:00", "sizes": [7]},
}


def _require_elasticsearch(url: str) -> None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            response.read()
    except urllib.error.HTTPError:
        pass  # it answered (some builds have no "GET /" handler)
    except (urllib.error.URLError, OSError) as exc:
        pytest.fail(f"Elasticsearch is not running at {url} ({exc}); start it "
                    f"(deploy/local/infra.sh up) or set TRACKER_ELASTICSEARCH_URL", pytrace=False)


@pytest.fixture(params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.engines),
                        pytest.param("elasticsearch-partitioned", marks=pytest.mark.engines)])
def index(request):
    if request.param == "embedded":
        adapter = EmbeddedSearchIndex()
    else:  # partitioned: each landlord spread over 2 of 3 shards (TRACKER_SEARCH_ROUTING_PARTITION)
        _require_elasticsearch(ES_URL)
        layout = {"shards": 3, "routing_partition": 2} if request.param.endswith("partitioned") else {}
        adapter = ElasticsearchIndex(ES_URL, index_prefix=f"test-{uuid.uuid4().hex[:8]}-", **layout)
    adapter.ensure_index(INDEX, FIELDS)
    try:
        yield adapter
    finally:
        for name in (INDEX, "other"):
            adapter.drop(name)
        adapter.close()


@pytest.fixture
def people(index):
    _load(index, A, PEOPLE)
    return index


@pytest.fixture
def others(index):
    index.ensure_index(INDEX, {**FIELDS, **MORE_FIELDS})
    _load(index, B, OTHERS)
    return index


def _load(index, landlord, docs):
    index.index_many(INDEX, landlord, docs)
    index.refresh(INDEX)


def _ids(index, *filters, sort=(SortKey("id"),), landlord=A, **kwargs):
    request = SearchRequest(filters=filters, sort=sort, limit=100, **kwargs)
    return [item["id"] for item in index.search(INDEX, landlord, request).items]
