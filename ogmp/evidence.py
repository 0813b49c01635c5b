"""``ogmp evidence check``: fetch every evidence link once, and record what was found.

Links are fetched politely and within bounds: HEAD first, then GET where HEAD is refused, at
most a few redirects, a time limit per request and per link, only the first bytes of a large
answer, a few links at a time. An address on the machine's own networks (loopback, private,
link-local, ...) is refused unless asked for, at every redirect, and the connection goes to
the address that was checked, so that a link in an assessment file cannot be used to probe
the secretariat's network. What was found goes to ``.ogmp-links.json`` beside the
assessments, which reviews and reports read; ``ogmp assess`` never fetches anything.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import ipaddress
import json
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, urljoin, urlsplit

import urllib3

from ogmp import __version__, filenames
from ogmp.models.review import LinkCheck, LinkChecks
from ogmp.output import FolderLock, write_atomic
from ogmp.registry import Registry
from ogmp.validate import validate_paths

USER_AGENT = f"ogmp/{__version__} (evidence link check for the OG&MP assessment; +https://www.opdc.go.th)"
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class CheckOptions:
    """The bounds of an ``ogmp evidence check`` run."""

    timeout: float = 10.0
    """Seconds allowed to connect, and between two reads; a link gets three times that in all."""
    max_redirects: int = 5
    max_bytes: int = 1_000_000
    """Read no more of an answer than this."""
    jobs: int = 8
    allow_private: bool = False
    """Fetch addresses on the machine's own networks too (for a secretariat's intranet)."""


@dataclass
class EvidenceRun:
    """What a run found, by link, and the files it wrote."""

    checked: dict[str, LinkCheck] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)


def check_evidence(
    paths: Sequence[Path],
    registry: Registry,
    options: CheckOptions | None = None,
    *,
    today: dt.date | None = None,
    on_start: Callable[[int], None] | None = None,
    on_checked: Callable[[str, LinkCheck], None] | None = None,
) -> EvidenceRun:
    """Check every evidence link of the assessments under ``paths`` (files being filled in
    too) and record the findings in each folder's ``.ogmp-links.json``."""
    options = options or CheckOptions()
    day = today or dt.date.today()
    by_folder: dict[Path, list[str]] = {}
    for checked in validate_paths(paths, registry, partial=True).results:
        if checked.assessment is None or checked.document is None:
            continue
        urls = by_folder.setdefault(checked.document.path.parent, [])
        for _, _, entry in checked.assessment.entries():
            urls += [item.url for item in entry.evidence if item.url and item.url not in urls]
        for _, review in checked.reviews:
            for verdict in review.verdicts().values():
                if verdict.reply is not None:
                    urls += [item.url for item in verdict.reply.evidence if item.url and item.url not in urls]
    every = sorted({url for urls in by_folder.values() for url in urls})
    run = EvidenceRun()
    if on_start is not None:
        on_start(len(every))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        futures = {pool.submit(check_link, url, options, day): url for url in every}
        for future in concurrent.futures.as_completed(futures):
            url = futures[future]
            run.checked[url] = future.result()
            if on_checked is not None:
                on_checked(url, run.checked[url])
    for folder, urls in sorted(by_folder.items()):
        if not urls:
            continue
        path = folder / filenames.LINKS_FILE
        with FolderLock(folder).held():  # two runs checking one folder keep each other's findings
            known = _read(path)
            known.update({url: run.checked[url] for url in urls})
            data = LinkChecks(links=dict(sorted(known.items()))).model_dump(mode="json", exclude_none=True)
            write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        run.written.append(path)
    return run


def _read(path: Path) -> dict[str, LinkCheck]:
    try:
        return dict(LinkChecks.model_validate_json(path.read_bytes()).links)
    except (OSError, ValueError):  # none yet, or not ours: start again
        return {}


def check_link(url: str, options: CheckOptions, today: dt.date) -> LinkCheck:
    """What fetching ``url`` finds, within ``options``' bounds."""
    deadline = time.monotonic() + 3 * options.timeout
    current = url
    for _ in range(options.max_redirects + 1):
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return LinkCheck(outcome="refused", final_url=current, detail="scheme", checked=today)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            addresses = _addresses(parts.hostname, port)
        except OSError:
            return LinkCheck(outcome="unreachable", final_url=current, detail="no such host", checked=today)
        if not options.allow_private and any(not _is_public(address) for address in addresses):
            return LinkCheck(outcome="refused", final_url=current, detail="private address", checked=today)
        try:
            status, location, content_type = _request(parts, addresses[0], port, options, deadline)
        except TimeoutError:
            return LinkCheck(outcome="unreachable", final_url=current, detail="timed out", checked=today)
        except (urllib3.exceptions.HTTPError, OSError) as error:
            detail = "timed out" if "timed out" in str(error).lower() else type(error).__name__
            return LinkCheck(outcome="unreachable", final_url=current, detail=detail, checked=today)
        if status in REDIRECTS and location:
            current = urljoin(current, location)
            continue
        return LinkCheck(
            outcome="reachable" if status < 400 else "broken",
            status=status,
            final_url=current,
            content_type=content_type,
            checked=today,
        )
    return LinkCheck(outcome="broken", final_url=current, detail="too many redirects", checked=today)


def _addresses(host: str, port: int) -> list[str]:
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in found))


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    # Python counts multicast groups such as 224.0.0.1 as global; no web page lives there.
    return ip.is_global and not ip.is_multicast


def _request(
    parts: SplitResult, address: str, port: int, options: CheckOptions, deadline: float
) -> tuple[int, str | None, str | None]:
    """HEAD, then GET where HEAD is refused: (status, Location, Content-Type). The connection
    goes to ``address``, the one checked, with the host's name for HTTP and TLS."""
    lib = urllib3
    assert parts.hostname is not None
    host = parts.hostname
    timeout = lib.Timeout(connect=options.timeout, read=options.timeout)
    pool: lib.HTTPConnectionPool
    if parts.scheme == "https":
        pool = lib.HTTPSConnectionPool(
            address, port, timeout=timeout, retries=False, server_hostname=host, assert_hostname=host
        )
    else:
        pool = lib.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    default_port = 443 if parts.scheme == "https" else 80
    headers = {
        "Host": host if port == default_port else f"{host}:{port}",
        "User-Agent": USER_AGENT,
        "Accept": "*/*",
    }
    try:
        for method in ("HEAD", "GET"):
            if time.monotonic() > deadline:
                raise TimeoutError
            response = pool.urlopen(
                method, target, headers=headers, redirect=False, preload_content=False, retries=False
            )
            try:
                status = response.status
                if method == "HEAD" and status >= 400 and status not in REDIRECTS:
                    continue  # some servers refuse HEAD; ask with GET
                if method == "GET":
                    _read_some(response, options.max_bytes, deadline)
                return status, response.headers.get("Location"), response.headers.get("Content-Type")
            finally:
                response.release_conn()
                response.close()
    finally:
        pool.close()
    raise AssertionError("unreachable")  # pragma: no cover - GET always returns


def _read_some(response: urllib3.BaseHTTPResponse, limit: int, deadline: float) -> None:
    """Read at most ``limit`` bytes of the answer, and stop at the deadline."""
    read = 0
    while read < limit:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read(min(65536, limit - read))
        if not chunk:
            return
        read += len(chunk)
