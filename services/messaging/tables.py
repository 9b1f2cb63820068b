"""The messaging service's tables (SQLAlchemy Core). Every row carries its landlord; every query filters
on it (store.py) and PostgreSQL row-level security is the second wall behind that."""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, Date, DateTime, Index, Integer, LargeBinary, MetaData,
                        PrimaryKeyConstraint, String, Table, Text, false, text)

from services.common.db import outbox_table, processed_events_table

TZ = DateTime(timezone=True)
ID = String(36)

metadata = MetaData()
communication_records = Table(
    "communication_records", metadata,
    Column("communication_id", ID, primary_key=True),
    Column("landlord_id", ID, nullable=False),
    Column("person_id", ID, nullable=False),
    Column("communication_code", String(40), nullable=False),
    Column("outcome_code", String(60), nullable=False),
    Column("date", Date, nullable=False),
    Column("landlord_contact", String(200), nullable=False),
    Column("description", String(200), nullable=False),
    Column("notes", Text, nullable=False),
    Column("satisfaction", Integer),  # a survey's score, 0-10; None where none was given
    Column("message_id", String(36), nullable=False),  # "" for a contact recorded by hand
    Column("version", BigInteger, nullable=False),
    # a deleted record stays as a tombstone (its version, code, outcome, date and person; its words cleared), so
    # the recount of those who keep records from the events tells a deletion from a record never heard of
    Column("deleted", Boolean, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("created_by", ID, nullable=False),
    Column("updated_at", TZ, nullable=False),
    Index("ix_communication_records_person", "landlord_id", "person_id", "date"),
    Index("ix_communication_records_date", "landlord_id", "date"),
)
messages = Table(
    "messages", metadata,
    Column("message_id", ID, primary_key=True),
    Column("landlord_id", ID, nullable=False),
    Column("channel", String(10), nullable=False),
    Column("reference", String(300), nullable=False),
    Column("description", String(200), nullable=False),
    Column("sender_name", String(200), nullable=False),
    Column("sender_email", String(254), nullable=False),
    Column("reply_to", String(254), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("html", Text, nullable=False),
    Column("greeting", String(20), nullable=False),
    Column("landlord_contact", String(200), nullable=False),
    Column("notes", Text, nullable=False),
    Column("status", String(10), nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("created_by", ID, nullable=False),
    Column("sent_at", TZ),
    Column("text", Text, nullable=False, server_default=""),  # a text message's content
    Column("reply_to_number", String(20), nullable=False, server_default=""),  # a text's sender, E.164
    Column("mailing", String(10), nullable=False, server_default=""),  # post: person | household
    Column("household_rules", Text, nullable=False, server_default="{}"),  # post per household: who is named
    Column("open_tracking", Boolean, nullable=False, server_default=false()),  # an email tracks opens
    Column("variants", Text, nullable=False, server_default="[]"),  # language variants (messages/variants.py)
    Column("survey_method", String(20), nullable=False, server_default=""),  # a survey's: phone, postal...
    Index("ix_messages_status", "status"),
)
# One row per person on a message's list: included or excluded (with the reason) while it is a draft, then
# claimed (state "sending") just before the email goes, then done with the communication record it made.
message_recipients = Table(
    "message_recipients", metadata,
    Column("message_id", ID, nullable=False),
    Column("person_id", ID, nullable=False),
    Column("landlord_id", ID, nullable=False),
    Column("name", String(401), nullable=False),
    Column("state", String(10), nullable=False),
    Column("reason", String(40), nullable=False),
    Column("to_address", String(500), nullable=False),  # an email address, a mobile (E.164) or a postal address
    Column("contact_name", String(254), nullable=False),
    Column("title", String(200), nullable=False),
    Column("first_name", String(200), nullable=False),
    Column("surname", String(200), nullable=False),
    Column("personal_ref", String(30), nullable=False),
    Column("communication_id", String(36), nullable=False),
    Column("error", String(500), nullable=False),
    Column("segments", Integer, nullable=False, server_default="0"),  # a text's parts: the credits it costs
    Column("provider_ref", String(64), nullable=False, server_default=""),  # the text provider's message id
    Column("large_print", Boolean, nullable=False, server_default=false()),  # a letter in large print
    Column("household_id", String(36), nullable=False, server_default=""),  # post per household
    Column("mailing_name", String(1000), nullable=False, server_default=""),  # the name on a letter
    Column("copy", LargeBinary, nullable=False, server_default=text("''")),  # what was sent, compressed (rendering.copy)
    Column("language", String(100), nullable=False, server_default=""),  # the language variant they get
    Column("claimed_at", DateTime(timezone=True), nullable=True),  # when a send job claimed them (migration 0014)
    PrimaryKeyConstraint("message_id", "person_id"),
    Index("ix_message_recipients_state", "message_id", "state"),
    # delivery reports and replies look only for texts handed over (migration 0013)
    Index("ix_message_recipients_provider_ref", "provider_ref", postgresql_where=text("provider_ref <> ''"),
          sqlite_where=text("provider_ref <> ''")),
    Index("ix_message_recipients_to_address", "to_address", postgresql_where=text("provider_ref <> ''"),
          sqlite_where=text("provider_ref <> ''")),
)
# Each landlord's text credits (one per part of a text sent) and every movement of them.
text_credits = Table(
    "text_credits", metadata,
    Column("landlord_id", ID, primary_key=True),
    Column("balance", BigInteger, nullable=False),
    Column("updated_at", TZ, nullable=False),
)
text_credit_movements = Table(
    "text_credit_movements", metadata,
    Column("movement_id", ID, primary_key=True),
    Column("landlord_id", ID, nullable=False),
    Column("number", BigInteger, nullable=False),  # 1, 2, 3... per landlord: the order they happened in
    Column("kind", String(10), nullable=False),  # top_up, spend, refund
    Column("credits", BigInteger, nullable=False),  # added (+) or taken (-)
    Column("balance_after", BigInteger, nullable=False),
    Column("message_id", String(36), nullable=False),  # "" for a top-up
    Column("note", String(200), nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("created_by", String(36), nullable=False),
    Index("ix_text_credit_movements_landlord", "landlord_id", "number", unique=True),
)
# A message's one attachment (an email's file, a letter's template document), kept with it.
message_attachments = Table(
    "message_attachments", metadata,
    Column("message_id", ID, primary_key=True),
    Column("landlord_id", ID, nullable=False),
    Column("file_name", String(200), nullable=False),
    Column("content_type", String(120), nullable=False),
    Column("size_bytes", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("uploaded_at", TZ, nullable=False),
    Column("uploaded_by", ID, nullable=False),
)
# Each landlord's rules for communication needs a channel cannot meet (messages/needs.py): none is "send".
need_rules = Table(
    "need_rules", metadata,
    Column("landlord_id", ID, nullable=False),
    Column("need", String(200), nullable=False),
    Column("channel", String(10), nullable=False),
    Column("action", String(30), nullable=False),
    Column("updated_at", TZ, nullable=False),
    Column("updated_by", ID, nullable=False),
    PrimaryKeyConstraint("landlord_id", "need", "channel"),
)
# Each landlord's message defaults (messages/defaults.py).
message_defaults = Table(
    "message_defaults", metadata,
    Column("landlord_id", ID, primary_key=True),
    Column("sender_name", String(200), nullable=False),
    Column("sender_email", String(254), nullable=False),
    Column("reply_to", String(254), nullable=False),
    Column("reply_to_number", String(20), nullable=False),
    Column("open_tracking", Boolean, nullable=False),
    Column("updated_at", TZ, nullable=False),
    Column("updated_by", ID, nullable=False),
)
# Each landlord's contacts: the staff names offered as who made a contact (contacts.py).
landlord_contacts = Table(
    "landlord_contacts", metadata,
    Column("contact_id", ID, primary_key=True),
    Column("landlord_id", ID, nullable=False),
    Column("name", String(200), nullable=False),
    Column("archived", Boolean, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("created_by", ID, nullable=False),
    Index("ix_landlord_contacts_landlord", "landlord_id"),
)
# Each landlord's own communication codes and their outcome codes (codes/): a row in communication_code_lists
# says the landlord has its list, made from the product's the first time it changed or was used; until then
# the landlord's list is the product's (domain.PRODUCT). Order as shown: position.
communication_code_lists = Table(
    "communication_code_lists", metadata,
    Column("landlord_id", ID, primary_key=True),
    Column("created_at", TZ, nullable=False),
)
communication_codes = Table(
    "communication_codes", metadata,
    Column("landlord_id", ID, nullable=False),
    Column("code", String(40), nullable=False),
    Column("label", String(60), nullable=False),
    Column("position", Integer, nullable=False),
    Column("archived", Boolean, nullable=False),
    Column("colour", String(7), nullable=False),  # as an interaction type (migration 0015)
    Column("text_colour", String(7), nullable=False),
    PrimaryKeyConstraint("landlord_id", "code"),
)
outcome_codes = Table(
    "outcome_codes", metadata,
    Column("landlord_id", ID, nullable=False),
    Column("communication_code", String(40), nullable=False),
    Column("code", String(60), nullable=False),
    Column("label", String(60), nullable=False),
    Column("position", Integer, nullable=False),
    Column("archived", Boolean, nullable=False),
    PrimaryKeyConstraint("landlord_id", "communication_code", "code"),
)
outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)
