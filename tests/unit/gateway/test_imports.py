"""The gateway's side of the import: a streamed upload is read in chunks from where werkzeug
spooled it, and an ImportRun message becomes the run JSON."""
from __future__ import annotations

import io

import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from services.gateway.forms import PayloadTooLarge, UploadedStream, read_form
from services.gateway.routes.imports import _chunks, _run
from services.gateway.schemas.imports import ImportRunOut, ImportUpload
from services.gen.tracker.imports.v1 import imports_service_pb2 as pb

MIB = 1024 * 1024


def _request(content: bytes, **fields) -> Request:
    data = {"file": (io.BytesIO(content), "people.csv"), **fields}
    return Request(EnvironBuilder(method="POST", data=data).get_environ())


def test_an_upload_is_left_spooled_and_sent_as_a_start_then_1_mib_chunks():
    content = b"personal_ref,first_name,surname\r\n" + b"x" * (2 * MIB + 5)
    body = ImportUpload.model_validate(read_form(ImportUpload, _request(content, mode="full", mapping="Ours"), 3 * MIB))
    assert isinstance(body.file, UploadedStream) and body.file.size_bytes == len(content)
    chunks = list(_chunks(body))
    assert chunks[0].start == pb.UploadStart(file_name="people.csv", mode="full", preview=False, mapping="Ours",
                                             encoding="utf-8")
    assert [len(c.data) for c in chunks[1:]] == [MIB, MIB, len(content) - 2 * MIB]
    assert b"".join(c.data for c in chunks[1:]) == content


def test_an_upload_over_the_limit_is_refused_naming_the_file():
    with pytest.raises(PayloadTooLarge) as refused:
        read_form(ImportUpload, _request(b"x" * (MIB + 1), mode="full"), MIB)
    assert [(p.field, p.reason) for p in refused.value.fields] == [("file", "must be at most 1 MiB")]


def test_a_run_message_becomes_the_run_json():
    message = pb.ImportRun(run_id="R1", source="file", mode="full", status="running", phase="applying",
                           file_name="people.csv", started_by="U1", created_at="2026-01-02T03:04:05Z",
                           started_at="2026-01-02T03:04:06Z", rows_total=3, rows_done=1, warnings=["columns ignored"],
                           counts=pb.RunCounts(rows_read=4, accepted=3, rejected=1, created=1))
    message.samples.add(kind="created").rows.add(row=2, personal_ref="A1", name="Ann Example")
    run = ImportRunOut.model_validate(_run(message)).model_dump()
    assert run["progress"] == {"rows_total": 3, "rows_done": 1, "percent": 33.3}
    assert (run["finished_at"], run["problem"], run["feed_run_id"]) == (None, None, None)
    assert run["counts"]["rejected"] == 1 and run["warnings"] == ["columns ignored"]
    assert run["samples"] == {}, "only a preview shows samples"

    message.preview, message.status = True, "completed"
    run = _run(message)
    assert run["progress"]["percent"] == 100.0
    assert run["samples"] == {"created": [{"row": 2, "personal_ref": "A1", "name": "Ann Example", "fields": [],
                                           "reason": ""}], "updated": [], "archived": [], "rejected": []}
