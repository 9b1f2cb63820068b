"""Follow-up actions: one action (with every step), completing or reassigning it (to an active staff user of the
landlord, checked here where users live), my pending actions (a manager's include their team's), the profile
actions report with its counts and as a file, and running today's digests now. Any staff member reads them;
acting on them needs edit_profiles; the report's file needs export_data."""
from __future__ import annotations

from services.common.dates import landlord_today, months_before
from services.common.grpc_client import call, call_stream
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as profiles_pb

from .. import staff
from ..api import landlord_staff
from ..downloads import rows_file
from ..privileges import Privilege
from ..schemas.interactions import (ActionList, ActionOut, ActionReportFileQuery, ActionReportQuery, Completion,
                                    DigestRun, MyActionsQuery, Reassignment)
from . import api

ACTION = "/api/v1/actions/{action_id}"
REPORT = "/api/v1/reports/profile-actions"
READ = landlord_staff()
ACT = landlord_staff(Privilege.EDIT_PROFILES)
EXPORT = landlord_staff(Privilege.EXPORT_DATA)
DIGESTS = landlord_staff(Privilege.MANAGE_USERS)
TAG = "interactions"
PENDING_MONTHS = 6  # my actions: due within the last six months or later (older ones: the report)
PRODUCES = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv")


def _people(gw, person_ids) -> dict[str, tuple[str, str]]:
    ids = sorted(set(person_ids))
    found = {}
    for start in range(0, len(ids), 1_000):
        answer = call(gw.profiles.GetPeople, profiles_pb.GetPeopleRequest(person_ids=ids[start:start + 1_000]))
        found.update({p.person_id: (f"{p.first_name} {p.surname}".strip(), p.personal_ref) for p in answer.people})
    return found


class Shown:
    """What actions show of the landlord's users and people: names, initials, personal references."""

    def __init__(self, gw, caller, actions):
        with gw.uow(caller.landlord_id) as uow:
            self.users = staff.everyone(uow, caller.landlord_id)
        self.people = _people(gw, [a.person_id for a in actions])

    def user(self, user_id: str) -> dict:
        found = self.users.get(user_id)
        return {"id": user_id, "name": found.name if found else "", "initials": staff.initials(found)}

    def action(self, a) -> dict:
        name, ref = self.people.get(a.person_id, ("", ""))
        return {"id": a.action_id, "interaction_id": a.communication_id,
                "person": {"id": a.person_id, "name": name, "personal_ref": ref},
                "interaction_type": a.interaction_type, "interaction_label": a.interaction_label, "colour": a.colour,
                "text_colour": a.text_colour, "interaction_title": a.interaction_title, "what": a.what,
                "assigned_to": self.user(a.assigned_to), "due_date": a.due_date, "status": a.status,
                "overdue": a.overdue, "completed_at": a.completed_at or None, "completed_by": a.completed_by or None,
                "completion_note": a.completion_note, "created_at": a.created_at, "created_by": a.created_by,
                "steps": [{"step": s.step, "at": s.at, "by": s.by, "assigned_to": self.user(s.assigned_to),
                           "due_date": s.due_date, "note": s.note} for s in a.steps]}


def action_out(gw, caller, a) -> dict:
    return Shown(gw, caller, [a]).action(a)


def checked_assignee(gw, caller, user_id: str, field: str = "assigned_to") -> str:
    with gw.uow(caller.landlord_id) as uow:
        return staff.assignee(staff.everyone(uow, caller.landlord_id), caller.landlord_id, user_id, field)


@api.route("GET", ACTION, access=READ, tag=TAG, response=ActionOut, summary="A follow-up action, with every step")
def get(gw, caller, action_id: str):
    return action_out(gw, caller, call(gw.clients.messaging.GetAction, pb.GetActionRequest(action_id=action_id)))


@api.route("POST", ACTION + "/complete", access=ACT, tag=TAG, body=Completion, response=ActionOut,
           summary="Complete an open follow-up action, with a note (409 for one completed or cancelled)")
def complete(gw, caller, action_id: str, body: Completion):
    return action_out(gw, caller, call(gw.clients.messaging.CompleteAction,
                                       pb.CompleteActionRequest(action_id=action_id, note=body.note)))


