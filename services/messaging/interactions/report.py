"""The profile actions report as a file: every action the filter chooses, by due date, one row each with the
person, the interaction, who it is assigned to and where it stands (CSV or XLSX; text neutralised)."""
from __future__ import annotations

from typing import Iterator, Mapping

from services.common.uow import UnitOfWork

from ..clients.profiles import People
from .domain import STATUS_LABELS
from .service import list_actions
from .store import Filter

COLUMNS = ("Person", "Personal reference", "Interaction type", "Interaction", "Action", "Assigned to", "Due date",
           "Status", "Overdue", "Completed on", "Completed by", "Completion note", "Added on", "Added by")
PAGE = 500


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def rows(uow: UnitOfWork, chosen: Filter, people: People, user_names: Mapping[str, str]) -> Iterator[list]:
    """The header, then a row per action (read a page at a time); dates as ISO text, as files of rows take them."""
    yield list(COLUMNS)
    page, seen = 1, 0
    while True:
        found = list_actions(uow, chosen=chosen, page=page, page_size=PAGE)
        names = people.names(sorted({v.action.person_id for v in found.items})) if found.items else {}
        for view in found.items:
            a = view.action
            name, ref = names.get(a.person_id, ("", ""))
            yield [name, ref, view.catalogue.communication_label(view.interaction_type), view.title, a.what,
                   user_names.get(a.assigned_to, a.assigned_to), a.due_date.isoformat(), status_label(a.status),
                   "Yes" if a.overdue(chosen.today) else "No",
                   a.completed_at.date().isoformat() if a.completed_at else None,
                   user_names.get(a.completed_by, a.completed_by), a.completion_note, a.created_at.date().isoformat(),
                   user_names.get(a.created_by, a.created_by)]
        seen += len(found.items)
        if not found.items or seen >= found.total:
            return
        page += 1
