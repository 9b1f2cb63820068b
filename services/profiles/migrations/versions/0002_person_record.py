"""the full person record: identity, tenancy, equality and needs, alternative
contact, multi-option values, custom field values and the change history

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0002"
down_revision = "0001"

OPTION_COLUMNS = ("title", "tenancy_type", "household_status", "area", "gender", "ethnicity", "disability",
                  "religion", "sexual_orientation", "first_language", "employment_status", "income_band")
TEXT_COLUMNS = {"property_ref": 30, "address_line_1": 100, "address_line_2": 100, "address_line_3": 100,
                "address_line_4": 100, "postcode": 10, "phone": 20, "mobile": 20, "email": 254,
                "alt_contact_name": 200, "alt_contact_address": 400, "alt_contact_phone": 20,
                "alt_contact_email": 254}


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("date_of_birth", sa.Date, nullable=True))
        for name in OPTION_COLUMNS:
            batch.add_column(sa.Column(name, sa.String(36), nullable=True))
        for name, size in TEXT_COLUMNS.items():
            batch.add_column(sa.Column(name, sa.String(size), nullable=True))
        batch.add_column(sa.Column("imported_fields", sa.Text, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("updated_by", sa.String(36), nullable=True))
    op.create_index("ix_people_landlord_property", "people", ["landlord_id", "property_ref"])
    op.create_table(
        "person_options",  # multi-option fields: one row per chosen option
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), sa.ForeignKey("people.person_id", ondelete="CASCADE"), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("option_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "field", "option_id"),
    )
    op.create_index("ix_person_options_option", "person_options", ["landlord_id", "option_id"])
    op.create_table(
        "person_custom_values",  # one row per value; a multi-choice field has one row per option
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), sa.ForeignKey("people.person_id", ondelete="CASCADE"), nullable=False),
        sa.Column("field_id", sa.String(36), nullable=False),
        sa.Column("value", sa.String(1000), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "field_id", "value"),
    )
    op.create_index("ix_person_custom_values_field", "person_custom_values", ["landlord_id", "field_id", "value"])
    op.create_table(
        "person_changes",
        sa.Column("change_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(36), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),  # "user" | "import"
        sa.Column("field", sa.String(80), nullable=False),
        sa.Column("old_value", sa.Text, nullable=True),
        sa.Column("new_value", sa.Text, nullable=True),
    )
    op.create_index("ix_person_changes_person", "person_changes", ["landlord_id", "person_id", "changed_at"])
    for table in ("person_options", "person_custom_values", "person_changes"):
        landlord_wall(op, table)
