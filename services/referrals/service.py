"""Use cases of referrals. Providers are the platform's (platform-level units of work); a landlord's users act
on their landlord's referrals; a provider's users (`provider` given) act on the referrals made to their
provider, whichever landlord made them, in a platform-level unit of work filtered by the provider. People are
checked with profiles before this service's transaction begins. Every change of a referral publishes its whole
state (ReferralChanged)."""
from __future__ import annotations

import datetime as dt
from typing import Callable, Mapping, Sequence

from services.common.dates import iso_date, landlord_today
from services.common.errors import InvalidInput, NotFound
from services.common.ids import new_id
from services.common.uow import UnitOfWork

from . import appointments, providers as provider_rules
from .clients.profiles import People
from .domain import Person, Referral
from .providers import Provider
from .store import LandlordProviders, ProviderRepository, ReferralRepository

DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 50, 500
REQUEST_LIFETIME = dt.timedelta(days=14)  # an appointment request's link works this long


def today(uow: UnitOfWork) -> dt.date:
    return landlord_today(uow.clock.now())


# -- providers (platform-level units of work) ------------------------------------------------------------------------

def add_provider(uow: UnitOfWork, *, details: Mapping) -> Provider:
    made = provider_rules.checked(provider_id=new_id(), created_at=uow.clock.now(), **details)
    ProviderRepository(uow.session).add(made)
    uow.commit()
    return made


def get_provider(uow: UnitOfWork, *, provider_id: str) -> Provider:
    found = ProviderRepository(uow.session).get(provider_id) if provider_id else None
    if found is None:
        raise NotFound("provider not found")
    return found


def update_provider(uow: UnitOfWork, *, provider_id: str, details: Mapping) -> Provider:
    was = get_provider(uow, provider_id=provider_id)
    made = provider_rules.checked(provider_id=was.provider_id, created_at=was.created_at, **details)
    ProviderRepository(uow.session).save(made)
    uow.commit()
    return made


def all_providers(uow: UnitOfWork) -> list[Provider]:
    return ProviderRepository(uow.session).all()


# -- a landlord's choice ---------------------------------------------------------------------------------------------

def chosen_providers(uow: UnitOfWork) -> set[str]:
    return LandlordProviders(uow.session, uow.landlord_id).chosen()


def choose_providers(uow: UnitOfWork, *, provider_ids: Sequence[str], known: set[str]) -> set[str]:
    """The landlord works with these providers from now on (`known`: every provider's id)."""
    wanted = list(dict.fromkeys(p for p in provider_ids if p))
    unknown = [i for i, p in enumerate(wanted) if p not in known]
    if unknown:
        raise InvalidInput.field(f"provider_ids[{unknown[0]}]", "no such provider")
    LandlordProviders(uow.session, uow.landlord_id).replace(wanted)
    uow.commit()
    return set(wanted)


# -- referrals -------------------------------------------------------------------------------------------------------

def _referrals(uow: UnitOfWork, provider: str = "") -> ReferralRepository:
    return (ReferralRepository(uow.session, provider_id=provider) if provider
            else ReferralRepository(uow.session, landlord_id=uow.landlord_id))


def create_referral(uow: UnitOfWork, people: People, *, user_id: str, given: Mapping) -> Referral:
    """A referral of a current person of the landlord; its provider one the landlord works with."""
    person_id = (given.get("person_id") or "").strip()
    if not person_id:
        raise InvalidInput.field("person_id", "is required")
    person = people.snapshot(person_id)
    if person is None:
        raise InvalidInput.field("person_id", "no such person")
    provider_id = (given.get("provider_id") or "").strip()
    if provider_id and provider_id not in chosen_providers(uow):
        raise InvalidInput.field("provider_id", "is not a provider your landlord works with")
    made = Referral.new(landlord_id=uow.landlord_id, person_id=person_id, person=person,
                        wants_support=bool(given.get("wants_support")), no_reason=given.get("no_reason", ""),
                        provider_id=provider_id, needs=list(given.get("needs") or ()),
                        consent=bool(given.get("consent")), consent_date=given.get("consent_date", ""),
                        notes=given.get("notes", ""), referred_on=given.get("referred_on", ""), by=user_id,
                        now=uow.clock.now(), today=today(uow))
    _referrals(uow).add(made)
    uow.track(made)
    uow.commit()
    return made


def self_referral(uow: UnitOfWork, *, provider: str, user_id: str, given: Mapping) -> Referral:
    """A resident registered by a provider's adviser for the unit of work's landlord, which must work with the
    provider (InvalidInput naming landlord_id otherwise, the same for a landlord that does not exist)."""
    if not provider:
        raise InvalidInput.field("provider_scope", "only a provider's users register self-referrals")
    if provider not in chosen_providers(uow):
        raise InvalidInput.field("landlord_id", "is not a landlord your provider works with")
    person = given.get("person") or {}
    made = Referral.self_referred(landlord_id=uow.landlord_id, provider_id=provider,
                                  person=Person(**{k: (person.get(k) or "").strip() for k in Person.__annotations__}),
                                  needs=list(given.get("needs") or ()), consent=bool(given.get("consent")),
                                  consent_date=given.get("consent_date", ""), notes=given.get("notes", ""),
                                  referred_on=given.get("referred_on", ""), by=user_id, now=uow.clock.now(),
                                  today=today(uow))
    _referrals(uow).add(made)
    uow.track(made)
    uow.commit()
    return made


