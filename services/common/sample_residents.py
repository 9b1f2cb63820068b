"""Wholly synthetic residents for demos, search benchmarks and housing-system feeds.

Stdlib-only (from services/ only its dependency-free neighbours feed_format, sample_words, sample_tables and
sample_protected),
so `make run`'s demo, the benchmarks and the tests share it. `generate()` streams people
household by household: a property, its head of household first, then perhaps a joint
tenant and others. `feed_rows()` gives the same rows labelled as a new landlord's default
option lists are, ready to import.
Every name, street, town and county is invented; postcodes use the non-existent "ZZ"
area; emails are @example.org; phone numbers are Ofcom's drama ranges (07700 900xxx,
01632 960xxx). Same seed and landlord code => same rows.

    python -m services.common.sample_residents --count 100000 --seed 1 --landlord LL --feed --out people.csv
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter
from datetime import date
from operator import itemgetter
from typing import Iterable, Iterator

from .feed_format import FEED_COLUMNS
from .sample_protected import protected_characteristics
from .sample_tables import table as _table
from .sample_words import (COUNTIES, ESTATES, FEMALE, LANDLINES, MALE, MOBILES, NEUTRAL, STREET_HEADS, STREET_TAILS,
                           STREET_TYPES, SURNAME_HEADS, SURNAME_TAILS, TOWNS, UNITS)

DEFAULT_TODAY = date(2026, 11, 23)

# The 19 ethnic groups of the ONS Census 2021 (England and Wales), as ONS labels them in its
# 20-category outputs (the 20th is "Does not apply"); rough England and Wales shares, per cent.
_ONS = (
    ("Asian, Asian British or Asian Welsh: Bangladeshi", 1.1),
    ("Asian, Asian British or Asian Welsh: Chinese", 0.7),
    ("Asian, Asian British or Asian Welsh: Indian", 3.1),
    ("Asian, Asian British or Asian Welsh: Pakistani", 2.7),
    ("Asian, Asian British or Asian Welsh: Other Asian", 1.6),
    ("Black, Black British, Black Welsh, Caribbean or African: African", 2.5),
    ("Black, Black British, Black Welsh, Caribbean or African: Caribbean", 1.0),
    ("Black, Black British, Black Welsh, Caribbean or African: Other Black", 0.5),
    ("Mixed or Multiple ethnic groups: White and Asian", 0.8),
    ("Mixed or Multiple ethnic groups: White and Black African", 0.4),
    ("Mixed or Multiple ethnic groups: White and Black Caribbean", 0.9),
    ("Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups", 0.8),
    ("White: English, Welsh, Scottish, Northern Irish or British", 74.4),
    ("White: Irish", 0.9),
    ("White: Gypsy or Irish Traveller", 0.1),
    ("White: Roma", 0.2),
    ("White: Other White", 6.2),
    ("Other ethnic group: Arab", 0.6),
    ("Other ethnic group: Any other ethnic group", 1.6),
)
ONS_ETHNICITIES = tuple(label for label, _ in _ONS)
ETHNICITY_VALUES = ONS_ETHNICITIES + ("Prefer not to say", "")
GENDERS = ("Female", "Male", "Non-binary", "Prefer not to say", "")
DISABILITIES = ("Yes", "No", "Prefer not to say", "")
TENANCY_TYPES = ("General needs", "Sheltered", "Leasehold", "Co-resident", "Non-resident", "")
HOUSEHOLD_STATUSES = ("Head of household", "Joint tenant", "Other")
AREAS = ("North", "South", "East", "West", "Central")
TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "")
AGE_BANDS = ("under 16", "16-44", "45-64", "65+", "not known")
NOT_KNOWN = "not known"

# The generator's labels onto the option lists every new landlord starts with
# (services/profiles/setup/defaults.py); every other value already is a default label.
DEFAULT_LABELS = {
    "area": {"North": "Area A", "South": "Area B", "East": "Area C", "West": "Area D", "Central": "Area D"},
    "household_status": {"Head of household": "Head", "Joint tenant": "Joint", "Other": "Other"},
}
# A housing system feeds only the tenancy types it holds ("Non-resident" is for people added by hand):
# there, a leaseholder who lets the flat out is still a leaseholder.
FEED_LABELS = {**DEFAULT_LABELS, "tenancy_type": {"Non-resident": "Leasehold"}}


_ETHNICITY = _table(list(_ONS) + [("Prefer not to say", 4.0), ("", 8.0)])
_GENDER = _table([("Female", 52), ("Male", 44), ("Non-binary", 0.5), ("Prefer not to say", 1.5), ("", 2)])
_DISABILITY = _table([("No", 62), ("Yes", 18), ("Prefer not to say", 4), ("", 16)])
_DISABILITY_OLD = _table([("No", 45), ("Yes", 38), ("Prefer not to say", 3), ("", 14)])
_AREA = _table([("North", 24), ("South", 22), ("East", 18), ("West", 20), ("Central", 16)])
_TENURE = _table([("General needs", 78), ("Sheltered", 11), ("Leasehold", 11)])
_SIZE = _table([(1, 45), (2, 27), (3, 12), (4, 9), (5, 5), (6, 2)])
# Head-of-household ages: (low, high) bands, social housing skews older.
_HEAD_AGE = _table([((18, 24), 5), ((25, 34), 15), ((35, 44), 17), ((45, 54), 18), ((55, 64), 18),
                    ((65, 74), 14), ((75, 84), 9), ((85, 95), 4)])
_SHELTERED_AGE = _table([((60, 64), 8), ((65, 74), 35), ((75, 84), 40), ((85, 95), 17)])
_TITLE = {"Male": _table([("Mr", 88), ("Dr", 1), ("", 11)]),
          "Female": _table([("Mrs", 38), ("Ms", 30), ("Miss", 20), ("Dr", 1), ("", 11)]),
          "Non-binary": _table([("Mx", 80), ("", 20)])}
_TITLE_OTHER = _table([("Mx", 10), ("Dr", 2), ("", 88)])
_PARTNER_GENDER = {"Male": "Female", "Female": "Male"}



def _streets(rng: random.Random, n: int = 4000) -> dict[str, list[tuple]]:
    """Invented streets: (name, estate, town, county, area, postcode sector 'ZZ17 3')."""
    r, out = rng.random, []
    for i in range(n):
        area = AREAS[i % len(AREAS)]
        towns = TOWNS[area]
        t = int(r() * len(towns))
        name = (f"{STREET_HEADS[int(r() * 20)]}{STREET_TAILS[int(r() * 10)]} "
                f"{STREET_TYPES[int(r() * 10)]}")
        estate = ESTATES[int(r() * 6)] if r() < 0.3 else ""
        county = COUNTIES[AREAS.index(area) % 3] if r() < 0.4 else ""
        district = 1 + AREAS.index(area) * 15 + t * 5 + int(r() * 5)     # ZZ1 .. ZZ75
        out.append((name, estate, towns[t], county, area, f"ZZ{district} {int(r() * 10)}"))
    return {a: [s for s in out if s[4] == a] for a in AREAS}


def _age_ranges(today: date, oldest: int = 110) -> list[tuple[int, int]]:
    """For each whole age A: (first ordinal, number of days) of birth dates giving age A on `today`."""
    def birthday(years_ago: int) -> int:
        y = today.year - years_ago
        day = today.day if not (today.month == 2 and today.day == 29) else 28
        return date(y, today.month, day).toordinal()
    return [(birthday(a + 1) + 1, birthday(a) - birthday(a + 1)) for a in range(oldest + 1)]


def generate(count: int, *, seed: int = 1, landlord_code: str = "LL",
             today: date = DEFAULT_TODAY) -> Iterator[dict[str, str]]:
    """Yield `count` synthetic people (dicts of FEED_COLUMNS -> str), household by household."""
    if count < 0:
        raise ValueError("count must not be negative")
    return _generate(count, seed, landlord_code, today)


def _generate(count: int, seed: int, landlord_code: str, today: date) -> Iterator[dict[str, str]]:
    rng = random.Random(f"people-v1:{seed}:{landlord_code}")   # str seeds hash with SHA-512: stable
    r, g = rng.random, rng.getrandbits
    protected = random.Random(f"protected-v1:{seed}:{landlord_code}").getrandbits  # a stream of their own
    streets = _streets(rng)
    ages = _age_ranges(today)
    first_day = ages[-1][0]
    iso_dates = [date.fromordinal(d).isoformat() for d in range(first_day, today.toordinal() + 1)]
    surnames = [h + t for h in SURNAME_HEADS for t in SURNAME_TAILS]
    n_surnames = len(surnames)
    made = 0
    prop = 0

    def person(age: int, gender: str, surname: str, status: str, tenancy: str, ethnicity: str,
               home: tuple, landline: str, dated: bool = True) -> dict[str, str]:
        nonlocal made
        made += 1
        if gender == "Female" or (gender == "" and r() < 0.5):
            first = FEMALE[g(20) % len(FEMALE)]
        elif gender == "Male" or gender == "":
            first = MALE[g(20) % len(MALE)]
        else:
            first = NEUTRAL[g(20) % len(NEUTRAL)]
        if age < 16:
            title = "Miss" if gender == "Female" and age >= 10 and r() < 0.3 else ""
        else:
            t = _TITLE.get(gender, _TITLE_OTHER)
            title = t[g(14)]
        lo, span = ages[age]
        dob = iso_dates[lo - first_day + g(20) % span] if dated else ""
        mobile = email = ""
        if age >= 16:
            if r() < 0.78:
                mobile = MOBILES[g(20) % 1000]
            if r() < 0.6:
                email = f"{first}.{surname}{g(14)}@example.org".lower().replace("-", "")
        disability = (_DISABILITY_OLD if age >= 65 else _DISABILITY)[g(14)]
        if r() < 0.01:
            tenancy = ""
        phone = landline if status != "Other" or r() < 0.5 else ""
        area, property_ref, address1, address2, address3, address4, postcode = home
        return {"personal_ref": f"{landlord_code}{made:07d}", "title": title, "first_name": first,
                "surname": surname, "date_of_birth": dob, "gender": gender, "ethnicity": ethnicity,
                "disability": disability, "tenancy_type": tenancy, "household_status": status, "area": area,
                "property_ref": property_ref, "address1": address1, "address2": address2, "address3": address3,
                "address4": address4, "postcode": postcode, "phone": phone, "mobile": mobile, "email": email,
                **protected_characteristics(protected, age, gender)}

    while made < count:
        prop += 1
        area = _AREA[g(14)]
        pool = streets[area]
        street, estate, town, county, _, sector = pool[g(20) % len(pool)]
        flat = f"Flat {1 + g(20) % 24}, " if r() < 0.35 else ""
        home = (area, f"P{prop:06d}", f"{flat}{1 + g(20) % 180} {street}", estate, town, county,
                sector + UNITS[g(20) % 400])
        landline = LANDLINES[g(20) % 1000] if r() < 0.45 else ""
        tenure = _TENURE[g(14)]
        size = _SIZE[g(14)]
        low, high = (_SHELTERED_AGE if tenure == "Sheltered" else _HEAD_AGE)[g(14)]
        head_age = low + g(20) % (high - low + 1)
        head_tenancy = tenure
        if tenure == "Sheltered":
            size = min(size, 2)
        elif tenure == "Leasehold" and r() < 0.25:      # a leaseholder who lets the flat out
            head_tenancy, size = "Non-resident", 1
        surname = surnames[g(20) % n_surnames]
        if r() < 0.02:
            surname = f"{surname}-{surnames[g(20) % n_surnames]}"
        ethnicity = _ETHNICITY[g(14)]
        head_gender = _GENDER[g(14)]
        yield person(head_age, head_gender, surname, "Head of household", head_tenancy, ethnicity, home, landline)
        members = 1
        if size >= 2 and made < count and r() < (0.6 if size == 2 else 0.65):    # a partner
            age = min(100, max(18, head_age + g(20) % 13 - 6))
            gender = _PARTNER_GENDER.get(head_gender) or _GENDER[g(14)]
            if r() < 0.05:
                gender = head_gender
            joint = r() < 0.8
            yield person(age, gender, surname if r() < 0.7 else surnames[g(20) % n_surnames],
                         "Joint tenant" if joint else "Other", tenure if joint else "Co-resident",
                         ethnicity if r() < 0.85 else _ETHNICITY[g(14)], home, landline)
            members = 2
        youngest, oldest = max(0, head_age - 45), max(0, head_age - 16)     # children, possibly grown up
        while members < size and made < count:
            if tenure == "Sheltered":                    # a carer or relative, not a child
                age = 18 + g(20) % 60
            else:
                age = youngest + g(20) % (oldest - youngest + 1)
            yield person(age, _GENDER[g(14)], surname if r() < 0.85 else surnames[g(20) % n_surnames],
                         "Other", tenure if age < 16 else "Co-resident",
                         ethnicity if r() < 0.9 else _ETHNICITY[g(14)], home, landline,
                         dated=r() >= 0.03)
            members += 1


def feed_rows(count: int, *, seed: int = 1, landlord_code: str = "LL",
              today: date = DEFAULT_TODAY) -> Iterator[dict[str, str]]:
    """`generate()`'s rows labelled as a new landlord's default option lists are (FEED_LABELS): a feed v1
    file of them imports into a fresh landlord with no rejected row."""
    for row in generate(count, seed=seed, landlord_code=landlord_code, today=today):
        for column, labels in FEED_LABELS.items():
            row[column] = labels.get(row[column], row[column])
        yield row


def age_band(date_of_birth: str, today: date = DEFAULT_TODAY) -> str:
    """`under 16`, `16-44`, `45-64`, `65+`, or `not known` for a blank date, as of `today`."""
    if not date_of_birth:
        return NOT_KNOWN
    born = date.fromisoformat(date_of_birth)
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return "under 16" if age < 16 else "16-44" if age < 45 else "45-64" if age < 65 else "65+"


def composition(rows: Iterable[dict], *, today: date = DEFAULT_TODAY) -> dict[str, Counter]:
    """Counts by gender, tenancy_type, area, ethnicity, household_status and age band ("age_band");
    blank values count as "not known". Streams: fine over a million rows."""
    fields = ("gender", "tenancy_type", "area", "ethnicity", "household_status")
    out: dict[str, Counter] = {f: Counter() for f in fields + ("age_band",)}
    bands = out["age_band"]
    for row in rows:
        for f in fields:
            out[f][row.get(f) or NOT_KNOWN] += 1
        bands[age_band(row.get("date_of_birth") or "", today)] += 1
    return out


def write_csv(path, rows: Iterable[dict]) -> int:
    """Write rows (FEED_COLUMNS, header first) as UTF-8 CSV, streaming; returns the number of rows."""
    values, written = itemgetter(*FEED_COLUMNS), 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(FEED_COLUMNS)
        for row in rows:
            writer.writerow(values(row))
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write wholly synthetic residents as a feed-format v1 CSV.")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--landlord", default="LL", help="landlord code, prefixes personal_ref")
    parser.add_argument("--today", type=date.fromisoformat, default=DEFAULT_TODAY)
    parser.add_argument("--feed", action="store_true", help="label options as a new landlord's defaults")
    parser.add_argument("--out", required=True, help="CSV file to write")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows = (feed_rows if args.feed else generate)(args.count, seed=args.seed, landlord_code=args.landlord,
                                                   today=args.today)
    written = write_csv(args.out, rows)
    seconds = time.perf_counter() - started
    print(f"{written} rows to {args.out} in {seconds:.2f} s ({written / max(seconds, 1e-9):,.0f} rows/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
