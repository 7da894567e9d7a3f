"""Many readers at once: N browser sessions walk through the pages for a bounded time.

python benchmarks/load.py --sessions 8 --seconds 120 [--data DIR]

Starts the app on a free loopback port, opens N sessions in Debian's Chromium (one browser,
N contexts), and has each load the pages in turn, timing each load from navigation until the
page's heading and its charts are drawn. Reports errors (a Streamlit exception box, a timeout)
and latency percentiles per page and overall.
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


async def run(base: str, sessions: int, seconds: float) -> tuple[list, list]:
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
    parser.add_argument("--data", type=Path, default=None, help="data folder (default: the bundled data)")
    args = parser.parse_args()
    with running_app(args.data) as base:
        timings, errors = asyncio.run(run(base, args.sessions, args.seconds))
    print(f"{args.sessions} sessions for {args.seconds:.0f} s: {len(timings)} page loads, {len(errors)} errors")
    print("| page | loads | p50 | p95 | max |")
    print("| --- | --- | --- | --- | --- |")
    for path, *_ in PAGES + [("all", None, None)]:
        values = [t for p, t in timings if p == path or path == "all"]
        if values:
            print(f"| {path} | {len(values)} | {statistics.median(values):.2f} s | "
                  f"{percentile(values, 0.95):.2f} s | {max(values):.2f} s |")
    for path, kind in errors[:20]:
        print(f"error: {path}: {kind}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
