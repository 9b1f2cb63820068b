"""Referrals in users' words, with no I/O (seed 002): a person referred (or who said no, and why: the "no"s
are captured too) to a provider the landlord works with, with their needs and consent; appointments booked
by an officer or through the provider's link, then attended, not attended, rescheduled (the new one linked
to the old) or cancelled (by whom, why); and the provider's checklist of the journey from the first
appointment to a job sustained 26 weeks. Appointment times are UK local times; `now` is the caller's."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from services.common.dates import LANDLORD_ZONE, iso_date
from services.common.errors import FieldProblem, InUse, InvalidInput, collect
from services.common.ids import new_id

from .appointments import NOTES_MAX, TEXT_MAX, Appointment, Slot, text

NO_REASONS = {"already_in_work": "Already in work", "in_education": "In education or training",
              "health": "Health or disability", "caring": "Caring responsibilities", "not_ready": "Not ready yet",
              "not_interested": "Not interested", "other": "Other reason"}
NEEDS = {"employment": "Finding work", "training": "Training", "cv": "CV and applications",
         "interview_skills": "Interview skills", "digital_skills": "Digital skills", "english": "English (ESOL)",
         "money_advice": "Money advice", "debt_advice": "Debt advice", "benefits_advice": "Benefits advice",
         "volunteering": "Volunteering", "childcare": "Childcare"}
STEPS = {"first_appointment": "First appointment attended", "advice": "Advice and guidance", "cv": "CV written",
         "training_started": "Training started", "training_completed": "Training completed",
         "qualification": "Qualification gained", "work_placement": "Work placement",
         "job_started": "Job started", "job_sustained_13_weeks": "Job sustained 13 weeks",
         "job_sustained_26_weeks": "Job sustained 26 weeks"}
BOOKED, ATTENDED, DID_NOT_ATTEND, RESCHEDULED, CANCELLED = (
    "booked", "attended", "did_not_attend", "rescheduled", "cancelled")
OUTCOMES = (ATTENDED, DID_NOT_ATTEND, CANCELLED)  # what an officer or adviser sets on the day


def _date_on_or_before(value: str | None, name: str, today: dt.date, problems: list[FieldProblem],
                       required: bool = True) -> dt.date | None:
    try:
        day = iso_date(value, name, required=required)
    except InvalidInput as refused:
        problems += refused.fields
        return None
    if day and day > today:
        problems.append(FieldProblem(name, "must not be in the future"))
    return day


def _shared(needs: list[str], consent: bool, consent_date: str, referred_on: str, notes: str, today: dt.date,
            problems: list[FieldProblem]) -> tuple[dt.date | None, dt.date | None, str]:
    """What every referral checks: its needs, consent's date, the day referred, its notes."""
    unknown = [n for n in needs if n not in NEEDS]
    if unknown:
        problems.append(FieldProblem("needs", f"unknown: {', '.join(unknown)}; any of {', '.join(NEEDS)}"))
    agreed = _date_on_or_before(consent_date, "consent_date", today, problems, required=consent)
    on = _date_on_or_before(referred_on or today.isoformat(), "referred_on", today, problems)
    return agreed, on, text(notes, "notes", NOTES_MAX, problems)


@dataclass(frozen=True)
class Step:
    step: str
    date: dt.date
    notes: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class Person:
    """What a provider sees of the person: name and contact details, never equality data or other records."""
    name: str = ""
    personal_ref: str = ""
    email: str = ""
    mobile: str = ""
    phone: str = ""
    address: str = ""
    area: str = ""  # the landlord's area the person lives in, as the profile has it


@dataclass(frozen=True)
class ReferralChanged:
    landlord_id: str
    referral: "Referral"
    occurred_at: dt.datetime


