"""Referrals' storage: a landlord sees only its own referrals; a provider (in a platform-level unit of work) only
those made to it, from every landlord, and can change no other; a referral with its appointments and steps
reads back as it was written; lists filter by person, provider, status and dates."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.common.errors import InvalidInput, NotFound
from services.referrals import appointments, service
from services.referrals.domain import Person, Referral
from services.referrals.store import ReferralRepository
from tests.service.referrals.conftest import NOW, outbox

SLOT = {"starts_at": "2026-06-22T10:00", "minutes": 45, "place": "Job Centre", "adviser": "Sam"}


@pytest.fixture
def two_by_two(referrals, add_provider, choose, refer):
    """Two landlords each referring to two providers: {(landlord, provider): referral_id}."""
    landlords, providers = [str(uuid.uuid4()), str(uuid.uuid4())], [add_provider("Work Ready"),
                                                                     add_provider("Skills Hub")]
    made = {}
    for landlord in landlords:
        choose(landlord, *providers)
        for provider in providers:
            made[landlord, provider] = refer(landlord, provider).referral_id
    return landlords, providers, made


def _ids(found) -> set[str]:
    return {r.referral_id for r in found}


def test_a_provider_sees_only_referrals_made_to_it_from_every_landlord(referrals, two_by_two):
    (first, second), (work_ready, skills_hub), made = two_by_two
    with referrals.runtime.uow(platform=True) as uow:
        total, found = service.list_referrals(uow, filters={}, page=1, page_size=50, provider=work_ready)
        assert (total, _ids(found)) == (2, {made[first, work_ready], made[second, work_ready]})
        assert {r.landlord_id for r in found} == {first, second}
        for landlord in (first, second):
            assert service.get_referral(uow, referral_id=made[landlord, work_ready],
                                        provider=work_ready).provider_id == work_ready
            with pytest.raises(NotFound):
                service.get_referral(uow, referral_id=made[landlord, skills_hub], provider=work_ready)
        total, found = service.list_referrals(uow, filters={"provider_id": skills_hub}, page=1, page_size=50,
                                              provider=work_ready)
        assert (total, found) == (0, [])  # asking for another provider's shows nothing more


def test_a_provider_changes_no_referral_made_to_another(referrals, two_by_two):
    (first, second), (work_ready, skills_hub), made = two_by_two
    with referrals.runtime.uow(platform=True) as uow:
        with pytest.raises(NotFound):
            service.book(uow, referral_id=made[second, skills_hub], slot=SLOT, user_id="PU1", provider=work_ready)
        with pytest.raises(NotFound):
            service.record_step(uow, referral_id=made[first, skills_hub], step="cv", date="2026-06-15", notes="",
                                user_id="PU1", provider=work_ready)
    with referrals.runtime.uow(platform=True) as uow:
        service.book(uow, referral_id=made[second, work_ready], slot=SLOT, user_id="PU1", provider=work_ready)
    assert [e.version for e in outbox(referrals, second) if e.referral_id == made[second, work_ready]] == [1, 2]
    assert [e.version for e in outbox(referrals, second) if e.referral_id == made[second, skills_hub]] == [1]
    assert all(e.version == 1 for e in outbox(referrals, first))


def test_a_landlord_sees_only_its_own_referrals(referrals, two_by_two):
    (first, second), (work_ready, skills_hub), made = two_by_two
    with referrals.runtime.uow(first) as uow:
        total, found = service.list_referrals(uow, filters={}, page=1, page_size=50)
        assert (total, _ids(found)) == (2, {made[first, work_ready], made[first, skills_hub]})
        for provider in (work_ready, skills_hub):
            with pytest.raises(NotFound):
                service.get_referral(uow, referral_id=made[second, provider])
            with pytest.raises(NotFound):
                service.book(uow, referral_id=made[second, provider], slot=SLOT, user_id="U1")
    with referrals.runtime.uow(second) as uow:
        assert service.get_referral(uow, referral_id=made[second, skills_hub]).version == 1


def test_a_repository_is_a_landlords_or_a_providers_never_both_or_neither(referrals):
    with referrals.runtime.uow(platform=True) as uow:
        for scope in ({}, {"landlord_id": "L1", "provider_id": "PR1"}):
            with pytest.raises(ValueError):
                ReferralRepository(uow.session, **scope)


def test_a_referral_reads_back_with_its_appointments_steps_and_request(referrals, landlord):
    made = Referral.new(landlord_id=landlord, person_id="P1", person=Person("Zoë Ødegaard", "T-9", "z@example.org",
                                                                            "07700 900002", "", "1 Mill Lane, LS1 1AA"),
                        wants_support=True, no_reason="", provider_id="PR1", needs=["english", "cv"], consent=True,
                        consent_date="2026-06-01", notes="Line one\nline two", referred_on="2026-06-02", by="U1",
                        now=NOW, today=dt.date(2026, 6, 15))
    first = made.book(appointments.slot(**SLOT, now=NOW), by="U1", now=NOW)
    made.reschedule(first.appointment_id, appointments.slot(**{**SLOT, "starts_at": "2026-06-23T16:15", "minutes": 0},
                                                      now=NOW), reason="Clash; sorry", by="U2", now=NOW)
    made.record_step("advice", date="2026-06-14", notes="Benefits check", by="PU1", now=NOW,
                     today=dt.date(2026, 6, 15))
    made.requested(expires_at=NOW + dt.timedelta(days=14, microseconds=5), now=NOW)
    made.events.clear()
    with referrals.runtime.uow(landlord) as uow:
        ReferralRepository(uow.session, landlord_id=landlord).add(made)
        uow.commit()
    with referrals.runtime.uow(landlord) as uow:
        by_landlord = service.get_referral(uow, referral_id=made.referral_id)
    with referrals.runtime.uow(platform=True) as uow:
        by_provider = service.get_referral(uow, referral_id=made.referral_id, provider="PR1")
    assert by_landlord == made and by_provider == made
    assert by_landlord.appointments[1].booked_at == NOW and by_landlord.steps[0].recorded_at == NOW
    assert by_landlord.status == "in_progress"  # a step recorded: the journey has begun


def test_lists_filter_by_person_status_and_dates_newest_first_in_pages(referrals, landlord, add_provider, choose,
                                                                       refer):
    provider = add_provider()
    choose(landlord, provider)
    old = refer(landlord, provider, referred_on="2026-05-01")
    new = refer(landlord, provider, referred_on="2026-06-10")
    with referrals.runtime.uow(landlord) as uow:
        service.book(uow, referral_id=new.referral_id, slot=SLOT, user_id="U1")
    with referrals.runtime.uow(landlord) as uow:
        def page(page_size=50, page=1, **filters):
            total, found = service.list_referrals(uow, filters=filters, page=page, page_size=page_size)
            return total, [r.referral_id for r in found]
        assert page() == (2, [new.referral_id, old.referral_id])
        assert page(page_size=1, page=2) == (2, [old.referral_id])
        assert page(statuses=["appointment_booked"]) == (1, [new.referral_id])
        assert page(statuses=["referred", "declined"]) == (1, [old.referral_id])
        assert page(person_id=old.person_id) == (1, [old.referral_id])
        assert page(referred_from="2026-05-02") == (1, [new.referral_id])
        assert page(referred_until="2026-06-09") == (1, [old.referral_id])
        for bad in ({"page_size": 501}, {"referred_from": "May"}):
            with pytest.raises(InvalidInput):
                page(**bad)
