"""Outbound gRPC adapters of the messaging service, one module per service it calls (clients/<service>.py)."""
