"""The landlord's contacts: the staff names a message or a recorded contact names as who made it, kept as a
list the front end offers. A record keeps the name as it was written, so renaming a contact changes no
history; a contact is deleted only while no record or message names it, else archived (hidden from the
choices, its records kept)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update

from services.common.errors import AlreadyExists, InUse, InvalidInput, NotFound
from services.common.ids import new_id
from services.common.uow import UnitOfWork

from .tables import communication_records, landlord_contacts as table, messages

NAME_MAX = 200


@dataclass(frozen=True)
class Contact:
    contact_id: str
    name: str
    archived: bool
    in_use: int  # records and messages naming it


def _name(value: str | None) -> str:
    name = " ".join((value or "").split())
    if not name:
        raise InvalidInput.field("name", "is required")
    if len(name) > NAME_MAX:
        raise InvalidInput.field("name", f"must be at most {NAME_MAX} characters")
    return name


def _uses(uow: UnitOfWork, name: str) -> int:
    records = uow.session.execute(select(func.count()).select_from(communication_records).where(
        communication_records.c.landlord_id == uow.landlord_id, communication_records.c.deleted.is_(False),
        communication_records.c.landlord_contact == name)).scalar_one()
    sent = uow.session.execute(select(func.count()).select_from(messages).where(
        messages.c.landlord_id == uow.landlord_id, messages.c.landlord_contact == name)).scalar_one()
    return records + sent


def listed(uow: UnitOfWork, *, archived: bool = False) -> list[Contact]:
    """The contacts by name (the archived ones too, when asked)."""
    where = [table.c.landlord_id == uow.landlord_id] + ([] if archived else [table.c.archived.is_(False)])
    rows = uow.session.execute(select(table).where(*where).order_by(func.lower(table.c.name)))
    return [Contact(r.contact_id, r.name, r.archived, _uses(uow, r.name)) for r in rows]


def _get(uow: UnitOfWork, contact_id: str, *, for_update: bool = False):
    statement = select(table).where(table.c.landlord_id == uow.landlord_id, table.c.contact_id == contact_id)
    row = uow.session.execute(statement.with_for_update() if for_update else statement).first()
    if row is None:
        raise NotFound("landlord contact not found")
    return row


def _unique(uow: UnitOfWork, name: str, other_than: str = "") -> None:
    taken = uow.session.execute(select(table.c.contact_id).where(
        table.c.landlord_id == uow.landlord_id, func.lower(table.c.name) == name.lower(),
        table.c.contact_id != other_than)).first()
    if taken:
        raise AlreadyExists.field("name", f"{name} is a contact already")


def add(uow: UnitOfWork, *, name: str, user_id: str) -> Contact:
    name = _name(name)
    _unique(uow, name)
    made = Contact(new_id(), name, False, 0)
    uow.session.execute(insert(table), [{"contact_id": made.contact_id, "landlord_id": uow.landlord_id,
                                         "name": name, "archived": False, "created_at": uow.clock.now(),
                                         "created_by": user_id}])
    uow.commit()
    return Contact(made.contact_id, name, False, _uses(uow, name))


def change(uow: UnitOfWork, *, contact_id: str, name: str | None, archived: bool | None) -> Contact:
    row = _get(uow, contact_id, for_update=True)
    values = {}
    if name is not None:
        values["name"] = _name(name)
        _unique(uow, values["name"], other_than=contact_id)
    if archived is not None:
        values["archived"] = archived
    if values:
        uow.session.execute(update(table).where(table.c.landlord_id == uow.landlord_id,
                                                table.c.contact_id == contact_id).values(**values))
        uow.commit()
    now = values.get("name", row.name)
    return Contact(contact_id, now, values.get("archived", row.archived), _uses(uow, now))


def remove(uow: UnitOfWork, *, contact_id: str) -> None:
    row = _get(uow, contact_id, for_update=True)
    used = _uses(uow, row.name)
    if used:
        raise InUse.field("contact_id", f"{used:,} records or messages name {row.name}: archive the contact instead")
    uow.session.execute(delete(table).where(table.c.landlord_id == uow.landlord_id, table.c.contact_id == contact_id))
    uow.commit()
