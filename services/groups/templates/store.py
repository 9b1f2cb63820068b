"""Storage of search templates: saved criteria as JSON, names unique within the landlord (any case)."""
from __future__ import annotations

import json

from sqlalchemy import delete, insert, select, update

from services.common.db import as_utc

from ..domain import key
from ..store import Repository, contains
from .domain import SearchTemplate
from .tables import search_templates

TAKEN_NAME = "is already the name of a search template"


def _template_row(t: SearchTemplate) -> dict:
    return {"search_template_id": t.search_template_id, "landlord_id": t.landlord_id, "name": t.name,
            "name_key": key(t.name), "description": t.description, "criteria": json.dumps(t.criteria),
            "created_at": t.created_at, "created_by": t.created_by, "updated_at": t.updated_at}


def _template(r) -> SearchTemplate:
    return SearchTemplate(r["search_template_id"], r["landlord_id"], r["name"], r["description"],
                          json.loads(r["criteria"]), as_utc(r["created_at"]), r["created_by"], as_utc(r["updated_at"]))


class TemplateRepository(Repository):
    def add(self, template: SearchTemplate) -> None:
        self._write_unique(insert(search_templates).values(**_template_row(template)), "name", TAKEN_NAME)

    def save(self, template: SearchTemplate) -> None:
        t = search_templates
        self._write_unique(update(t).where(self._mine(t), t.c.search_template_id == template.search_template_id)
                           .values(**_template_row(template)), "name", TAKEN_NAME)

    def get(self, template_id: str) -> SearchTemplate | None:
        t = search_templates
        row = self.session.execute(select(t).where(self._mine(t), t.c.search_template_id == template_id)
                                   ).mappings().first()
        return _template(row) if row else None

    def name_taken(self, name: str, *, other_than: str = "") -> bool:
        t = search_templates
        return self.session.execute(select(t.c.search_template_id).where(
            self._mine(t), t.c.name_key == key(name), t.c.search_template_id != other_than)).first() is not None

    def page(self, *, text: str, limit: int, offset: int) -> tuple[int, list[SearchTemplate]]:
        t = search_templates
        where = [contains(t.c.name_key, text)] if text else []
        total, rows = self._page(t, (t.c.name_key, t.c.search_template_id), *where, limit=limit, offset=offset)
        return total, [_template(r) for r in rows]

    def referring_to(self, some_id: str, *, other_than: str = "") -> list[str]:
        """Names of templates whose criteria mention this id (a template, admin group or activity)."""
        t = search_templates
        return list(self.session.execute(select(t.c.name).where(
            self._mine(t), t.c.criteria.contains(some_id, autoescape=True), t.c.search_template_id != other_than)
            .order_by(t.c.name_key)).scalars())

    def delete(self, template_id: str) -> None:
        t = search_templates
        self.session.execute(delete(t).where(self._mine(t), t.c.search_template_id == template_id))
