"""Storage of saved reports and dashboards, every query filtered by the landlord."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from services.common.db import as_utc

from ..tables import dashboards, saved_reports
from .domain import SavedReport, Widget



def _report(row) -> SavedReport:
    return SavedReport(row["report_id"], row["landlord_id"], row["owner_id"], row["name"], row["kind"],
                       json.loads(row["definition"]), bool(row["shared"]), as_utc(row["created_at"]),
                       as_utc(row["updated_at"]))


class SavedStore:
    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def _mine(self, table):
        return table.c.landlord_id == self.landlord_id

    def add(self, report: SavedReport) -> None:
        row = {**dataclasses.asdict(report), "definition": json.dumps(report.definition)}
        self.session.execute(insert(saved_reports).values(**row))

    def save(self, report: SavedReport) -> None:
        self.session.execute(update(saved_reports).where(
            self._mine(saved_reports), saved_reports.c.report_id == report.report_id).values(
            name=report.name, definition=json.dumps(report.definition), shared=report.shared,
            updated_at=report.updated_at))

    def get(self, report_id: str) -> SavedReport | None:
        row = self.session.execute(select(saved_reports).where(
            self._mine(saved_reports), saved_reports.c.report_id == report_id)).mappings().first()
        return _report(row) if row else None

    def visible(self, user_id: str) -> list[SavedReport]:
        """The user's own reports and those shared with the landlord, by name."""
        t = saved_reports
        rows = self.session.execute(select(t).where(self._mine(t), or_(t.c.shared.is_(True), t.c.owner_id == user_id))
                                    .order_by(t.c.name, t.c.report_id)).mappings()
        return [_report(r) for r in rows]

    def delete(self, report_id: str) -> None:
        self.session.execute(delete(saved_reports).where(self._mine(saved_reports),
                                                         saved_reports.c.report_id == report_id))

    def widgets(self, user_id: str) -> list[Widget] | None:
        """The user's dashboard, or None while they have not changed the standard one."""
        text = self.session.execute(select(dashboards.c.widgets).where(
            self._mine(dashboards), dashboards.c.user_id == user_id)).scalar_one_or_none()
        if text is None:
            return None
        return [Widget(w["kind"], w.get("title", ""), w.get("saved_report_id", ""), w.get("report_kind", ""),
                       w.get("definition") or {}, tuple(w.get("links") or ())) for w in json.loads(text)]

    def save_widgets(self, user_id: str, widgets: list[Widget], now: dt.datetime) -> None:
        text = json.dumps([{**dataclasses.asdict(w), "links": list(w.links)} for w in widgets])
        dialect = postgresql if self.session.get_bind().dialect.name == "postgresql" else sqlite
        statement = dialect.insert(dashboards).values(landlord_id=self.landlord_id, user_id=user_id, widgets=text,
                                                      updated_at=now)
        self.session.execute(statement.on_conflict_do_update(
            index_elements=[dashboards.c.landlord_id, dashboards.c.user_id],
            set_={"widgets": text, "updated_at": now}))
