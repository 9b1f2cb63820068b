"""Outbound gRPC adapters of the import service, one module per service it calls (clients/<service>.py)."""
