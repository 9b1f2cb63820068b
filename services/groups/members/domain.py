"""Who is in which group, with no I/O: members of admin groups, links of people to activity groups
(by hand and/or by participation records), and the lines of a person's groups tab."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MANUAL, PARTICIPATION = "manual", "participation"
ADMIN, ACTIVITY = "admin", "activity"


@dataclass(frozen=True)
class GroupMember:
    person_id: str
    added_at: dt.datetime
    added_by: str


@dataclass(frozen=True)
class ActivityLink:
    """A person in an activity group: linked by hand (`manual`) and/or by `records` participation records."""
    activity_id: str
    person_id: str
    manual: bool
    records: int
    linked_at: dt.datetime
    linked_by: str


@dataclass(frozen=True)
class PersonGroup:
    """One line of a person's groups tab."""
    group_id: str
    kind: str  # admin | activity
    name: str
    description: str
    activity_id: str
    activity_name: str
    linked_at: dt.datetime
    how: str  # manual | participation
