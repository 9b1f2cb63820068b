"""The import bench's pieces that need no import service: its files (CSV, XLSX, the changed
re-run, the streamed multipart body), the memory sampler, the COPY baseline, the composition
check and the report."""
from __future__ import annotations

import csv
import importlib
import io
import os
import subprocess
import sys
import time
from collections import Counter

import pytest
from werkzeug.formparser import parse_form_data

from bench import import_bench, import_files, import_measure
from services.common.sample_residents import FEED_COLUMNS, feed_rows
from tests.conftest import engines

feed = importlib.import_module("services.import.feed")
files = importlib.import_module("services.import.files")


def test_the_xlsx_feed_reads_back_through_the_import_as_the_same_rows_with_none_rejected(tmp_path):
    xlsx, twin = tmp_path / "feed.xlsx", tmp_path / "feed.csv"
    assert import_files.write_xlsx_feed(xlsx, twin, 600, seed=2, landlord_code="BX") == 600
    with open(xlsx, "rb") as f:
        table = files.read_xlsx(f)  # checks the zip against the import's limits first
        rows = list(table.rows)
        checked = list(feed.validate(iter(rows), table.header.column_of))
    expected = list(feed_rows(600, seed=2, landlord_code="BX"))
    assert [r.values for r in rows] == [{c: row[c] for c in FEED_COLUMNS} for row in expected]
    assert all(c.accepted for c in checked)
    with open(twin, encoding="utf-8", newline="") as f:
        assert list(csv.DictReader(f)) == expected


def test_the_rerun_changes_the_surname_of_every_nth_row_only(tmp_path):
    source, out = tmp_path / "a.csv", tmp_path / "c.csv"
    assert import_files.write_feed_csv(source, 1000, seed=1, landlord_code="BA") == 1000
    assert import_files.write_changed(source, out, every=20) == 50
    assert import_files.count_rows(out) == 1000
    with open(source, encoding="utf-8", newline="") as f, open(out, encoding="utf-8", newline="") as g:
        pairs = list(zip(csv.DictReader(f), csv.DictReader(g)))
    for number, (before, after) in enumerate(pairs, 1):
        if number % 20 == 0:
            assert after == {**before, "surname": import_files.RERUN_SURNAME}
        else:
            assert after == before
    assert not any(before["surname"] == import_files.RERUN_SURNAME for before, _ in pairs)


def test_the_multipart_body_is_streamed_with_its_exact_length_and_parses_as_a_form(tmp_path):
    path = tmp_path / "feed.csv"
    import_files.write_feed_csv(path, 300, seed=1, landlord_code="BM")
    body = import_files.MultipartUpload(path, {"mode": "full", "preview": "false"})
    chunks = []
    while chunk := body.read(4096):
        assert len(chunk) <= 4096
        chunks.append(chunk)
    data = b"".join(chunks)
    body.close()
    assert len(data) == body.length == int(body.headers()["Content-Length"])
    environ = {"REQUEST_METHOD": "POST", "CONTENT_TYPE": body.content_type, "CONTENT_LENGTH": str(len(data)),
               "wsgi.input": io.BytesIO(data)}
    _, form, uploaded = parse_form_data(environ)
    assert form.to_dict() == {"mode": "full", "preview": "false"}
    assert uploaded["file"].filename == "feed.csv" and uploaded["file"].read() == path.read_bytes()


def test_the_memory_sampler_sees_a_process_grow_and_its_high_water_mark(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.6); x = bytearray(80 * 2**20); "
                              "x[::4096] = b'1' * len(x[::4096]); time.sleep(1.5)"])
    try:
        with import_measure.MemorySampler({"child": child.pid}, interval=0.1) as sampler:
            time.sleep(0.3)
            before = sampler.peaks_mib()["child"]
            time.sleep(1.2)
            peak = sampler.peaks_mib()["child"]
            hwm = sampler.high_water_mib()["child"]
            assert sampler.samples > 5
    finally:
        child.wait(10)
    assert peak - before > 70 and hwm >= peak


