"""Benchmark groups: a landlord opts in to a group (and may leave at any time) and sees its own figures
beside the group's median and quartiles. Only aggregates cross landlords; a group figure is shown only when
at least five landlords contribute to it."""
from __future__ import annotations

from services.common.grpc_client import call
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb

from ..api import landlord_user
from ..equality import EQUALITY_FIELDS, may_view
from ..privileges import Privilege
from ..schemas.reports import BenchmarkJoin, BenchmarkOut, MembershipOut
from . import api

BENCHMARK = "/api/v1/reports/benchmark"


def _optional(message, name: str):
    return getattr(message, name) if message.HasField(name) else None


@api.route("GET", BENCHMARK, access=landlord_user(Privilege.VIEW_REPORTS), tag="reports", response=BenchmarkOut,
           summary="The landlord's measures beside its benchmark group's median and quartiles (404 outside a group)")
def benchmark(gw, caller):
    answer = call(gw.reporting.GetBenchmark, pb.GetBenchmarkRequest(), timeout=30)
    equality = may_view(caller)
    return {"group": answer.group, "members": answer.members, "measures": [
        {"kind": m.kind, "characteristic": m.characteristic, "label": m.label or None, "own": _optional(m, "own"),
         "contributors": m.contributors, "median": _optional(m, "median"),
         "lower_quartile": _optional(m, "lower_quartile"), "upper_quartile": _optional(m, "upper_quartile")}
        for m in answer.measures if equality or m.characteristic not in EQUALITY_FIELDS]}


@api.route("PUT", BENCHMARK + "/membership", access=landlord_user(Privilege.MANAGE_SETUP), tag="reports",
           body=BenchmarkJoin, response=MembershipOut, summary="Join a benchmark group (leaving any other)")
def join_benchmark(gw, caller, body: BenchmarkJoin):
    return {"group": call(gw.reporting.JoinBenchmarkGroup, pb.JoinBenchmarkGroupRequest(group=body.group)).group}


@api.route("DELETE", BENCHMARK + "/membership", access=landlord_user(Privilege.MANAGE_SETUP), tag="reports",
           response=MembershipOut, summary="Leave the benchmark group: the landlord's figures leave it at once")
def leave_benchmark(gw, caller):
    call(gw.reporting.LeaveBenchmarkGroup, pb.LeaveBenchmarkGroupRequest())
    return {"group": None}
