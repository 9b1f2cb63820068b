"""The daily digest: one email to a user listing their open follow-up actions that are overdue or due today
(the landlord's calendar, Europe/London), sent through messaging's SMTP channel at most once per user per day
however often it is asked for. The day's row is claimed in the transaction that sends: a second run waits
for the first and then finds it; a failed send rolls the claim back, so the next run tries again."""
from __future__ import annotations

import html
from email.message import EmailMessage
from email.utils import formataddr
from typing import Sequence

from services.common.errors import InvalidInput
from services.common.uow import UnitOfWork

from ..clients.profiles import People
from ..messages import notices
from .domain import FollowUpAction
from .service import today
from .follow_ups import actions

SENT, ALREADY_SENT, NOTHING_DUE, NO_EMAIL = "sent", "already_sent", "nothing_due", "no_email"


def _lines(due: Sequence[FollowUpAction], names: dict[str, tuple[str, str]], day) -> list[str]:
    lines = []
    for a in due:
        name, ref = names.get(a.person_id, ("", ""))
        when = "OVERDUE, due " + a.due_date.strftime("%d/%m/%Y") if a.due_date < day else "due today"
        lines.append(f"{when}: {a.what} ({name or 'a person'}{', ' + ref if ref else ''})")
    return lines


def email(*, to: tuple[str, str], sender: tuple[str, str], lines: list[str], overdue: int, due_today: int,
          day) -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"] = formataddr(sender), formataddr(to)
    mail["Subject"] = f"Your follow-up actions for {day.strftime('%d/%m/%Y')}: {overdue} overdue, {due_today} due today"
    text = "\n".join([f"Hello {to[0]},", "", "These follow-up actions are assigned to you:", "",
                      *(f"- {line}" for line in lines), "", "Open Tenant Tracker to complete or reassign them."])
    mail.set_content(text)
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    mail.add_alternative(f"<p>Hello {html.escape(to[0])},</p><p>These follow-up actions are assigned to you:</p>"
                         f"<ul>{items}</ul><p>Open Tenant Tracker to complete or reassign them.</p>", subtype="html")
    return mail


def send(uow: UnitOfWork, mailer, people: People, *, user_id: str, email_address: str,
         name: str) -> tuple[str, int, int]:
    """(outcome, overdue, due today) of the user's digest for today: sent, already_sent, nothing_due or
    no_email. Unavailable (nothing kept) when the email server does not take it."""
    if not user_id:
        raise InvalidInput.field("user_id", "is required")
    day, stored = today(uow), actions(uow)
    due = stored.due_for(user_id, day)
    overdue = sum(1 for a in due if a.due_date < day)
    due_today = len(due) - overdue
    if not due:
        return NOTHING_DUE, 0, 0
    if not email_address.strip():
        return NO_EMAIL, overdue, due_today
    names = people.names(sorted({a.person_id for a in due}))
    if not stored.claim_digest(user_id, day, now=uow.clock.now(), overdue=overdue, due_today=due_today):
        return ALREADY_SENT, overdue, due_today
    notices.hand_over(mailer, email(to=(name, email_address.strip()), sender=notices.sender(uow),
                                    lines=_lines(due, names, day), overdue=overdue, due_today=due_today, day=day),
                      "digest")
    uow.commit()
    return SENT, overdue, due_today
