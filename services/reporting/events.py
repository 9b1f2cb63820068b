"""Reporting publishes no events; it consumes every topic."""
from __future__ import annotations

PEOPLE_TOPIC = "tracker.people.v1"


def to_outgoing(event: object):
    raise TypeError(f"reporting publishes no events ({type(event).__name__})")
