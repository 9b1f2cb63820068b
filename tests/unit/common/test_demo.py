"""`make run`'s demo landlord, the parts with no platform: its feed imports into a new landlord
with no rejected row, its sign-in is kept once and reused, and waiting on the run."""
from __future__ import annotations

import datetime as dt
import importlib
import io
import json
import random
import stat
import threading
import uuid

import pytest

from services.common import demo
from services.common.config import Settings
from services.common.person_fields import BY_NAME, OPTION_LISTS
from services.common.sample_residents import FEED_COLUMNS, FEED_LABELS, composition, feed_rows, generate
from services.profiles.domain import IMPORT, Person
from services.profiles.setup.defaults import DEFAULT_OPTIONS
from services.profiles.setup.domain import Catalogue, Option

feed = importlib.import_module("services.import.feed")
files = importlib.import_module("services.import.files")
OPTION_COLUMNS = ("title", "gender", "ethnicity", "disability", "tenancy_type", "household_status", "area",
                  "gender_identity", "marriage_civil_partnership", "pregnancy_maternity")
UNREACHABLE = "http://127.0.0.1:9"  # discard port: any request would fail
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    """A new landlord's catalogue: the default option lists."""
    rng = random.Random(5)
    return Catalogue(options={
        name: [Option(str(uuid.UUID(int=rng.getrandbits(128), version=4)), name, d.label, i, code=d.code,
                      group=d.group, attributes=d.attributes)
               for i, d in enumerate(DEFAULT_OPTIONS.get(name, ()), start=1)]
        for name in OPTION_LISTS}, custom_fields={})


def test_feed_columns_are_the_import_services_feed_v1():
    assert FEED_COLUMNS == feed.FEED_COLUMNS
    assert set(OPTION_COLUMNS) == set(feed.OPTION_COLUMNS)


def test_feed_rows_use_only_a_new_landlords_default_labels_and_imported_tenancy_types():
    defaults = {column: {o.label for o in DEFAULT_OPTIONS[column]} for column in OPTION_COLUMNS}
    imported = {o.label for o in DEFAULT_OPTIONS["tenancy_type"] if o.attributes.get("fed_by_import")}
    seen = {column: set() for column in OPTION_COLUMNS}
    for row in feed_rows(20_000, seed=8):
        for column in OPTION_COLUMNS:
            seen[column].add(row[column])
    for column in OPTION_COLUMNS:
        assert seen[column] - {""} <= defaults[column], column
    assert seen["tenancy_type"] - {""} <= imported
    assert {"Area A", "Area B", "Area C", "Area D"} <= seen["area"]
    assert seen["household_status"] == {"Head", "Joint", "Other"}


def test_feed_rows_are_the_generators_rows_relabelled():
    for raw, fed in zip(generate(2000, seed=3), feed_rows(2000, seed=3)):
        for column in FEED_COLUMNS:
            expected = FEED_LABELS.get(column, {}).get(raw[column], raw[column])
            assert fed[column] == expected, column


def test_the_demo_feed_passes_the_import_checks_and_profiles_rules(catalogue):
    content = demo.feed_csv(today=TODAY)
    assert content == demo.feed_csv(today=TODAY)  # a fixed seed: the same file on every machine
    table = files.read_csv(io.BytesIO(content))
    assert table.header.unknown == ()
    checked = list(feed.validate(table.rows, table.header.column_of))
    assert len(checked) == demo.PEOPLE
    assert [c.problems for c in checked if not c.accepted] == []
    option_fields = [BY_NAME[feed.PERSON_FIELD[column]] for column in feed.OPTION_COLUMNS]
    assert [(f.option_list, c.person[f.name]) for c in checked for f in option_fields  # each names an option
            if c.person.get(f.name) and catalogue.by_label(f.option_list, c.person[f.name]) is None] == []
    now = dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc)
    for c in checked:  # raises InvalidInput naming the field if profiles would reject the record
        Person.add(landlord_id="l-1", raw=c.person, catalogue=catalogue, created_by="demo", now=now, source=IMPORT)


def test_the_demo_feed_composition_is_stable():
    rows = list(feed_rows(demo.PEOPLE, seed=demo.SEED, landlord_code=demo.LANDLORD_CODE))
    counts = composition(rows)
    assert sum(counts["gender"].values()) == demo.PEOPLE
    assert "Non-resident" not in counts["tenancy_type"]


def _settings(tmp_path, **env) -> Settings:
    return Settings.from_env({"TRACKER_VAR_DIR": str(tmp_path), **env})


