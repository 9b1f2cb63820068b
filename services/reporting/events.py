"""Reporting publishes no events; it consumes every topic (named in services/common/topics.py)."""
from __future__ import annotations
