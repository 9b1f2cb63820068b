"""services/common/sample_residents.py: synthetic residents for demos, benchmarks and import feeds."""
from __future__ import annotations

import ast
import csv
import itertools
import re
import subprocess
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from services.common import sample_residents as pg
from services.common.sample_residents import FEED_COLUMNS, ONS_ETHNICITIES, composition, generate, write_csv

ROOT = Path(__file__).resolve().parents[3]
TODAY = pg.DEFAULT_TODAY
N = 12_000


@pytest.fixture(scope="module")
def people() -> list[dict[str, str]]:
    return list(generate(N, seed=3, landlord_code="DEMO"))


def age(dob: str, today: date = TODAY) -> int:
    born = date.fromisoformat(dob)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def test_feed_columns_are_format_v1_in_order():
    assert FEED_COLUMNS == (
        "personal_ref", "title", "first_name", "surname", "date_of_birth", "gender", "ethnicity", "disability",
        "tenancy_type", "household_status", "area", "property_ref", "address1", "address2", "address3",
        "address4", "postcode", "phone", "mobile", "email", "gender_identity", "marriage_civil_partnership",
        "pregnancy_maternity")


def test_same_seed_same_rows_other_seed_or_landlord_other_rows():
    first = list(generate(3000, seed=11))
    assert first == list(generate(3000, seed=11))
    other_seed = list(generate(3000, seed=12))
    assert [(r["first_name"], r["surname"], r["date_of_birth"]) for r in first] != \
           [(r["first_name"], r["surname"], r["date_of_birth"]) for r in other_seed]
    other_landlord = list(generate(3000, seed=11, landlord_code="ZX"))
    assert [r["surname"] for r in first] != [r["surname"] for r in other_landlord]
    assert all(r["personal_ref"].startswith("ZX") for r in other_landlord)


def test_a_shorter_run_is_a_prefix_of_a_longer_one():
    assert list(generate(777, seed=5)) == list(itertools.islice(generate(5000, seed=5), 777))


@pytest.mark.parametrize("count", [0, 1, 2, 7, 1001])
def test_yields_exactly_count_people(count):
    rows = list(generate(count))
    assert len(rows) == count
    if rows:
        assert rows[0]["household_status"] == "Head of household"


def test_negative_count_is_refused():
    with pytest.raises(ValueError):
        generate(-1)


def test_every_row_has_every_column_as_a_string_in_feed_order(people):
    for row in people:
        assert list(row) == list(FEED_COLUMNS)
        assert all(isinstance(value, str) for value in row.values())
        for required in ("personal_ref", "first_name", "surname", "household_status", "area", "property_ref",
                         "address1", "address3", "postcode"):
            assert row[required], (required, row)


def test_personal_refs_are_unique_and_carry_the_landlord_code(people):
    refs = [row["personal_ref"] for row in people]
    assert len(set(refs)) == len(refs)
    assert all(re.fullmatch(r"DEMO\d{7}", ref) for ref in refs)


def test_households_share_an_address_and_have_exactly_one_adult_head(people):
    households = defaultdict(list)
    for row in people:
        households[row["property_ref"]].append(row)
    assert all(re.fullmatch(r"P\d{6}", ref) for ref in households)
    for ref, members in households.items():
        addresses = {tuple(m[c] for c in ("area", "address1", "address2", "address3", "address4", "postcode"))
                     for m in members}
        assert len(addresses) == 1, ref
        heads = [m for m in members if m["household_status"] == "Head of household"]
        assert len(heads) == 1, ref
        assert members[0] is heads[0]             # the head comes first
        assert 18 <= age(heads[0]["date_of_birth"]) <= 95
        assert 1 <= len(members) <= 6
        for m in members:
            if m["household_status"] == "Joint tenant":
                assert age(m["date_of_birth"]) >= 18
            if m["tenancy_type"] == "Sheltered" and m["household_status"] == "Head of household":
                assert age(m["date_of_birth"]) >= 60
    # Members of a household are contiguous: a property never reappears later.
    order = [ref for ref, _ in itertools.groupby(row["property_ref"] for row in people)]
    assert len(order) == len(set(order)) == len(households)
    sizes = Counter(len(m) for m in households.values())
    assert sizes[1] + sizes[2] > 0.6 * len(households)
    assert all(sizes[n] > 0 for n in range(1, 7))


def test_some_households_have_children_and_values_come_from_the_known_sets(people):
    ages = [age(r["date_of_birth"]) for r in people if r["date_of_birth"]]
    assert sum(a < 16 for a in ages) > 0.05 * len(people)
    assert sum(a >= 65 for a in ages) > 0.1 * len(people)
    allowed = {"gender": pg.GENDERS, "disability": pg.DISABILITIES, "tenancy_type": pg.TENANCY_TYPES,
               "household_status": pg.HOUSEHOLD_STATUSES, "area": pg.AREAS, "title": pg.TITLES}
    for column, values in allowed.items():
        seen = Counter(r[column] for r in people)
        assert set(seen) <= set(values), column
    for column in ("gender", "disability", "tenancy_type"):          # optional: some blanks, never mostly
        blanks = sum(1 for r in people if r[column] == "")
        assert 0 < blanks < 0.25 * len(people), column
    tenancy = Counter(r["tenancy_type"] for r in people)
    assert tenancy.most_common(1)[0][0] == "General needs"
    assert all(tenancy[t] > 0 for t in pg.TENANCY_TYPES)