def test_service_processes_are_the_parents_python_m_services_children(tmp_path, monkeypatch):
    def proc(pid: int, ppid: int, *argv: str):
        (tmp_path / str(pid)).mkdir()
        (tmp_path / str(pid) / "stat").write_text(f"{pid} (python (x)) S {ppid} 1 1 0 -1")
        (tmp_path / str(pid) / "cmdline").write_bytes(b"\0".join(a.encode() for a in argv) + b"\0")

    proc(10, 1, "python", "deploy/local/run_cluster.py")
    proc(11, 10, "python", "-m", "services.profiles")
    proc(12, 10, "/venv/bin/python", "-m", "services.import")
    proc(13, 10, "python", "-m", "http.server")
    proc(14, 99, "python", "-m", "services.reporting")
    (tmp_path / "self").mkdir()
    monkeypatch.setattr(import_measure, "PROC", tmp_path)
    assert import_measure.service_processes(10) == {"profiles": 11, "import": 12}


def test_cpu_seconds_add_up_each_service_and_engine_with_the_backends_postgres_reaped(tmp_path, monkeypatch):
    def proc(pid: int, ppid: int, comm: str, ticks: tuple[int, int, int, int], *argv: str):
        (tmp_path / str(pid)).mkdir()
        utime, stime, cutime, cstime = ticks
        (tmp_path / str(pid) / "stat").write_text(
            f"{pid} ({comm}) S {ppid} 1 1 0 -1 0 0 0 0 0 {utime} {stime} {cutime} {cstime} 20 0")
        (tmp_path / str(pid) / "cmdline").write_bytes(b"\0".join(a.encode() for a in argv) + b"\0")

    tick = os.sysconf("SC_CLK_TCK")
    proc(20, 1, "postgres", (tick, 0, 5 * tick, tick), "postgres", "-D", "data")  # the postmaster
    proc(21, 20, "postgres", (2 * tick, tick, 7 * tick, 0), "postgres: tracker")  # a backend: its children aren't
    proc(30, 1, "java", (tick, tick, 0, 0), "java", "kafka.Kafka")
    proc(31, 1, "java", (3 * tick, 0, 0, 0), "java", "org.elasticsearch.bootstrap.Elasticsearch")
    proc(40, 1, "python", (4 * tick, tick, 9 * tick, 0), "python", "-m", "services.profiles")
    proc(50, 1, "java", (9 * tick, 0, 0, 0), "java", "SomethingElse")
    monkeypatch.setattr(import_measure, "PROC", tmp_path)
    assert import_measure.cpu_seconds({"profiles": 40}) == {
        "elasticsearch": 3.0, "kafka": 2.0, "postgresql": 10.0, "profiles": 5.0}
    assert import_measure.cpu_used({"profiles": 1.5}, {"profiles": 5.0, "kafka": 2.0}) == {
        "profiles": 3.5, "kafka": 2.0}


def test_the_composition_check_compares_labels_ignoring_case_and_lists_every_value():
    expected = {"gender": Counter({"Female": 5, "Male": 4, "not known": 1}),
                "age_band": Counter({"under 16": 2, "65+": 8})}
    facets = {"gender": [{"label": "Female", "count": 5}, {"label": "Male", "count": 3},
                         {"label": "Non-binary", "count": 0}, {"label": "Not known", "count": 1}],
              "age_band": [{"label": "Under 16", "count": 2}, {"label": "16-44", "count": 0},
                           {"label": "65+", "count": 8}, {"label": "Not known", "count": 0}]}
    checked = import_measure.composition_check(expected, facets)
    assert checked["age_band"]["equal"] is True
    assert checked["gender"]["equal"] is False
    assert {v["value"]: (v["feed"], v["search"]) for v in checked["gender"]["values"]} == {
        "Female": (5, 5), "Male": (4, 3), "not known": (1, 1)}


