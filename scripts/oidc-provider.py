#!/usr/bin/env python3
"""An OpenID Connect provider on loopback for the tests of Wijknet's single sign-on.

Built on authlib's server (authorization code flow, PKCE with S256, ID tokens signed RS256 with a
key made at start). The people who may sign in come from a JSON file:

    [{"username": "coach", "sub": "...", "name": "...", "email": "...", "groups": ["..."], "amr": ["pwd", "mfa"]}]

The sign-in page asks only for the username: the tests are about what Wijknet does with the answer.

For the refusal tests, POST /test/fault with {"fault": NAME} spoils the next ID token once:
  signature  signed with a key the provider does not publish (same kid)
  audience   issued for another client
  expired    expired ten minutes ago
  nonce      carries the nonce of the sign-in before this one (a replayed nonce)
"""
import argparse
import html
import json
import secrets
import time

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core.grants import OpenIDCode
from flask import Flask, jsonify, request
from joserfc.jwk import RSAKey

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--client-id", required=True)
parser.add_argument("--client-secret", required=True)
parser.add_argument("--redirect-uri", action="append", required=True, help="an allowed redirect URI (repeatable)")
parser.add_argument("--users", required=True, help="JSON file with the people who may sign in")
args = parser.parse_args()

issuer = f"http://127.0.0.1:{args.port}"
signing_key = RSAKey.generate_key(2048, parameters={"kid": "wijknet-test-1", "use": "sig", "alg": "RS256"}, private=True)
unpublished_key = RSAKey.generate_key(2048, parameters={"kid": "wijknet-test-1", "use": "sig", "alg": "RS256"}, private=True)
with open(args.users, encoding="utf-8") as f:
    users = {u["username"]: u for u in json.load(f)}

codes = {}  # code -> dict
used_nonces = []  # in order of issue
state = {"fault": None}


class Client:
    def get_client_id(self):
        return args.client_id

    def get_default_redirect_uri(self):
        return args.redirect_uri[0]

    def get_allowed_scope(self, scope):
        allowed = {"openid", "profile", "email", "groups"}
        return " ".join(s for s in scope.split() if s in allowed)

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri in args.redirect_uri

    def check_client_secret(self, client_secret):
        return secrets.compare_digest(client_secret, args.client_secret)

    def check_endpoint_auth_method(self, method, endpoint):
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


CLIENT = Client()


class Code:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time

    def get_acr(self):
        return None

    def get_amr(self):
        return self.amr

    def is_expired(self):
        return time.time() > self.auth_time + 300


class AuthorizationCodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    def save_authorization_code(self, code, req):
        codes[code] = Code(code=code, user=req.user, redirect_uri=req.payload.redirect_uri, scope=req.scope,
                           nonce=req.payload.data.get("nonce"), auth_time=int(time.time()), amr=req.user.get("amr"),
                           code_challenge=req.payload.data.get("code_challenge"),
                           code_challenge_method=req.payload.data.get("code_challenge_method"))

    def query_authorization_code(self, code, client):
        item = codes.get(code)
        return item if item and not item.is_expired() else None

    def delete_authorization_code(self, authorization_code):
        codes.pop(authorization_code.code, None)

    def authenticate_user(self, authorization_code):
        return authorization_code.user


class WijknetTestOpenIDCode(OpenIDCode):
    def resolve_client_private_key(self, client):
        return unpublished_key if state["fault"] == "signature" else signing_key

    def get_client_algorithm(self, client):
        return "RS256"

    def get_encode_header(self, client):
        return {"alg": "RS256", "kid": "wijknet-test-1"}

    def get_client_claims(self, client):
        claims = {"iss": issuer, "aud": [args.client_id]}
        if state["fault"] == "audience":
            claims["aud"] = ["another-client"]
        if state["fault"] == "expired":
            now = int(time.time())
            claims.update(iat=now - 3600, exp=now - 600, auth_time=now - 3600)
        return claims

    def get_authorization_code_claims(self, authorization_code):
        claims = super().get_authorization_code_claims(authorization_code)
        if state["fault"] == "nonce" and len(used_nonces) >= 2:
            claims["nonce"] = used_nonces[-2]
        return claims

    def exists_nonce(self, nonce, req):
        return nonce in used_nonces

    def generate_user_info(self, user, scope):
        return UserInfo(sub=user["sub"], name=user.get("name"), preferred_username=user["username"],
                        email=user.get("email"), email_verified=bool(user.get("email")), groups=user.get("groups", []))

    def process_token(self, grant, response):
        try:
            return super().process_token(grant, response)
        finally:
            state["fault"] = None


app = Flask(__name__)
server = AuthorizationServer(app, query_client=lambda client_id: CLIENT if client_id == args.client_id else None,
                             save_token=lambda token, req: None)
server.register_grant(AuthorizationCodeGrant, [WijknetTestOpenIDCode(require_nonce=True), CodeChallenge(required=True)])


@app.get("/.well-known/openid-configuration")
def discovery():
    return jsonify(issuer=issuer, authorization_endpoint=f"{issuer}/authorize", token_endpoint=f"{issuer}/token",
                   jwks_uri=f"{issuer}/jwks", response_types_supported=["code"], subject_types_supported=["public"],
                   id_token_signing_alg_values_supported=["RS256"], code_challenge_methods_supported=["S256"],
                   token_endpoint_auth_methods_supported=["client_secret_basic", "client_secret_post"],
                   scopes_supported=["openid", "profile", "email", "groups"])


@app.get("/jwks")
def jwks():
    return jsonify(keys=[signing_key.as_dict(private=False)])


@app.get("/authorize")
def authorize_form():
    try:
        server.get_consent_grant(end_user=None)
    except Exception as error:  # the request itself is wrong: say so, as a provider would
        return f"<p>Ongeldig verzoek: {html.escape(str(error))}</p>", 400
    options = "".join(f'<option value="{html.escape(u)}">{html.escape(u)}</option>' for u in users)
    return f"""<!doctype html><html lang="nl"><head><title>Testprovider</title></head><body>
<h1>Testprovider: inloggen</h1>
<form method="post" action="/authorize?{html.escape(request.query_string.decode())}">
<label for="username">Gebruiker</label> <select id="username" name="username">{options}</select>
<button type="submit" id="sign-in">Inloggen</button></form></body></html>"""


@app.post("/authorize")
def authorize():
    user = users.get(request.form.get("username", ""))
    if user is None:
        return "onbekende gebruiker", 400
    response = server.create_authorization_response(grant_user=user)
    nonce = request.args.get("nonce")
    if response.status_code == 302 and nonce:
        used_nonces.append(nonce)
    return response


@app.post("/token")
def token():
    return server.create_token_response()


@app.post("/test/fault")
def fault():
    name = (request.get_json(silent=True) or {}).get("fault")
    if name not in ("signature", "audience", "expired", "nonce", None):
        return "unknown fault", 400
    state["fault"] = name
    return "", 204


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=args.port, threaded=True)
