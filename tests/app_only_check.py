"""Every page renders with nothing installed but requirements.txt.

tests/run.sh runs this with the interpreter of a fresh virtual environment that holds only
requirements.txt (no pytest, no test extras), so a package the app imports but the lock file
forgets fails here, whatever the machine or the test environment happens to have. It uses
Streamlit's own AppTest, which ships with Streamlit.
"""
from __future__ import annotations

import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
# page -> (query parameters, how many charts a reader must see); every file of pages/ is here
PAGES = {"home": ({}, 0), "timeline": ({}, 1), "estimates": ({}, 2), "actors": ({}, 2), "explore": ({}, 0),
         "methodology": ({}, 0), "event": ({"id": "ev0303"}, 1), "actor": ({"id": "jnim"}, 1),
         "embed": ({"chart": "map"}, 1)}


def problems_on(page: str, params: dict[str, str], charts_expected: int) -> list[str]:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    if page != "home":
        app.switch_page(f"pages/{page}.py").run()
    found = [f"exception: {e.value}" for e in app.exception]
    found += [f"error box: {e.value}" for e in app.error]
    charts = len(app.get("plotly_chart"))
    if charts < charts_expected:
        found.append(f"{charts} charts drawn, {charts_expected} expected")
    return found


def main() -> int:
    failed = 0
    unchecked = {path.stem for path in (ROOT / "pages").glob("*.py")} - set(PAGES)
    if unchecked:
        print(f"FAIL  pages not checked here: {', '.join(sorted(unchecked))}")
        failed += 1
    for page, (params, charts) in PAGES.items():
        found = problems_on(page, params, charts)
        print(f"{'FAIL' if found else 'ok'}  {page}" + "".join(f"\n      {p}" for p in found))
        failed += bool(found)
    print(f"app-only: {len(PAGES) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
