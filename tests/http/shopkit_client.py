"""Runs the real `shopkit serve` and calls it over HTTP.

Only the standard library is used (http.client), so the tests exercise
the host the way any HTTP client would. Every call is recorded, so a
test can check that each route in docs/http-api.md was called.
"""

import http.client
import json
import os
import re
import resource
import select
import signal
import subprocess
import time

# (method, path without query) of every request any test sent.
CALLED = set()

SHOPKIT_BIN = os.environ.get("SHOPKIT_BIN", "shopkit")
DOCS = os.environ.get(
    "SHOPKIT_HTTP_DOCS",
    os.path.join(os.path.dirname(__file__), "..", "..", "docs", "http-api.md"),
)

READY_PATTERN = re.compile(r"^listening on http://127\.0\.0\.1:(\d+)$")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)

    def error_code(self):
        return self.json()["error"]["code"]

    def __repr__(self):
        return f"<Response {self.status} {self.body[:300]!r}>"


class Host:
    """One `shopkit serve --port 0` process on a data folder."""

    def __init__(self, data_dir, log_path, extra_args=(),
                 descriptor_limit=None):
        """`descriptor_limit` sets both the soft and the hard
        RLIMIT_NOFILE of the process, so serve cannot raise it."""
        self.data_dir = str(data_dir)
        self.mail_dir = os.path.join(self.data_dir, "mail")
        self.log_path = str(log_path)
        self.extra_args = list(extra_args)
        self.descriptor_limit = descriptor_limit
        self.process = None
        self.port = None

    def start(self, timeout=60):
        command = [
            SHOPKIT_BIN, "--data", self.data_dir, "--scrypt-log2-n", "4",
            "serve", "--port", "0", "--mail-dir", self.mail_dir,
        ] + self.extra_args
        self.log_file = open(self.log_path, "ab")
        limit_descriptors = None
        if self.descriptor_limit is not None:
            limit = (self.descriptor_limit, self.descriptor_limit)
            def limit_descriptors():
                resource.setrlimit(resource.RLIMIT_NOFILE, limit)
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=self.log_file,
            preexec_fn=limit_descriptors)
        line = self._read_line(timeout)
        match = READY_PATTERN.match(line)
        if not match:
            self.process.kill()
            raise AssertionError(
                f"expected 'listening on http://127.0.0.1:PORT', got {line!r}; "
                f"log: {self.log_text()[-2000:]}")
        self.port = int(match.group(1))
        return self

    def _read_line(self, timeout):
        deadline = time.monotonic() + timeout
        data = b""
        stdout = self.process.stdout
        while not data.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.process.kill()
                raise AssertionError("shopkit serve printed no line in time")
            ready, _, _ = select.select([stdout], [], [], remaining)
            if ready:
                chunk = os.read(stdout.fileno(), 1)
                if not chunk:
                    raise AssertionError(
                        f"shopkit serve exited early: {self.log_text()[-2000:]}")
                data += chunk
        return data.decode().rstrip("\n")

    def stop(self, timeout=60):
        """Sends SIGTERM and returns the exit code."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=timeout)
        self.log_file.close()
        return code

    def log_text(self):
        with open(self.log_path, "rb") as log:
            return log.read().decode(errors="replace")

    def connection(self, timeout=60):
        return http.client.HTTPConnection("127.0.0.1", self.port,
                                          timeout=timeout)

    def call(self, method, path, body=None, token=None, headers=None,
             raw_body=None, content_type="application/json"):
        """Sends one request on a new connection and returns a Response.

        `body` is sent as JSON; `raw_body` (bytes or str) is sent as is.
        """
        all_headers = dict(headers or {})
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
        elif raw_body is not None:
            payload = raw_body.encode() if isinstance(raw_body, str) else raw_body
        if payload is not None and content_type is not None:
            all_headers.setdefault("Content-Type", content_type)
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        CALLED.add((method, path.split("?", 1)[0]))
        connection = self.connection()
        try:
            connection.request(method, path, body=payload, headers=all_headers)
            response = connection.getresponse()
            return Response(response.status, dict(response.getheaders()),
                            response.read())
        finally:
            connection.close()

    def read_mail(self, kind):
        """Returns the token of the newest message of `kind` in the mail
        folder ("password-reset" or "email-verification")."""
        names = sorted(
            (os.path.join(self.mail_dir, name) for name in os.listdir(self.mail_dir)
             if kind in name),
            key=os.path.getmtime)
        assert names, f"no {kind} message in {self.mail_dir}"
        with open(names[-1]) as message:
            for line in message:
                if line.startswith("token: "):
                    return line[len("token: "):].strip()
        raise AssertionError(f"no token line in {names[-1]}")


def documented_routes(path=DOCS):
    """Returns [(method, pattern)] from the '### METHOD /path' headings."""
    heading = re.compile(r"^### (GET|POST|PUT|PATCH|DELETE) (/\S*)\s*$")
    routes = []
    with open(path) as docs:
        for line in docs:
            match = heading.match(line)
            if match:
                routes.append((match.group(1), match.group(2)))
    return routes


def pattern_matches(pattern, path):
    """True when `path` fits `pattern`, where {name} is one segment."""
    regex = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(pattern)) + "$"
    return re.match(regex, path) is not None
