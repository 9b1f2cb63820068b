"""One-click unsubscribe (RFC 8058) from the link in every email: a mail client's POST opts the person out
of email at once; a browser's GET shows a page asking them to confirm, so a link scanner that fetches it
changes nothing. A link the platform did not sign is refused (403)."""
from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from flask import Response

from services.common.grpc_client import call
from services.common.public_paths import UNSUBSCRIBE_PATH
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..api import SIGNED
from ..schemas.messages import UnsubscribeLink
from . import api

TAG = "messages"
CHANNELS = {"email": "emails", "text": "text messages"}


def _page(title: str, body: str) -> Response:
    html = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
            f"<body><main><h1>{escape(title)}</h1>{body}</main></body></html>")
    return Response(html, status=200, mimetype="text/html")


@api.route("GET", UNSUBSCRIBE_PATH, access=SIGNED, tag=TAG, query=UnsubscribeLink, produces="text/html",
           summary="The unsubscribe link opened in a browser: a page asking to confirm (nothing changes yet)")
def confirm(gw, caller, query: UnsubscribeLink):
    action = escape(f"{UNSUBSCRIBE_PATH}?{urlencode({'token': query.token})}")
    return _page("Unsubscribe", f'<p>Stop getting emails like this one?</p><form method="post" action="{action}">'
                                '<button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button>'
                                '</form>')


@api.route("POST", UNSUBSCRIBE_PATH, access=SIGNED, tag=TAG, query=UnsubscribeLink, produces="text/html",
           summary="One-click unsubscribe (RFC 8058, List-Unsubscribe-Post): the link's person is opted out of "
                   "email; 403 for a link the platform did not sign")
def unsubscribe(gw, caller, query: UnsubscribeLink):
    channel = call(gw.clients.messaging.Unsubscribe, pb.UnsubscribeRequest(token=query.token)).done
    return _page("Unsubscribed", f"<p>You will get no more {escape(CHANNELS.get(channel, channel))} from us. "
                                 "You can change this with your landlord at any time.</p>")