def test_off_means_no_demo_and_no_marker(tmp_path):
    assert demo.ensure(_settings(tmp_path, TRACKER_DEMO="0"), UNREACHABLE, "x") is None
    assert not demo.marker_path(tmp_path).exists()


def test_a_loaded_demo_is_reused_without_asking_the_platform(tmp_path):
    marker = {**demo.new_marker(), "created": True, "loaded": True, "counts": {"created": 3000}}
    demo.write_marker(tmp_path, marker)
    assert stat.S_IMODE(demo.marker_path(tmp_path).stat().st_mode) == 0o600
    got = demo.ensure(_settings(tmp_path), UNREACHABLE, "x")
    assert got == marker
    text = demo.banner(got, "http://127.0.0.1:8080")
    assert marker["username"] in text and marker["password"] in text and "3,000 residents imported" in text
    assert f'"password": "{marker["password"]}"' in text and "curl -s -X POST http://127.0.0.1:8080" in text


def test_a_failure_is_reported_and_the_sign_in_is_kept_for_the_next_start(tmp_path):
    got = demo.ensure(_settings(tmp_path), UNREACHABLE, "x")
    assert got is None  # the landlord could not be created: nothing to sign in with
    kept = json.loads(demo.marker_path(tmp_path).read_text())
    assert stat.S_IMODE(demo.marker_path(tmp_path).stat().st_mode) == 0o600
    assert kept["username"] == demo.USERNAME and len(kept["password"]) >= 16 and kept["created"] is False
    demo.ensure(_settings(tmp_path), UNREACHABLE, "x")
    assert json.loads(demo.marker_path(tmp_path).read_text())["password"] == kept["password"]


def test_a_created_but_unloaded_demo_shows_its_sign_in_and_why(tmp_path):
    demo.write_marker(tmp_path, {**demo.new_marker(), "created": True})
    got = demo.ensure(_settings(tmp_path), UNREACHABLE, "x")
    assert got["created"] and not got["loaded"] and got["problem"]
    assert "residents not loaded" in demo.banner(got, UNREACHABLE)


def test_an_unreadable_marker_is_reported_not_replaced(tmp_path):
    demo.marker_path(tmp_path).write_text("{not json")
    assert demo.ensure(_settings(tmp_path), UNREACHABLE, "x") is None
    assert demo.marker_path(tmp_path).read_text() == "{not json"


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_waiting_stops_at_completion_at_the_deadline_or_when_cancelled():
    clock = Clock()
    runs = iter([{"status": "queued"}, {"status": "running"}, {"status": "completed", "id": "r"}])

    def get_run():
        clock.now += 1
        return next(runs)

    assert demo.wait_for(get_run, 100, interval=0, clock=clock)["status"] == "completed"
    clock.now = 0
    assert demo.wait_for(lambda: {"status": "running"}, 0, interval=0, clock=clock)["status"] == "running"
    cancelled = threading.Event()
    cancelled.set()
    assert demo.wait_for(lambda: {"status": "running"}, float("inf"), cancelled=cancelled)["status"] == "running"


def test_the_banner_says_when_the_residents_are_still_loading():
    marker = {**demo.new_marker(), "created": True, "still_loading": {"percent": 40}}
    assert "still loading (40%" in demo.banner(marker, "http://127.0.0.1:8080")
    assert demo.banner(None, "http://127.0.0.1:8080") == ""


@pytest.mark.parametrize("later", [dt.date(2027, 12, 4), dt.date(2028, 2, 29), dt.date(2031, 6, 1)])
def test_the_demo_residents_are_the_same_ages_whatever_the_date(later):
    """Generated for the day the platform's clock says: a year (or a leap day) on, every age band holds
    the same people as on the day the demo was first written."""
    def bands(today):
        rows = feed_rows(600, seed=demo.SEED, landlord_code=demo.LANDLORD_CODE, today=today)
        return composition(rows, today=today)["age_band"]
    assert bands(later) == bands(TODAY)
    aged_on = composition(feed_rows(600, seed=demo.SEED, landlord_code=demo.LANDLORD_CODE, today=TODAY), today=later)
    assert aged_on["age_band"] != bands(TODAY), "a fixed generation date drifts: the check above can fail"


def test_the_platform_clock_moves_the_calendar_only_when_asked():
    assert Settings.from_env({}).clock().today() == dt.datetime.now(dt.timezone.utc).date()
    ahead = Settings.from_env({"TRACKER_CLOCK_OFFSET_DAYS": "365"}).clock().today()
    assert ahead == dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=365)
