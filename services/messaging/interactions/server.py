"""The Messaging servicer's methods for interactions and follow-up actions: proto -> use case -> proto (a mixin
of server.MessagingServicer, which has the runtime, the profiles client and the mailer)."""
from __future__ import annotations

from services.common import context
from services.common.context import require_landlord
from services.common.row_files import chosen_format, file_chunks
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..domain import DEFAULT_COLOUR, WHITE, Catalogue
from ..to_proto import communication_message
from ..messages import notices
from . import digest, report, service as interactions
from .domain import FollowUpAction

DETAILS = ("communication_code", "outcome_code", "date", "landlord_contact", "description", "notes")
CHANGEABLE = DETAILS


def _colours(catalogue: Catalogue, code: str) -> tuple[str, str]:
    found = catalogue.code(code)
    return (found.colour, found.text_colour) if found else (DEFAULT_COLOUR, WHITE)


def action_message(view: interactions.ActionView, today) -> pb.FollowUpAction:
    a: FollowUpAction = view.action
    colour, text_colour = _colours(view.catalogue, view.interaction_type)
    return pb.FollowUpAction(
        action_id=a.action_id, communication_id=a.communication_id, person_id=a.person_id,
        interaction_type=view.interaction_type,
        interaction_label=view.catalogue.communication_label(view.interaction_type) if view.interaction_type else "",
        colour=colour, text_colour=text_colour, interaction_title=view.title, what=a.what,
        assigned_to=a.assigned_to, due_date=a.due_date.isoformat(), status=a.status, overdue=a.overdue(today),
        completed_at=a.completed_at.isoformat() if a.completed_at else "", completed_by=a.completed_by,
        completion_note=a.completion_note, created_at=a.created_at.isoformat(), created_by=a.created_by,
        steps=[pb.ActionStep(step=s.step, at=s.at.isoformat(), by=s.by, assigned_to=s.assigned_to,
                             due_date=s.due_date.isoformat(), note=s.note) for s in a.steps])


def interaction_message(found: interactions.Interaction, today) -> pb.Interaction:
    record = found.record
    colour, text_colour = _colours(found.catalogue, record.details.communication_code)
    return pb.Interaction(record=communication_message(record), colour=colour, text_colour=text_colour,
                          actions=[action_message(interactions.ActionView(
                              a, record.details.communication_code, record.details.description, found.catalogue),
                              today) for a in found.actions])


def _filter(uow, request: pb.ListActionsRequest):
    return interactions.action_filter(
        uow, assigned_to=list(request.assigned_to), types=list(request.types), statuses=list(request.statuses),
        due_from=request.due_from, due_until=request.due_until, overdue=request.overdue, person_id=request.person_id)


def _counts(found, labels=lambda key: key) -> list[pb.ActionCount]:
    return [pb.ActionCount(key=key, label=labels(key), total=total, overdue=late) for key, total, late in found]


class InteractionServing:
    def RecordInteraction(self, request, ctx):
        action = ({"what": request.action.what, "assigned_to": request.action.assigned_to,
                   "due_date": request.action.due_date} if request.HasField("action") else None)
        with self._runtime.uow(require_landlord()) as uow:
            made = interactions.record_interaction(
                uow, self._people, user_id=context.current().user_id, person_id=request.person_id,
                details={name: getattr(request.details, name) for name in DETAILS}, action=action)
            return interaction_message(made, interactions.today(uow))

    def ListPersonInteractions(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            total, found = interactions.person_interactions(uow, person_id=request.person_id,
                                                            types=list(request.types), page=request.page,
                                                            page_size=request.page_size)
            today = interactions.today(uow)
        return pb.InteractionPage(total=total, items=[interaction_message(i, today) for i in found])

    def GetInteraction(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            return interaction_message(interactions.get_interaction(uow, communication_id=request.communication_id),
                                       interactions.today(uow))

    def UpdateInteraction(self, request, ctx):
        changes = {name: getattr(request, name) for name in CHANGEABLE if request.HasField(name)}
        with self._runtime.uow(require_landlord()) as uow:
            changed = interactions.change_interaction(uow, communication_id=request.communication_id,
                                                      changes=changes, user_id=context.current().user_id)
            return interaction_message(changed, interactions.today(uow))

    def AddAction(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            made = interactions.add_action(uow, communication_id=request.communication_id,
                                           user_id=context.current().user_id,
                                           action={"what": request.action.what,
                                                   "assigned_to": request.action.assigned_to,
                                                   "due_date": request.action.due_date})
            return action_message(made, interactions.today(uow))

    def GetAction(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            return action_message(interactions.get_action(uow, action_id=request.action_id), interactions.today(uow))

    def CompleteAction(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            done = interactions.complete_action(uow, action_id=request.action_id, user_id=context.current().user_id,
                                                note=request.note)
            return action_message(done, interactions.today(uow))

    def ReassignAction(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            moved = interactions.reassign_action(uow, action_id=request.action_id,
                                                 user_id=context.current().user_id, assigned_to=request.assigned_to,
                                                 due_date=request.due_date, note=request.note)
            return action_message(moved, interactions.today(uow))

    def ListActions(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            found = interactions.list_actions(uow, chosen=_filter(uow, request), page=request.page,
                                              page_size=request.page_size)
        return pb.ActionPage(
            total=found.total, items=[action_message(v, found.today) for v in found.items],
            today=found.today.isoformat(), by_type=_counts(found.by_type, found.catalogue.communication_label),
            by_assignee=_counts(found.by_assignee), by_status=_counts(found.by_status, report.status_label))

    def DownloadActionsReport(self, request, ctx):
        fmt = chosen_format(request.format)
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            rows = list(report.rows(uow, _filter(uow, request), self._people, dict(request.user_names)))
        yield from (pb.FileChunk(data=chunk) for chunk in file_chunks(rows, fmt, sheet_title="Profile actions"))

    def SendActionDigest(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            mailer = self._digest_mailer()
            try:
                outcome, overdue, due_today = digest.send(uow, mailer, self._people, user_id=request.user_id,
                                                          email_address=request.email, name=request.name)
            finally:
                mailer.close()
        return pb.ActionDigestSent(outcome=outcome, overdue=overdue, due_today=due_today)

    def SendNotice(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            mailer = self._digest_mailer()
            try:
                notices.send(uow, mailer, to=request.to, subject=request.subject, text=request.text)
            finally:
                mailer.close()
        return pb.NoticeSent()
