"""Reporting publishes no events; it consumes every topic."""
from __future__ import annotations

PEOPLE_TOPIC = "tracker.people.v1"
