"""SetUpLandlord: the gateway calls it when it creates a landlord, so its default option lists and
settings exist from the start (searches never write them); idempotent; what it writes is what a read
showed before it. Embedded storage in tmp_path."""
from __future__ import annotations

from google.protobuf import empty_pb2
from sqlalchemy import event

from services.common import context
from services.profiles.setup import service as setup_service
from services.profiles.setup.defaults import DEFAULT_OPTIONS
from services.profiles.setup.server import ProfileSetupServicer
from services.profiles.setup.store import read_catalogue


def _read(profiles, landlord):
    with profiles.runtime.uow(landlord, read_only=True) as uow:
        return read_catalogue(uow.session, landlord)


def test_setting_up_a_landlord_writes_its_defaults_once_as_reads_showed_them(profiles, landlord):
    servicer = ProfileSetupServicer(profiles.runtime)
    before = _read(profiles, landlord)
    inserts = []

    def statement(_conn, _cursor, sql, *_):
        if sql.upper().startswith("INSERT"):
            inserts.append(sql)

    event.listen(profiles.runtime.database.engine, "before_cursor_execute", statement)
    try:
        with context.bound(context.CallContext(landlord_id=landlord)):
            assert servicer.SetUpLandlord(empty_pb2.Empty(), None) == empty_pb2.Empty()
            written = len(inserts)
            servicer.SetUpLandlord(empty_pb2.Empty(), None)
    finally:
        event.remove(profiles.runtime.database.engine, "before_cursor_execute", statement)
    assert written > 0 and len(inserts) == written, "the second call writes nothing"
    with profiles.runtime.uow(landlord) as uow:
        lists = {s.name: s.options for s in setup_service.option_lists(uow)}
    assert lists == {name: len(options) for name, options in DEFAULT_OPTIONS.items()}
    assert _read(profiles, landlord) == before
