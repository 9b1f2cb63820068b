"""Profiles set-up (back office): the landlord's option lists behind every
dropdown, its custom fields and its profile settings. Any staff member reads
them; changing them needs the privilege manage_setup."""
from __future__ import annotations

from google.protobuf import empty_pb2, json_format

from services.common.grpc_client import call
from services.gen.tracker.profiles.v1 import setup_service_pb2 as pb

from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas.setup import (CustomFieldChanges, CustomFieldList, CustomFieldOut, NewCustomField, NewOption,
                             OptionChanges, OptionListIndex, OptionListOut, OptionOrder, OptionOut,
                             ProfileSettingsChanges, ProfileSettingsOut)
from . import api

READ = landlord_staff()
MANAGE = landlord_staff(Privilege.MANAGE_SETUP)
LIST = "/api/v1/option-lists/{list_name}"
OPTION = LIST + "/options/{option_id}"
FIELD = "/api/v1/custom-fields/{field_key}"
TAG = "set-up"
EMPTY = empty_pb2.Empty()


def _option(message) -> dict:
    attributes = json_format.MessageToDict(message.attributes) if message.HasField("attributes") else {}
    for name in ("ref_digits", "next_number"):
        if name in attributes:
            attributes[name] = int(attributes[name])
    return {"id": message.option_id, "label": message.label, "position": message.position, "archived": message.archived,
            "code": message.code, "group": message.group, "attributes": attributes, "in_use": message.in_use}


def _list(message) -> dict:
    return {"name": message.name, "label": message.label, "items": [_option(o) for o in message.items]}


def _field(message) -> dict:
    return {"id": message.field_id, "key": message.key, "label": message.label, "type": message.type,
            "position": message.position, "archived": message.archived, "applies_to": message.applies_to,
            "option_list": message.list_name or None, "in_use": message.in_use}


def _settings(message) -> dict:
    return {"personal_ref_mode": message.personal_ref_mode,
            "age_bands": [{"label": b.label, "min_age": b.min_age, "max_age": b.max_age if b.HasField("max_age") else None}
                          for b in message.age_bands]}


# -- option lists ------------------------------------------------------------------------------------------------------

@api.route("GET", "/api/v1/option-lists", access=READ, tag=TAG, response=OptionListIndex,
           summary="Every option list of the landlord (one per dropdown), with how many options each has")
def option_lists(gw, caller):
    answer = call(gw.clients.setup.ListOptionLists, EMPTY)
    return {"items": [{"name": s.name, "label": s.label, "custom": s.custom, "options": s.options,
                       "archived": s.archived} for s in answer.items]}


@api.route("GET", LIST, access=READ, tag=TAG, response=OptionListOut,
           summary="An option list's options in order, archived ones too, each with how many people use it")
def option_list(gw, caller, list_name: str):
    return _list(call(gw.clients.setup.GetOptionList, pb.GetOptionListRequest(list_name=list_name)))


@api.route("POST", LIST + "/options", access=MANAGE, tag=TAG, status=201, body=NewOption, response=OptionOut,
           summary="Add an option at the end of the list (its label must be new to the list, whatever the case)")
def add_option(gw, caller, list_name: str, body: NewOption):
    request = pb.AddOptionRequest(list_name=list_name, label=body.label, group=body.group)
    if body.attributes is not None:
        request.attributes.update(body.attributes.model_dump(exclude_none=True))
    return _option(call(gw.clients.setup.AddOption, request))


@api.route("PATCH", OPTION, access=MANAGE, tag=TAG, body=OptionChanges, response=OptionOut,
           summary="Rename, archive or unarchive, move, or change an option's group or tenancy type attributes")
def change_option(gw, caller, list_name: str, option_id: str, body: OptionChanges):
    sent = body.model_dump(exclude_unset=True)
    request = pb.UpdateOptionRequest(list_name=list_name, option_id=option_id,
                                     **{k: v for k, v in sent.items() if k != "attributes" and v is not None})
    if body.attributes is not None:
        request.attributes.update(body.attributes.model_dump(exclude_none=True))
    return _option(call(gw.clients.setup.UpdateOption, request))


