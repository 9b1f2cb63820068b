"""Providers: the organisations residents are referred to (employment, training, advice), set up by the platform
operator with the services they offer, the areas they serve and the address appointment requests go to; and
the providers a landlord works with, which its site administrators choose (manage_setup) and any of its staff
reads."""
from __future__ import annotations

from services.common.grpc_client import call
from services.gen.tracker.referrals.v1 import referrals_service_pb2 as pb

from ..api import OPERATOR, landlord_staff
from ..privileges import Privilege
from ..schemas.referrals import ProviderChoice, ProviderIn, ProviderList, ProviderOut
from . import api

PROVIDERS = "/api/v1/providers"
PROVIDER = PROVIDERS + "/{provider_id}"
CHOICE = "/api/v1/landlord-providers"
TAG = "referrals"


def provider(p) -> dict:
    d = p.details
    return {"id": p.provider_id, "name": d.name, "services": list(d.services), "areas": list(d.areas),
            "contact_email": d.contact_email, "works_with_landlord": p.works_with_landlord, "created_at": p.created_at}


def _details(body: ProviderIn) -> pb.ProviderDetails:
    return pb.ProviderDetails(name=body.name, services=body.services, areas=body.areas,
                              contact_email=body.contact_email)


@api.route("GET", PROVIDERS, access=OPERATOR, tag=TAG, response=ProviderList, summary="Every provider, by name")
def listed(gw, caller):
    return {"items": [provider(p) for p in call(gw.clients.referrals.ListProviders, pb.ListProvidersRequest()).items]}


@api.route("POST", PROVIDERS, access=OPERATOR, tag=TAG, status=201, body=ProviderIn, response=ProviderOut,
           summary="Add a provider (a name once: 409 for one the platform has)")
def add(gw, caller, body: ProviderIn):
    return provider(call(gw.clients.referrals.AddProvider, _details(body)))


@api.route("GET", PROVIDER, access=OPERATOR, tag=TAG, response=ProviderOut, summary="A provider")
def get(gw, caller, provider_id: str):
    return provider(call(gw.clients.referrals.GetProvider, pb.GetProviderRequest(provider_id=provider_id)))


@api.route("PUT", PROVIDER, access=OPERATOR, tag=TAG, body=ProviderIn, response=ProviderOut,
           summary="Change a provider's name, services, areas or contact address")
def change(gw, caller, provider_id: str, body: ProviderIn):
    return provider(call(gw.clients.referrals.UpdateProvider,
                         pb.UpdateProviderRequest(provider_id=provider_id, details=_details(body))))


@api.route("GET", CHOICE, access=landlord_staff(), tag=TAG, response=ProviderList,
           summary="Every provider, each saying whether your landlord works with it")
def choice(gw, caller):
    answer = call(gw.clients.referrals.ListLandlordProviders, pb.ListLandlordProvidersRequest())
    return {"items": [provider(p) for p in answer.items]}


@api.route("PUT", CHOICE, access=landlord_staff(Privilege.MANAGE_SETUP), tag=TAG, body=ProviderChoice,
           response=ProviderList, summary="Choose the providers your landlord works with (the whole list)")
def choose(gw, caller, body: ProviderChoice):
    answer = call(gw.clients.referrals.SetLandlordProviders,
                  pb.SetLandlordProvidersRequest(provider_ids=body.provider_ids))
    return {"items": [provider(p) for p in answer.items]}
