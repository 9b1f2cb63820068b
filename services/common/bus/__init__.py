"""The event bus port and its adapters (in-process, Kafka)."""
from .port import BatchHandler, BusError, EventBus, Handler, Message, RetryLater, Subscription, dlq_topic

__all__ = ["BatchHandler", "BusError", "EventBus", "Handler", "Message", "RetryLater", "Subscription", "dlq_topic"]
