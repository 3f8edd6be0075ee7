"""The checker's request helpers, shared by the page tests: one good loan and the two URLs."""

from urllib.parse import urlencode

GOOD = {
    "amount": "10000",
    "received": "10000",
    "date": "2025-06-01",
    "plan": "bullet",
    "n": "12",
    "payment": "100",
}


def page(client, **params):
    return client.get("/tools/rate/?" + urlencode(params))


def api(client, **params):
    return client.get("/api/rate/?" + urlencode(params))
