"""What both bus adapters do with a handler: retry it, and head the dead letter;
and with a batch handler: call it once, the caller falling back to the handler."""
from __future__ import annotations

import logging
import time
from typing import Callable, Sequence

from ..logs import error_reason
from .port import HANDLER_ATTEMPTS, BatchHandler, Message, RetryLater

log = logging.getLogger(__name__)

ERROR_HEADER_MAX_CHARS = 500
RETRY_BACKOFF_S = 0.05
RETRY_LATER_PAUSE_S = 1.0  # between offers of a message whose handler asked to retry later


def dead_letter_headers(message: Message, error: BaseException) -> dict[str, str]:
    """The headers of a message sent to its dead-letter topic."""
    headers = dict(message.headers)
    headers["error"] = f"{type(error).__name__}: {error}"[:ERROR_HEADER_MAX_CHARS]
    headers["original_topic"] = message.topic
    return headers


def run_handler(
    handler: Callable[[Message], None],
    message: Message,
    where: str,
    logger: logging.Logger = log,
) -> BaseException | None:
    """Call handler up to HANDLER_ATTEMPTS times; the last error if it never succeeded.
    A RetryLater comes back at once: the caller pauses and offers the message again.

    Only what error_reason allows of the error is logged (its text may quote personal
    data); `where` names the topic/partition/offset for the log.
    """
    error: BaseException | None = None
    for attempt in range(1, HANDLER_ATTEMPTS + 1):
        try:
            handler(message)
            return None
        except RetryLater as exc:
            logger.warning("handler asks to retry later on %s key=%s", where, message.key)
            return exc
        except Exception as exc:  # noqa: BLE001 - any handler failure is retried
            error = exc
            logger.warning(
                "handler failed (%s) on %s key=%s attempt %d/%d",
                error_reason(exc), where, message.key, attempt, HANDLER_ATTEMPTS,
            )
            if attempt < HANDLER_ATTEMPTS:
                time.sleep(RETRY_BACKOFF_S * attempt)
    return error


def check_max_batch(max_batch: int) -> int:
    if max_batch < 1:
        raise ValueError("max_batch must be at least 1")
    return max_batch


def run_batch_handler(
    batch_handler: BatchHandler,
    messages: Sequence[Message],
    where: str,
    logger: logging.Logger = log,
) -> BaseException | None:
    """Call batch_handler once; its error if it raised. The caller pauses and offers the
    batch again on RetryLater, and on any other error hands the messages one at a
    time to the handler (run_handler), so a poison message is found and dead-lettered
    alone. Only what error_reason allows of the error is logged (its text may quote personal data)."""
    try:
        batch_handler(messages)
        return None
    except RetryLater as exc:
        logger.warning("batch handler asks to retry later on %s (%d messages)", where, len(messages))
        return exc
    except Exception as exc:  # noqa: BLE001 - the messages go one at a time instead
        logger.warning("batch handler failed (%s) on %s (%d messages); handling them one at a time",
                       error_reason(exc), where, len(messages))
        return exc
