"""Storage of activities and participation records (SQLAlchemy Core). Every query is filtered by the
landlord here; row-level security is the second wall."""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from services.common.bulk import chunks
from services.common.db import as_utc

from ..domain import key
from ..members.tables import activity_members
from ..store import WRITE_CHUNK, Repository, contains
from .domain import Activity, ParticipationRecord
from .tables import activities, participation_records

def _activity_row(a: Activity) -> dict:
    return {"activity_id": a.activity_id, "landlord_id": a.landlord_id, "name": a.name, "name_key": key(a.name),
            "type": a.type, "start_date": a.start_date, "end_date": a.end_date, "description": a.description,
            "unspecified": a.unspecified, "created_at": a.created_at, "created_by": a.created_by,
            "updated_at": a.updated_at}


def _activity(r, member_count: int = 0) -> Activity:
    return Activity(r["activity_id"], r["landlord_id"], r["name"], r["type"], r["start_date"], r["end_date"],
                    r["description"], bool(r["unspecified"]), as_utc(r["created_at"]), r["created_by"],
                    as_utc(r["updated_at"]), member_count)


class ActivityRepository(Repository):
    def add(self, activity: Activity) -> None:
        self.session.execute(insert(activities).values(**_activity_row(activity)))

    def save(self, activity: Activity) -> None:
        self.session.execute(update(activities).where(self._mine(activities),
                                                      activities.c.activity_id == activity.activity_id)
                             .values(**_activity_row(activity)))

    def get(self, activity_id: str, *, for_update: bool = False) -> Activity | None:
        query = select(activities).where(self._mine(activities), activities.c.activity_id == activity_id)
        row = self.session.execute(query.with_for_update() if for_update else query).mappings().first()
        return _activity(row, self.member_counts([activity_id]).get(activity_id, 0)) if row else None

    def ensure(self, activity: Activity) -> None:
        """Add the activity unless one with its id is there (the Unspecified one: created on first need)."""
        if self.session.execute(select(activities.c.activity_id).where(
                self._mine(activities), activities.c.activity_id == activity.activity_id)).first():
            return
        try:
            with self.session.begin_nested():
                self.add(activity)
        except IntegrityError:
            pass  # a concurrent call made it

    def page(self, *, text: str, limit: int, offset: int) -> tuple[int, list[Activity]]:
        where = [contains(activities.c.name_key, text)] if text else []
        total, rows = self._page(activities, (activities.c.unspecified.desc(), activities.c.name_key,
                                              activities.c.activity_id), *where, limit=limit, offset=offset)
        counts = self.member_counts([r["activity_id"] for r in rows])
        return total, [_activity(r, counts.get(r["activity_id"], 0)) for r in rows]

    def member_counts(self, activity_ids: list[str]) -> dict[str, int]:
        if not activity_ids:
            return {}
        m = activity_members
        rows = self.session.execute(select(m.c.activity_id, func.count()).where(
            self._mine(m), self._in(m.c.activity_id, activity_ids)).group_by(m.c.activity_id))
        return {activity_id: int(count) for activity_id, count in rows}

    def names(self, activity_ids: Iterable[str]) -> dict[str, str]:
        c = activities.c
        return {r["activity_id"]: r["name"] for r in self._rows(activities, c.activity_id, activity_ids,
                                                                c.activity_id, c.name)}

    def of_ids(self, activity_ids: Iterable[str]) -> dict[str, Activity]:
        return {r["activity_id"]: _activity(r) for r in self._rows(activities, activities.c.activity_id, activity_ids)}

    def existing(self, activity_ids: Iterable[str]) -> set[str]:
        return self._existing(activities, activities.c.activity_id, activity_ids)

    def delete(self, activity_id: str) -> None:
        self.session.execute(delete(activities).where(self._mine(activities), activities.c.activity_id == activity_id))


# -- participation records -----------------------------------------------------------------------------------------

def _record_row(r: ParticipationRecord) -> dict:
    return {"participation_id": r.participation_id, "landlord_id": r.landlord_id, "person_id": r.person_id,
            "activity_id": r.activity_id, "date": r.date, "role": r.role, "notes": r.notes,
            "created_at": r.created_at, "created_by": r.created_by, "updated_at": r.updated_at}


def _record(r, activity_name: str = "") -> ParticipationRecord:
    return ParticipationRecord(r["participation_id"], r["landlord_id"], r["person_id"], r["activity_id"], r["date"],
                               r["role"], r["notes"], as_utc(r["created_at"]), r["created_by"], as_utc(r["updated_at"]),
                               activity_name)


class ParticipationRepository(Repository):
    def add(self, record: ParticipationRecord) -> None:
        self.session.execute(insert(participation_records).values(**_record_row(record)))

    def add_many(self, records: list[ParticipationRecord]) -> None:
        """Multi-row inserts, WRITE_CHUNK records a statement."""
        for part in chunks(records, WRITE_CHUNK):
            self.session.execute(insert(participation_records), [_record_row(r) for r in part])

    def on_date(self, activity_id: str, date: str, person_ids: list[str]) -> dict[str, str]:
        """person id -> the id of their first record of the activity on the date, for those who have one."""
        t = participation_records
        found: dict[str, str] = {}
        for part in chunks(person_ids):
            rows = self.session.execute(select(t.c.person_id, t.c.participation_id).where(
                self._mine(t), t.c.activity_id == activity_id, t.c.date == date, self._in(t.c.person_id, part))
                .order_by(t.c.created_at.desc(), t.c.participation_id.desc()))
            found.update((person_id, record_id) for person_id, record_id in rows)  # the earliest last: it stays
        return found

    def save(self, record: ParticipationRecord) -> None:
        t = participation_records
        self.session.execute(update(t).where(self._mine(t), t.c.participation_id == record.participation_id)
                             .values(**_record_row(record)))

    def get(self, participation_id: str) -> ParticipationRecord | None:
        t = participation_records
        row = self.session.execute(select(t).where(self._mine(t), t.c.participation_id == participation_id)
                                   ).mappings().first()
        return _record(row) if row else None

    def delete(self, participation_id: str) -> None:
        t = participation_records
        self.session.execute(delete(t).where(self._mine(t), t.c.participation_id == participation_id))

    def page(self, *, person_id: str, activity_id: str, limit: int, offset: int) -> tuple[int, list[ParticipationRecord]]:
        """Newest first: by date, then by when recorded."""
        t = participation_records
        where = ([t.c.person_id == person_id] if person_id else []) + ([t.c.activity_id == activity_id] if activity_id else [])
        total, rows = self._page(t, (t.c.date.desc(), t.c.created_at.desc(), t.c.participation_id), *where,
                                 limit=limit, offset=offset)
        return total, [_record(r) for r in rows]

    def any_for_activity(self, activity_id: str) -> bool:
        t = participation_records
        return self.session.execute(select(t.c.participation_id).where(self._mine(t), t.c.activity_id == activity_id)
                                    .limit(1)).first() is not None

    def of_people(self, person_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
        """person id -> [(activity id, date)], newest first."""
        t = participation_records
        found: dict[str, list[tuple[str, str]]] = {}
        for part in chunks(person_ids):
            rows = self.session.execute(select(t.c.person_id, t.c.activity_id, t.c.date).where(
                self._mine(t), self._in(t.c.person_id, part)).order_by(t.c.person_id, t.c.date.desc(),
                                                                        t.c.created_at.desc()))
            for person_id, activity_id, date in rows:
                found.setdefault(person_id, []).append((activity_id, date))
        return found
