"""Migration 0015 on a landlord list made before it (SQLite): the product's codes get their colours, a code of
the landlord's own the default one, and the product's new interaction types join the list after its codes
with their outcomes, unless the landlord has a code of that label already."""
from __future__ import annotations

import datetime as dt

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from services.common import migrations
from services.messaging import domain

LANDLORD = "3f1c2a8e-0000-4000-8000-000000000015"


def _config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations.SERVICES_DIR / "messaging" / "migrations"))
    config.attributes["url"] = url
    return config


def test_a_list_made_before_gets_colours_and_the_new_types(tmp_path):
    url = f"sqlite:///{tmp_path / 'messaging.sqlite'}"
    command.upgrade(_config(url), "0014")
    engine = create_engine(url)
    old = [c for c in domain.CODES if c.code in ("emailed", "phoned", "other")]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO communication_code_lists VALUES (:l, :at)"),
                     {"l": LANDLORD, "at": dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)})
        rows = [(c.code, c.label) for c in old] + [("grievance", "Complaint")]
        for position, (code, label) in enumerate(rows, 1):
            conn.execute(text("INSERT INTO communication_codes VALUES (:l, :c, :label, :p, false)"),
                         {"l": LANDLORD, "c": code, "label": label, "p": position})
    command.upgrade(_config(url), "head")
    with engine.connect() as conn:
        codes = conn.execute(text("SELECT code, position, colour, text_colour FROM communication_codes "
                                  "WHERE landlord_id = :l ORDER BY position"), {"l": LANDLORD}).all()
        outcomes = conn.execute(text("SELECT code, label FROM outcome_codes WHERE landlord_id = :l AND "
                                     "communication_code = 'safeguarding_concern' ORDER BY position"),
                                {"l": LANDLORD}).all()
    engine.dispose()
    colours = {c.code: c.colour for c in domain.CODES}
    assert [(c.code, c.position) for c in codes] == [("emailed", 1), ("phoned", 2), ("other", 3), ("grievance", 4),
                                                     ("meeting", 5), ("compliment", 6),
                                                     ("safeguarding_concern", 7)]
    assert {c.code: c.colour for c in codes} == {**{c: colours[c] for c in ("emailed", "phoned", "other", "meeting",
                                                                           "compliment", "safeguarding_concern")},
                                                 "grievance": domain.DEFAULT_COLOUR}
    assert {c.text_colour for c in codes} == {domain.WHITE}
    assert outcomes == [("raised", "Raised"), ("referred_on", "Referred on")]
