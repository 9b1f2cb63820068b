"""Operator commands of the households service."""
from __future__ import annotations

import logging

from services.common import context, topics
from services.common.db import landlords_in

from .rebuild import BATCH, rebuild
from .tables import residents

log = logging.getLogger(__name__)


def rebuild_all(households, batch_size: int = BATCH) -> None:
    """Rebuild every landlord's households from the stored residents: `python -m services.households rebuild`."""
    runtime = households.runtime
    with runtime.uow(platform=True) as uow:
        landlords = landlords_in(uow.session, residents.c.landlord_id)
    for number, landlord_id in enumerate(landlords, 1):
        def progress(counts, number=number) -> None:
            log.info("rebuilding", extra={"landlord": number, "of": len(landlords), "residents": counts.residents})
        with context.bound(context.CallContext(landlord_id=landlord_id, request_id=context.new_request_id())):
            counts = rebuild(runtime.uow, landlord_id, batch_size, progress)
        log.info("rebuilt landlord", extra={"landlord": number, "of": len(landlords), "residents": counts.residents,
                                            "moved": counts.moved, "rekeyed": counts.rekeyed,
                                            "households_created": counts.created, "announced": counts.announced})
    # Publish what the rebuild announced before the process ends.
    runtime.bus.ensure_topics([topics.HOUSEHOLDS])
    while runtime.relay.publish_pending():
        pass
