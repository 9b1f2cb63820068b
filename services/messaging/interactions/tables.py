"""The follow-up actions' tables (SQLAlchemy Core, in the messaging service's metadata): each action on an
interaction (a communication record), every step of it (added, reassigned, completed, cancelled), each
person's actions version (for PersonActionsChanged), and the digests sent (one per user per day)."""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, Index, Integer, PrimaryKeyConstraint, String, Table, Text

from ..tables import ID, TZ, metadata

follow_up_actions = Table(
    "follow_up_actions", metadata,
    Column("action_id", ID, primary_key=True),
    Column("landlord_id", ID, nullable=False),
    Column("communication_id", ID, nullable=False),  # the interaction it follows up
    Column("person_id", ID, nullable=False),
    Column("what", String(1000), nullable=False),
    Column("assigned_to", ID, nullable=False),  # a staff user of the landlord (the gateway's users)
    Column("due_date", Date, nullable=False),
    Column("status", String(10), nullable=False),  # open, completed, cancelled
    Column("completed_at", TZ),
    Column("completed_by", String(36), nullable=False),
    Column("completion_note", Text, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("created_by", ID, nullable=False),
    Index("ix_follow_up_actions_assignee", "landlord_id", "assigned_to", "status", "due_date"),
    Index("ix_follow_up_actions_due", "landlord_id", "status", "due_date"),
    Index("ix_follow_up_actions_communication", "landlord_id", "communication_id"),
    Index("ix_follow_up_actions_person", "landlord_id", "person_id"),
)
action_steps = Table(
    "action_steps", metadata,
    Column("action_id", ID, nullable=False),
    Column("number", Integer, nullable=False),  # 1, 2, 3... per action
    Column("landlord_id", ID, nullable=False),
    Column("step", String(12), nullable=False),  # added, reassigned, completed, cancelled
    Column("at", TZ, nullable=False),
    Column("by", ID, nullable=False),
    Column("assigned_to", ID, nullable=False),  # after the step
    Column("due_date", Date, nullable=False),  # after the step
    Column("note", Text, nullable=False),
    PrimaryKeyConstraint("action_id", "number"),
)
person_actions = Table(
    "person_actions", metadata,
    Column("landlord_id", ID, nullable=False),
    Column("person_id", ID, nullable=False),
    Column("version", BigInteger, nullable=False),  # of the person's PersonActionsChanged
    PrimaryKeyConstraint("landlord_id", "person_id"),
)
action_digests = Table(
    "action_digests", metadata,
    Column("landlord_id", ID, nullable=False),
    Column("user_id", ID, nullable=False),
    Column("day", Date, nullable=False),  # the UK date it was sent for
    Column("sent_at", TZ, nullable=False),
    Column("overdue", Integer, nullable=False),
    Column("due_today", Integer, nullable=False),
    PrimaryKeyConstraint("landlord_id", "user_id", "day"),
)
