"""The facts repository's referrals, run against SQLite (embedded) and PostgreSQL (as the services' role, behind
row-level security): each referral's state reads back as a search document needs it, a deleted one is kept for its
version but never read as live, a referral matched to another profile names both people, and a landlord never
reads another landlord's referrals."""
from __future__ import annotations

import datetime as dt
import uuid

from services.common.db import Database
from services.profiles.facts.domain import Referral, ReferralFacts
from services.profiles.facts.store import FactsRepository

DATABASE_OF = "profiles"  # the `database` fixture (tests/contract/conftest.py): SQLite and PostgreSQL
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone.utc)
WORKS = "3f1c2a8e-0000-4000-8000-0000000000a1"


def _saved(db: Database, landlord: str, *referrals: ReferralFacts) -> set[str]:
    session = db.open(landlord_id=landlord)
    try:
        people = FactsRepository(session, landlord).save_referrals(list(referrals), now=NOW)
        session.commit()
        return people
    finally:
        session.close()


def _read(db: Database, landlord: str, person_ids: list[str], referral_ids: list[str]):
    session = db.open(landlord_id=landlord)
    try:
        facts = FactsRepository(session, landlord)
        return ({p: f.referrals for p, f in facts.get_many(person_ids).items()},
                facts.referral_versions(referral_ids))
    finally:
        session.close()


def test_referrals_read_back_as_the_search_document_needs_them(database):
    landlord, ann, ben = (str(uuid.uuid4()) for _ in range(3))
    r1, r2, r3 = (str(uuid.uuid4()) for _ in range(3))
    assert _saved(database, landlord,
                  ReferralFacts(r1, 2, ann, WORKS, True, dt.date(2026, 2, 1), dt.date(2026, 3, 9)),
                  ReferralFacts(r2, 1, ann, "", False, dt.date(2026, 1, 5)),
                  ReferralFacts(r3, 1, "", WORKS, True, dt.date(2026, 2, 2))) == {ann}
    live, versions = _read(database, landlord, [ann, ben], [r1, r2, r3])
    assert live == {ann: (Referral("", False, "2026-01-05"), Referral(WORKS, True, "2026-02-01", "2026-03-09"))}
    assert versions == {r1: 2, r2: 1, r3: 1}

    assert _saved(database, landlord, ReferralFacts(r3, 2, ben, WORKS, True, dt.date(2026, 2, 2)),
                  ReferralFacts(r1, 3, ann, WORKS, True, dt.date(2026, 2, 1), deleted=True)) == {ann, ben}
    assert _saved(database, landlord, ReferralFacts(r3, 3, ann, WORKS, True, dt.date(2026, 2, 2))) == {ann, ben}
    live, versions = _read(database, landlord, [ann, ben], [r1, r2, r3])
    assert live == {ann: (Referral("", False, "2026-01-05"), Referral(WORKS, True, "2026-02-02"))}
    assert versions == {r1: 3, r2: 1, r3: 3}, "the deleted one is kept for its version"


def test_a_landlord_never_reads_another_landlords_referrals(database):
    mine, theirs, ann = (str(uuid.uuid4()) for _ in range(3))
    r1 = str(uuid.uuid4())
    _saved(database, theirs, ReferralFacts(r1, 1, ann, WORKS, True, dt.date(2026, 2, 1)))
    assert _read(database, mine, [ann], [r1]) == ({}, {})
    assert _read(database, theirs, [ann], [r1])[1] == {r1: 1}
