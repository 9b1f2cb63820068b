"""Generated protobuf and gRPC code. Do not edit: `make protos` writes it from protos/."""
