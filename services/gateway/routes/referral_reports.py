"""Referral reports: over a date range, referrals by landlord, provider, officer, status and outcome, the people
who said no and why, and the funnel from referral to first appointment to job with conversion rates and median
days between the steps; the referrals as XLSX or CSV. A landlord's (view_reports; the file export_data) cover its
referrals; a provider's users see those made to their provider, by landlord. Equal outcomes by characteristic:
POST /api/v1/reports/outcomes with the `referred` criterion."""
from __future__ import annotations

from services.common.grpc_client import call, call_stream
from services.gen.tracker.referrals.v1 import referrals_service_pb2 as pb

from .. import staff
from ..api import landlord_user, provider_user
from ..downloads import rows_file
from ..privileges import Privilege
from ..schemas.referrals import ReferralReportFileQuery, ReferralReportOut, ReferralReportQuery
from ..store import LandlordRepository
from . import api
from .referrals import TAG

REPORT = "/api/v1/reports/referrals"
PRODUCES = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv")


def _request(query, scope: str = "", **extra) -> pb.ReferralReportRequest:
    return pb.ReferralReportRequest(
        referred_from=query.referred_from.isoformat() if query.referred_from else "",
        referred_until=query.referred_until.isoformat() if query.referred_until else "",
        provider_id=query.provider_id, referred_by=query.referred_by, provider_scope=scope, **extra)


def _names(gw, caller) -> dict[str, str]:
    """Users' and landlords' names by id, as the report shows them (a landlord's own users; every landlord)."""
    with gw.uow(platform=True) as uow:
        found = {landlord.landlord_id: landlord.name for landlord in LandlordRepository(uow.session).list()}
    if caller.landlord_id:
        with gw.uow(caller.landlord_id) as uow:
            found.update({u.user_id: u.name for u in staff.everyone(uow, caller.landlord_id).values()})
    return found


def _answer(answer, names: dict[str, str]) -> dict:
    def counts(found, named: bool = False):
        return [{"key": c.key, "label": names.get(c.key, c.label) if named else c.label, "count": c.count}
                for c in found]

    def optional(step, name: str):
        return getattr(step, name) if step.HasField(name) else None
    return {"referrals": answer.referrals, "wanted_support": answer.wanted_support, "declined": answer.declined,
            "by_landlord": counts(answer.by_landlord, True), "by_area": counts(answer.by_area),
            "by_provider": counts(answer.by_provider),
            "by_officer": counts(answer.by_officer, True), "by_status": counts(answer.by_status),
            "no_reasons": counts(answer.no_reasons), "outcomes": counts(answer.outcomes),
            "funnel": [{"step": f.step, "label": f.label, "count": f.count,
                        **{n: optional(f, n) for n in ("rate_from_previous", "rate_from_referred",
                                                       "median_days_from_previous")}} for f in answer.funnel]}


@api.route("GET", REPORT, access=landlord_user(Privilege.VIEW_REPORTS), tag=TAG, query=ReferralReportQuery,
           response=ReferralReportOut, summary="Your landlord's referrals: counts by provider, officer, status and "
                                               "outcome, the no's and why, and the funnel to a job")
def report(gw, caller, query: ReferralReportQuery):
    return _answer(call(gw.clients.referrals.GetReferralReport, _request(query)), _names(gw, caller))


@api.route("GET", REPORT + "/file", access=landlord_user(Privilege.EXPORT_DATA), tag=TAG,
           query=ReferralReportFileQuery, produces=PRODUCES, summary="Your landlord's referrals as XLSX or CSV")
def report_file(gw, caller, query: ReferralReportFileQuery):
    chunks = call_stream(gw.clients.referrals.DownloadReferralReport,
                         _request(query, format=query.format, names=_names(gw, caller)), timeout=600)
    return rows_file(chunks, query.format, f"referrals.{query.format}")


@api.route("GET", "/api/v1/provider/reports/referrals", access=provider_user(), tag=TAG, query=ReferralReportQuery,
           response=ReferralReportOut, summary="The referrals made to your provider: by landlord, status and "
                                               "outcome, and the funnel to a job")
def provider_report(gw, caller, query: ReferralReportQuery):
    return _answer(call(gw.clients.referrals.GetReferralReport, _request(query, scope=caller.provider_id)),
                   _names(gw, caller))
