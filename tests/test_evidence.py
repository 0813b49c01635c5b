"""``ogmp evidence check`` against a real HTTP server on 127.0.0.1, started by the test."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from ogmp.cli import app
from ogmp.evidence import CheckOptions, check_evidence, check_link
from ogmp.registry import Registry

from .conftest import RUBRICS, VALID

TODAY = dt.date(2024, 3, 3)
BIG = 5 * 1024 * 1024


class Handler(http.server.BaseHTTPRequestHandler):
    """200, 301 to a 404, an answer that never comes, a 5 MB body, a HEAD that is refused."""

    requests: ClassVar[list[tuple[str, str, str]]] = []

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _answer(self, body: bool) -> None:
        Handler.requests.append((self.command, self.path, self.headers.get("User-Agent", "")))
        if self.path == "/ok":
            self._send(200, b"evidence", body, "text/html")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/missing")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(5)  # longer than the client waits
        elif self.path == "/big":
            if not body:
                self._send(405, b"", False, "text/plain")
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(BIG))
            self.end_headers()
            try:
                for _ in range(BIG // 65536):
                    self.wfile.write(b"x" * 65536)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stops reading: what it should do
        else:
            self._send(404, b"not found", body, "text/plain")

    def _send(self, status: int, data: bytes, body: bool, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def with_links(urls: list[str]) -> str:
    """The valid test assessment with ``urls`` as the evidence of its first indicator."""
    evidence = "".join(f"          - url: {url}\n            public: true\n" for url in urls)
    text = VALID.read_text(encoding="utf-8")
    old = "          - url: https://www.lampang.go.th\n            public: true\n"
    assert old in text
    return text.replace(old, evidence, 1)


LOCAL = CheckOptions(timeout=1.0, allow_private=True, max_bytes=256 * 1024)


def test_a_reachable_link(server: str) -> None:
    found = check_link(f"{server}/ok", LOCAL, TODAY)
    assert (found.outcome, found.status, found.content_type, found.checked) == (
        "reachable",
        200,
        "text/html",
        TODAY,
    )
    method, _, agent = Handler.requests[-1]
    assert method == "HEAD" and agent.startswith("ogmp/")


def test_a_redirect_to_a_missing_page_is_broken_and_says_where(server: str) -> None:
    found = check_link(f"{server}/moved", LOCAL, TODAY)
    assert (found.outcome, found.status, found.final_url) == ("broken", 404, f"{server}/missing")


def test_a_server_that_never_answers_is_unreachable_without_hanging(server: str) -> None:
    started = time.monotonic()
    found = check_link(f"{server}/slow", LOCAL, TODAY)
    assert (found.outcome, found.detail) == ("unreachable", "timed out")
    assert time.monotonic() - started < 4


def test_a_large_answer_is_read_only_in_part(server: str) -> None:
    started = time.monotonic()
    found = check_link(f"{server}/big", LOCAL, TODAY)
    assert (found.outcome, found.status, found.content_type) == ("reachable", 200, "application/pdf")
    assert [method for method, path, _ in Handler.requests if path == "/big"][-2:] == ["HEAD", "GET"]
    assert time.monotonic() - started < 4


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",
        "http://localhost/x",
        "http://10.1.2.3/",
        "http://[::1]/",
        "http://169.254.169.254/latest",
        "http://224.0.0.1/",
        "http://[ff02::1]/",
        "http://0.0.0.0/",
        "http://[::ffff:127.0.0.1]/",
    ],
)
def test_addresses_on_the_machines_own_networks_are_refused(url: str) -> None:
    found = check_link(url, CheckOptions(timeout=1.0), TODAY)
    assert (found.outcome, found.detail) == ("refused", "private address")


def test_a_redirect_into_the_private_network_is_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A public-looking first hop whose redirect points inside: each hop is checked.
    import ogmp.evidence as evidence

    real = evidence._addresses
    monkeypatch.setattr(
        evidence,
        "_addresses",
        lambda host, port: ["93.184.216.34"] if host == "example.org" else real(host, port),
    )
    monkeypatch.setattr(evidence, "_request", lambda *args: (302, f"{server}/ok", None))
    found = check_link("http://example.org/", CheckOptions(timeout=1.0), TODAY)
    assert (found.outcome, found.final_url) == ("refused", f"{server}/ok")


def test_the_run_records_its_findings_beside_the_assessments_and_keeps_others(
    server: str, tmp_path: Path
) -> None:
    urls = [f"{server}/ok", f"{server}/moved", f"{server}/missing"]
    (tmp_path / "a.yaml").write_text(with_links(urls), encoding="utf-8")
    (tmp_path / ".ogmp-links.json").write_text(
        json.dumps(
            {
                "links": {
                    "https://kept.example/": {"outcome": "reachable", "status": 200, "checked": "2024-01-01"}
                }
            }
        ),
        encoding="utf-8",
    )
    shutil.copy(tmp_path / "a.yaml", tmp_path / "before.yaml")
    run = check_evidence([tmp_path / "a.yaml"], Registry([RUBRICS]), LOCAL, today=TODAY)
    assert {url: check.outcome for url, check in run.checked.items()} == {
        urls[0]: "reachable",
        urls[1]: "broken",
        urls[2]: "broken",
    }
    recorded = json.loads((tmp_path / ".ogmp-links.json").read_text(encoding="utf-8"))["links"]
    assert set(recorded) == {*urls, "https://kept.example/"}
    assert recorded[urls[1]] == {
        "outcome": "broken",
        "status": 404,
        "final_url": f"{server}/missing",
        "content_type": "text/plain",
        "checked": "2024-03-03",
    }
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "before.yaml").read_bytes()


def test_the_command_refuses_the_local_server_unless_allowed(
    server: str, tmp_path: Path, runner: CliRunner
) -> None:
    (tmp_path / "a.yaml").write_text(with_links([f"{server}/ok"]), encoding="utf-8")
    args = [
        "evidence",
        "check",
        str(tmp_path / "a.yaml"),
        "--rubrics",
        str(RUBRICS),
        "--lang",
        "en",
        "--timeout",
        "1",
    ]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 0, refused.output
    assert "1 links checked: 0 reachable, 0 broken, 0 unreachable, 1 not fetched" in refused.stdout
    allowed = runner.invoke(app, [*args, "--allow-private"])
    assert "1 links checked: 1 reachable, 0 broken, 0 unreachable, 0 not fetched" in allowed.stdout
