"""interactions and follow-up actions: communication codes are interaction types with a colour (and the text
colour on it); the product's new types (meeting, complaint, compliment, safeguarding concern) join every
landlord list made before; follow-up actions with their steps, each person's actions version and the daily
digests sent

Revision ID: 0015
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0015"
down_revision = "0014"

# The product's colours and its new types as they were at this revision (services/messaging/domain.py).
COLOURS = {"emailed": "#1F5FA8", "texted": "#6A3D9A", "mailed": "#8C5A1E", "phoned": "#1E7A46",
           "visited": "#A23B12", "met": "#0F6E75", "questionnaire": "#5B4B8A", "other": "#4D5A66"}
NEW_TYPES = (("meeting", "Meeting", "#2F4F8F", (("attended", "Attended"), ("did_not_attend", "Did not attend"))),
             ("complaint", "Complaint", "#B0162B", (("received", "Received"), ("resolved", "Resolved"))),
             ("compliment", "Compliment", "#3B6E1F", (("received", "Received"),)),
             ("safeguarding_concern", "Safeguarding concern", "#7A1F5C",
              (("raised", "Raised"), ("referred_on", "Referred on"))))
TZ = sa.DateTime(timezone=True)


def _types() -> None:
    op.add_column("communication_codes", sa.Column("colour", sa.String(7), nullable=False, server_default="#4D5A66"))
    op.add_column("communication_codes", sa.Column("text_colour", sa.String(7), nullable=False,
                                                   server_default="#FFFFFF"))
    codes = sa.table("communication_codes", sa.column("landlord_id"), sa.column("code"), sa.column("label"),
                     sa.column("position"), sa.column("archived"), sa.column("colour"), sa.column("text_colour"))
    outcomes = sa.table("outcome_codes", sa.column("landlord_id"), sa.column("communication_code"),
                        sa.column("code"), sa.column("label"), sa.column("position"), sa.column("archived"))
    for code, colour in COLOURS.items():
        op.execute(codes.update().where(codes.c.code == code).values(colour=colour))
    bind = op.get_bind()
    lists = bind.execute(sa.text("SELECT landlord_id, MAX(position) FROM communication_codes GROUP BY landlord_id"))
    for landlord_id, highest in lists.all():
        rows = bind.execute(sa.text("SELECT code, label FROM communication_codes WHERE landlord_id = :l"),
                            {"l": landlord_id}).all()
        taken, labels = {code for code, _ in rows}, {label.lower() for _, label in rows}
        position = highest or 0
        for code, label, colour, outcome_list in NEW_TYPES:
            if code in taken or label.lower() in labels:
                continue
            position += 1
            bind.execute(codes.insert().values(landlord_id=landlord_id, code=code, label=label, position=position,
                                               archived=False, colour=colour, text_colour="#FFFFFF"))
            bind.execute(outcomes.insert(), [
                {"landlord_id": landlord_id, "communication_code": code, "code": o, "label": o_label, "position": i,
                 "archived": False} for i, (o, o_label) in enumerate(outcome_list, 1)])


def upgrade() -> None:
    _types()
    op.create_table(
        "follow_up_actions",
        sa.Column("action_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("communication_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("what", sa.String(1000), nullable=False),
        sa.Column("assigned_to", sa.String(36), nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("completed_at", TZ),
        sa.Column("completed_by", sa.String(36), nullable=False),
        sa.Column("completion_note", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", sa.String(36), nullable=False),
    )
    op.create_index("ix_follow_up_actions_assignee", "follow_up_actions",
                    ["landlord_id", "assigned_to", "status", "due_date"])
    op.create_index("ix_follow_up_actions_due", "follow_up_actions", ["landlord_id", "status", "due_date"])
    op.create_index("ix_follow_up_actions_communication", "follow_up_actions", ["landlord_id", "communication_id"])
    op.create_index("ix_follow_up_actions_person", "follow_up_actions", ["landlord_id", "person_id"])
    op.create_table(
        "action_steps",
        sa.Column("action_id", sa.String(36), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("step", sa.String(12), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("by", sa.String(36), nullable=False),
        sa.Column("assigned_to", sa.String(36), nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("action_id", "number"),
    )
    op.create_table(
        "person_actions",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "person_id"),
    )
    op.create_table(
        "action_digests",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("sent_at", TZ, nullable=False),
        sa.Column("overdue", sa.Integer, nullable=False),
        sa.Column("due_today", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "user_id", "day"),
    )
    for table in ("follow_up_actions", "action_steps", "person_actions", "action_digests"):
        landlord_wall(op, table)


def downgrade() -> None:
    for table in ("action_digests", "person_actions", "action_steps", "follow_up_actions"):
        op.drop_table(table)
    op.drop_column("communication_codes", "text_colour")
    op.drop_column("communication_codes", "colour")