def test_dates_of_birth_are_iso_and_in_the_past(people):
    blanks = 0
    for row in people:
        dob = row["date_of_birth"]
        if not dob:
            blanks += 1
            assert row["household_status"] != "Head of household"
            continue
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", dob)
        assert date.fromisoformat(dob) <= TODAY
        assert 0 <= age(dob) <= 100
    assert 0 < blanks < 0.05 * len(people)


def test_contact_details_are_synthetic_only(people):
    postcode = re.compile(r"ZZ\d{1,2} \d[ABD-HJLNP-UW-Z]{2}")
    for row in people:
        assert postcode.fullmatch(row["postcode"]), row["postcode"]
        assert row["email"] == "" or re.fullmatch(r"[a-z]+\.[a-z]+\d*@example\.org", row["email"]), row["email"]
        assert row["mobile"] == "" or re.fullmatch(r"07700 900\d{3}", row["mobile"]), row["mobile"]
        assert row["phone"] == "" or re.fullmatch(r"01632 960\d{3}", row["phone"]), row["phone"]
    for column in ("email", "mobile", "phone"):
        present = sum(1 for r in people if r[column])
        assert 0 < present < len(people), column
    assert all(r["email"] == "" and r["mobile"] == "" for r in people
               if r["date_of_birth"] and age(r["date_of_birth"]) < 16)


def test_ethnicities_are_the_19_ons_groups_plus_prefer_not_to_say_or_blank(people):
    assert len(ONS_ETHNICITIES) == 19 == len(set(ONS_ETHNICITIES))
    for label in ("White: English, Welsh, Scottish, Northern Irish or British", "White: Gypsy or Irish Traveller",
                  "White: Roma", "Mixed or Multiple ethnic groups: White and Black Caribbean",
                  "Other ethnic group: Arab", "Other ethnic group: Any other ethnic group"):
        assert label in ONS_ETHNICITIES
    seen = Counter(r["ethnicity"] for r in people)
    assert set(seen) <= set(ONS_ETHNICITIES) | {"Prefer not to say", ""}
    assert seen.most_common(1)[0][0] == "White: English, Welsh, Scottish, Northern Irish or British"
    assert seen["Prefer not to say"] > 0 and seen[""] > 0


def test_composition_counts_every_row_once_per_dimension(people):
    counts = composition(people)
    assert set(counts) == {"gender", "tenancy_type", "area", "ethnicity", "household_status", "age_band"}
    for dimension, counter in counts.items():
        assert sum(counter.values()) == len(people), dimension
        assert "" not in counter
    assert counts["household_status"]["Head of household"] == len({r["property_ref"] for r in people})
    assert counts["gender"]["not known"] == sum(1 for r in people if r["gender"] == "")
    assert counts["age_band"]["not known"] == sum(1 for r in people if r["date_of_birth"] == "")
    assert set(counts["age_band"]) == set(pg.AGE_BANDS)


def test_composition_is_the_same_through_a_csv_round_trip(people, tmp_path):
    path = tmp_path / "people.csv"
    assert write_csv(path, iter(people)) == len(people)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames) == FEED_COLUMNS
        back = list(reader)
    assert back == people
    assert composition(back) == composition(people)


@pytest.mark.parametrize("dob, band", [
    ("", "not known"), ("2010-11-24", "under 16"), ("2010-11-23", "16-44"), ("1981-11-24", "16-44"),
    ("1981-11-23", "45-64"), ("1961-11-24", "45-64"), ("1961-11-23", "65+"), ("1920-01-01", "65+")])
def test_age_bands_are_ages_on_the_reference_day(dob, band):
    assert pg.age_band(dob, date(2026, 11, 23)) == band
    assert composition([{"date_of_birth": dob}])["age_band"] == Counter({band: 1})


def test_another_today_moves_the_dates_of_birth():
    rows = list(generate(500, seed=2, today=date(2030, 2, 28)))
    heads = [r for r in rows if r["household_status"] == "Head of household"]
    assert all(18 <= age(r["date_of_birth"], date(2030, 2, 28)) <= 95 for r in heads)


def test_a_million_is_streamed_not_materialised():
    started = time.perf_counter()
    people = generate(10**6)
    first = list(itertools.islice(people, 100))
    assert time.perf_counter() - started < 1.0       # building a million rows takes several seconds
    assert len(first) == 100 and iter(people) is people

    tracemalloc.start()                               # memory held while the stream is alive stays flat
    try:
        stream = generate(10**6, seed=9)
        for _ in itertools.islice(stream, 500):
            pass
        early = tracemalloc.get_traced_memory()[0]
        for _ in itertools.islice(stream, 4000):
            pass
        late = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert late - early < 256 * 1024                  # holding 4,000 more rows would take megabytes


def test_stdlib_only_and_runs_as_a_module(tmp_path):
    imported = set()
    for name in ("sample_residents.py", "sample_words.py", "sample_tables.py", "sample_protected.py", "feed_format.py"):
        tree = ast.parse((ROOT / "services/common" / name).read_text())
        imported |= {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                     for alias in node.names}
        imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom) and node.module and not node.level}
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}, imported
    out = tmp_path / "feed.csv"
    result = subprocess.run([sys.executable, "-m", "services.common.sample_residents", "--count", "250", "--seed", "4",
                             "--landlord", "AB", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "rows/s" in result.stdout
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows == list(generate(250, seed=4, landlord_code="AB"))
    result = subprocess.run([sys.executable, "-m", "services.common.sample_residents", "--count", "250", "--seed", "4",
                             "--landlord", "AB", "--feed", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    with open(out, encoding="utf-8", newline="") as f:
        assert list(csv.DictReader(f)) == list(pg.feed_rows(250, seed=4, landlord_code="AB"))
