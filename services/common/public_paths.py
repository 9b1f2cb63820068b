"""Paths on the gateway that the outside world reaches without signing in, each request proved by a
signature instead: the text provider's delivery report for each text sent and the texts people send back
(signed with the provider's token), and the one-click unsubscribe link in every email and the picture
that tells an email was opened (both signed by the platform). Messaging gives these addresses out and checks the signatures; the gateway serves them; the
loopback text provider of `make run` posts to them."""
STATUS_PATH = "/api/v1/texts/status"
REPLIES_PATH = "/api/v1/texts/replies"
UNSUBSCRIBE_PATH = "/api/v1/unsubscribe"  # + "?token=<signed token>"
OPENED_PATH = "/api/v1/opened"  # + "?token=<signed token>"
