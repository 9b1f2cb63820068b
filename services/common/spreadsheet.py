"""What every spreadsheet the platform writes (CSV or XLSX) shares: a text cell that a spreadsheet could
run as a formula is written so it shows as text."""
from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@")
NEUTRALISE_START = FORMULA_START + ("\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(text: str) -> str:
    """A cell a spreadsheet will show as text: "'" before a leading = + - @ (or tab, carriage return)."""
    return f"'{text}" if text.startswith(NEUTRALISE_START) else text
