"""Bodies of messaging's back office: message defaults and the rules for communication needs (pydantic models;
the OpenAPI schemas too)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from . import Body


class MessageDefaultsIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "sender_name": "Northfield Homes", "sender_email": "hello@example.org", "reply_to": "",
        "reply_to_number": "07700 900001", "open_tracking": False}]})

    sender_name: str = Field("", max_length=200)
    sender_email: str = Field("", max_length=254)
    reply_to: str = Field("", max_length=254)
    reply_to_number: str = Field("", max_length=20, description="texts' sender number, e.g. 07700 900123")
    open_tracking: bool = Field(False, description="emails carry a picture that records their opening")


class MessageDefaultsOut(BaseModel):
    sender_name: str
    sender_email: str
    reply_to: str
    reply_to_number: str = Field(description="E.164")
    open_tracking: bool


class NeedRuleIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    need: str = Field(min_length=1, max_length=200, description="a communication need's label, e.g. Braille")
    channel: Literal["email", "text", "post"]
    action: Literal["send", "alternative_contact", "call"] = Field(description=(
        "send: the channel meets the need (the default); alternative_contact: the message goes to the person's "
        "alternative contact (with none, they are held for a call); call: held for a call"))


class NeedRulesIn(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"rules": [
        {"need": "Braille", "channel": "post", "action": "call"},
        {"need": "British Sign Language", "channel": "text", "action": "alternative_contact"}]}]})

    rules: list[NeedRuleIn] = Field(max_length=300, description="every rule (those not given become send)")


class NeedRulesOut(BaseModel):
    rules: list[NeedRuleIn] = Field(description="by need, then channel; send (the default) is never listed")


class LandlordContactIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"name": "Sam Officer"}]})

    name: str = Field(min_length=1, max_length=200, description="a member of staff, as records name them")


class LandlordContactChanges(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"archived": True}, {"name": "Sam Officer (Housing)"}]})

    name: Optional[str] = Field(None, min_length=1, max_length=200, description="records keep the name they have")
    archived: Optional[bool] = Field(None, description="hidden from the choices; its records kept")


class LandlordContactOut(BaseModel):
    id: str
    name: str
    archived: bool
    in_use: int = Field(description="records and messages naming it (deleted only at 0)")


class LandlordContactList(BaseModel):
    items: list[LandlordContactOut] = Field(description="by name")


class LandlordContactQuery(Body):
    archived: bool = Field(False, description="the archived contacts too")
