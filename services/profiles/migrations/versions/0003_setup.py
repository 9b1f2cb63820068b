"""profile set-up: option lists, custom field definitions, profile settings

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "option_lists",  # the lists a landlord has (its defaults are seeded on first use)
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("list_name", sa.String(60), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "list_name"),
    )
    op.create_table(
        "options",
        sa.Column("option_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("list_name", sa.String(60), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("label_key", sa.String(200), nullable=False),  # casefolded label: unique within the list
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("code", sa.String(40), nullable=False, server_default=""),
        sa.Column("option_group", sa.String(40), nullable=False, server_default=""),
        # tenancy types only: fed by the housing-system import, and how personal references are generated
        sa.Column("fed_by_import", sa.Boolean, nullable=True),
        sa.Column("ref_prefix", sa.String(20), nullable=True),
        sa.Column("ref_digits", sa.Integer, nullable=True),
        sa.Column("next_number", sa.BigInteger, nullable=True),
        sa.UniqueConstraint("landlord_id", "list_name", "label_key", name="uq_options_label"),
    )
    op.create_index("ix_options_list", "options", ["landlord_id", "list_name", "position"])
    op.create_table(
        "custom_fields",
        sa.Column("field_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("label_key", sa.String(200), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("applies_to", sa.String(20), nullable=False, server_default="person"),
        sa.UniqueConstraint("landlord_id", "key", name="uq_custom_fields_key"),
        sa.UniqueConstraint("landlord_id", "applies_to", "label_key", name="uq_custom_fields_label"),
    )
    op.create_table(
        "profile_settings",
        sa.Column("landlord_id", sa.String(36), primary_key=True),
        sa.Column("age_bands", sa.Text, nullable=False),  # JSON: [{"label", "min_age", "max_age"}]
        sa.Column("personal_ref_mode", sa.String(20), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    for table in ("option_lists", "options", "custom_fields", "profile_settings"):
        landlord_wall(op, table)
