"""Prometheus metrics shared by every service. Labels never carry personal data."""
from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, start_http_server

RPC_REQUESTS = Counter("tracker_rpc_requests_total", "gRPC calls handled", ["service", "method", "code"])
RPC_DURATION = Histogram("tracker_rpc_duration_seconds", "gRPC call latency", ["service", "method"])
HTTP_REQUESTS = Counter("tracker_http_requests_total", "Gateway requests", ["method", "route", "status"])
HTTP_DURATION = Histogram("tracker_http_request_duration_seconds", "Gateway latency", ["method", "route"])
OUTBOX_BACKLOG = Gauge("tracker_outbox_backlog", "Events committed but not yet published", ["service"])
OUTBOX_PUBLISHED = Counter("tracker_outbox_published_total", "Events published by the relay", ["service"])
IMPORT_ROWS = Counter("tracker_import_rows_total", "Import rows by outcome (rejected: by the feed checks or by "
                      "profiles; preview runs not counted)", ["source", "outcome"])
IMPORT_RUNS = Counter("tracker_import_runs_total", "Import runs finished", ["source", "status"])
CONSUMER_LAG = Gauge("tracker_consumer_lag_events", "Events on a topic not yet handled and committed by a Kafka consumer "
                     "group, over the partitions this process holds (sum by group and topic across processes), as "
                     "librdkafka last reported them", ["group", "topic"])
EVENTS_CONSUMED = Counter("tracker_events_consumed_total", "Events handled by consumers", ["consumer", "outcome"])


def serve_metrics(port: int, host: str = "127.0.0.1") -> None:
    """Serve /metrics on its own port (each service process in cluster mode)."""
    start_http_server(port, addr=host)
