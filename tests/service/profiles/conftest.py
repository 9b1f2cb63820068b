"""The profiles service on embedded storage (SQLite, embedded index, in-process bus) in tmp_path."""
from __future__ import annotations

import uuid

import grpc
import pytest

from services.profiles import bootstrap, search, service
from services.profiles.search import indexing
from tests.conftest import embedded_settings


@pytest.fixture
def clock():
    """The clock the service is built with: the platform's (None); a test module may give a FixedClock."""
    return None


@pytest.fixture
def profiles(tmp_path, clock):
    svc = bootstrap.build(embedded_settings(tmp_path), clock=clock)
    svc.runtime.migrate()
    svc.index.ensure_index(search.INDEX, search.index_fields())
    yield svc
    svc.runtime.bus.close()
    svc.index.close()
    svc.runtime.database.dispose()


@pytest.fixture
def landlord() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def people(profiles, landlord) -> dict[str, str]:
    """Ann, Ben and Cal, indexed: name -> person id (a test module may have its own)."""
    ids = {}
    with profiles.runtime.uow(landlord) as uow:
        for n, name in enumerate(("Ann", "Ben", "Cal")):
            ids[name] = service.add_person(uow, raw={"personal_ref": f"R{n}", "first_name": name,
                                                     "surname": "Example"}, user_id="U1")[0].person_id
    with profiles.runtime.uow(landlord) as uow:
        indexing.index_people(uow, profiles.index, person_ids=ids.values())
        uow.commit()
    return ids


@pytest.fixture
def channel(profiles):
    """The service started on a free port, and a channel to it."""
    profiles.start("127.0.0.1:0")
    channel = grpc.insecure_channel(profiles.runtime.grpc.address)
    yield channel
    channel.close()
    profiles.stop()
