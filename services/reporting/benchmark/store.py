"""Storage of benchmark groups: which group a landlord has joined (its report settings), and, at platform
level only, the members of a group and their counts (aggregates, never a record: how many current people
were contacted is counted here and only the number leaves)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import distinct, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..domain import CURRENT
from ..tables import counted_contacts, counted_people, counts, report_settings
from ..reports.domain import DEFAULT_THRESHOLD


def group_of(session: Session, landlord_id: str) -> str | None:
    return session.execute(select(report_settings.c.benchmark_group).where(
        report_settings.c.landlord_id == landlord_id)).scalar_one_or_none()


def join(session: Session, landlord_id: str, group: str | None) -> None:
    """Join `group` (None: leave whatever group the landlord is in)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(report_settings).values(landlord_id=landlord_id, threshold=DEFAULT_THRESHOLD,
                                                       benchmark_group=group)
    session.execute(statement.on_conflict_do_update(index_elements=[report_settings.c.landlord_id],
                                                    set_={"benchmark_group": group}))


def members(session: Session, group: str) -> list[str]:
    """The landlords in the group (a platform-level transaction sees them all)."""
    return sorted(session.execute(select(report_settings.c.landlord_id).where(
        report_settings.c.benchmark_group == group)).scalars())


def counts_of(session: Session, landlord_ids: list[str]) -> dict[str, dict]:
    """Each member's counts (platform level), by landlord."""
    found: dict[str, dict] = {landlord_id: {} for landlord_id in landlord_ids}
    for landlord_id, characteristic, value, total in session.execute(
            select(counts.c.landlord_id, counts.c.characteristic, counts.c.value, counts.c.total)
            .where(counts.c.landlord_id.in_(landlord_ids), counts.c.total != 0)):
        found[landlord_id][(characteristic, value)] = int(total)
    return found


def contacted_of(session: Session, landlord_ids: list[str], since: dt.date) -> dict[str, int]:
    """How many of each member's current people have a communication record dated on or after `since`."""
    c, p = counted_contacts, counted_people
    rows = session.execute(
        select(c.c.landlord_id, func.count(distinct(c.c.person_id)))
        .join(p, (p.c.landlord_id == c.c.landlord_id) & (p.c.person_id == c.c.person_id))
        .where(c.c.landlord_id.in_(landlord_ids), c.c.deleted.is_(False), c.c.date >= since, p.c.status == CURRENT)
        .group_by(c.c.landlord_id))
    return {landlord_id: 0 for landlord_id in landlord_ids} | {landlord_id: n for landlord_id, n in rows}
