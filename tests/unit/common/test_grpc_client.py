"""The gRPC client side: the caller's context goes in metadata on unary and streaming calls alike,
and a streamed answer raises the service's domain error before anything is sent on."""
from __future__ import annotations

import json
import threading
import time
from concurrent import futures

import grpc
import pytest

from services.common import context
from services.common.errors import NotFound
from services.common.grpc_client import call, call_stream, channel
from services.gen.tracker.imports.v1 import imports_service_pb2 as pb
from services.gen.tracker.imports.v1 import imports_service_pb2_grpc as pb_grpc

CTX = context.CallContext(landlord_id="L1", user_id="U1", request_id="R1")


class _Imports(pb_grpc.ImportsServicer):
    def __init__(self):
        self.seen: dict[str, dict] = {}
        self.cancelled = threading.Event()

    def _keep(self, name, ctx):
        self.seen[name] = {k: v for k, v in ctx.invocation_metadata() if k.startswith("x-")}

    def GetRun(self, request, ctx):
        self._keep("GetRun", ctx)
        return pb.ImportRun(run_id=request.run_id)

    def UploadFile(self, request_iterator, ctx):
        self._keep("UploadFile", ctx)
        chunks = list(request_iterator)
        return pb.ImportRun(run_id="R", file_name=chunks[0].start.file_name,
                            rows_total=sum(len(c.data) for c in chunks[1:]))

    def GetRejectedRows(self, request, ctx):
        self._keep("GetRejectedRows", ctx)
        if request.run_id == "unknown":
            ctx.abort(grpc.StatusCode.NOT_FOUND, json.dumps({"message": "no such run", "fields": []}))
        if request.run_id == "endless":  # one chunk, then nothing until the caller cancels
            ctx.add_callback(self.cancelled.set)
            yield pb.FileChunk(data=b"row\n")
            while ctx.is_active():
                time.sleep(0.01)
            return
        for n in range(1000):
            yield pb.FileChunk(data=b"%d\n" % n)


@pytest.fixture
def imports():
    servicer = _Imports()
    server = grpc.server(futures.ThreadPoolExecutor(4))
    pb_grpc.add_ImportsServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    ch = channel(f"127.0.0.1:{port}")
    yield servicer, pb_grpc.ImportsStub(ch)
    ch.close()
    server.stop(None)


def test_the_callers_context_goes_on_unary_and_streaming_calls(imports):
    servicer, stub = imports
    with context.bound(CTX):
        call(stub.GetRun, pb.GetRunRequest(run_id="A"))
        chunks = [pb.UploadChunk(start=pb.UploadStart(file_name="people.csv", mode="full"))]
        uploaded = call(stub.UploadFile, iter(chunks + [pb.UploadChunk(data=b"x" * 10)] * 3))
        rows = b"".join(c.data for c in call_stream(stub.GetRejectedRows, pb.GetRejectedRowsRequest(run_id="A")))
    assert (uploaded.file_name, uploaded.rows_total) == ("people.csv", 30)
    assert rows.splitlines()[-1] == b"999"
    expected = {"x-landlord-id": "L1", "x-user-id": "U1", "x-request-id": "R1"}
    assert servicer.seen == {"GetRun": expected, "UploadFile": expected, "GetRejectedRows": expected}


def test_a_refused_stream_raises_at_once_and_closing_one_cancels_it(imports):
    servicer, stub = imports
    with context.bound(CTX), pytest.raises(NotFound, match="no such run"):
        call_stream(stub.GetRejectedRows, pb.GetRejectedRowsRequest(run_id="unknown"))
    streamed = call_stream(stub.GetRejectedRows, pb.GetRejectedRowsRequest(run_id="endless"))
    streamed.close()  # never iterated: the client went away before the first byte
    assert servicer.cancelled.wait(5)