def match(uow: UnitOfWork, people: People, *, referral_id: str, person_id: str) -> Referral:
    """A self-referral matched to a current person of the landlord (the referral found first: another landlord's
    is not found whatever the person; then profiles asked, then the referral locked and changed)."""
    get_referral(uow, referral_id=referral_id)
    uow.rollback()  # no transaction of ours stays open while profiles answers
    person = people.snapshot(person_id) if person_id else None
    if person is None:
        raise InvalidInput.field("person_id", "is required: a current person of your landlord" if not person_id
                                 else "no such current person")
    found = get_referral(uow, referral_id=referral_id, for_update=True)
    found.match(person_id, person, uow.clock.now())
    return _changed(uow, found, "")


def provider_landlords(uow: UnitOfWork, *, provider: str) -> list[str]:
    """The landlords that work with the provider (a platform-level unit of work)."""
    return LandlordProviders.of_provider(uow.session, provider)


def get_referral(uow: UnitOfWork, *, referral_id: str, provider: str = "", for_update: bool = False) -> Referral:
    found = _referrals(uow, provider).get(referral_id, for_update=for_update) if referral_id else None
    if found is None:
        raise NotFound("referral not found")
    return found


def list_referrals(uow: UnitOfWork, *, filters: Mapping, page: int, page_size: int,
                   provider: str = "") -> tuple[int, list[Referral]]:
    size = page_size or DEFAULT_PAGE_SIZE
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise InvalidInput.field("page_size", f"must be between 1 and {MAX_PAGE_SIZE}")
    since = iso_date(filters.get("referred_from"), "referred_from", required=False)
    until = iso_date(filters.get("referred_until"), "referred_until", required=False)
    return _referrals(uow, provider).page(person_id=filters.get("person_id", ""),
                                          provider_id=filters.get("provider_id", ""),
                                          statuses=filters.get("statuses", ()), since=since, until=until,
                                          limit=size, offset=(max(page, 1) - 1) * size)


def _changed(uow: UnitOfWork, found: Referral, provider: str) -> Referral:
    _referrals(uow, provider).save(found)
    uow.track(found)
    uow.commit()
    return found


def book(uow: UnitOfWork, *, referral_id: str, slot: Mapping, user_id: str, provider: str = "") -> Referral:
    found = get_referral(uow, referral_id=referral_id, provider=provider, for_update=True)
    found.book(appointments.slot(**slot, now=uow.clock.now()), by=user_id, now=uow.clock.now())
    return _changed(uow, found, provider)


def set_status(uow: UnitOfWork, *, referral_id: str, appointment_id: str, status: str, reason: str, user_id: str,
               provider: str = "") -> Referral:
    found = get_referral(uow, referral_id=referral_id, provider=provider, for_update=True)
    found.set_status(appointment_id, status, reason=reason, by=user_id, now=uow.clock.now())
    return _changed(uow, found, provider)


def reschedule(uow: UnitOfWork, *, referral_id: str, appointment_id: str, slot: Mapping, reason: str, user_id: str,
               provider: str = "") -> Referral:
    found = get_referral(uow, referral_id=referral_id, provider=provider, for_update=True)
    found.reschedule(appointment_id, appointments.slot(**slot, now=uow.clock.now()), reason=reason, by=user_id,
                     now=uow.clock.now())
    return _changed(uow, found, provider)


def record_step(uow: UnitOfWork, *, referral_id: str, step: str, date: str, notes: str, user_id: str,
                provider: str = "") -> Referral:
    found = get_referral(uow, referral_id=referral_id, provider=provider, for_update=True)
    found.record_step(step, date=date, notes=notes, by=user_id, now=uow.clock.now(), today=today(uow))
    return _changed(uow, found, provider)


def request_appointment(uow: UnitOfWork, *, referral_id: str, send: Callable[[Referral], None]) -> Referral:
    """The referral waits for the provider to book through its link (which expires: REQUEST_LIFETIME); `send`
    emails the request before the change commits, so a request that could not go leaves nothing changed."""
    found = get_referral(uow, referral_id=referral_id, for_update=True)
    found.requested(expires_at=uow.clock.now() + REQUEST_LIFETIME, now=uow.clock.now())
    send(found)
    return _changed(uow, found, "")


def linked_referral(uow: UnitOfWork, *, referral_id: str, expires_at: dt.datetime,
                    for_update: bool = False) -> Referral:
    """The referral a request's link names, while the link works: not expired, not used, not replaced."""
    found = _referrals(uow).get(referral_id, for_update=for_update)
    if (found is None or found.request_expires_at is None or found.request_expires_at != expires_at
            or expires_at <= uow.clock.now()):
        raise InvalidInput.field("token", "this link has expired or has been used: ask the landlord for a new one")
    return found


def book_by_link(uow: UnitOfWork, *, referral_id: str, slot: Mapping, expires_at: dt.datetime) -> Referral:
    """The provider books through the request's link (which then stops working)."""
    found = linked_referral(uow, referral_id=referral_id, expires_at=expires_at, for_update=True)
    found.book(appointments.slot(**slot, now=uow.clock.now()), by="link", now=uow.clock.now())
    return _changed(uow, found, "")


def report_referrals(uow: UnitOfWork, *, filters: Mapping, provider: str = "") -> list[Referral]:
    """The referrals a report covers: referred in the range, to a provider, by an officer (each optional)."""
    since = iso_date(filters.get("referred_from"), "referred_from", required=False)
    until = iso_date(filters.get("referred_until"), "referred_until", required=False)
    if since and until and since > until:
        raise InvalidInput.field("referred_until", "must not be before referred_from")
    return _referrals(uow, provider).matching(provider_id=filters.get("provider_id", ""), since=since, until=until,
                                              referred_by=filters.get("referred_by", ""))