@api.route("POST", ACTION + "/reassign", access=ACT, tag=TAG, body=Reassignment, response=ActionOut,
           summary="Reassign an open follow-up action to another active staff user and/or a new due date (today or "
                   "later)")
def reassign(gw, caller, action_id: str, body: Reassignment):
    call(gw.clients.messaging.GetAction, pb.GetActionRequest(action_id=action_id))  # 404 before the user's 422
    assignee = checked_assignee(gw, caller, body.assigned_to)
    return action_out(gw, caller, call(gw.clients.messaging.ReassignAction, pb.ReassignActionRequest(
        action_id=action_id, assigned_to=assignee, due_date=body.due_date.isoformat() if body.due_date else "",
        note=body.note)))


def _page(gw, caller, request: pb.ListActionsRequest) -> dict:
    answer = call(gw.clients.messaging.ListActions, request)
    shown = Shown(gw, caller, answer.items)
    counts = (lambda found: [{"key": c.key, "label": c.label, "total": c.total, "overdue": c.overdue}
                             for c in found])
    by_assignee = [{"key": c.key, "label": shown.user(c.key)["name"] or c.key, "total": c.total,
                    "overdue": c.overdue} for c in answer.by_assignee]
    return {"total": answer.total, "today": answer.today, "items": [shown.action(a) for a in answer.items],
            "by_type": counts(answer.by_type), "by_assignee": by_assignee, "by_status": counts(answer.by_status)}


@api.route("GET", "/api/v1/me/actions", access=READ, tag=TAG, query=MyActionsQuery, response=ActionList,
           summary="My pending follow-up actions by due date, overdue ones flagged, due within the last six months "
                   "or later unless asked otherwise; a manager's include their team's (the users in their areas)")
def mine(gw, caller, query: MyActionsQuery):
    with gw.uow(caller.landlord_id) as uow:
        whose = staff.team(staff.everyone(uow, caller.landlord_id), caller) if query.team else [caller.user_id]
    start = query.due_from or months_before(landlord_today(gw.clock.now()), PENDING_MONTHS)
    return _page(gw, caller, pb.ListActionsRequest(
        assigned_to=whose, statuses=["open"], due_from=start.isoformat(),
        due_until=query.due_until.isoformat() if query.due_until else "", page=query.page,
        page_size=query.page_size))


def _filter(query, **extra) -> pb.ListActionsRequest:
    return pb.ListActionsRequest(
        types=query.type, assigned_to=query.assigned_to, statuses=query.status, overdue=query.overdue,
        due_from=query.due_from.isoformat() if query.due_from else "",
        due_until=query.due_until.isoformat() if query.due_until else "", **extra)


@api.route("GET", REPORT, access=READ, tag=TAG, query=ActionReportQuery, response=ActionList,
           summary="The profile actions report: actions by interaction type, assignee, due range, status and "
                   "overdue, with counts by type, assignee and status, and the list a page at a time")
def report(gw, caller, query: ActionReportQuery):
    return _page(gw, caller, _filter(query, page=query.page, page_size=query.page_size))


@api.route("GET", REPORT + "/file", access=EXPORT, tag=TAG, query=ActionReportFileQuery, produces=PRODUCES,
           summary="The profile actions report's list as XLSX or CSV (every action the filter chooses)")
def report_file(gw, caller, query: ActionReportFileQuery):
    with gw.uow(caller.landlord_id) as uow:
        names = {u.user_id: u.name for u in staff.everyone(uow, caller.landlord_id).values()}
    chunks = call_stream(gw.clients.messaging.DownloadActionsReport,
                         _filter(query, format=query.format, user_names=names), timeout=600)
    return rows_file(chunks, query.format, f"profile-actions.{query.format}")


@api.route("POST", "/api/v1/action-digests", access=DIGESTS, tag=TAG, response=DigestRun,
           summary="Send today's digests now to the landlord's users with overdue or due-today actions (each user "
                   "gets one a day however often this runs; the platform also runs it every hour)")
def run_digests(gw, caller):
    return gw.digests.run_landlord(caller.landlord_id)
