"""Report arithmetic with no I/O: breakdowns of counts by characteristic with their labels, percentages of
known, and disclosure control.

- Percentages are of the people whose value is known ("Not known", no value recorded, is left out of the
  base; "Prefer not to say" is an answer like any other): count / known * 100, rounded half-up to one
  decimal place.
- Disclosure control: a count from 1 to threshold - 1 is never shown, only "fewer than <threshold>"
  (0 is shown: it discloses nobody). When a breakdown would hide exactly one of its cells (the values and
  Not known), the smallest other non-zero cell is hidden too, so no total gives the hidden one away by
  subtraction; a hidden cell has no percentage, and when Not known is hidden so is the known total.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Mapping, Sequence

from services.common.errors import InvalidInput
from services.common.person_fields import FIELDS, Kind

from ..domain import AGE, CURRENT, KNOWN, OCCUPIED, PROPERTIES, STATUS

DEFAULT_THRESHOLD = 5
THRESHOLDS = range(2, 101)  # 1 would show single people
DEFAULT_MONTHS, MONTHS = 12, range(1, 37)
AGE_BAND, EQUALITY_GROUP, ETHNICITY = "age_band", "equality_group", "ethnicity"
EQUALITY_GROUPS = ("White British", "BME")
# The profile report's breakdowns, in the seed's order first (its example report), then the other option
# fields as the record lists them; a person's title is not a characteristic.
LEADING = ("gender", EQUALITY_GROUP, AGE_BAND, "disability", "tenancy_type", "area")
OPTION_FIELDS = tuple(f for f in FIELDS if f.kind in (Kind.OPTION, Kind.OPTIONS) and f.name != "title")
EQUALITY = frozenset({f.name for f in FIELDS if f.equality} | {EQUALITY_GROUP})


@dataclass(frozen=True)
class CatalogueOption:
    option_id: str
    label: str
    group: str = ""
    archived: bool = False


@dataclass(frozen=True)
class AgeBand:
    label: str
    min_age: int
    max_age: int | None  # None: and over


@dataclass(frozen=True)
class Catalogue:
    """What reports need of a landlord's set-up: every option list's label and options, in order, and the
    age bands."""
    lists: Mapping[str, tuple[str, tuple[CatalogueOption, ...]]]  # list name -> (label, options)
    age_bands: tuple[AgeBand, ...] = ()
    # the choice fields of people, in order: ("custom.<key>", whether several options may be chosen)
    person_custom_lists: tuple[tuple[str, bool], ...] = ()
    # the choice fields of properties and households, in order: ("custom.<key>", several, the characteristic
    # the aggregates count their occupants under: "cf.<field id>")
    home_custom_lists: tuple[tuple[str, bool, str], ...] = ()

    def custom_lists(self) -> list[tuple[str, bool]]:
        """Every choice field people can be broken down by: people's own, then their homes'."""
        return list(self.person_custom_lists) + [(name, several) for name, several, _ in self.home_custom_lists]

    def counted_under(self, name: str) -> str:
        """The characteristic the aggregates count a breakdown's values under (a home's field: by its id)."""
        return next((counted for n, _, counted in self.home_custom_lists if n == name), name)


@dataclass(frozen=True)
class Cell:
    value: str  # an option id, a band or group label
    label: str
    count: int
    percent: float | None = None
    suppressed: bool = False
    archived: bool = False


@dataclass(frozen=True)
class Breakdown:
    characteristic: str
    label: str
    cells: tuple[Cell, ...]
    not_known: Cell
    known: int | None  # None when hidden
    several: bool = False  # a person may hold several values: the counts may add up to more than known
    equality: bool = False


@dataclass(frozen=True)
class FacetValue:
    """One count of people search's aggregations: `value` None is Not known."""
    value: str | None
    label: str
    count: int


@dataclass(frozen=True)
class ProfileReport:
    current_people: Cell
    occupied_properties: Cell | None  # None for a population
    breakdowns: tuple[Breakdown, ...] = field(default_factory=tuple)
    threshold: int = DEFAULT_THRESHOLD


