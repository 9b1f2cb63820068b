"""Use cases of saved reports and dashboards; the caller is the user the call context names."""
from __future__ import annotations

from typing import Any, Mapping

from services.common.errors import NotFound
from services.common.uow import UnitOfWork

from . import domain
from .domain import SavedReport, Widget
from .store import SavedStore

NOT_FOUND = "no such saved report (or it is another user's, not shared)"


def _store(uow: UnitOfWork) -> SavedStore:
    return SavedStore(uow.session, uow.landlord_id)


def save_report(uow: UnitOfWork, user_id: str, *, name: str, kind: str, definition: Mapping[str, Any],
                shared: bool) -> SavedReport:
    report = domain.new_report(uow.landlord_id, user_id, name=name, kind=kind, definition=definition, shared=shared,
                               now=uow.clock.now())
    _store(uow).add(report)
    uow.commit()
    return report


def saved_report(uow: UnitOfWork, user_id: str, report_id: str) -> SavedReport:
    report = _store(uow).get(report_id)
    if report is None or not domain.visible_to(report, user_id):
        raise NotFound(NOT_FOUND)
    return report


def saved_reports(uow: UnitOfWork, user_id: str) -> list[SavedReport]:
    return _store(uow).visible(user_id)


def change_report(uow: UnitOfWork, user_id: str, report_id: str, **changes) -> SavedReport:
    report = domain.change(saved_report(uow, user_id, report_id), user_id, now=uow.clock.now(), **changes)
    _store(uow).save(report)
    uow.commit()
    return report


def delete_report(uow: UnitOfWork, user_id: str, report_id: str) -> None:
    domain.owned_by(saved_report(uow, user_id, report_id), user_id)
    _store(uow).delete(report_id)
    uow.commit()


def dashboard(uow: UnitOfWork, user_id: str) -> tuple[list[Widget], bool]:
    """The user's widgets in order, and whether they are the standard ones (never changed)."""
    widgets = _store(uow).widgets(user_id)
    return (list(domain.STANDARD), True) if widgets is None else (widgets, False)


def save_dashboard(uow: UnitOfWork, user_id: str, widgets: list[Widget]) -> list[Widget]:
    _store(uow).save_widgets(user_id, domain.check_widgets(widgets), uow.clock.now())
    uow.commit()
    return widgets
