"""Use cases of a landlord's communication codes and outcome codes: the list (the product's until the landlord
changes it), adding a code (with outcomes) or an outcome, renaming, archiving (hidden from the choices, its
records kept) and deleting one while no record carries it. The codes the platform records on what it sends
are renamed only. The catalogue records are checked against and labelled from is read here too."""
from __future__ import annotations

from typing import Iterable

from services.common.errors import InUse, InvalidInput, NotFound, collect
from services.common.uow import UnitOfWork

from ..domain import DEFAULT_COLOUR, WHITE, Catalogue, CommunicationCode, Outcome
from . import domain as rules
from .store import CodeLists


def catalogue(uow: UnitOfWork) -> Catalogue:
    """The landlord's list as it is, for reading records."""
    return CodeLists(uow.session, uow.landlord_id).catalogue()


def for_records(uow: UnitOfWork) -> Catalogue:
    """The landlord's list for writing records: no change to it can land before this transaction ends."""
    return CodeLists(uow.session, uow.landlord_id).opened(now=uow.clock.now(), for_change=False)


def _opened(uow: UnitOfWork) -> tuple[CodeLists, Catalogue]:
    lists = CodeLists(uow.session, uow.landlord_id)
    return lists, lists.opened(now=uow.clock.now(), for_change=True)


def _code(found: Catalogue, code: str | None) -> CommunicationCode:
    listed = found.code(rules.key(code, rules.CODE_MAX))
    if listed is None:
        raise NotFound("communication code not found")
    return listed


def _outcome(code: CommunicationCode, outcome: str | None) -> Outcome:
    listed = code.outcome(rules.key(outcome, rules.OUTCOME_CODE_MAX))
    if listed is None:
        raise NotFound("outcome code not found")
    return listed


def _with_outcome(code: CommunicationCode, outcome: str) -> tuple[CommunicationCode, Outcome]:
    return code, _outcome(code, outcome)


def _done(uow: UnitOfWork, lists: CodeLists, code: str) -> CommunicationCode:
    uow.commit()
    return _code(lists.catalogue(), code)


def add_code(uow: UnitOfWork, *, code: str, label: str, outcomes: Iterable[tuple[str, str]] = (), colour: str = "",
             text_colour: str = "") -> CommunicationCode:
    """A new communication code (at the end of the list) with its outcomes in the order given, and its colour as
    an interaction type (the default one, with white text, when not given)."""
    written = rules.label(label)
    made_outcomes = rules.new_outcomes(outcomes)
    shade, text = _colours(colour or DEFAULT_COLOUR, text_colour or WHITE)
    lists, found = _opened(uow)
    rules.unique_label(written, found.codes, "a communication code")
    made = rules.new_code(code, written, (c.code for c in found.codes), rules.CODE_MAX)
    lists.add_code(made, written, shade, text)
    for outcome_code, outcome_label in made_outcomes:
        lists.add_outcome(made, outcome_code, outcome_label)
    return _done(uow, lists, made)


def _colours(colour: str, text_colour: str) -> tuple[str, str]:
    """(colour, text colour) checked: both colours, the text readable on the colour."""
    checked, problems = {}, []
    for name, value in (("colour", colour), ("text_colour", text_colour)):
        try:
            checked[name] = rules.colour(value, name)
        except InvalidInput as refused:
            problems += refused.fields
    collect(problems)
    rules.readable(checked["colour"], checked["text_colour"])
    return checked["colour"], checked["text_colour"]


def change_code(uow: UnitOfWork, *, code: str, label: str | None, archived: bool | None, colour: str | None = None,
                text_colour: str | None = None) -> CommunicationCode:
    """Renamed (records show the new label from now on), archived (or brought back) and/or recoloured."""
    lists, found = _opened(uow)
    listed = _code(found, code)
    values = {}
    if colour is not None or text_colour is not None:
        values["colour"], values["text_colour"] = _colours(listed.colour if colour is None else colour,
                                                           listed.text_colour if text_colour is None else text_colour)
    if label is not None:
        values["label"] = rules.label(label)
        rules.unique_label(values["label"], found.codes, "a communication code", other_than=listed.code)
    if archived is not None and archived != listed.archived:
        rules.refuse_platform(listed)
        values["archived"] = archived
    if values:
        lists.change_code(listed.code, **values)
    return _done(uow, lists, listed.code)


def remove_code(uow: UnitOfWork, *, code: str) -> None:
    """Deleted with its outcomes, while no record carries it (InUse: archive it instead)."""
    lists, found = _opened(uow)
    listed = _code(found, code)
    rules.refuse_platform(listed)
    carrying = lists.records_carrying(listed.code)
    if carrying:
        raise InUse.field("communication_code", f"{carrying:,} communication records carry {listed.label}: archive "
                                                "it instead")
    lists.remove_code(listed.code)
    uow.commit()


def add_outcome(uow: UnitOfWork, *, communication_code: str, code: str,
                label: str) -> tuple[CommunicationCode, Outcome]:
    """A new outcome code of the communication code, at the end of its outcomes (with its code)."""
    written = rules.label(label)
    lists, found = _opened(uow)
    listed = _code(found, communication_code)
    rules.unique_label(written, listed.outcomes, f"an outcome of {listed.label}")
    made = rules.new_code(code, written, (o.code for o in listed.outcomes), rules.OUTCOME_CODE_MAX)
    lists.add_outcome(listed.code, made, written)
    return _with_outcome(_done(uow, lists, listed.code), made)


def change_outcome(uow: UnitOfWork, *, communication_code: str, code: str, label: str | None,
                   archived: bool | None) -> tuple[CommunicationCode, Outcome]:
    """Renamed (records show the new label from now on) and/or archived (or brought back); with its code."""
    lists, found = _opened(uow)
    listed = _code(found, communication_code)
    outcome = _outcome(listed, code)
    values = {}
    if label is not None:
        values["label"] = rules.label(label)
        rules.unique_label(values["label"], listed.outcomes, f"an outcome of {listed.label}", other_than=outcome.code)
    if archived is not None and archived != outcome.archived:
        rules.refuse_platform(listed, outcome)
        values["archived"] = archived
    if values:
        lists.change_outcome(listed.code, outcome.code, **values)
    return _with_outcome(_done(uow, lists, listed.code), outcome.code)


def remove_outcome(uow: UnitOfWork, *, communication_code: str, code: str) -> None:
    """Deleted while no record carries the communication code with it (InUse: archive it instead)."""
    lists, found = _opened(uow)
    listed = _code(found, communication_code)
    outcome = _outcome(listed, code)
    rules.refuse_platform(listed, outcome)
    carrying = lists.records_carrying(listed.code, outcome.code)
    if carrying:
        raise InUse.field("outcome_code", f"{carrying:,} communication records carry {listed.label}: {outcome.label}: "
                                          "archive it instead")
    lists.remove_outcome(listed.code, outcome.code)
    uow.commit()