def percent(count: int, known: int) -> float | None:
    """count / known as a percentage, rounded half-up to one decimal place (None when nothing is known)."""
    if known <= 0:
        return None
    return float((Decimal(count) * 100 / Decimal(known)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def hide_small(cell: Cell, threshold: int) -> Cell:
    return replace(cell, suppressed=True, percent=None) if 0 < cell.count < threshold else cell


def suppressed(breakdown: Breakdown, threshold: int) -> Breakdown:
    """The breakdown as it may be shown: small counts hidden, and a second cell where one alone would be."""
    cells = [hide_small(c, threshold) for c in breakdown.cells]
    not_known = hide_small(breakdown.not_known, threshold)
    every = cells + [not_known]
    if sum(c.suppressed for c in every) == 1:
        shown = [c for c in every if not c.suppressed and c.count > 0]
        if shown:
            smallest = min(shown, key=lambda c: c.count)
            every = [replace(c, suppressed=True, percent=None) if c is smallest else c for c in every]
    cells, not_known = every[:-1], every[-1]
    return replace(breakdown, cells=tuple(cells), not_known=not_known,
                   known=None if not_known.suppressed else breakdown.known)


def _breakdown(characteristic: str, label: str, cells: Sequence[Cell], known: int, total: int, *,
               several: bool = False) -> Breakdown:
    cells = tuple(replace(c, percent=percent(c.count, known)) for c in cells)
    return Breakdown(characteristic, label, cells, Cell("", "Not known", max(total - known, 0)), known,
                     several, characteristic in EQUALITY)


def option_breakdown(name: str, label: str, options: Sequence[CatalogueOption], counts: Mapping, total: int, *,
                     several: bool = False) -> Breakdown:
    """Every option of the list in its order (archived ones only while someone holds them), with counts."""
    listed = {o.option_id for o in options}
    cells = [Cell(o.option_id, o.label, counts.get((name, o.option_id), 0), archived=o.archived) for o in options
             if not o.archived or counts.get((name, o.option_id), 0)]
    cells += [Cell(value, "(removed option)", n) for (c, value), n in sorted(counts.items())
              if c == name and value != KNOWN and value not in listed and n]
    return _breakdown(name, label, cells, counts.get((name, KNOWN), 0), total, several=several)


def age_band_breakdown(bands: Sequence[AgeBand], counts: Mapping, total: int) -> Breakdown:
    ages = {int(value): n for (c, value), n in counts.items() if c == AGE and value != KNOWN}
    cells = [Cell(b.label, b.label, sum(n for age, n in ages.items()
                                         if age >= b.min_age and (b.max_age is None or age <= b.max_age)))
             for b in bands]
    return _breakdown(AGE_BAND, "Age band", cells, sum(c.count for c in cells), total)


def equality_group_breakdown(options: Sequence[CatalogueOption], counts: Mapping, total: int) -> Breakdown:
    """White British or BME, from the group of each ethnicity option (an option with no group is not known)."""
    cells = [Cell(group, group, sum(counts.get((ETHNICITY, o.option_id), 0) for o in options if o.group == group))
             for group in EQUALITY_GROUPS]
    return _breakdown(EQUALITY_GROUP, "White British or BME", cells, sum(c.count for c in cells), total)


def profile_report(counts: Mapping, catalogue: Catalogue, threshold: int = DEFAULT_THRESHOLD) -> ProfileReport:
    """The whole-landlord profile: current people, occupied properties and a breakdown of every characteristic
    (counts keyed (characteristic, value) as the aggregates keep them)."""
    total = counts.get((STATUS, CURRENT), 0)
    by_name: dict[str, Breakdown] = {}
    for f in OPTION_FIELDS:
        label, options = catalogue.lists.get(f.option_list, (f.label, ()))
        by_name[f.name] = option_breakdown(f.name, f.label, options, counts, total, several=f.kind == Kind.OPTIONS)
    by_name[AGE_BAND] = age_band_breakdown(catalogue.age_bands, counts, total)
    by_name[EQUALITY_GROUP] = equality_group_breakdown(catalogue.lists.get(ETHNICITY, ("", ()))[1], counts, total)
    for name, several in catalogue.custom_lists():
        label, options = catalogue.lists.get(name, (name, ()))
        counted = catalogue.counted_under(name)
        held = counts if counted == name else {(name, v): n for (c, v), n in counts.items() if c == counted}
        by_name[name] = option_breakdown(name, label, options, held, total, several=several)
    ordered = [by_name.pop(name) for name in LEADING] + list(by_name.values())
    return ProfileReport(hide_small(Cell(CURRENT, "Current people", total), threshold),
                         hide_small(Cell(OCCUPIED, "Properties occupied", counts.get((PROPERTIES, OCCUPIED), 0)),
                                    threshold),
                         tuple(suppressed(b, threshold) for b in ordered), threshold)


def population_report(total: int, facets: Mapping[str, Sequence[FacetValue]], catalogue: Catalogue,
                      threshold: int = DEFAULT_THRESHOLD) -> ProfileReport:
    """The profile of the people a search picks, from its exact aggregations (one facet per characteristic,
    named as `characteristics` gives them, each with its Not known count), in the profile report's order."""
    archived = {o.option_id for _, options in catalogue.lists.values() for o in options if o.archived}
    several = {f.name for f in OPTION_FIELDS if f.kind == Kind.OPTIONS} | {n for n, many in
                                                                          catalogue.custom_lists() if many}
    by_name = {}
    for name in report_order(catalogue):
        values = facets.get(name, ())
        not_known = sum(v.count for v in values if v.value is None)
        cells = [Cell(v.value, v.label, v.count, archived=v.value in archived) for v in values
                 if v.value is not None and (v.count or v.value not in archived)]
        label = dict(labels(catalogue)).get(name, name)
        by_name[name] = _breakdown(name, label, cells, total - not_known, total, several=name in several)
    return ProfileReport(hide_small(Cell(CURRENT, "Current people", total), threshold), None,
                         tuple(suppressed(b, threshold) for b in by_name.values()), threshold)


def report_order(catalogue: Catalogue) -> list[str]:
    """Every characteristic a profile breaks people down by, in the report's order."""
    rest = [f.name for f in OPTION_FIELDS if f.name not in LEADING]
    return list(LEADING) + rest + [n for n, _ in catalogue.custom_lists()]


def labels(catalogue: Catalogue) -> Iterable[tuple[str, str]]:
    yield from ((f.name, f.label) for f in OPTION_FIELDS)
    yield from ((AGE_BAND, "Age band"), (EQUALITY_GROUP, "White British or BME"))
    yield from ((n, catalogue.lists.get(n, (n, ()))[0]) for n, _ in catalogue.custom_lists())


def check_threshold(threshold: int) -> int:
    if threshold not in THRESHOLDS:
        raise InvalidInput.field("threshold", f"must be a whole number from {THRESHOLDS.start} to {THRESHOLDS.stop - 1}")
    return threshold


def months_back(today, months: int) -> list[str]:
    """The `months` months up to today's, oldest first, as yyyy-mm (0: the default)."""
    months = months or DEFAULT_MONTHS
    if months not in MONTHS:
        raise InvalidInput.field("months", f"must be from {MONTHS.start} to {MONTHS.stop - 1}")
    index = today.year * 12 + today.month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - months + 1, index + 1)]