@api.route("PUT", LIST + "/order", access=MANAGE, tag=TAG, body=OptionOrder, response=OptionListOut,
           summary="Put the list in a new order: send every option id of the list once, in the order wanted")
def reorder(gw, caller, list_name: str, body: OptionOrder):
    return _list(call(gw.clients.setup.ReorderOptions,
                      pb.ReorderOptionsRequest(list_name=list_name, option_ids=body.option_ids)))


@api.route("DELETE", OPTION, access=MANAGE, tag=TAG, status=204,
           summary="Delete an option nobody uses (409 says how many people use it: archive it instead)")
def delete_option(gw, caller, list_name: str, option_id: str):
    call(gw.clients.setup.DeleteOption, pb.DeleteOptionRequest(list_name=list_name, option_id=option_id))
    return None, 204


# -- custom fields -----------------------------------------------------------------------------------------------------

@api.route("GET", "/api/v1/custom-fields", access=READ, tag=TAG, response=CustomFieldList,
           summary="The landlord's custom fields of people, properties and households, in order, archived ones too")
def custom_fields(gw, caller):
    return {"items": [_field(f) for f in call(gw.clients.setup.ListCustomFields, EMPTY).items]}


@api.route("POST", "/api/v1/custom-fields", access=MANAGE, tag=TAG, status=201, body=NewCustomField,
           response=CustomFieldOut,
           summary="Define a custom field (text, number, date, yes/no, choice, multi-choice) of people, properties or"
                   " households; choice options live in the option list custom.<key>")
def add_custom_field(gw, caller, body: NewCustomField):
    return _field(call(gw.clients.setup.AddCustomField, pb.AddCustomFieldRequest(
        label=body.label, type=body.type, key=body.key, options=body.options, applies_to=body.applies_to)))


@api.route("PATCH", FIELD, access=MANAGE, tag=TAG, body=CustomFieldChanges, response=CustomFieldOut,
           summary="Rename, archive or unarchive, move a custom field; change its type only while nobody has a value")
def change_custom_field(gw, caller, field_key: str, body: CustomFieldChanges):
    sent = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None}
    return _field(call(gw.clients.setup.UpdateCustomField, pb.UpdateCustomFieldRequest(key=field_key, **sent)))


@api.route("DELETE", FIELD, access=MANAGE, tag=TAG, status=204,
           summary="Delete a custom field nobody has a value for (409 otherwise: archive it instead)")
def delete_custom_field(gw, caller, field_key: str):
    call(gw.clients.setup.DeleteCustomField, pb.DeleteCustomFieldRequest(key=field_key))
    return None, 204


# -- settings ----------------------------------------------------------------------------------------------------------

@api.route("GET", "/api/v1/settings/profiles", access=READ, tag=TAG, response=ProfileSettingsOut,
           summary="Profile settings: age bands, and whether personal references are typed or generated")
def profile_settings(gw, caller):
    return _settings(call(gw.clients.setup.GetProfileSettings, EMPTY))


@api.route("PUT", "/api/v1/settings/profiles", access=MANAGE, tag=TAG, body=ProfileSettingsChanges,
           response=ProfileSettingsOut, summary="Change the profile settings (only those sent)")
def change_profile_settings(gw, caller, body: ProfileSettingsChanges):
    request = pb.UpdateProfileSettingsRequest()
    if body.personal_ref_mode is not None:
        request.personal_ref_mode = body.personal_ref_mode
    if body.age_bands is not None:
        request.age_bands.SetInParent()
        request.age_bands.bands.extend(pb.AgeBand(label=b.label, min_age=b.min_age, max_age=b.max_age)
                                       for b in body.age_bands)
    return _settings(call(gw.clients.setup.UpdateProfileSettings, request))
