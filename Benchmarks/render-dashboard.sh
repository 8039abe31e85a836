#!/usr/bin/env bash
# Renders the month dashboard (`helpdesk-demo --month --report-dir DIR`) in headless Chromium to a
# PNG, and fails when the page reports anything on the console or raises a JavaScript or resource
# error. The dashboard has no scripts and no links, so a clean page logs nothing.
#
# Usage: Benchmarks/render-dashboard.sh [OUTPUT.png]   (default .build/render-dashboard/dashboard.png)
#
# Environment:
#   HELPDESK_DEMO   a built helpdesk-demo to run (default: `swift run helpdesk-demo`)
#   DASHBOARD_HTML  render this page instead of generating one (e.g. to check the check)
#   DASHBOARD_WIDTH window width in CSS pixels (default 1280); the height is the page's own
#   CHROMIUM        the browser binary (default: chromium, else chromium-browser)
#
# Exit status: 0 rendered without errors, or skipped because Chromium is not installed;
# 1 a console message, a JavaScript or resource error, or a failed render; 2 bad usage.
#
# How it checks: one run with `--dump-dom` on a copy of the page with an error hook injected
# (window `error` events in the capture phase, unhandled rejections, `console.error`) that writes
# what it caught and the page height into attributes of <html>; then the screenshot of the
# unmodified page at that height with `--enable-logging=stderr --v=0`, whose `CONSOLE` lines are
# every console message and uncaught error.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 1 ]; then
    echo "usage: Benchmarks/render-dashboard.sh [OUTPUT.png]" >&2
    exit 2
fi
output="${1:-.build/render-dashboard/dashboard.png}"
width="${DASHBOARD_WIDTH:-1280}"
case "$width" in '' | *[!0-9]*)
    echo "render-dashboard: DASHBOARD_WIDTH must be a number of pixels, not '$width'" >&2
    exit 2
    ;;
esac

browser="${CHROMIUM:-}"
if [ -z "$browser" ]; then
    for candidate in chromium chromium-browser; do
        if command -v "$candidate" >/dev/null 2>&1; then
            browser="$candidate"
            break
        fi
    done
fi
if [ -z "$browser" ] || ! command -v "$browser" >/dev/null 2>&1; then
    echo "render-dashboard: SKIPPED: Chromium is not installed (Debian/Ubuntu: apt-get install -y chromium)"
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. The page.
if [ -n "${DASHBOARD_HTML:-}" ]; then
    page="$(cd "$(dirname "$DASHBOARD_HTML")" && pwd)/$(basename "$DASHBOARD_HTML")"
elif [ -n "${HELPDESK_DEMO:-}" ]; then
    "$HELPDESK_DEMO" --month --report-dir "$work/report" >"$work/demo.txt"
    page="$work/report/dashboard.html"
else
    swift run helpdesk-demo --month --report-dir "$work/report" >"$work/demo.txt"
    page="$work/report/dashboard.html"
fi
if [ ! -s "$page" ]; then
    echo "render-dashboard: FAILED: no dashboard at $page" >&2
    exit 1
fi

chromium_flags=(
    --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
    --force-device-scale-factor=1 --user-data-dir="$work/profile" --virtual-time-budget=10000
)

# 2. A copy with the error hook, dumped after load: caught errors and the page height.
hook='<script>(function(){var e=[],d=document.documentElement;function n(t){e.push(String(t));'
hook+='d.setAttribute("data-render-errors",JSON.stringify(e));}'
hook+='addEventListener("error",function(v){var t=v.target;n(v.message||("failed to load "+'
hook+='((t&&(t.src||t.href||t.data))||(t&&t.tagName)||"a resource")));},true);'
hook+='addEventListener("unhandledrejection",function(v){n("unhandled rejection: "+v.reason);});'
hook+='var o=console.error;console.error=function(){n(Array.prototype.join.call(arguments," "));'
hook+='o.apply(console,arguments);};addEventListener("load",function(){var b=document.body;'
hook+='d.setAttribute("data-render-height",String(Math.ceil(Math.max(d.scrollHeight,b?b.scrollHeight:0))));'
hook+='d.setAttribute("data-render-errors",JSON.stringify(e));});})();</script>'
html="$(cat "$page")"
case "$html" in *"<head>"*) ;; *)
    echo "render-dashboard: FAILED: $page has no <head> to hook" >&2
    exit 1
    ;;
esac
hooked="$(dirname "$page")/.render-hooked-$$.html"
trap 'rm -rf "$work" "$hooked"' EXIT
# Bash 5.2 would put the matched text in place of every `&` of the replacement: keep them literal.
shopt -u patsub_replacement 2>/dev/null || true
printf '%s\n' "${html/<head>/<head>$hook}" >"$hooked"
timeout 120 "$browser" "${chromium_flags[@]}" --window-size="$width,1000" --dump-dom "file://$hooked" \
    >"$work/dom.html" 2>"$work/dump.log" || {
    echo "render-dashboard: FAILED: $browser --dump-dom exited with $?" >&2
    tail -20 "$work/dump.log" >&2
    exit 1
}
errors="$(grep -o 'data-render-errors="[^"]*"' "$work/dom.html" | head -1 | sed 's/^data-render-errors="//; s/"$//; s/&quot;/"/g' || true)"
height="$(grep -o 'data-render-height="[0-9]*"' "$work/dom.html" | head -1 | tr -dc '0-9' || true)"
if [ -z "$height" ]; then
    echo "render-dashboard: FAILED: the page did not finish loading (no load event)" >&2
    exit 1
fi
if [ -n "$errors" ] && [ "$errors" != "[]" ]; then
    echo "render-dashboard: FAILED: the page raised errors: $errors" >&2
    exit 1
fi

# 3. The screenshot of the unmodified page, with the console on stderr.
mkdir -p "$(dirname "$output")"
rm -f "$output"
timeout 120 "$browser" "${chromium_flags[@]}" --enable-logging=stderr --v=0 --window-size="$width,$height" \
    --screenshot="$(cd "$(dirname "$output")" && pwd)/$(basename "$output")" "file://$page" \
    >"$work/shot.out" 2>"$work/shot.log" || {
    echo "render-dashboard: FAILED: $browser --screenshot exited with $?" >&2
    tail -20 "$work/shot.log" >&2
    exit 1
}
if grep -q ':CONSOLE' "$work/shot.log"; then
    echo "render-dashboard: FAILED: console output while rendering $page:" >&2
    grep ':CONSOLE' "$work/shot.log" >&2
    exit 1
fi
if [ ! -s "$output" ]; then
    echo "render-dashboard: FAILED: $browser wrote no screenshot" >&2
    tail -20 "$work/shot.log" >&2
    exit 1
fi
echo "render-dashboard: OK: $output (${width}x${height} CSS px, $(wc -c <"$output") bytes) from $page, no console errors"
