"""Bodies of the message and communication record reports (pydantic models; the OpenAPI schemas too)."""
from __future__ import annotations

from datetime import date
from typing import Literal, Optional

from pydantic import BaseModel, Field

from . import Body
from .messages import MessageOut


class OutcomeCount(BaseModel):
    code: str
    label: str
    count: int = Field(description="records with this outcome now (delivery reports and replies included)")


class MessageReportOut(BaseModel):
    message: MessageOut
    outcomes: list[OutcomeCount] = Field(description="each outcome the message's communication code allows")
    total: int = Field(description="records the message made")


class CommunicationReportQuery(Body):
    communication_code: Optional[str] = Field(None, max_length=40, description="emailed, texted, mailed, phoned...")
    date_from: Optional[date] = Field(None, description="records dated on or after this day")
    date_to: Optional[date] = Field(None, description="records dated on or before this day")
    landlord_contact: str = Field("", max_length=200, description="words found in it, any case")
    message_id: str = Field("", max_length=36, description="only the records this message made")


class CommunicationReportFileQuery(CommunicationReportQuery):
    what: Literal["summary", "records"] = Field("summary", description="each message's share, or the records")
    format: Literal["xlsx", "csv"] = "xlsx"


class MessageShare(BaseModel):
    message_id: str = Field(description="drill down: GET /api/v1/messages/{id}/report")
    reference: str
    channel: str
    records: int
    people: int
    first_date: str
    last_date: str


class CommunicationReportOut(BaseModel):
    messages: int = Field(description="distinct messages the records came from")
    dates: int = Field(description="distinct dates")
    records: int
    people: int = Field(description="unique people")
    by_message: list[MessageShare] = Field(description="the latest 500 messages, newest last record first")
