"""Communication needs and how each channel meets them, with no I/O. A landlord sets a rule per need and
channel: "send" (the channel meets it, as when no rule is set), "alternative_contact" (the message goes to
the person's alternative contact instead; with none, they are held for a call) or "call" (held for a call:
an officer phones them). The reason a person is held names the need, e.g. "need_call:Braille"."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from services.common.errors import FieldProblem, collect

SEND, CONTACT, CALL = "send", "alternative_contact", "call"
ACTIONS = (SEND, CONTACT, CALL)
CHANNELS = ("email", "text", "post")
HELD = "need_call:"  # the reason's prefix; the need follows
MAX_RULES = 300


@dataclass(frozen=True)
class NeedRule:
    need: str  # the communication need's label, as the landlord's list has it
    channel: str
    action: str


def check(given: Sequence[Mapping[str, str]], known_needs: Iterable[str]) -> list[NeedRule]:
    """The rules as given, checked against the landlord's communication needs, or InvalidInput naming each
    bad rule (rules.<n>.<field>); one rule per need and channel, "send" rules dropped (they are the default)."""
    known = {need.casefold(): need for need in known_needs}
    problems: list[FieldProblem] = []
    if len(given) > MAX_RULES:
        problems.append(FieldProblem("rules", f"at most {MAX_RULES} rules"))
    rules: dict[tuple[str, str], NeedRule] = {}
    for i, rule in enumerate(given):
        need = known.get(str(rule.get("need") or "").strip().casefold())
        channel, action = rule.get("channel"), rule.get("action")
        if need is None:
            problems.append(FieldProblem(f"rules.{i}.need", "is not one of the communication needs: "
                                                            + ", ".join(known.values())))
        if channel not in CHANNELS:
            problems.append(FieldProblem(f"rules.{i}.channel", "must be one of " + ", ".join(CHANNELS)))
        if action not in ACTIONS:
            problems.append(FieldProblem(f"rules.{i}.action", "must be one of " + ", ".join(ACTIONS)))
        if need and (need, channel) in rules:
            problems.append(FieldProblem(f"rules.{i}", f"repeats the rule for {need} by {channel}"))
        elif need and channel in CHANNELS and action in ACTIONS:
            rules[(need, channel)] = NeedRule(need, channel, action)
    collect(problems)
    return [rule for rule in rules.values() if rule.action != SEND]


def for_channel(rules: Iterable[NeedRule], channel: str) -> dict[str, str]:
    """need (case folded) -> action, for one channel's rules."""
    return {rule.need.casefold(): rule.action for rule in rules if rule.channel == channel}


def action(needs: Iterable[str], rules: Mapping[str, str]) -> tuple[str, str]:
    """What the person's needs make of the message: (CALL, the need) if one holds them for a call, else
    (CONTACT, the need) if one sends it to their alternative contact, else (SEND, "")."""
    if not needs or not rules:  # most people, most landlords: nothing to look up
        return SEND, ""
    found = [(rules.get(need.casefold(), SEND), need) for need in needs]
    for wanted in (CALL, CONTACT):
        need = next((need for act, need in found if act == wanted), None)
        if need is not None:
            return wanted, need
    return SEND, ""


def held_label(reason: str, channel: str) -> str | None:
    """ "Held for a call: Braille cannot be met by email" for a need's reason; None for any other reason."""
    if not reason.startswith(HELD):
        return None
    return f"Held for a call: {reason[len(HELD):]} cannot be met by {channel}"
