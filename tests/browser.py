"""Helpers for browser tests: run the app on a free loopback port, drive Debian's Chromium."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from mali_tracker import paths

CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium from calling home (it would otherwise try Google's hosts).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def streamlit_command() -> list[str]:
    """`streamlit` as the README runs it: from the app-only environment tests/run.sh made
    (MALI_TRACKER_APP_ENV), so the served app sees nothing but requirements.txt; else this
    interpreter's."""
    app_env = os.environ.get("MALI_TRACKER_APP_ENV")
    if app_env:
        return [str(Path(app_env) / "bin" / "streamlit")]
    return [sys.executable, "-m", "streamlit"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_app(data_dir: Path | None = None):
    """Start `streamlit run app.py` on loopback; yield its base URL; stop it afterwards."""
    port = free_port()
    env = dict(os.environ)
    if data_dir:
        env[paths.DATA_DIR_ENV] = str(data_dir)
    # The server's log goes to a file: an unread pipe fills up and blocks the server.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [*streamlit_command(), "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=paths.PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError as exc:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    output = log.read().decode(errors="replace")
                    raise RuntimeError(f"streamlit did not start:\n{output}") from exc
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if os.environ.get("MALI_TRACKER_SERVER_LOG"):
            log.seek(0)
            Path(os.environ["MALI_TRACKER_SERVER_LOG"]).write_bytes(log.read())
        log.close()


def foreign_requests(urls: list[str], base: str) -> list[str]:
    """Requests that went to any host but the app's own."""
    own = urlparse(base).netloc
    return [u for u in urls if urlparse(u).scheme in ("http", "https", "ws", "wss")
            and urlparse(u).netloc != own]
