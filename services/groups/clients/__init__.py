"""Outbound gRPC adapters of the groups service, one module per service it calls (clients/<service>.py)."""
