"""`bash deploy/up.sh --replicas 2` behind HAProxy, in Chromium: readers are kept on one
replica, a killed replica's readers get the same view back from a live one, the others see
nothing, downloads work through the proxy, and SIGTERM stops everything."""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from mali_tracker import paths
from tests.browser import CHROMIUM, CHROMIUM_ARGS, foreign_requests, free_port

playwright_api = pytest.importorskip("playwright.sync_api")
VIEW = "/explore?type=Battles&region=Gao,Kidal,M%C3%A9naka"

if shutil.which("haproxy") is None and os.geteuid() != 0:
    pytest.skip("HAProxy is not installed and this user cannot install it (apt-get needs root); "
                "install Debian's haproxy to run the replica tests", allow_module_level=True)


def app_python() -> str:
    app_env = os.environ.get("MALI_TRACKER_APP_ENV")
    return str(Path(app_env) / "bin" / "python") if app_env else sys.executable


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("deploy")
    port = free_port()
    log = open(run_dir / "up.log", "wb")
    process = subprocess.Popen(
        ["bash", "deploy/up.sh", "--replicas", "2", "--port", str(port), "--host", "127.0.0.1",
         "--run-dir", str(run_dir)],
        cwd=paths.PROJECT_ROOT, env={**os.environ, "PYTHON": app_python()},
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2):
                break
        except OSError as exc:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((run_dir / "up.log").read_text()) from exc
            time.sleep(0.5)
    yield base, run_dir, process
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    log.close()


def replica_of(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "MALI_REPLICA")


def shown(page) -> tuple[str, str]:
    """The count of matching events and the data version the page shows."""
    count = page.get_by_text(re.compile(r"\d[\d,]* events match")).first
    count.wait_for(timeout=60_000)
    footer = page.get_by_text(re.compile(r"data version \w+")).first
    footer.wait_for(timeout=60_000)
    assert page.locator("[data-testid='stException']").count() == 0
    return (re.search(r"([\d,]+) events match", count.inner_text()).group(1),
            re.search(r"data version (\w+)", footer.inner_text()).group(1))


def test_a_killed_replica_costs_its_readers_nothing_but_a_reconnect(proxy):
    base, run_dir, process = proxy
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        contexts = [chromium.new_context(accept_downloads=True) for _ in range(2)]
        pages = [context.new_page() for context in contexts]
        requested: list[str] = []
        sockets = {0: 0, 1: 0}
        for index, page in enumerate(pages):
            page.on("request", lambda request: requested.append(request.url))
            page.on("websocket", lambda socket, index=index: sockets.__setitem__(index, sockets[index] + 1))
            page.goto(base + VIEW)
        before = [shown(page) for page in pages]
        assert before[0] == before[1], "two replicas serve the same data version and numbers"
        replicas = [replica_of(context) for context in contexts]
        assert set(replicas) == {"r1", "r2"}, "the proxy spreads new readers over the replicas"

        # kill the first reader's replica outright
        victim = int((run_dir / f"replica-{replicas[0][1:]}.pid").read_text())
        os.kill(victim, signal.SIGKILL)
        # its reader, without touching anything, reconnects and gets the same view back
        opened = sockets[0]
        for _ in range(300):
            if sockets[0] > opened:
                break
            pages[0].wait_for_timeout(100)
        assert sockets[0] > opened, "the reader whose replica died did not reconnect"
        pages[0].wait_for_timeout(1000)
        assert shown(pages[0]) == before[0]
        assert sockets[1] == 1, "the other reader's connection was not disturbed"
        pages[0].goto(base + VIEW)  # and so does the link opened again
        assert shown(pages[0]) == before[0]
        # the other reader's session lives on, and its download comes through the proxy whole
        with pages[1].expect_download() as download_info:
            pages[1].get_by_role("button", name=re.compile("Download")).first.click()
        path = download_info.value.path()
        rows = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"))))
        assert f"{len(rows):,}" == before[1][0]
        assert foreign_requests(requested, base) == []
        chromium.close()

    # the replica was started again; SIGTERM then stops the proxy and every replica
    deadline = time.monotonic() + 30
    while int((run_dir / f"replica-{replicas[0][1:]}.pid").read_text()) == victim:
        assert time.monotonic() < deadline, "the killed replica was not started again"
        time.sleep(0.5)
    pids = [int(p.read_text()) for p in run_dir.glob("*.pid")]
    os.kill(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in pids):
        assert time.monotonic() < deadline, "up.sh left processes running after SIGTERM"
        time.sleep(0.3)
