"""Value mappings of the housing-system import: a feed's spelling of an option value mapped, per field, to one of
the landlord's options; a run's unknown values with how many rows gave each and a suggested option; and what a
field's mappings would make of a run's rejected rows, before they are saved. Equality fields (ethnicity,
disability, ...) are shown only to users who may see equality data, and mapped only by those who may change it."""
from __future__ import annotations

from services.gen.tracker.imports.v1 import imports_service_pb2 as pb
from services.common.grpc_client import call

from .. import equality
from ..schemas.imports import UnknownValueList, ValueMappingList, ValueMappingPreviewOut, ValueMappingsBody
from . import api
from .imports import IMPORTS, RUN, RUN_IMPORTS

VALUE_MAPPINGS = IMPORTS + "/value-mappings"
TAG = "imports"


def _shown(caller):
    hidden = frozenset() if equality.may_view(caller) else equality.EQUALITY_FIELDS
    return lambda field: field not in hidden


def _may_map(caller, field: str) -> None:
    equality.check_use([field], caller, where="field")
    equality.check_edit([field], caller)


def _unknown(u) -> dict:
    return {"field": u.field, "feed_value": u.feed_value, "rows": u.rows, "mapped_to": u.mapped_to or None,
            "suggestion": u.suggestion or None}


def _mappings(answer, caller) -> dict:
    shown = _shown(caller)
    items = [{"field": m.field, "feed_value": m.feed_value, "option": m.option} for m in answer.mappings
             if shown(m.field)]
    return {"total": len(items), "items": items}


def _request(field: str, body: ValueMappingsBody, run_id: str = "") -> pb.SaveValueMappingsRequest:
    return pb.SaveValueMappingsRequest(field=field, run_id=run_id, mappings=[
        pb.ValueMapping(field=field, feed_value=m.feed_value, option=m.option) for m in body.mappings])


@api.route("GET", VALUE_MAPPINGS, access=RUN_IMPORTS, tag=TAG, response=ValueMappingList,
           summary="The value mappings: a feed's spelling of an option value -> one of your options, by field "
                   "(equality fields only for callers with 'view_equality_data')")
def list_value_mappings(gw, caller):
    return _mappings(call(gw.clients.imports.ListValueMappings, pb.ListValueMappingsRequest()), caller)


@api.route("PUT", VALUE_MAPPINGS + "/{field}", access=RUN_IMPORTS, tag=TAG, body=ValueMappingsBody,
           response=ValueMappingList,
           summary="Replace a field's value mappings (each to an option the list has: a mapping never creates one; "
                   "an equality field needs 'view_equality_data' and 'edit_equality_data'); every run after applies "
                   "them. Answers all the mappings")
def put_value_mappings(gw, caller, field: str, body: ValueMappingsBody):
    _may_map(caller, field)
    return _mappings(call(gw.clients.imports.SaveValueMappings, _request(field, body)), caller)


@api.route("GET", RUN + "/unknown-values", access=RUN_IMPORTS, tag=TAG, response=UnknownValueList,
           summary="The option values the run's rows gave that are not your options: how many rejected rows gave "
                   "each, its saved mapping, and the option it most likely means")
def unknown_values(gw, caller, run_id: str):
    shown = _shown(caller)
    answer = call(gw.clients.imports.GetUnknownValues, pb.GetUnknownValuesRequest(run_id=run_id))
    items = [_unknown(u) for u in answer.values if shown(u.field)]
    return {"total": len(items), "items": items}


@api.route("POST", RUN + "/value-mappings/{field}/preview", access=RUN_IMPORTS, tag=TAG, body=ValueMappingsBody,
           response=ValueMappingPreviewOut,
           summary="Preview a field's mappings on the run's rejected rows (the saved mappings of other fields "
                   "count too): how many rows they would accept, and each unknown value with the option it would "
                   "get. Nothing is saved")
def preview_value_mappings(gw, caller, run_id: str, field: str, body: ValueMappingsBody):
    _may_map(caller, field)
    shown = _shown(caller)
    answer = call(gw.clients.imports.PreviewValueMappings, _request(field, body, run_id))
    return {"rejected_rows": answer.rejected_rows, "would_be_accepted": answer.would_be_accepted,
            "items": [_unknown(u) for u in answer.values if shown(u.field)]}
