"""The import service reached over gRPC (files) and the bus (the Kafka feed), in each mode,
with people read back through profiles."""
from __future__ import annotations

import time

import pytest

from services.common import context, topics
from services.common.bus import Message
from services.common.grpc_client import call, channel
from services.gen.tracker.imports.v1 import feed_pb2, imports_service_pb2 as pb, imports_service_pb2_grpc as pb_grpc
from services.gateway.searching import row_json
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as ppb, profiles_service_pb2_grpc as ppb_grpc
from tests.e2e.conftest import new_landlord

HEADER = ("personal_ref,title,first_name,surname,date_of_birth,gender,ethnicity,disability,tenancy_type,"
          "household_status,area,property_ref,address1,address2,address3,address4,postcode,phone,mobile,email")


def resident(n: int, **given) -> dict:
    values = {"personal_ref": f"R{n:05d}", "title": "Mx", "first_name": f"Alex{n}", "surname": f"Sample{n}",
              "date_of_birth": f"19{50 + n % 40}-0{1 + n % 9}-1{n % 9}", "gender": ("Female", "Male")[n % 2],
              "ethnicity": "", "disability": "", "tenancy_type": ("General needs", "Sheltered")[n % 2],
              "household_status": "", "area": "Area A", "property_ref": f"P{n // 2:05d}",
              "address1": f"{n} Example Row", "address2": "", "address3": "Testville", "address4": "",
              "postcode": "ZZ1 1AA", "phone": "", "mobile": f"07700 900{n % 1000:03d}",
              "email": f"alex{n}@example.org"}
    values.update(given)
    return values


def csv_of(rows: list[dict]) -> bytes:
    lines = [HEADER] + [",".join(r[c] for c in HEADER.split(",")) for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode()


class ImportClient:
    """One landlord's view of the import and profiles services."""

    def __init__(self, platform, landlord_id: str, user_id: str):
        self.platform = platform
        self.landlord_id = landlord_id
        self.user_id = user_id
        self.imports = pb_grpc.ImportsStub(channel(platform.imports.runtime.grpc.address))
        self.profiles = ppb_grpc.ProfilesStub(channel(platform.profiles.runtime.grpc.address))

    def _ctx(self):
        return context.bound(context.CallContext(landlord_id=self.landlord_id, user_id=self.user_id,
                                                 request_id=context.new_request_id()))

    def upload(self, data: bytes, *, mode: str = "full", preview: bool = False, name: str = "feed.csv",
               mapping: str = "") -> pb.ImportRun:
        chunks = [pb.UploadChunk(start=pb.UploadStart(file_name=name, mode=mode, preview=preview, mapping=mapping,
                                                      view_equality_data=True, edit_equality_data=True))]  # an admin
        chunks += [pb.UploadChunk(data=data[i:i + 65536]) for i in range(0, len(data), 65536)]
        with self._ctx():
            return call(self.imports.UploadFile, iter(chunks), timeout=30)

    def run(self, run_id: str) -> pb.ImportRun:
        with self._ctx():
            return call(self.imports.GetRun, pb.GetRunRequest(run_id=run_id))

    def finished(self, run_id: str, timeout: float = 60.0) -> pb.ImportRun:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            run = self.run(run_id)
            if run.status in ("completed", "failed"):
                return run
            time.sleep(0.1)
        raise AssertionError(f"run still {run.status} ({run.phase}) after {timeout} s")

    def rejected(self, run_id: str, fmt: str = "csv") -> bytes:
        with self._ctx():
            return b"".join(c.data for c in self.imports.GetRejectedRows(
                pb.GetRejectedRowsRequest(run_id=run_id, format=fmt, view_equality_data=True),
                metadata=context.current().metadata()))

    def call(self, method: str, request):
        with self._ctx():
            return call(getattr(self.imports, method), request)

    def people(self, **criteria) -> dict[str, dict]:
        """Current and archived people by personal reference, straight from the search index."""
        request = ppb.SearchPeopleRequest(page_size=500, columns=["gender", "tenancy_type", "mobile"])
        request.criteria.update({"status": ["current", "archived"], **criteria})
        with self._ctx():
            answer = call(self.profiles.SearchPeople, request)
        return {item["personal_ref"]: item for item in map(row_json, answer.rows)}

    def searchable(self, expected: dict[str, str], timeout: float = 30.0, check=lambda found: True) -> dict[str, dict]:
        """Wait until search shows exactly these people with these statuses (personal_ref -> status),
        and `check(found)` holds."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.people()
            if ({ref: p["status"] for ref, p in found.items()} == expected and check(found)
                    or time.monotonic() > deadline):
                return found
            time.sleep(0.2)

    def publish_feed(self, run_id: str, rows: list[dict], mode=feed_pb2.FULL_SNAPSHOT, *, twice: bool = False) -> None:
        messages = [feed_pb2.FeedMessage(landlord_id=self.landlord_id, run_id=run_id,
                                         run_ended=feed_pb2.RunEnded(record_count=len(rows)))]  # the end may come first
        for n, row in enumerate(rows, 1):
            messages.append(feed_pb2.FeedMessage(landlord_id=self.landlord_id, run_id=run_id,
                                                 person=feed_pb2.FeedPerson(sequence=n, **row)))
        messages.append(feed_pb2.FeedMessage(landlord_id=self.landlord_id, run_id=run_id,
                                             run_started=feed_pb2.RunStarted(mode=mode)))
        if twice:
            messages += messages
        self.platform.bus.publish([Message(topics.HOUSING_FEED, f"{self.landlord_id}:{m.run_id}", m.SerializeToString())
                                   for m in messages])

    def feed_run(self, feed_run_id: str, timeout: float = 60.0) -> pb.ImportRun:
        deadline = time.monotonic() + timeout
        run = None
        while time.monotonic() < deadline:
            runs = self.call("ListRuns", pb.ListRunsRequest(page_size=50)).runs
            run = next((r for r in runs if r.feed_run_id == feed_run_id), None)
            if run is not None and run.status in ("completed", "failed"):
                return run
            time.sleep(0.2)
        seen = "no run: none of its messages was taken from the bus" if run is None else \
            f"the run {run.status} ({run.phase}), {run.rows_done} of {run.rows_total} rows done"
        raise AssertionError(f"feed run {feed_run_id} did not finish in {timeout} s: {seen}")


@pytest.fixture
def importer(platform, operator) -> ImportClient:
    landlord, admin = new_landlord(operator)
    me = admin.get("/api/v1/me").json()
    return ImportClient(platform, landlord["id"], me["id"])
