"""The event bus port and its adapters (in-process, Kafka)."""
from .port import BusError, EventBus, Message, RetryLater, Subscription, dlq_topic

__all__ = ["BusError", "EventBus", "Message", "RetryLater", "Subscription", "dlq_topic"]
