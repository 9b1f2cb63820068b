import pytest

from services.common.config import ConfigError, Settings


def test_defaults_are_embedded():
    settings = Settings.from_env({})
    assert (settings.bus, settings.search, settings.gateway_port) == ("inprocess", "embedded", 8080)
    assert settings.database_url("profiles").startswith("sqlite:///") and settings.database_url("profiles").endswith("/profiles.sqlite")
    assert settings.migration_database_url("profiles") == settings.database_url("profiles")
    assert settings.service_address("profiles") == "127.0.0.1:50051"


def test_engines_and_addresses_come_from_the_environment():
    settings = Settings.from_env({"TRACKER_BUS": "Kafka", "TRACKER_SEARCH": "elasticsearch", "TRACKER_SEARCH_REPLICAS": "2",
                                  "TRACKER_PROFILES_ADDRESS": "profiles:50051",
                                  "TRACKER_DATABASE_URL_TEMPLATE": "postgresql+psycopg://a@h/tracker_{service}"})
    assert settings.bus == "kafka" and settings.search == "elasticsearch"
    assert (settings.search_shards, settings.search_replicas) == (1, 2)
    assert settings.service_address("profiles") == "profiles:50051"
    assert settings.database_url("reporting") == "postgresql+psycopg://a@h/tracker_reporting"


@pytest.mark.parametrize("name,value", [("TRACKER_BUS", "rabbit"), ("TRACKER_GATEWAY_PORT", "eighty"),
                                        ("TRACKER_SEARCH_BULK_BYTES", "100"), ("TRACKER_SEARCH_BULK_IN_FLIGHT", "0")])
def test_bad_values_name_the_variable(name, value):
    with pytest.raises(ConfigError, match=name):
        Settings.from_env({name: value})


def test_a_kafka_namespace_must_be_a_legal_topic_prefix():
    assert Settings.from_env({"TRACKER_KAFKA_NAMESPACE": "ci-42."}).kafka_namespace == "ci-42."
    with pytest.raises(ConfigError, match="TRACKER_KAFKA_NAMESPACE"):
        Settings.from_env({"TRACKER_KAFKA_NAMESPACE": "two words"})
