#!/usr/bin/env bash
# Runs every DraftingRoom test: the core library, the app against a real PostgreSQL, the browser editor's own tests
# and the end-to-end tests in headless Chromium. Installs Debian's Chromium first if it is missing.
set -euo pipefail
cd "$(dirname "$0")"

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing Debian's Chromium for the end-to-end tests…"
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
    else
        echo "The end-to-end tests need Chromium at $chromium: install it (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
        exit 1
    fi
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test --solution DraftingRoom.sln 2>&1 | tee "$log" || status=$?

if [ -f src/DraftingRoom.Web/ClientApp/package.json ]; then
    echo "Browser editor tests (node --test):"
    (cd src/DraftingRoom.Web/ClientApp && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm test) 2>&1 | tee -a "$log" || status=$?
fi

# One closing line for the whole run, from the runners' own summaries.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
node_passed=$(grep -E '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
node_failed=$(grep -E '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "$((passed + node_passed)) passed, $((failed + node_failed)) failed, $skipped skipped"
exit "$status"
