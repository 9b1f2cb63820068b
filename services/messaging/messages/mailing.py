"""Post's two steps with I/O: letters of a mailing per household go to the household (its address, and the
name of the occupants the message's rules include), and the mail-merge file (XLSX or CSV, one row per
letter) is written for the post room, who merge it with the letter's template in their word processor."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Sequence

from services.common.errors import InvalidInput
from services.common.row_files import chosen_format, file_chunks

from ..clients.households import Households
from ..clients.profiles import People
from . import post
from .domain import INCLUDED, POST, Message, Recipient

def to_households(message: Message, routed: Sequence[Recipient], people: People,
                  households: Households) -> list[Recipient]:
    """The recipients, those whose letter goes to their own address now addressed to the household they live
    in (people in none keep their own letter)."""
    own = [r.person_id for r in routed if r.state == INCLUDED and not r.contact_name]
    homes = households.homes(own) if own else {}
    occupant_ids = sorted({person_id for home in homes.values() for person_id in home.occupant_ids})
    occupants = {o.person_id: o for o in people.occupants(occupant_ids)} if occupant_ids else {}
    addressed = []
    for r in routed:
        home = homes.get(r.person_id) if r.state == INCLUDED and not r.contact_name else None
        if home is None:
            addressed.append(r)
            continue
        named = post.household_name([occupants[i] for i in home.occupant_ids if i in occupants],
                                    message.household_rules, r.mailing_name)
        addressed.append(replace(r, household_id=home.household_id, mailing_name=named,
                                 to_address=post.postal(home.lines, home.postcode) or r.to_address))
    return addressed


def file_format(message: Message, given: str) -> str:
    if message.channel != POST:
        raise InvalidInput.field("message_id", f"a mail-merge file is made for post; this is {message.channel}")
    return chosen_format(given)


def merge_file(letters: Sequence[Recipient], chosen: str) -> Iterator[bytes]:
    """The mail-merge file of these recipients' letters, a chunk at a time."""
    return file_chunks([post.MERGE_COLUMNS, *post.merge_rows(letters)], chosen, sheet_title="Mailing list")
