"""households, residents, occupancies, profile values, outbox and processed events

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import create_event_tables, landlord_wall

revision = "0001"
down_revision = None

TZ = sa.DateTime(timezone=True)
SERIAL = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def _text(name: str, length: int = 100) -> sa.Column:
    return sa.Column(name, sa.String(length), nullable=False)


def _address() -> list[sa.Column]:
    return [_text("address_line_1"), _text("address_line_2"), _text("address_line_3"), _text("address_line_4"),
            _text("postcode", 20)]


def upgrade() -> None:
    op.create_table(
        "households",
        sa.Column("household_id", sa.String(36), primary_key=True),
        _text("landlord_id", 36), _text("match_key", 600), _text("matched_by", 20),
        _text("property_ref"), _text("property_ref_key"), *_address(), _text("postcode_key", 20),
        sa.Column("search_words", sa.Text, nullable=False),
        _text("sort_address", 600),
        sa.Column("occupant_count", sa.Integer, nullable=False),
        sa.Column("youngest_date_of_birth", sa.Date, nullable=True),
        sa.Column("tenancy_types", sa.Text, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("property_profile", sa.Text, nullable=False),
        sa.Column("household_profile", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("uq_households_key", "households", ["landlord_id", "match_key"], unique=True)
    op.create_index("uq_households_landlord", "households", ["landlord_id", "household_id"], unique=True)
    op.create_index("ix_households_sort", "households", ["landlord_id", "sort_address"])
    op.create_index("ix_households_occupants", "households", ["landlord_id", "occupant_count"])
    op.create_index("ix_households_updated", "households", ["landlord_id", "updated_at"])
    op.create_index("ix_households_youngest", "households", ["landlord_id", "youngest_date_of_birth"])
    op.create_table(
        "household_residents",
        sa.Column("resident_no", SERIAL, primary_key=True, autoincrement=True),
        _text("landlord_id", 36), _text("person_id", 36), _text("personal_ref"), _text("first_name"),
        _text("surname"), _text("status", 20),
        sa.Column("date_of_birth", sa.Date, nullable=True),
        _text("tenancy_type"), _text("property_ref"), *_address(),
        sa.Column("household_id", sa.String(36), nullable=True),
        sa.Column("household_key", sa.String(600), nullable=True),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("uq_household_residents_person", "household_residents", ["landlord_id", "person_id"], unique=True)
    op.create_index("ix_household_residents_order", "household_residents", ["landlord_id", "resident_no"])
    op.create_index("ix_household_residents_household", "household_residents", ["landlord_id", "household_id"])
    op.create_table(
        "household_occupancies",
        sa.Column("occupancy_id", SERIAL, primary_key=True, autoincrement=True),
        _text("landlord_id", 36), _text("household_id", 36), _text("person_id", 36),
        sa.Column("joined_at", TZ, nullable=False),
        sa.Column("left_at", TZ, nullable=True),
    )
    op.create_index("ix_household_occupancies_household", "household_occupancies",
                    ["landlord_id", "household_id", "left_at"])
    op.create_index("ix_household_occupancies_person", "household_occupancies", ["landlord_id", "person_id", "left_at"])
    op.create_table(
        "household_profile_values",
        sa.Column("value_id", SERIAL, primary_key=True, autoincrement=True),
        _text("landlord_id", 36), _text("household_id", 36), _text("field_id", 36),
        sa.Column("text_value", sa.String(400), nullable=True),
        sa.Column("number_value", sa.Float, nullable=True),
        sa.Column("date_value", sa.Date, nullable=True),
        sa.Column("bool_value", sa.Boolean, nullable=True),
    )
    op.create_index("ix_household_profile_values_field", "household_profile_values",
                    ["landlord_id", "field_id", "household_id"])
    op.create_index("ix_household_profile_values_household", "household_profile_values", ["landlord_id", "household_id"])
    create_event_tables(op)
    for table in ("households", "household_residents", "household_occupancies", "household_profile_values",
                  "outbox", "processed_events"):
        landlord_wall(op, table)
