"""Settings of the local-cluster mode: the real engines that deploy/local/infra.sh
starts on loopback. Used by `make run-cluster`, the integration tests and the
benchmarks, so all three talk to the same engines the same way."""
from __future__ import annotations

import os

PG_PORT = os.environ.get("TRACKER_PG_PORT", "5432")
KAFKA_PORT = os.environ.get("TRACKER_KAFKA_PORT", "9092")
ES_PORT = os.environ.get("TRACKER_ES_PORT", "9200")

ENV = {
    # The services run as tracker_app, which owns nothing and cannot bypass row-level security;
    # migrations run as tracker_owner.
    "TRACKER_DATABASE_URL_TEMPLATE": f"postgresql+psycopg://tracker_app:tracker_app@127.0.0.1:{PG_PORT}/tracker_{{service}}",
    "TRACKER_MIGRATION_DATABASE_URL_TEMPLATE":
        f"postgresql+psycopg://tracker_owner:tracker_owner@127.0.0.1:{PG_PORT}/tracker_{{service}}",
    "TRACKER_BUS": "kafka",
    "TRACKER_KAFKA_BOOTSTRAP": f"127.0.0.1:{KAFKA_PORT}",
    "TRACKER_SEARCH": "elasticsearch",
    "TRACKER_ELASTICSEARCH_URL": f"http://127.0.0.1:{ES_PORT}",
}
PG_ADMIN_URL = f"postgresql+psycopg://postgres:postgres@127.0.0.1:{PG_PORT}/postgres"


def engine_versions() -> dict[str, str]:
    """What each engine says of itself (its version; Kafka's cluster id and brokers, as its clients
    are told no version); raises RuntimeError naming the engine that does not answer."""
    import requests
    from confluent_kafka.admin import AdminClient
    from sqlalchemy import create_engine, text

    versions = {}
    try:
        engine = create_engine(PG_ADMIN_URL)
        with engine.connect() as conn:
            versions["PostgreSQL"] = conn.execute(text("SHOW server_version")).scalar_one()
        engine.dispose()
    except Exception as error:  # noqa: BLE001
        raise RuntimeError(f"PostgreSQL is not answering on 127.0.0.1:{PG_PORT}: {error}") from None
    try:
        cluster = AdminClient({"bootstrap.servers": ENV["TRACKER_KAFKA_BOOTSTRAP"]}).list_topics(timeout=5)
        versions["Kafka"] = f"cluster {cluster.cluster_id}, {len(cluster.brokers)} broker(s)"
    except Exception as error:  # noqa: BLE001
        raise RuntimeError(f"Kafka is not answering on {ENV['TRACKER_KAFKA_BOOTSTRAP']}: {error}") from None
    try:
        # This build answers no GET /; the node info carries the version.
        nodes = requests.get(ENV["TRACKER_ELASTICSEARCH_URL"] + "/_nodes/_local?filter_path=nodes.*.version", timeout=5)
        versions["Elasticsearch"] = next(iter(nodes.json()["nodes"].values()))["version"]
    except Exception as error:  # noqa: BLE001
        raise RuntimeError(f"Elasticsearch is not answering at {ENV['TRACKER_ELASTICSEARCH_URL']}: {error}") from None
    return versions
