"""Many readers at once: N sessions walk through the pages for a bounded time.

python benchmarks/load.py --sessions 8 --seconds 120 [--mode websocket|browser] [--data DIR | --url URL]

Starts the app on a free loopback port. In the default `websocket` mode each session is a
Streamlit websocket client (what the browser speaks to the server), asking for each page in
turn with a different filter and timing it until the server reports the run finished: this
measures the server, not the 2-core machine's ability to also render eight browsers. In
`browser` mode each session is a Chromium context timed until the heading and charts are drawn.
Reports errors (an exception in a page, a timeout) and latency percentiles per page and overall.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app  # noqa: E402

EARLY_FOR_RERUN = 2  # ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
FILTERS = ["", "type=Battles", "region=Kidal,Gao", "start=2020-01-01&end=2025-11-09", "q=Wagner",
           "theme=politics&start=2015-01-01", "actor=jnim", "as_of=2016-06-01", "subject=moura_2022_killed"]
PAGES = [  # path, heading, number of charts the page draws
    ("/", "Mali Crisis Tracker", 0),
    ("/timeline", "Timeline of Mali's crisis", 1),
    ("/estimates", "Who says how many?", 2),
    ("/actors", "Who stands with whom, and where", 2),
    ("/explore", "Explore the data", 0),
    ("/methodology", "Methodology", 0),
]


async def reader(browser, base: str, deadline: float, index: int, timings: list, errors: list) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    step = index  # sessions start on different pages
    while time.monotonic() < deadline:
        path, heading, charts = PAGES[step % len(PAGES)]
        step += 1
        started = time.perf_counter()
        try:
            await page.goto(base + path, timeout=60_000)
            await page.get_by_role("heading", name=heading).first.wait_for(timeout=60_000)
            if charts:
                await page.locator(".js-plotly-plot .main-svg").nth(charts - 1).wait_for(timeout=60_000)
            if await page.locator("[data-testid='stException']").count():
                errors.append((path, "exception shown"))
                continue
            timings.append((path, time.perf_counter() - started))
        except Exception as exc:  # a timeout or a crashed page is an error to report
            errors.append((path, type(exc).__name__))
    await context.close()


async def socket_reader(base: str, deadline: float, index: int, timings: list, errors: list) -> None:
    """One Streamlit websocket session asking for pages in turn, as a browser tab would."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    url = base.replace("http://", "ws://") + "/_stcore/stream"
    # No client keepalive pings: the server answers them from the same busy event loop, and a
    # late pong would be counted as a dropped reader rather than a slow page.
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=2**26, ping_interval=None) as socket:
        step = index
        while time.monotonic() < deadline:
            path, _, _ = PAGES[step % len(PAGES)]
            query = FILTERS[step % len(FILTERS)]
            step += 1
            request = BackMsg()
            request.rerun_script.query_string = query
            request.rerun_script.page_name = path.strip("/")
            started = time.perf_counter()
            await socket.send(request.SerializeToString())
            failed = None
            try:
                while True:
                    message = ForwardMsg()
                    message.ParseFromString(await asyncio.wait_for(socket.recv(), timeout=60))
                    if message.HasField("delta") and message.delta.new_element.HasField("exception"):
                        failed = "exception: " + message.delta.new_element.exception.message[:80]
                    # A run that ends early for a rerun (st.rerun) is followed by the real one.
                    if message.HasField("script_finished") and message.script_finished != EARLY_FOR_RERUN:
                        break
            except TimeoutError:
                failed = "timeout"
            except websockets.ConnectionClosed as exc:
                errors.append((path, f"connection closed: {exc}"))
                return
            if failed:
                errors.append((path, failed))
            else:
                timings.append((path, time.perf_counter() - started))


async def run(base: str, sessions: int, seconds: float, mode: str = "websocket") -> tuple[list, list]:
    if mode == "websocket":
        timings: list = []
        errors: list = []
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(socket_reader(base, deadline, i, timings, errors) for i in range(sessions)))
        return timings, errors
    from playwright.async_api import async_playwright

    timings: list = []
    errors: list = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(reader(browser, base, deadline, i, timings, errors) for i in range(sessions)))
        await browser.close()
    return timings, errors


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--mode", choices=["websocket", "browser"], default="websocket")
    parser.add_argument("--data", type=Path, default=None, help="data folder (default: the bundled data)")
    parser.add_argument("--url", default=None,
                        help="measure a server already running there (e.g. deploy/up.sh's proxy) "
                             "instead of starting one")
    args = parser.parse_args()
    if args.url:
        timings, errors = asyncio.run(run(args.url.rstrip("/"), args.sessions, args.seconds, args.mode))
    else:
        with running_app(args.data) as base:
            timings, errors = asyncio.run(run(base, args.sessions, args.seconds, args.mode))
    print(f"{args.sessions} {args.mode} sessions for {args.seconds:.0f} s: "
          f"{len(timings)} page runs, {len(errors)} errors")
    print("| page | loads | p50 | p95 | max |")
    print("| --- | --- | --- | --- | --- |")
    for path, *_ in PAGES + [("all", None, None)]:
        values = [t for p, t in timings if path in (p, "all")]
        if values:
            print(f"| {path} | {len(values)} | {statistics.median(values):.2f} s | "
                  f"{percentile(values, 0.95):.2f} s | {max(values):.2f} s |")
    for path, kind in errors[:20]:
        print(f"error: {path}: {kind}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
