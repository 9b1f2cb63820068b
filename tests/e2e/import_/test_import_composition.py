"""Issue 6, "Done when": a feed built to a known composition, imported through the REST API
then read back through search, reproduces the composition exactly, in both modes.

2,000 synthetic residents from `services.common.sample_residents.feed_rows` (labelled as a
new landlord's default option lists), uploaded as one CSV full snapshot; once a count-only
search counts them all, its facets (gender, tenancy type, age band, area, ethnicity) are
compared value by value with the generator's `composition()` of the same rows. Dates of birth
are drawn relative to today's date and age bands are counted as of today, as search counts
them, so the test does not rot. The same file again changes nobody."""
from __future__ import annotations


from services.common.sample_residents import FEED_COLUMNS, NOT_KNOWN, composition, feed_rows
from tests.e2e.imports_api import SEARCH, assert_counts, feed_csv, run_to_completion, wait_count

COUNT = 2000
FACETS = ("gender", "tenancy_type", "age_band", "area", "ethnicity")
# The generator's age bands (sample_residents.age_band) as (its label, first age, last age).
GENERATOR_BANDS = (("under 16", 0, 15), ("16-44", 16, 44), ("45-64", 45, 64), ("65+", 65, None))


def _facet(values: list[dict]) -> dict[str, int]:
    """A facet's non-zero counts by label; the entry without a value (blank in the feed) as NOT_KNOWN."""
    return {NOT_KNOWN if v["value"] is None else v["label"]: v["count"] for v in values if v["count"]}


def _age_band_labels(admin) -> dict[str, str]:
    """The landlord's age bands (a new landlord's defaults), which must be the generator's bands by their
    bounds: generator label -> the landlord's label."""
    answer = admin.get("/api/v1/settings/profiles")
    assert answer.status_code == 200, answer.text
    bands = answer.json()["age_bands"]
    assert [(b["min_age"], b["max_age"]) for b in bands] == [(low, high) for _, low, high in GENERATOR_BANDS], bands
    return {ours: band["label"] for (ours, _, _), band in zip(GENERATOR_BANDS, bands)}


def test_a_feed_of_known_composition_reads_back_through_search_exactly(platform, landlord):
    _, admin = landlord
    today = platform.settings.clock().today()  # the platform's calendar: ages agree on any date
    rows = list(feed_rows(COUNT, seed=6, landlord_code="CMP", today=today))
    expected = composition(rows, today=today)
    content = feed_csv(rows, list(FEED_COLUMNS))

    run = run_to_completion(admin, content, timeout=120)
    assert_counts(run, rows_read=COUNT, accepted=COUNT, rejected=0, created=COUNT, updated=0, archived=0)
    assert wait_count(admin, COUNT, timeout=60) == COUNT, "not every resident became searchable"

    answer = admin.post(SEARCH, json={"criteria": {}, "count_only": True, "facets": list(FACETS)})
    assert answer.status_code == 200, answer.text
    found = answer.json()
    assert found["total"] == COUNT and found["items"] == []
    bands = _age_band_labels(admin) | {NOT_KNOWN: NOT_KNOWN}
    expected["age_band"] = {bands[band]: count for band, count in expected["age_band"].items()}
    for name in FACETS:
        want = {label: count for label, count in expected[name].items() if count}
        assert _facet(found["facets"][name]) == want, name
        assert sum(v["count"] for v in found["facets"][name]) == COUNT, name
    assert len(expected["ethnicity"]) > 10 and expected["tenancy_type"][NOT_KNOWN] > 0, "a feed worth checking"

    again = run_to_completion(admin, content, timeout=120)
    assert_counts(again, rows_read=COUNT, accepted=COUNT, rejected=0, created=0, updated=0, unchanged=COUNT,
                  archived=0)
