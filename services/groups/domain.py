"""Groups in users' words, with no I/O: what every area shares (values, names, paging), admin groups
themselves, and the event telling others a person's groups changed. Activities and participation
records are in activities/, who is in which group in members/, search templates in templates/.
Times (`now`) come from the use case, which reads the service's clock."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from services.common import dates
from services.common.errors import InvalidInput
from services.common.ids import new_id

NAME_MAX = 200
TEXT_MAX = 4000
UNSPECIFIED = "Unspecified"  # the activity admin groups belong to, and the type of an activity given none
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
_UNSPECIFIED_NAMESPACE = uuid.UUID("5b0f3a4e-7c1d-4d8e-9a51-2f6c0b7e9d13")


def unspecified_activity_id(landlord_id: str) -> str:
    """One Unspecified activity per landlord, with an id everyone derives alike (no race creates two)."""
    return str(uuid.uuid5(_UNSPECIFIED_NAMESPACE, landlord_id))


# -- values --------------------------------------------------------------------------------------------------------

def text(value: str | None, name: str, *, limit: int, required: bool = False) -> str:
    """Trimmed text; InvalidInput on `name` when required and blank or longer than `limit`."""
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput.field(name, "is required")
    if len(value) > limit:
        raise InvalidInput.field(name, f"must be at most {limit} characters")
    return value


def iso_date(value: str | None, name: str, *, required: bool = False) -> str:
    """An ISO date (YYYY-MM-DD) or "" when blank and not required."""
    parsed = dates.iso_date(value, name, required=required)
    return parsed.isoformat() if parsed else ""


def key(value: str) -> str:
    """What two references or names must not share (any case, spaces squeezed)."""
    return " ".join(value.split()).casefold()


def paging(page: int, page_size: int) -> tuple[int, int]:
    """(limit, offset) of a 1-based page; 0 means the default."""
    page, page_size = page or 1, page_size or DEFAULT_PAGE_SIZE
    if page_size > MAX_PAGE_SIZE:
        raise InvalidInput.field("page_size", f"must be at most {MAX_PAGE_SIZE}")
    return page_size, (page - 1) * page_size


# -- admin groups --------------------------------------------------------------------------------------------------

@dataclass
class AdminGroup:
    group_id: str
    landlord_id: str
    reference: str
    description: str
    activity_id: str
    member_count: int
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime

    @classmethod
    def new(cls, *, landlord_id: str, user_id: str, now: dt.datetime, reference: str,
            description: str) -> "AdminGroup":
        group = cls(new_id(), landlord_id, "", "", unspecified_activity_id(landlord_id), 0, now, user_id, now)
        group.change(now=now, reference=reference, description=description)
        return group

    def change(self, *, now: dt.datetime, reference: str | None = None, description: str | None = None) -> None:
        if reference is not None:
            self.reference = text(reference, "reference", limit=NAME_MAX, required=True)
        if description is not None:
            self.description = text(description, "description", limit=TEXT_MAX)
        self.updated_at = now


# -- events --------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PersonGroupsChanged:
    """A person's groups and participation as they are now: the newest version wins."""
    landlord_id: str
    person_id: str
    version: int
    admin_group_ids: tuple[str, ...]
    activity_ids: tuple[str, ...]
    participations: tuple[tuple[str, str], ...]  # (activity id, ISO date)
    occurred_at: dt.datetime


@dataclass
class Changes:
    """What a unit of work tracks to put PersonGroupsChanged events in the outbox."""
    events: list = field(default_factory=list)
