"""Weighted-choice lookup tables for the generated residents (stdlib-only)."""
from __future__ import annotations

SIZE = 1 << 14


def table(pairs) -> tuple:
    """A weighted-choice lookup table of exactly 2**14 entries, indexed by `getrandbits(14)` (fast)."""
    total = sum(weight for _, weight in pairs)
    out, cumulative = [], 0.0
    for value, weight in pairs:
        cumulative += weight
        out.extend([value] * (round(cumulative / total * SIZE) - len(out)))
    return tuple(out)
