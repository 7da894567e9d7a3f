#!/usr/bin/env bash
# The README's test command, and what CI runs (.ci/run). Nothing the machine happens to have
# installed can make it pass: it makes two fresh virtual environments (no system site-packages)
#   app:  requirements.txt only. Every page must render with it (tests/app_only_check.py), and
#         the browser tests serve `streamlit run app.py` from it, as the README tells a newcomer;
#   test: requirements-test.txt (the app's lock plus pytest, Playwright…), which runs the suite.
# Downloads are cached in pip's cache folder; environments are never reused.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
AXE_VERSION=4.14.1  # the engine behind browsers' accessibility audits (npm), pinned
export PIP_DISABLE_PIP_VERSION_CHECK=1
started=$(date +%s)

work=$(mktemp -d "${TMPDIR:-/tmp}/mali-tracker-tests.XXXXXX")
trap 'rm -rf "$work"' EXIT

fresh_env() {  # fresh_env NAME REQUIREMENTS
  "$PYTHON" -m venv "$work/$1"
  "$work/$1/bin/python" -m pip install --quiet -r "$2"
  "$work/$1/bin/python" -m pip check
}

echo "== app environment: a fresh venv with requirements.txt only"
fresh_env app requirements.txt
echo "== every page renders with only requirements.txt installed"
"$work/app/bin/python" tests/app_only_check.py

echo "== test environment: a fresh venv with requirements-test.txt"
fresh_env test requirements-test.txt

missing=""
command -v chromium >/dev/null 2>&1 || missing+=" chromium"   # the browser tests
command -v haproxy >/dev/null 2>&1 || missing+=" haproxy"     # the replica tests (deploy/up.sh)
command -v npm >/dev/null 2>&1 || missing+=" npm"             # axe-core, for the accessibility audit
if [ -n "$missing" ]; then
  echo "== installing Debian's$missing for the browser and replica tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq $missing >/dev/null
fi

echo "== axe-core $AXE_VERSION from the npm registry (the accessibility audit in tests/test_browser.py)"
npm install --prefix "$work/axe" "axe-core@$AXE_VERSION" --no-audit --no-fund --silent
export MALI_TRACKER_AXE="$work/axe/node_modules/axe-core/axe.min.js"

echo "== the test suite ($(( $(date +%s) - started )) s of setup)"
status=0
MALI_TRACKER_APP_ENV="$work/app" "$work/test/bin/python" -m pytest -q "$@" || status=$?
echo "== report (never fails the run): rows resting only on weak pages"
"$work/test/bin/python" data/audit/weak_sources.py | head -5 || true
echo "tests/run.sh: $(( $(date +%s) - started )) s in all"
exit "$status"
