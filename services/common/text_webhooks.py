"""Where, on the gateway, the text provider reaches the platform: its delivery report for each text sent,
and the texts people send back. Messaging gives the provider these addresses and checks each signature
against them; the gateway serves them; the loopback provider of `make run` posts to them."""
STATUS_PATH = "/api/v1/texts/status"
REPLIES_PATH = "/api/v1/texts/replies"
