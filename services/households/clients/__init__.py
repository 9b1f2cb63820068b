"""Outbound gRPC adapters of the households service, one module per service it calls (clients/<service>.py)."""
