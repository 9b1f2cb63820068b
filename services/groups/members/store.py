"""Who is in which group: admin group members, activity group members (by hand and/or by
participation), and the people profiles archived (with the version of each person's status taken). Large
groups are read in keyset pages (by person id) and written in multi-row statements."""
from __future__ import annotations

import datetime as dt
from typing import Iterator, Mapping

from sqlalchemy import and_, delete, exists, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from services.common.bulk import chunks, insert_rows
from services.common.db import as_utc

from ..store import WRITE_CHUNK, Repository
from .domain import ActivityLink, GroupMember
from .tables import activity_members, admin_group_members, archived_people, person_status_versions


class AdminMembers(Repository):
    def add(self, group_id: str, person_ids: list[str], *, at: dt.datetime, by: str, new_group: bool = False) -> list[str]:
        """Add people not in the group yet; returns those added (in the order given, each once)."""
        m = admin_group_members
        added: list[str] = []
        for part in chunks(list(dict.fromkeys(person_ids)), WRITE_CHUNK):
            if not new_group:
                there = set(self.session.execute(select(m.c.person_id).where(
                    self._mine(m), m.c.group_id == group_id, self._in(m.c.person_id, part))).scalars())
                part = [p for p in part if p not in there]
            if part:
                insert_rows(self.session, m, [{"group_id": group_id, "person_id": p, "landlord_id": self.landlord_id,
                                               "added_at": at, "added_by": by} for p in part])
                added.extend(part)
        return added

    def remove(self, group_id: str, person_ids: list[str]) -> list[str]:
        """Remove these people from the group; returns those who were in it."""
        m = admin_group_members
        removed: list[str] = []
        for part in chunks(list(dict.fromkeys(person_ids))):
            there = list(self.session.execute(select(m.c.person_id).where(
                self._mine(m), m.c.group_id == group_id, self._in(m.c.person_id, part))).scalars())
            if there:
                self.session.execute(delete(m).where(self._mine(m), m.c.group_id == group_id,
                                                     self._in(m.c.person_id, there)))
                removed.extend(there)
        return removed

    def page(self, group_id: str, *, limit: int, offset: int) -> list[GroupMember]:
        """Newest first."""
        m = admin_group_members
        rows = self.session.execute(select(m.c.person_id, m.c.added_at, m.c.added_by).where(
            self._mine(m), m.c.group_id == group_id).order_by(m.c.added_at.desc(), m.c.person_id)
            .limit(limit).offset(offset))
        return [GroupMember(p, as_utc(at), by) for p, at, by in rows]

    def count(self, group_id: str) -> int:
        m = admin_group_members
        return int(self.session.execute(select(func.count()).select_from(m).where(
            self._mine(m), m.c.group_id == group_id)).scalar() or 0)

    def after(self, group_id: str, after: str, limit: int) -> list[str]:
        """Up to `limit` member ids greater than `after`, in id order (the primary key's order)."""
        m = admin_group_members
        return list(self.session.execute(select(m.c.person_id).where(
            self._mine(m), m.c.group_id == group_id, m.c.person_id > after).order_by(m.c.person_id).limit(limit)).scalars())

    def every(self, group_id: str, chunk: int = 5000) -> Iterator[list[str]]:
        after = ""
        while ids := self.after(group_id, after, chunk):
            yield ids
            after = ids[-1]

    def of_people(self, person_ids: list[str]) -> dict[str, list[tuple[str, dt.datetime]]]:
        """person id -> [(group id, added at)]."""
        m = admin_group_members
        found: dict[str, list[tuple[str, dt.datetime]]] = {}
        for part in chunks(person_ids):
            for person_id, group_id, at in self.session.execute(select(m.c.person_id, m.c.group_id, m.c.added_at).where(
                    self._mine(m), self._in(m.c.person_id, part))):
                found.setdefault(person_id, []).append((group_id, as_utc(at)))
        return found

    def remove_everywhere(self, person_ids: list[str]) -> dict[str, list[str]]:
        """Take these people out of every admin group; returns group id -> the people it lost."""
        m = admin_group_members
        lost: dict[str, list[str]] = {}
        for part in chunks(list(dict.fromkeys(person_ids))):
            rows = self.session.execute(select(m.c.group_id, m.c.person_id).where(
                self._mine(m), self._in(m.c.person_id, part))).all()
            if rows:
                self.session.execute(delete(m).where(self._mine(m), self._in(m.c.person_id, part)))
            for group_id, person_id in rows:
                lost.setdefault(group_id, []).append(person_id)
        return lost

    def delete_group(self, group_id: str) -> None:
        m = admin_group_members
        self.session.execute(delete(m).where(self._mine(m), m.c.group_id == group_id))