def _scenario(name: str, **extra) -> dict:
    return {"scenario": name, "rows": 20000, "format": "csv", "status": "completed", "upload_s": 1.2,
            "completed_s": 30.5, "searchable_s": 33.0, "settled_s": 35.5, "lag_left": {},
            "rows_per_s_end_to_end": 606, "run_s": 29.0,
            "copy": {"rows_per_s": 150000, "table": "logged"}, "ratio_end_to_end_to_copy": 247.5,
            "peak_rss_mib": {"gateway": 120.0, "import": 300.0}, "counts_as_expected": True,
            "cpu_s": {"postgresql": 42.5, "profiles": 40.2},
            "counts": {"rows_read": 20000, "rejected": 0, "created": 20000, "updated": 0, "unchanged": 0,
                       "archived": 0},
            "composition": {"gender": {"equal": True, "values": []}}, **extra}


def test_the_report_renders_complete_and_unfinished_scenarios():
    text = import_bench.report({"machine": "2 cores", "high_water_mib": {"import": 310.0}, "scenarios": [
        _scenario("a", raw_bulk={"docs": 20000, "seconds": 2.2, "docs_per_s": 9091}),
        _scenario("b", status="failed", searchable_s=None, settled_s=None, lag_left={"households.people.bulk": 7},
                  rows_per_s_end_to_end=None, run_s=None, ratio_end_to_end_to_copy=None, composition={},
                  counts_as_expected=False)]})
    assert "606" in text and "247.5" in text and "35.5" in text and "not checked" in text and "NOT as expected" in text
    assert "(a) CPU s until settled: postgresql 42.5, profiles 40.2" in text
    assert "(a) raw _bulk of the same 20,000 documents" in text and "2.2 s (9,091 docs/s)" in text
    assert "searchable end to end took 15.0x that" in text
    assert "(b) NOT settled: consumer lag left {'households.people.bulk': 7}" in text


@pytest.mark.engines
def test_copy_rate_loads_every_row_and_drops_its_scratch_schema(tmp_path):
    engines()
    import psycopg
    path = tmp_path / "feed.csv"
    import_files.write_feed_csv(path, 2000, seed=1, landlord_code="BC")
    result = import_measure.copy_rate(path, FEED_COLUMNS)
    assert result["rows"] == 2000 and result["rows_per_s"] > 0 and result["table"] == "logged"
    with psycopg.connect(import_measure.admin_conninfo()) as conn:
        left = conn.execute("SELECT count(*) FROM information_schema.schemata "
                            "WHERE schema_name LIKE 'bench_import_copy_%'").fetchone()[0]
    assert left == 0


@pytest.mark.engines
def test_the_raw_bulk_beside_the_import_writes_the_landlords_documents_only_and_drops_its_index(tmp_path):
    engines()
    import uuid

    from bench.import_raw_bulk import raw_bulk_beside
    from bench.search_platform import ES_URL, Http
    from services.common.search.elastic import ElasticsearchIndex
    from services.profiles.search.document import INDEX, index_fields
    prefix = f"bench-rawtest-{uuid.uuid4().hex[:6]}-"
    index = ElasticsearchIndex(ES_URL, index_prefix=prefix)
    mine, theirs = str(uuid.uuid4()), str(uuid.uuid4())
    try:
        index.ensure_index(INDEX, index_fields())
        for landlord_id, count in ((mine, 7), (theirs, 3)):
            docs = {f"p-{n}": {"first_name": "Jo", "surname": f"Example{n}"} for n in range(count)}
            index.index_many(INDEX, landlord_id, docs, versions=dict.fromkeys(docs, 4))
        index.refresh(INDEX)
        result = raw_bulk_beside(prefix, mine, tmp_path)
        es = Http(ES_URL)
        left = es.json("GET", f"/_cat/indices/{prefix}raw-bulk-*?format=json")
        es.close()
    finally:
        index.drop(INDEX)
        index.close()
    assert result["docs"] == 7 and result["seconds"] > 0
    assert left == [] and list(tmp_path.iterdir()) == []
