"""Time a Streamlit timeline page end to end in Debian's Chromium, as a reader uses it.

Both pages (the dashboard's /timeline and the pandas baseline) have the same sidebar labels,
so the same steps drive both. The clock runs inside the page: it starts when the browser sends
the changed filter to the server (the first websocket message after the reader's input) and
stops when the new count is on screen and the chart has stopped changing (no change to the
Plotly chart for SETTLE_MS). Playwright's own round trips are not in the figures.

python benchmarks/browser_timing.py URL [ROUND]   (prints one JSON line; used by benchmarks/run.py)
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SETTLE_MS = 800
CHART = ".js-plotly-plot .main-svg"

# Injected before the page loads: note when the page sends to the server, when the count
# caption changes and when the chart's DOM changes.
CLOCK = """(() => {
  window.__clock = {};
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    const c = window.__clock;
    if (c.armed && c.sent === undefined) c.sent = performance.now();
    return send.call(this, data);
  };
  new MutationObserver((mutations) => {
    const c = window.__clock;
    if (c.sent === undefined) return;
    const now = performance.now();
    for (const mutation of mutations) {
      const el = mutation.target.nodeType === 1 ? mutation.target : mutation.target.parentElement;
      if (!el) continue;
      if (el.closest('.js-plotly-plot')) c.chart = now;
      if (el.closest('[data-testid=stCaptionContainer]')) c.caption = now;
    }
  }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
})()"""
SETTLED = f"""(before) => {{
  const c = window.__clock;
  if (c.sent === undefined || c.caption === undefined || c.chart === undefined) return false;
  const captions = [...document.querySelectorAll('[data-testid=stCaptionContainer]')].map(e => e.innerText);
  if (!captions.some(t => t.includes('events') && !t.includes(before))) return false;
  return performance.now() - Math.max(c.chart, c.caption) > {SETTLE_MS};
}}"""


def _count_text(page) -> str:
    caption = page.locator("[data-testid=stCaptionContainer]", has_text="events").first
    return caption.inner_text().split(" events")[0]


def _pick(page, label: str, option: str) -> None:
    page.get_by_label(label, exact=False).first.click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def _type(page, label: str, text: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(text)
    page.evaluate("window.__clock = {armed: true}")
    box.press("Enter")


def _year(page, label: str, year: str) -> None:
    """Streamlit's date input is a segmented field: type the year into its year segment; the
    new date is sent when the field loses focus."""
    segment = page.get_by_label(f"year, {label}", exact=True)
    segment.click()
    page.keyboard.type(year)
    page.evaluate("window.__clock = {armed: true}")
    page.get_by_role("heading").first.click()  # focus leaves the field


# What a reader does, in order; each step narrows or changes the view left by the one before.
# Each round walks the same steps with other values, so no round is answered from a cache
# filled by an earlier one (the dashboard caches query results; the pandas page does not).
ROUND_VALUES = [
    {"type": "Battles", "region": "Mopti", "from": "2018", "to": "2022", "search": "Sévaré", "more": "Gao"},
    {"type": "Violence against civilians", "region": "Gao", "from": "2017", "to": "2021", "search": "Bourem",
     "more": "Kidal"},
    {"type": "Explosions/Remote violence", "region": "Tombouctou", "from": "2016", "to": "2020",
     "search": "Niafunké", "more": "Ségou"},
]
STEP_NAMES = ["event type", "region", "from (year)", "to (year)", "search", "search cleared", "a second region"]


def steps_for(values: dict) -> list:
    return [
        lambda page: _pick(page, "Event type", values["type"]),
        lambda page: _pick(page, "Region", values["region"]),
        lambda page: _year(page, "From", values["from"]),
        lambda page: _year(page, "To", values["to"]),
        lambda page: _type(page, "Search titles and summaries", values["search"]),
        lambda page: _type(page, "Search titles and summaries", ""),
        lambda page: _pick(page, "Region", values["more"]),
    ]


def time_steps(url: str, round_index: int = 0, timeout_s: float = 120) -> dict:
    """Open `url`, wait for the chart, then time each step of one round. Returns seconds per step."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.add_init_script(CLOCK)
        page.goto(url, timeout=timeout_s * 1000)
        page.locator(CHART).first.wait_for(timeout=timeout_s * 1000)
        time.sleep(1)
        steps = {}
        for name, act in zip(STEP_NAMES, steps_for(ROUND_VALUES[round_index])):
            before = _count_text(page)
            page.evaluate("window.__clock = {armed: true}")
            act(page)  # typing steps re-arm the clock just before the key that sends
            page.wait_for_function(SETTLED, arg=before, timeout=timeout_s * 1000, polling=100)
            clock = page.evaluate("window.__clock")
            steps[name] = round((max(clock["chart"], clock["caption"]) - clock["sent"]) / 1000, 3)
            print(f"{name}: {steps[name]} s", file=sys.stderr, flush=True)
        browser.close()
    return {"steps": steps, "median_s": round(statistics.median(steps.values()), 3)}


if __name__ == "__main__":
    print(json.dumps(time_steps(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)))