def trend(by_month: Mapping[str, Mapping], months: Sequence[str], characteristic: str, catalogue: Catalogue,
          threshold: int = DEFAULT_THRESHOLD) -> list[tuple[str, Cell, Breakdown]]:
    """One characteristic's breakdown in each month that has figures, oldest first."""
    check_characteristic(characteristic, catalogue)
    found = []
    for month in months:
        if month in by_month:
            report = profile_report(by_month[month], catalogue, threshold)
            breakdown = next(b for b in report.breakdowns if b.characteristic == characteristic)
            found.append((month, report.current_people, breakdown))
    return found


def check_characteristic(characteristic: str, catalogue: Catalogue) -> str:
    if characteristic not in characteristics(catalogue):
        raise InvalidInput.field("characteristic", "is not a characteristic reports break people down by")
    return characteristic


def counted_as(characteristic: str, catalogue: Catalogue) -> set[str]:
    """The characteristics of the counts a breakdown of `characteristic` is worked out from."""
    return {STATUS, {AGE_BAND: AGE, EQUALITY_GROUP: ETHNICITY}.get(characteristic,
                                                                   catalogue.counted_under(characteristic))}


def characteristics(catalogue: Catalogue) -> set[str]:
    """Every characteristic a report breaks people down by."""
    return set(report_order(catalogue))
