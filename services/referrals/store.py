"""Storage of providers, each landlord's choice of them and referrals (SQLAlchemy Core). Providers are read and
written in platform-level transactions; a landlord's referrals are filtered by the landlord here (row-level
security is the second wall); a provider's view reads, in a platform-level transaction, only the referrals
made to that provider (`provider_scope`)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.common.db import as_utc
from services.common.errors import AlreadyExists

from .domain import Appointment, Person, Referral, Slot, Step
from .providers import Provider
from .tables import landlord_providers, providers, referrals


def _provider(r) -> Provider:
    return Provider(r.provider_id, r.name, tuple(json.loads(r.services)), tuple(json.loads(r.areas)),
                    r.contact_email, as_utc(r.created_at))


class ProviderRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, p: Provider) -> None:
        try:
            with self.session.begin_nested():
                self.session.execute(insert(providers).values(**self._row(p)))
        except IntegrityError:
            raise AlreadyExists.field("name", f"{p.name} is a provider already") from None

    def save(self, p: Provider) -> None:
        try:
            with self.session.begin_nested():
                self.session.execute(update(providers).where(providers.c.provider_id == p.provider_id)
                                     .values(**self._row(p)))
        except IntegrityError:
            raise AlreadyExists.field("name", f"{p.name} is a provider already") from None

    @staticmethod
    def _row(p: Provider) -> dict:
        return {"provider_id": p.provider_id, "name": p.name, "name_key": p.name.casefold(),
                "services": json.dumps(list(p.services)), "areas": json.dumps(list(p.areas)),
                "contact_email": p.contact_email, "created_at": p.created_at}

    def get(self, provider_id: str) -> Provider | None:
        row = self.session.execute(select(providers).where(providers.c.provider_id == provider_id)).first()
        return _provider(row) if row else None

    def all(self) -> list[Provider]:
        return [_provider(r) for r in self.session.execute(select(providers).order_by(providers.c.name_key))]


class LandlordProviders:
    def __init__(self, session: Session, landlord_id: str):
        self.session, self.landlord_id = session, landlord_id

    def chosen(self) -> set[str]:
        return set(self.session.execute(select(landlord_providers.c.provider_id).where(
            landlord_providers.c.landlord_id == self.landlord_id)).scalars())

    @staticmethod
    def of_provider(session: Session, provider_id: str) -> list[str]:
        """The landlords that work with the provider (in a platform-level transaction)."""
        return list(session.execute(select(landlord_providers.c.landlord_id).where(
            landlord_providers.c.provider_id == provider_id).order_by(landlord_providers.c.landlord_id)).scalars())

    def replace(self, provider_ids: Sequence[str]) -> None:
        self.session.execute(delete(landlord_providers).where(landlord_providers.c.landlord_id == self.landlord_id))
        if provider_ids:
            self.session.execute(insert(landlord_providers), [
                {"landlord_id": self.landlord_id, "provider_id": p} for p in provider_ids])


def _slot(s: Slot) -> dict:
    return {"starts_at": s.starts_at.strftime("%Y-%m-%dT%H:%M"), "minutes": s.minutes, "place": s.place,
            "adviser": s.adviser}


def _appointments(found: list[Appointment]) -> str:
    return json.dumps([{**{k: v for k, v in asdict(a).items() if k not in ("slot", "booked_at")},
                        "slot": _slot(a.slot), "booked_at": a.booked_at.isoformat()} for a in found])


def _read_appointments(text: str) -> list[Appointment]:
    made = []
    for a in json.loads(text):
        s = a.pop("slot")
        made.append(Appointment(**{**a, "booked_at": dt.datetime.fromisoformat(a["booked_at"]),
                                   "slot": Slot(dt.datetime.strptime(s["starts_at"], "%Y-%m-%dT%H:%M"),
                                                s["minutes"], s["place"], s["adviser"])}))
    return made


def _row(r: Referral) -> dict:
    return {"referral_id": r.referral_id, "landlord_id": r.landlord_id, "provider_id": r.provider_id,
            "person_id": r.person_id, "person": json.dumps(asdict(r.person)), "wants_support": r.wants_support,
            "no_reason": r.no_reason, "needs": json.dumps(list(r.needs)), "consent": r.consent,
            "consent_date": r.consent_date, "notes": r.notes, "referred_on": r.referred_on,
            "referred_by": r.referred_by, "created_at": r.created_at, "version": r.version, "status": r.status,
            "request_expires_at": r.request_expires_at, "appointments": _appointments(r.appointments),
            "steps": json.dumps([{**asdict(s), "date": s.date.isoformat(), "recorded_at": s.recorded_at.isoformat()}
                                 for s in r.steps])}


def _referral(r) -> Referral:
    steps = [Step(s["step"], dt.date.fromisoformat(s["date"]), s["notes"], s["recorded_by"],
                  dt.datetime.fromisoformat(s["recorded_at"])) for s in json.loads(r.steps)]
    return Referral(r.referral_id, r.landlord_id, r.person_id, Person(**json.loads(r.person)), r.wants_support,
                    r.no_reason, r.provider_id, tuple(json.loads(r.needs)), r.consent, r.consent_date, r.notes,
                    r.referred_on, r.referred_by, as_utc(r.created_at), r.version, _read_appointments(r.appointments),
                    steps, as_utc(r.request_expires_at) if r.request_expires_at else None)


class ReferralRepository:
    """A landlord's referrals (`landlord_id`), or those made to one provider (`provider_id`, any landlord)."""

    def __init__(self, session: Session, *, landlord_id: str = "", provider_id: str = ""):
        if bool(landlord_id) == bool(provider_id):
            raise ValueError("a landlord's referrals or a provider's, one of them")
        self.session, self.landlord_id, self.provider_id = session, landlord_id, provider_id

    def _mine(self):
        return (referrals.c.landlord_id == self.landlord_id if self.landlord_id
                else referrals.c.provider_id == self.provider_id)

    def add(self, r: Referral) -> None:
        self.session.execute(insert(referrals).values(**_row(r)))

    def save(self, r: Referral) -> None:
        self.session.execute(update(referrals).where(self._mine(), referrals.c.referral_id == r.referral_id)
                             .values(**_row(r)))

    def get(self, referral_id: str, *, for_update: bool = False) -> Referral | None:
        statement = select(referrals).where(self._mine(), referrals.c.referral_id == referral_id)
        row = self.session.execute(statement.with_for_update() if for_update else statement).first()
        return _referral(row) if row else None

    def _where(self, *, person_id: str = "", provider_id: str = "", statuses: Sequence[str] = (),
               since: dt.date | None = None, until: dt.date | None = None, referred_by: str = "") -> list:
        c = referrals.c
        where = [self._mine()]
        where += [c.person_id == person_id] if person_id else []
        where += [c.provider_id == provider_id] if provider_id else []
        where += [c.status.in_(list(statuses))] if statuses else []
        where += [c.referred_on >= since] if since else []
        where += [c.referred_on <= until] if until else []
        where += [c.referred_by == referred_by] if referred_by else []
        return where

    def page(self, *, limit: int, offset: int, **chosen) -> tuple[int, list[Referral]]:
        """A page of the referrals chosen (`_where`'s filters), newest first, and how many there are."""
        c, where = referrals.c, self._where(**chosen)
        total = self.session.execute(select(func.count()).select_from(referrals).where(*where)).scalar_one()
        rows = self.session.execute(select(referrals).where(*where).order_by(
            c.referred_on.desc(), c.created_at.desc(), c.referral_id).limit(limit).offset(offset))
        return total, [_referral(r) for r in rows]

    def matching(self, **chosen) -> list[Referral]:
        """Every referral chosen, oldest first (a report's)."""
        rows = self.session.execute(select(referrals).where(*self._where(**chosen)).order_by(
            referrals.c.referred_on, referrals.c.created_at, referrals.c.referral_id))
        return [_referral(r) for r in rows]
