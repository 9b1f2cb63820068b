"""Every event topic's name, written once (DESIGN.md Events: `tracker.<service>.v1`). The publishing
service and every consumer import it from here, so none reaches into another service for a name."""
from __future__ import annotations

PEOPLE = "tracker.people.v1"  # published by profiles: one person's change at a time (an officer's edit)
# published by profiles: bulk work's changes, many people in each event (PeopleChanged), on a lane of their own
# so an officer's edit never waits behind them
PEOPLE_BULK = "tracker.people.bulk.v1"
HOUSEHOLDS = "tracker.households.v1"  # published by households
GROUPS = "tracker.groups.v1"  # published by groups: one person's groups changed
# published by groups: many people's groups changed at once (PeopleGroupsChanged), on a lane of its own
GROUPS_BULK = "tracker.groups.bulk.v1"
MESSAGING = "tracker.messaging.v1"  # published by messaging
REFERRALS = "tracker.referrals.v1"  # published by referrals
HOUSING_FEED = "housing.feed.v1"  # published by the landlords' housing systems, consumed by import
