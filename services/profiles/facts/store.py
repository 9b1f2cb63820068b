"""Storage of what households, groups, messaging and referrals tell profiles (SQLAlchemy Core):
households (version, occupants, youngest date of birth, custom values), which household
each person lives in, each person's groups, communication records, each person's open follow-up actions and
referrals. Every
query is filtered by the landlord here; PostgreSQL row-level security is the second wall."""
from __future__ import annotations

import datetime as dt
import json
from typing import Iterable

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from services.common.bulk import chunks, insert_rows, one_of

from .domain import (ActionFacts, Contact, ContactFacts, GroupFacts, HouseholdFacts, PersonFacts, Referral,
                     ReferralFacts)
from .tables import (household_custom_values, household_facts, person_actions, person_contacts, person_groups,
                     person_households, person_referrals)

CHUNK = 1000  # keys per IN (...) query


class FactsRepository:
    """One landlord's households and groups facts, inside the caller's transaction."""

    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def _select(self, table, column, keys: Iterable[str]):
        """Rows of `table` whose `column` is one of `keys`, a chunk of keys per query."""
        for chunk in chunks(list(dict.fromkeys(keys)), CHUNK):
            yield from self.session.execute(select(table).where(
                table.c.landlord_id == self.landlord_id, one_of(self.session, column, chunk))).mappings()

    def _delete(self, table, column, keys: Iterable[str]) -> None:
        for chunk in chunks(list(dict.fromkeys(keys)), CHUNK):
            self.session.execute(delete(table).where(table.c.landlord_id == self.landlord_id,
                                                     one_of(self.session, column, chunk)))

    # -- households -------------------------------------------------------------------------------------------------

    def household_versions(self, household_ids: Iterable[str]) -> dict[str, int]:
        return {r["household_id"]: r["version"] for r in
                self._select(household_facts, household_facts.c.household_id, household_ids)}

    def save_households(self, households: list[HouseholdFacts], *, now: dt.datetime) -> set[str]:
        """Store these households' new state (as of `now`) and point their occupants at them; people they no
        longer list (and who still point at them) live nowhere now. Answers everybody whose household changed."""
        ids = [h.household_id for h in households]
        if not ids:
            return set()
        affected = {r["person_id"] for r in self._select(person_households, person_households.c.household_id, ids)}
        for table in (household_facts, household_custom_values):
            self._delete(table, table.c.household_id, ids)
        self._delete(person_households, person_households.c.household_id, ids)
        insert_rows(self.session, household_facts, [
            {"landlord_id": self.landlord_id, "household_id": h.household_id, "version": h.version,
             "occupant_count": h.occupant_count, "youngest_date_of_birth": h.youngest_date_of_birth,
             "occupant_ids": json.dumps(list(h.occupant_ids)), "updated_at": now} for h in households])
        values = [{"landlord_id": self.landlord_id, "household_id": h.household_id, "field_id": field_id, "value": v}
                  for h in households for field_id, cells in h.custom.items() for v in dict.fromkeys(cells)]
        insert_rows(self.session, household_custom_values, values)
        lives_in = {person_id: h.household_id for h in households for person_id in h.occupant_ids}  # last one wins
        self._delete(person_households, person_households.c.person_id, lives_in)
        insert_rows(self.session, person_households, [
            {"landlord_id": self.landlord_id, "person_id": p, "household_id": h} for p, h in lives_in.items()])
        return affected | set(lives_in)

    # -- groups -----------------------------------------------------------------------------------------------------

    def group_versions(self, person_ids: Iterable[str]) -> dict[str, int]:
        return {r["person_id"]: r["version"] for r in
                self._select(person_groups, person_groups.c.person_id, person_ids)}

    def save_groups(self, groups: list[GroupFacts], *, now: dt.datetime) -> None:
        self._delete(person_groups, person_groups.c.person_id, [g.person_id for g in groups])
        if groups:
            self.session.execute(insert(person_groups), [
                {"landlord_id": self.landlord_id, "person_id": g.person_id, "version": g.version,
                 "admin_group_ids": json.dumps(list(g.admin_group_ids)), "activity_ids": json.dumps(list(g.activity_ids)),
                 "participations": json.dumps([list(p) for p in g.participations]), "updated_at": now}
                for g in groups])

    # -- communication records ----------------------------------------------------------------------------------------

    def contact_versions(self, communication_ids: Iterable[str]) -> dict[str, int]:
        return {r["communication_id"]: r["version"] for r in
                self._select(person_contacts, person_contacts.c.communication_id, communication_ids)}

    def save_contacts(self, contacts: list[ContactFacts]) -> None:
        self._delete(person_contacts, person_contacts.c.communication_id, [c.communication_id for c in contacts])
        if contacts:
            self.session.execute(insert(person_contacts), [
                {"landlord_id": self.landlord_id, "communication_id": c.communication_id, "version": c.version,
                 "person_id": c.person_id, "communication_code": c.communication_code,
                 "outcome_code": c.outcome_code, "date": c.date, "deleted": c.deleted,
                 "satisfaction": None if c.deleted else c.satisfaction} for c in contacts])

    # -- open follow-up actions -------------------------------------------------------------------------------------

    def action_versions(self, person_ids: Iterable[str]) -> dict[str, int]:
        return {r["person_id"]: r["version"] for r in
                self._select(person_actions, person_actions.c.person_id, person_ids)}

    def save_actions(self, actions: list[ActionFacts], *, now: dt.datetime) -> None:
        self._delete(person_actions, person_actions.c.person_id, [a.person_id for a in actions])
        if actions:
            self.session.execute(insert(person_actions), [
                {"landlord_id": self.landlord_id, "person_id": a.person_id, "version": a.version,
                 "open_due_dates": json.dumps(list(a.open_due_dates)), "updated_at": now} for a in actions])

    # -- referrals ---------------------------------------------------------------------------------------------------

    def referral_versions(self, referral_ids: Iterable[str]) -> dict[str, int]:
        return {r["referral_id"]: r["version"] for r in
                self._select(person_referrals, person_referrals.c.referral_id, referral_ids)}

    def save_referrals(self, referrals: list[ReferralFacts], *, now: dt.datetime) -> set[str]:
        """Store these referrals' new state (as of `now`); answers the people they belonged to before and belong to
        now (a referral matched to another profile leaves the first), "" (nobody) left out."""
        ids = [r.referral_id for r in referrals]
        if not ids:
            return set()
        before = {r["person_id"] for r in self._select(person_referrals, person_referrals.c.referral_id, ids)}
        self._delete(person_referrals, person_referrals.c.referral_id, ids)
        self.session.execute(insert(person_referrals), [
            {"landlord_id": self.landlord_id, "referral_id": r.referral_id, "version": r.version,
             "person_id": r.person_id, "provider_id": r.provider_id, "wants_support": r.wants_support,
             "referred_on": r.referred_on, "job_started_on": r.job_started_on, "deleted": r.deleted,
             "updated_at": now} for r in referrals])
        return (before | {r.person_id for r in referrals}) - {""}

    # -- what a search document needs ---------------------------------------------------------------------------------

    def get_many(self, person_ids: Iterable[str]) -> dict[str, PersonFacts]:
        """The facts of these people that have any, by person id (a few queries per thousand people)."""
        person_ids = list(person_ids)
        lives_in = self.households_of(person_ids)
        groups = {r["person_id"]: GroupFacts(
            r["person_id"], r["version"], tuple(json.loads(r["admin_group_ids"])), tuple(json.loads(r["activity_ids"])),
            tuple((a, d) for a, d in json.loads(r["participations"])))
            for r in self._select(person_groups, person_groups.c.person_id, person_ids)}
        contacts: dict[str, list[Contact]] = {}
        for r in self._select(person_contacts, person_contacts.c.person_id, person_ids):
            if not r["deleted"]:
                contacts.setdefault(r["person_id"], []).append(Contact(
                    r["communication_code"], r["outcome_code"], r["date"].isoformat(), r["satisfaction"]))
        actions = {r["person_id"]: ActionFacts(r["person_id"], r["version"], tuple(json.loads(r["open_due_dates"])))
                   for r in self._select(person_actions, person_actions.c.person_id, person_ids)}
        referrals = self._referrals(person_ids)
        found = {}
        for person_id in person_ids:
            household = lives_in.get(person_id)
            if household is not None or any(person_id in facts for facts in (groups, contacts, actions, referrals)):
                found[person_id] = PersonFacts(household, groups.get(person_id),
                                               tuple(sorted(contacts.get(person_id, ()), key=_contact_order)),
                                               actions.get(person_id),
                                               tuple(sorted(referrals.get(person_id, ()), key=_referral_order)))
        return found

    def households_of(self, person_ids: Iterable[str]) -> dict[str, HouseholdFacts]:
        """The household each of these people lives in, by person id (those living nowhere left out)."""
        lives_in = {r["person_id"]: r["household_id"] for r in
                    self._select(person_households, person_households.c.person_id, person_ids)}
        custom: dict[str, dict[str, tuple[str, ...]]] = {}
        for r in self._select(household_custom_values, household_custom_values.c.household_id, lives_in.values()):
            fields = custom.setdefault(r["household_id"], {})
            fields[r["field_id"]] = (*fields.get(r["field_id"], ()), r["value"])
        households = {r["household_id"]: HouseholdFacts(
            r["household_id"], r["version"], tuple(json.loads(r["occupant_ids"])), r["occupant_count"],
            r["youngest_date_of_birth"], custom.get(r["household_id"], {}))
            for r in self._select(household_facts, household_facts.c.household_id, lives_in.values())}
        return {p: households[h] for p, h in lives_in.items() if h in households}

    def _referrals(self, person_ids: list[str]) -> dict[str, list[Referral]]:
        """The live referrals of these people, by person id."""
        found: dict[str, list[Referral]] = {}
        for r in self._select(person_referrals, person_referrals.c.person_id, person_ids):
            if not r["deleted"]:
                job = r["job_started_on"]
                found.setdefault(r["person_id"], []).append(Referral(r["provider_id"], r["wants_support"],
                                                                     r["referred_on"].isoformat(),
                                                                     job.isoformat() if job else None))
        return found


def _contact_order(contact: Contact) -> tuple:
    """Code, outcome, date, then score (none first): a stable order, so the same records make the same facts."""
    return (*contact[:3], -1 if contact.satisfaction is None else contact.satisfaction)


def _referral_order(referral: Referral) -> tuple:
    """Provider, answer, date, then the job's date (none first): the same referrals make the same facts."""
    return (*referral[:3], referral.job_started_on or "")
