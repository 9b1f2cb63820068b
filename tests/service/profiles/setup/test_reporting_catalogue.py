"""GetReportingCatalogue: the whole set-up in one answer for the reporting service — every standard list
with its person field's label, every choice custom field's list, archived options flagged, ethnicity's
equality groups, every custom field and the age bands — read only: it writes nothing (not even a fresh
landlord's defaults), never commits and never reads people. Embedded storage in tmp_path."""
from __future__ import annotations

import re

import pytest
from google.protobuf import empty_pb2
from sqlalchemy import event, func, select

from services.common import context
from services.common.person_fields import BY_NAME, OPTION_LISTS
from services.common.uow import UnitOfWork
from services.profiles import service
from services.profiles.setup import service as setup_service
from services.profiles.setup.defaults import DEFAULT_OPTIONS, WHITE_BRITISH
from services.profiles.setup.domain import AgeBand
from services.profiles.setup.server import ProfileSetupServicer
from services.profiles.setup.tables import option_lists, options, profile_settings

PEOPLE_TABLES = re.compile(r"\b(people|person_options|person_custom_values|person_changes)\b")


@pytest.fixture
def statements(profiles, monkeypatch):
    """Every SQL statement the profiles database runs while a test runs, and the commits asked for."""
    seen = {"sql": [], "commits": 0}
    real_commit = UnitOfWork.commit

    def commit(self):
        seen["commits"] += 1
        return real_commit(self)

    def statement(_conn, _cursor, sql, *_):
        seen["sql"].append(sql)

    monkeypatch.setattr(UnitOfWork, "commit", commit)
    engine = profiles.runtime.database.engine
    event.listen(engine, "before_cursor_execute", statement)
    yield seen
    event.remove(engine, "before_cursor_execute", statement)


def catalogue(profiles, landlord):
    with context.bound(context.CallContext(landlord_id=landlord, user_id="U1")):
        return ProfileSetupServicer(profiles.runtime).GetReportingCatalogue(empty_pb2.Empty(), None)


def _rows(profiles, landlord, table) -> int:
    with profiles.runtime.uow(landlord, read_only=True) as uow:
        return uow.session.execute(select(func.count()).select_from(table)
                                   .where(table.c.landlord_id == landlord)).scalar()


def test_a_fresh_landlord_reads_its_default_lists_and_bands_and_nothing_is_written(profiles, landlord, statements):
    answer = catalogue(profiles, landlord)
    writes = [s for s in statements["sql"] if s.split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE", "REPLACE")]
    assert (writes, statements["commits"]) == ([], 0)
    assert [_rows(profiles, landlord, t) for t in (option_lists, options, profile_settings)] == [0, 0, 0]
    assert [(item.name, item.label) for item in answer.lists] == [(n, BY_NAME[n].label) for n in OPTION_LISTS]
    lists = {item.name: item for item in answer.lists}
    assert {n: [o.label for o in item.options] for n, item in lists.items()} == {
        n: [d.label for d in DEFAULT_OPTIONS.get(n, ())] for n in OPTION_LISTS}
    groups = {o.label: o.group for o in lists["ethnicity"].options}
    assert groups.pop(WHITE_BRITISH) == "White British" and groups.pop("Prefer not to say") == ""
    assert set(groups.values()) == {"BME"} and len(groups) == 18  # ONS 2021: 19 groups, one White British
    assert {o.group for n, item in lists.items() if n != "ethnicity" for o in item.options} == {""}
    assert all(o.option_id and not o.archived for item in answer.lists for o in item.options)
    assert [(b.label, b.min_age, b.max_age if b.HasField("max_age") else None) for b in answer.age_bands] == [
        ("Under 16", 0, 15), ("16-44", 16, 44), ("45-64", 45, 64), ("65+", 65, None)]
    assert list(answer.custom_fields) == []


def test_custom_lists_archived_options_every_custom_field_and_the_landlords_bands(profiles, landlord, statements):
    with profiles.runtime.uow(landlord) as uow:
        contact = setup_service.add_custom_field(uow, label="Best time to call", type="choice",
                                                 options=["Morning", "Afternoon", "Evening"])
    with profiles.runtime.uow(landlord) as uow:
        setup_service.add_custom_field(uow, label="Heating", type="multi_choice", applies_to="property",
                                       options=["Gas", "Electric"])
    with profiles.runtime.uow(landlord) as uow:
        setup_service.add_custom_field(uow, label="Shoe size", type="number")
    with profiles.runtime.uow(landlord) as uow:  # someone with a value: in_use stays 0 all the same
        service.add_person(uow, raw={"personal_ref": "R1", "first_name": "Ann", "surname": "Example",
                                     "custom": {"best_time_to_call": "Morning", "shoe_size": 6}}, user_id="U1")
    with profiles.runtime.uow(landlord) as uow:
        setup_service.update_custom_field(uow, key="shoe_size", archived=True)
    with profiles.runtime.uow(landlord) as uow:
        evening = setup_service.option_list(uow, list_name="custom.best_time_to_call").items[2].item
        setup_service.update_option(uow, list_name="custom.best_time_to_call", option_id=evening.option_id,
                                    archived=True)
    with profiles.runtime.uow(landlord) as uow:
        area_d = setup_service.option_list(uow, list_name="area").items[3].item
        setup_service.update_option(uow, list_name="area", option_id=area_d.option_id, archived=True)
    with profiles.runtime.uow(landlord) as uow:
        setup_service.update_profile_settings(uow, age_bands=[AgeBand("Under 25", 0, 24), AgeBand("25+", 25, None)])
    statements["sql"].clear()
    statements["commits"] = 0

    answer = catalogue(profiles, landlord)
    assert statements["commits"] == 0
    assert statements["sql"] and not [s for s in statements["sql"] if PEOPLE_TABLES.search(s)], "no usage counts"
    lists = {item.name: item for item in answer.lists}
    assert [item.name for item in answer.lists] == [*OPTION_LISTS, "custom.best_time_to_call", "custom.heating"]
    best = lists["custom.best_time_to_call"]
    assert best.label == "Best time to call"
    assert [(o.label, o.archived, o.group) for o in best.options] == [
        ("Morning", False, ""), ("Afternoon", False, ""), ("Evening", True, "")]
    assert best.options[2].option_id == evening.option_id
    assert [(o.label, o.archived) for o in lists["area"].options] == [
        ("Area A", False), ("Area B", False), ("Area C", False), ("Area D", True)]
    assert (lists["custom.heating"].label, [o.label for o in lists["custom.heating"].options]) == (
        "Heating", ["Gas", "Electric"])
    assert [(f.key, f.type, f.applies_to, f.archived, f.list_name, f.in_use) for f in answer.custom_fields] == [
        ("best_time_to_call", "choice", "person", False, "custom.best_time_to_call", 0),
        ("heating", "multi_choice", "property", False, "custom.heating", 0),
        ("shoe_size", "number", "person", True, "", 0)]
    assert answer.custom_fields[0].field_id == contact.field_id
    assert [(b.label, b.min_age, b.HasField("max_age")) for b in answer.age_bands] == [
        ("Under 25", 0, True), ("25+", 25, False)]
