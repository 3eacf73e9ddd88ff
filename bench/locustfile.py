"""The load scenario of bench/load.py: anonymous visitors, executives and HR staff in proportion.

Accounts come from the file named by SOARS_LOAD_ACCOUNTS (bench/load.py writes it): each signs
in through the real forms, HR staff with a code from their authenticator (TOTP, RFC 6238).
Requests are named by page type, so the statistics read per page type.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import os
import random
import re
import struct
import time
from pathlib import Path

from locust import HttpUser, constant, task

ACCOUNTS = (
    json.loads(Path(os.environ["SOARS_LOAD_ACCOUNTS"]).read_text()) if os.environ.get("SOARS_LOAD_ACCOUNTS") else {}
)
EXECUTIVES = itertools.cycle(ACCOUNTS.get("executives", []))
HR_STAFF = itertools.cycle(ACCOUNTS.get("hr", []))
OPEN = ACCOUNTS.get("open_opportunities", [])
EXECUTIVE_QUERIES = [
    "cybersecurity",
    "budget",
    "human capital",
    "emergency management",
    "data analytics",
    "acquisition",
]
HR_QUERIES = ["chief information officer", "budget formulation", "workforce planning", "public health", "cyber"]
THINK = float(os.environ.get("SOARS_LOAD_THINK_SECONDS", "0"))  # 0: the next request as soon as answered
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def totp(key_hex: str, at: float | None = None) -> str:
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class Visitor(HttpUser):
    abstract = True
    wait_time = constant(THINK)

    def form_token(self, path: str, name: str) -> str:
        response = self.client.get(path, name=name)
        found = TOKEN.search(response.text)
        return found.group(1) if found else ""

    def sign_in(self, account: dict) -> None:
        token = self.form_token("/login/", "sign in (form)")
        with self.client.post(
            "/login/",
            {"csrfmiddlewaretoken": token, "username": account["email"], "password": account["password"]},
            name="sign in (post)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in answered {response.status_code}")
                return
        if account.get("totp"):
            token = self.form_token("/login/mfa/", "sign in (code form)")
            self.client.post(
                "/login/mfa/",
                {"csrfmiddlewaretoken": token, "otp_token": totp(account["totp"])},
                name="sign in (code)",
                allow_redirects=False,
            )


class AnonymousVisitor(Visitor):
    weight = 2

    @task(3)
    def home(self):
        self.client.get("/", name="public: home")

    @task(1)
    def help(self):
        self.client.get("/help/", name="public: help")

    @task(1)
    def request_access(self):
        self.client.get("/request-access/", name="public: request access")


class Executive(Visitor):
    weight = 5

    def on_start(self):
        self.account = next(EXECUTIVES)
        self.sign_in(self.account)

    @task(3)
    def options(self):
        self.client.get("/executive/", name="executive: home")

    @task(4)
    def search(self):
        query = random.choice(EXECUTIVE_QUERIES)
        self.client.get(f"/opportunities/?q={query}", name="executive: search opportunities")

    @task(2)
    def browse(self):
        self.client.get("/opportunities/", name="executive: browse opportunities")

    @task(3)
    def detail(self):
        if OPEN:
            self.client.get(f"/opportunities/{random.choice(OPEN)}/", name="executive: opportunity")

    @task(1)
    def express_interest(self):
        if not OPEN:
            return
        pk = random.choice(OPEN)
        token = self.form_token(f"/opportunities/{pk}/", "executive: opportunity")
        self.client.post(
            f"/opportunities/{pk}/interest/",
            {"csrfmiddlewaretoken": token, "note": "Interested; available from next quarter."},
            name="executive: express interest",
            allow_redirects=False,
        )


class HrStaff(Visitor):
    weight = 3

    def on_start(self):
        self.account = next(HR_STAFF)
        self.sign_in(self.account)

    @task(4)
    def search(self):
        query = random.choice(HR_QUERIES)
        self.client.get(f"/hr/resumes/?q={query}", name="hr: search resumes")

    @task(2)
    def postings(self):
        self.client.get("/hr/opportunities/", name="hr: postings")

    @task(3)
    def best_matches(self):
        pk = random.choice(self.account["opportunities"])
        self.client.get(f"/hr/opportunities/{pk}/matches/", name="hr: best matches")

    @task(2)
    def candidates(self):
        pk = random.choice(self.account["opportunities"])
        self.client.get(f"/hr/opportunities/{pk}/candidates/", name="hr: candidates")

    @task(1)
    def move_candidate(self):
        if not self.account["interests"]:
            return
        pk, interest = random.choice(self.account["interests"])
        page = self.client.get(f"/hr/opportunities/{pk}/candidates/", name="hr: candidates").text
        token = TOKEN.search(page)
        select = re.search(rf'<select[^>]*id="id_status_{interest}"[^>]*>(.*?)</select>', page, re.S)
        if not token or not select:
            return
        moves = [v for v in re.findall(r'<option value="([^"]+)"(?! selected)', select.group(1)) if v != "selected"]
        if moves:
            self.client.post(
                f"/hr/opportunities/{pk}/candidates/{interest}/move/",
                {"csrfmiddlewaretoken": token.group(1), "status": random.choice(moves)},
                name="hr: move candidate",
                allow_redirects=False,
            )


class Hello(HttpUser):
    """The bare view (bench/hello.py), run alone: the ceiling of this gunicorn configuration."""

    abstract = not os.environ.get("SOARS_LOAD_HELLO")
    weight = 1
    wait_time = constant(THINK)

    @task
    def hello(self):
        self.client.get("/", name="bare hello view")


if os.environ.get("SOARS_LOAD_HELLO"):
    AnonymousVisitor.abstract = Executive.abstract = HrStaff.abstract = True
