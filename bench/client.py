"""The HTTP client the bench scripts share: one kept-alive connection to BASE (default http://localhost:8080)."""
import http.client, json, os, random, urllib.parse

base = urllib.parse.urlparse(os.environ.get("BASE", "http://localhost:8080"))
conn = http.client.HTTPConnection(base.hostname, base.port or 80, timeout=120)


def send(method, path, body=None, token=None, accept="application/json", headers=None):
    """The answer's body as bytes; exits naming the request on any 4xx or 5xx."""
    h = {"Content-Type": "application/json", "Accept": accept}
    if token:
        h["Authorization"] = "Bearer " + token
    h.update(headers or {})
    conn.request(method, path, None if body is None else json.dumps(body), h)
    r = conn.getresponse()
    data = r.read()
    if r.status >= 400:
        raise SystemExit(f"{method} {path}: HTTP {r.status} {data[:300]!r}")
    return data


def call(method, path, body=None, token=None, headers=None):
    """The answer's JSON (None when empty)."""
    data = send(method, path, body, token, headers=headers)
    return json.loads(data) if data else None


def token(user, password):
    return call("POST", "/api/auth/token", {"username": user, "password": password})["access_token"]


def new_user(admin, name, roles, password="bench-password-1"):
    """Creates a user (the ADMIN's password is temporary), sets their own password and answers their token."""
    call("POST", "/api/users", {"username": name, "password": "bench-temporary-1", "roles": roles}, admin)
    return call("POST", "/api/auth/password", {"username": name, "password": "bench-temporary-1",
                                               "newPassword": password})["access_token"]


def gtin():
    """A random GTIN-14 with a valid check digit."""
    d = "0" + "%012d" % random.randrange(10**12)
    s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(d)))
    return d + str((10 - s % 10) % 10)
