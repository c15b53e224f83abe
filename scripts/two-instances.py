#!/usr/bin/env python3
"""Two Wijknet instances on one PostgreSQL (issue 16), as behind a load balancer: a session made on
one works on the other and ends on both; the background recount runs on one at a time.

Usage: two-instances.py URL_A URL_B METRICS_TOKEN RECOUNT_SECONDS"""
import re
import sys
import time
import urllib.parse
import urllib.request

a, b, token, interval = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


opener = urllib.request.build_opener(NoRedirect)


def call(url, cookie=None, form=None, headers=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(url, data=data, headers=dict(headers or {}))
    if cookie:
        request.add_header("Cookie", cookie)
    request.add_header("Sec-Fetch-Site", "same-origin")
    try:
        response = opener.open(request, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    body = response.read().decode()
    set_cookie = response.headers.get("Set-Cookie", "")
    return response.status, body, set_cookie.split(";")[0] if set_cookie else None


def csrf(body):
    return re.search(r'name="_csrf" value="([^"]+)"', body).group(1)


def metric(url, name):
    status, body, _ = call(url + "/metrics", headers={"Authorization": "Bearer " + token})
    assert status == 200, f"/metrics on {url}: {status}"
    return float(re.search(rf"^{name} (\S+)$", body, re.M).group(1))


# Signed in on A ...
status, body, cookie = call(a + "/inloggen")
status, body, signed_in = call(a + "/inloggen", cookie, {"username": "coach.noordwest", "password": "wijknet-demo", "_csrf": csrf(body)})
assert status == 303 and signed_in, f"sign-in on A: {status}"
# ... is signed in on B.
status, body, _ = call(b + "/", signed_in)
assert status == 200 and "Wijkcoach Noordwest" in body, f"the session from A on B: {status}"
print("a session made on instance A works on instance B")

# Signed out on B: gone on A too.
status, _, _ = call(b + "/uitloggen", signed_in, {"_csrf": csrf(body)})
assert status == 303, f"sign-out on B: {status}"
status, _, _ = call(a + "/", signed_in)
assert status == 303, f"the session after signing out on B, on A: {status}"
print("signing out on B ends the session on A")

# The recount: one round per interval between both instances, not one each.
first = metric(a, "wijknet_recount_rounds")
time.sleep(interval * 6)
rounds = metric(b, "wijknet_recount_rounds") - first
assert 3 <= rounds <= 7, f"{rounds} recount rounds in {interval * 6} s of two instances with an interval of {interval} s"
print(f"the recount ran {rounds:.0f} times in {interval * 6} s on two instances ({interval} s apart): one instance at a time")
