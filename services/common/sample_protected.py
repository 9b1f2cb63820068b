"""The generated residents' protected characteristics added after the first release (gender identity, marriage
and civil partnership, pregnancy and maternity), drawn from a random stream of their own so every other
generated value stays as it was. Stdlib-only, like sample_residents."""
from __future__ import annotations

from typing import Callable

from .sample_tables import table

_GENDER_IDENTITY = table([("Same as sex registered at birth", 60), ("Different from sex registered at birth", 0.5),
                           ("Prefer not to say", 3), ("", 36.5)])
_PARTNERSHIP = table([("Never married and never registered a civil partnership", 22), ("Married", 20),
                       ("In a registered civil partnership", 0.5), ("Separated", 3),
                       ("Divorced or civil partnership dissolved", 9), ("Widowed or surviving civil partner", 6),
                       ("Prefer not to say", 3), ("", 36.5)])
_PREGNANCY = table([("Pregnant", 3), ("Given birth in the last 26 weeks", 2), ("Neither", 50),
                     ("Prefer not to say", 2), ("", 43)])


def protected_characteristics(draw: Callable[[int], int], age: int, gender: str) -> dict[str, str]:
    """The three feed columns of one person; `draw` is the protected stream's getrandbits."""
    adult = age >= 16
    identity, partnership, pregnancy = (draw(14) for _ in range(3))
    return {"gender_identity": _GENDER_IDENTITY[identity] if adult else "",
            "marriage_civil_partnership": _PARTNERSHIP[partnership] if adult else "",
            "pregnancy_maternity": _PREGNANCY[pregnancy] if adult and age < 50 and gender == "Female" else ""}