class ActivityMembers(Repository):
    def _where(self, activity_id: str, person_id: str):
        m = activity_members
        return and_(self._mine(m), m.c.activity_id == activity_id, m.c.person_id == person_id)

    def get(self, activity_id: str, person_id: str) -> ActivityLink | None:
        m = activity_members
        row = self.session.execute(select(m).where(self._where(activity_id, person_id))).mappings().first()
        return _link(row) if row else None

    def link(self, activity_id: str, person_id: str, *, at: dt.datetime, by: str, manual: bool) -> bool:
        """Link by hand (`manual`) or by one more participation record; True when the person joined the group."""
        m = activity_members
        found = self.get(activity_id, person_id)
        if found is None:
            self.session.execute(insert(m).values(activity_id=activity_id, person_id=person_id,
                                                  landlord_id=self.landlord_id, manual=manual,
                                                  records=0 if manual else 1, linked_at=at, linked_by=by))
            return True
        values = {"manual": True} if manual else {"records": m.c.records + 1}
        self.session.execute(update(m).where(self._where(activity_id, person_id)).values(**values))
        return False

    def link_records(self, activity_id: str, person_ids: list[str], *, at: dt.datetime, by: str) -> None:
        """One more participation record for each of these people (each once): link() for many, in one UPDATE
        and one multi-row INSERT per chunk."""
        m = activity_members
        for part in chunks(list(dict.fromkeys(person_ids)), WRITE_CHUNK):
            there = set(self.session.execute(select(m.c.person_id).where(
                self._mine(m), m.c.activity_id == activity_id, self._in(m.c.person_id, part))).scalars())
            if there:
                self.session.execute(update(m).where(self._mine(m), m.c.activity_id == activity_id,
                                                     self._in(m.c.person_id, list(there)))
                                     .values(records=m.c.records + 1))
            new = [p for p in part if p not in there]
            if new:
                self.session.execute(insert(m), [{"activity_id": activity_id, "person_id": p,
                                                  "landlord_id": self.landlord_id, "manual": False, "records": 1,
                                                  "linked_at": at, "linked_by": by} for p in new])

    def drop_record(self, activity_id: str, person_id: str) -> bool:
        """One participation record fewer; True when the person left the group (no records, no manual link)."""
        found = self.get(activity_id, person_id)
        if found is None:
            return False
        m = activity_members
        if found.records <= 1 and not found.manual:
            self.session.execute(delete(m).where(self._where(activity_id, person_id)))
            return True
        self.session.execute(update(m).where(self._where(activity_id, person_id))
                             .values(records=max(found.records - 1, 0)))
        return False

    def unlink(self, activity_id: str, person_id: str) -> None:
        self.session.execute(delete(activity_members).where(self._where(activity_id, person_id)))

    def any(self, activity_id: str) -> bool:
        m = activity_members
        return self.session.execute(select(m.c.person_id).where(self._mine(m), m.c.activity_id == activity_id)
                                    .limit(1)).first() is not None

    def of_people(self, person_ids: list[str]) -> dict[str, list[ActivityLink]]:
        m = activity_members
        found: dict[str, list[ActivityLink]] = {}
        for part in chunks(person_ids):
            for row in self.session.execute(select(m).where(self._mine(m), self._in(m.c.person_id, part))).mappings():
                found.setdefault(row["person_id"], []).append(_link(row))
        return found

    def _current(self, activity_id: str):
        m, a = activity_members, archived_people
        archived = exists().where(a.c.landlord_id == m.c.landlord_id, a.c.person_id == m.c.person_id)
        return and_(self._mine(m), m.c.activity_id == activity_id, ~archived)

    def current_count(self, activity_id: str) -> int:
        return int(self.session.execute(select(func.count()).select_from(activity_members)
                                        .where(self._current(activity_id))).scalar() or 0)

    def current_after(self, activity_id: str, after: str, limit: int) -> list[str]:
        """Up to `limit` ids of current people in the activity group greater than `after`, in id order."""
        m = activity_members
        return list(self.session.execute(select(m.c.person_id).where(self._current(activity_id), m.c.person_id > after)
                                         .order_by(m.c.person_id).limit(limit)).scalars())


def _link(r) -> ActivityLink:
    return ActivityLink(r["activity_id"], r["person_id"], bool(r["manual"]), int(r["records"]), as_utc(r["linked_at"]),
                        r["linked_by"])


class ArchivedPeople(Repository):
    def mark(self, person_ids: list[str], *, archived: bool) -> None:
        a = archived_people
        for part in chunks(list(dict.fromkeys(person_ids))):
            there = set(self.session.execute(select(a.c.person_id).where(
                self._mine(a), self._in(a.c.person_id, part))).scalars())
            if archived:
                new = [p for p in part if p not in there]
                if new:
                    self.session.execute(insert(a), [{"landlord_id": self.landlord_id, "person_id": p} for p in new])
            elif there:
                self.session.execute(delete(a).where(self._mine(a), self._in(a.c.person_id, list(there))))

    def not_older(self, versions: Mapping[str, int]) -> set[str]:
        """Of these people (person id -> version of the status given), those whose status is not older than the
        one taken before (or is their first), their versions saved: one upsert statement for many rows, which on
        PostgreSQL waits for another transaction writing the same person, then compares with what it wrote."""
        t = person_status_versions
        dialect = postgresql if self.session.get_bind().dialect.name == "postgresql" else sqlite
        insert_ = dialect.insert(t)
        statement = (insert_.on_conflict_do_update(index_elements=[t.c.landlord_id, t.c.person_id],
                                                   set_={"version": insert_.excluded.version},
                                                   where=t.c.version <= insert_.excluded.version)
                     .returning(t.c.person_id))
        taken: set[str] = set()
        for part in chunks(list(versions), WRITE_CHUNK):
            rows = [{"landlord_id": self.landlord_id, "person_id": p, "version": versions[p]} for p in part]
            taken.update(self.session.execute(statement, rows).scalars())
        return taken
