"""The table of search templates (SQLAlchemy Core, on the service's metadata)."""
from __future__ import annotations

from sqlalchemy import Column, Index, String, Table, Text

from ..tables import TZ, metadata

search_templates = Table(
    "search_templates", metadata,
    Column("search_template_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("name", String(200), nullable=False),
    Column("name_key", String(200), nullable=False),  # casefolded: unique within the landlord
    Column("description", Text, nullable=False),
    Column("criteria", Text, nullable=False),  # JSON object
    Column("created_at", TZ, nullable=False),
    Column("created_by", String(36), nullable=False),
    Column("updated_at", TZ, nullable=False),
    Index("uq_search_templates_name", "landlord_id", "name_key", unique=True),
)
