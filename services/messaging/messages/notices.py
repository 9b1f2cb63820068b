"""Emails the landlord sends that are not messages to its people (a daily digest to a user, an appointment
request to a provider): from the landlord's default sender (the platform's while it has none), through the
SMTP channel, with no communication record. A mailer that does not take one raises Unavailable."""
from __future__ import annotations

from email.message import EmailMessage
from email.utils import formataddr

from email_validator import EmailNotValidError, validate_email

from services.common.errors import InvalidInput, Unavailable
from services.common.uow import UnitOfWork

from . import defaults
from .domain import SENT_TO

PLATFORM_SENDER = ("Tenant Tracker", "no-reply@tenant-tracker.example.org")  # when the landlord has no default
SUBJECT_MAX, TEXT_MAX = 200, 20_000


def sender(uow: UnitOfWork) -> tuple[str, str]:
    chosen = defaults.get(uow)
    return (chosen.sender_name, chosen.sender_email) if chosen.sender_email else PLATFORM_SENDER


def hand_over(mailer, mail: EmailMessage, what: str) -> None:
    if mailer.send(mail).state != SENT_TO:
        raise Unavailable(f"the email server did not take the {what}: try again later")


def send(uow: UnitOfWork, mailer, *, to: str, subject: str, text: str) -> None:
    """One plain-text email to `to`; InvalidInput naming a bad field."""
    try:
        address = validate_email((to or "").strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        raise InvalidInput.field("to", "is not an email address") from None
    if not (subject or "").strip() or len(subject) > SUBJECT_MAX or "\n" in subject:
        raise InvalidInput.field("subject", f"is required: one line of at most {SUBJECT_MAX} characters")
    if not (text or "").strip() or len(text) > TEXT_MAX:
        raise InvalidInput.field("text", f"is required, at most {TEXT_MAX:,} characters")
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = formataddr(sender(uow)), address, subject.strip()
    mail.set_content(text)
    hand_over(mailer, mail, "email")
