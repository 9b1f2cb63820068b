"""Profiles' set-up, as households sees it: the custom fields of properties and households (kept
a few seconds per landlord) and checking profile values. Over gRPC (profiles owns the set-up);
the caller's landlord travels in the call context. Tests pass a fake stub."""
from __future__ import annotations

import threading
import time
from typing import Any, Callable, Mapping

from google.protobuf import json_format, struct_pb2

from services.common import context
from services.common.grpc_client import call
from services.gen.tracker.profiles.v1 import setup_service_pb2 as pb

from ..custom import APPLIES_TO, Catalogue, CustomField

KEEP_SECONDS = 5.0


def struct(values: Mapping[str, Any]) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(dict(values))
    return message


def plain(message: struct_pb2.Struct) -> dict[str, Any]:
    return json_format.MessageToDict(message)


class ProfilesSetup:
    def __init__(self, stub, *, keep_seconds: float = KEEP_SECONDS, clock: Callable[[], float] = time.monotonic):
        self._stub = stub
        self._keep = keep_seconds
        self._clock = clock
        self._kept: dict[str, tuple[float, Catalogue]] = {}
        self._lock = threading.Lock()

    def catalogue(self) -> Catalogue:
        """The calling landlord's custom fields of properties and households."""
        landlord_id = context.current().landlord_id
        now = self._clock()
        with self._lock:
            kept = self._kept.get(landlord_id)
        if kept and now - kept[0] < self._keep:
            return kept[1]
        fields = []
        for applies_to in APPLIES_TO:
            answer = call(self._stub.GetCustomFieldCatalogue, pb.GetCustomFieldCatalogueRequest(applies_to=applies_to))
            for item in answer.fields:
                f = item.field
                fields.append(CustomField(f.field_id, f.key, f.label, f.type, f.applies_to or applies_to, f.archived,
                                          {o.option_id: o.label for o in item.options}))
        catalogue = Catalogue(tuple(fields))
        with self._lock:
            self._kept[landlord_id] = (now, catalogue)
        return catalogue

    def check(self, applies_to: str, given: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
        """The new stored values (by field id, option ids) of `given` (by key, labels; None clears) on
        top of `current`; InvalidInput naming each bad key as profiles does."""
        answer = call(self._stub.CheckCustomValues, pb.CheckCustomValuesRequest(
            applies_to=applies_to, given=struct(given), current=struct(current)))
        return plain(answer.stored)