@dataclass
class Referral:
    referral_id: str
    landlord_id: str
    person_id: str
    person: Person
    wants_support: bool
    no_reason: str
    provider_id: str
    needs: tuple[str, ...]
    consent: bool
    consent_date: dt.date | None
    notes: str
    referred_on: dt.date
    referred_by: str
    created_at: dt.datetime
    version: int = 1
    appointments: list[Appointment] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    request_expires_at: dt.datetime | None = None
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def new(cls, *, landlord_id: str, person_id: str, person: Person, wants_support: bool, no_reason: str,
            provider_id: str, needs: list[str], consent: bool, consent_date: str, notes: str, referred_on: str,
            by: str, now: dt.datetime, today: dt.date) -> "Referral":
        """A referral checked: a "no" needs its reason (and no provider); a "yes" a provider and consent, dated."""
        problems: list[FieldProblem] = []
        reason = (no_reason or "").strip()
        if wants_support:
            if reason:
                problems.append(FieldProblem("no_reason", "is only for someone who does not want support"))
            if not provider_id:
                problems.append(FieldProblem("provider_id", "is required when the person wants support"))
            if not consent:
                problems.append(FieldProblem("consent", "the person must agree to their details going to the "
                                                        "provider"))
        else:
            if reason not in NO_REASONS:
                problems.append(FieldProblem("no_reason", "is required when the person does not want support: one "
                                                          "of " + ", ".join(NO_REASONS)))
            if provider_id:
                problems.append(FieldProblem("provider_id", "is only for someone who wants support"))
        agreed, on, written = _shared(needs, consent, consent_date, referred_on, notes, today, problems)
        collect(problems)
        made = cls(new_id(), landlord_id, person_id, person, wants_support, reason if not wants_support else "",
                   provider_id if wants_support else "", tuple(dict.fromkeys(needs)), consent,
                   agreed if consent else None, written, on, by, now)
        made._changed(now)
        return made

    @classmethod
    def self_referred(cls, *, landlord_id: str, provider_id: str, person: Person, needs: list[str], consent: bool,
                      consent_date: str, notes: str, referred_on: str, by: str, now: dt.datetime,
                      today: dt.date) -> "Referral":
        """A resident who came to the provider by themselves, registered by its adviser with the details they
        gave (a name at least) and their consent; no profile yet: the landlord's officers match one."""
        problems: list[FieldProblem] = []
        if not person.name.strip():
            problems.append(FieldProblem("person.name", "is required"))
        for name, value in asdict(person).items():
            text(value, f"person.{name}", TEXT_MAX, problems)
        if not consent:
            problems.append(FieldProblem("consent", "the resident must agree to their landlord being told"))
        agreed, on, written = _shared(needs, consent, consent_date, referred_on, notes, today, problems)
        collect(problems)
        made = cls(new_id(), landlord_id, "", person, True, "", provider_id, tuple(dict.fromkeys(needs)), consent,
                   agreed, written, on, by, now)
        made._changed(now)
        return made

    def match(self, person_id: str, person: Person, now: dt.datetime) -> None:
        """A self-referral matched to the person's profile (its details from now on the profile's)."""
        if self.person_id:
            raise InUse.field("referral_id", "the referral is matched to a profile already")
        self.person_id, self.person = person_id, person
        self._touch(now)

    def _changed(self, now: dt.datetime) -> None:
        self.events.append(ReferralChanged(self.landlord_id, self, now))

    def _touch(self, now: dt.datetime) -> None:
        self.version += 1
        self._changed(now)

    @property
    def status(self) -> str:
        if not self.wants_support:
            return "declined"
        if not self.person_id:
            return "awaiting_match"
        reached = {s.step for s in self.steps}
        if "job_started" in reached:
            return "in_work"
        if reached or any(a.status == ATTENDED for a in self.appointments):
            return "in_progress"
        if any(a.status == BOOKED for a in self.appointments):
            return "appointment_booked"
        if self.request_expires_at is not None:
            return "appointment_requested"
        return "referred"

    def _open(self) -> None:
        if not self.wants_support:
            raise InUse.field("referral_id", "the person did not want support: there is nothing to book")

    def appointment(self, appointment_id: str) -> Appointment:
        found = next((a for a in self.appointments if a.appointment_id == appointment_id), None)
        if found is None:
            raise InvalidInput.field("appointment_id", "no such appointment of this referral")
        return found

    def _add(self, chosen: Slot, by: str, now: dt.datetime, rescheduled_from: str = "") -> Appointment:
        self._open()
        made = Appointment(new_id(), chosen, BOOKED, by, now, rescheduled_from=rescheduled_from)
        self.appointments.append(made)
        self.request_expires_at = None
        return made

    def book(self, chosen: Slot, *, by: str, now: dt.datetime) -> Appointment:
        made = self._add(chosen, by, now)
        self._touch(now)
        return made

    def set_status(self, appointment_id: str, status: str, *, reason: str, by: str, now: dt.datetime) -> None:
        """Attended, did not attend or cancelled (with why); only a booked appointment changes."""
        found = self.appointment(appointment_id)
        if status not in OUTCOMES:
            raise InvalidInput.field("status", f"must be one of {', '.join(OUTCOMES)}")
        if found.status != BOOKED:
            raise InUse.field("status", f"the appointment is {found.status.replace('_', ' ')} already")
        why = (reason or "").strip()
        if status == CANCELLED and not why:
            raise InvalidInput.field("reason", "is required to cancel")
        if status != CANCELLED and found.slot.starts_at.replace(tzinfo=LANDLORD_ZONE) > now:
            raise InvalidInput.field("status", "the appointment has not happened yet")
        found.status, found.changed_by, found.reason = status, by, why[:NOTES_MAX]
        self._touch(now)

    def reschedule(self, appointment_id: str, chosen: Slot, *, reason: str, by: str, now: dt.datetime) -> Appointment:
        """A booked appointment moved: it is kept as rescheduled, linked both ways to the new one."""
        found = self.appointment(appointment_id)
        if found.status != BOOKED:
            raise InUse.field("appointment_id", f"the appointment is {found.status.replace('_', ' ')}: only a "
                                                "booked one is rescheduled")
        found.status, found.changed_by, found.reason = RESCHEDULED, by, (reason or "").strip()[:NOTES_MAX]
        made = self._add(chosen, by, now, rescheduled_from=found.appointment_id)
        found.rescheduled_to = made.appointment_id
        self._touch(now)
        return made

    def requested(self, *, expires_at: dt.datetime, now: dt.datetime) -> None:
        self._open()
        if not self.provider_id:
            raise InvalidInput.field("provider_id", "the referral names no provider")
        self.request_expires_at = expires_at
        self._touch(now)

    def record_step(self, step: str, *, date: str, notes: str, by: str, now: dt.datetime, today: dt.date) -> None:
        """A step of the journey (once each: recording it again changes its date and notes)."""
        self._open()
        problems: list[FieldProblem] = []
        if step not in STEPS:
            problems.append(FieldProblem("step", "must be one of " + ", ".join(STEPS)))
        day = _date_on_or_before(date, "date", today, problems)
        written = text(notes, "notes", NOTES_MAX, problems)
        collect(problems)
        kept = [s for s in self.steps if s.step != step]
        self.steps = sorted([*kept, Step(step, day, written, by, now)], key=lambda s: list(STEPS).index(s.step))
        self._touch(now)

    @property
    def first_appointment_on(self) -> dt.date | None:
        attended = [a.slot.starts_at.date() for a in self.appointments if a.status == ATTENDED]
        first = next((s.date for s in self.steps if s.step == "first_appointment"), None)
        return min([*attended, *([first] if first else [])], default=None)
