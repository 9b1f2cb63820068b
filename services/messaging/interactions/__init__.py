"""Interactions on a person's profile (their communication records, typed by communication code) and the
follow-up actions assigned to staff with a due date."""
