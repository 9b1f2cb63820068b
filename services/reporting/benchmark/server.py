"""The benchmark groups' part of the Reporting servicer: proto <-> use cases."""
from __future__ import annotations

from services.common.context import require_landlord
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb

from . import service


def _measure(m) -> pb.Measure:
    message = pb.Measure(kind=m.kind, characteristic=m.characteristic, label=m.label, contributors=m.contributors)
    for name in ("own", "median", "lower_quartile", "upper_quartile"):
        if getattr(m, name) is not None:
            setattr(message, name, getattr(m, name))
    return message


class BenchmarkServicer:
    """Mixed into ReportingServicer (which has `_runtime` and `_profiles`)."""

    def JoinBenchmarkGroup(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return pb.BenchmarkMembership(group=service.join(uow, request.group))

    def LeaveBenchmarkGroup(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            service.leave(uow)
        return pb.BenchmarkMembership(group="")

    def GetBenchmark(self, request, ctx):
        group, members, measures = service.compare(self._runtime.uow, require_landlord(), self._profiles.catalogue)
        return pb.Benchmark(group=group, members=members, measures=[_measure(m) for m in measures])
