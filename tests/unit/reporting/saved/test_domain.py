"""Saved reports and dashboards: names, kinds and sizes checked; only the owner changes a report; a
dashboard holds at most eight widgets, each showing a saved report or one written into it."""
import datetime as dt

import pytest

from services.common.errors import InvalidInput, PermissionDenied
from services.reporting.saved import domain
from services.reporting.saved.domain import Widget

NOW = dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc)


def report():
    return domain.new_report("L1", "U1", name=" Areas ", kind="build", definition={"rows": "area"}, shared=False,
                             now=NOW)


def test_a_new_report_is_checked_and_tidied():
    assert report().name == "Areas"
    with pytest.raises(InvalidInput) as refused:
        domain.new_report("L1", "U1", name="", kind="pie", definition={"x": "y" * 40_000}, shared=False, now=NOW)
    assert [p.field for p in refused.value.fields] == ["name", "kind", "definition"]


def test_only_the_owner_changes_it_and_others_see_it_only_when_shared():
    saved = report()
    assert not domain.visible_to(saved, "U2")
    with pytest.raises(PermissionDenied):
        domain.change(saved, "U2", now=NOW, shared=True)
    changed = domain.change(saved, "U1", now=NOW + dt.timedelta(hours=1), shared=True, name="Areas 2")
    assert domain.visible_to(changed, "U2") and changed.name == "Areas 2" and changed.updated_at > changed.created_at


def test_a_dashboard_holds_at_most_eight_widgets_each_showing_one_report():
    assert len(domain.check_widgets(list(domain.STANDARD))) == len(domain.STANDARD) <= domain.MAX_WIDGETS
    with pytest.raises(InvalidInput) as refused:
        domain.check_widgets([Widget("figure", report_kind="profile")] * 9)
    assert refused.value.fields[0].field == "widgets"
    with pytest.raises(InvalidInput) as refused:
        domain.check_widgets([Widget("figure"), Widget("figure", saved_report_id="R1", report_kind="profile"),
                              Widget("pie", report_kind="profile")])
    assert [p.field for p in refused.value.fields] == ["widgets[0].saved_report_id", "widgets[1].saved_report_id",
                                                       "widgets[2].kind"]


def test_the_standard_dashboard_shows_this_months_contacts():
    contacts = [w for w in domain.STANDARD if w.report_kind == "contacts"]
    assert [w.title for w in contacts] == ["This month's contacts"] and contacts[0].definition == {}
