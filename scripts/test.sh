#!/usr/bin/env bash
# Runs every test: the suite on embedded PGlite, the same suite on PostgreSQL, and the
# browser journeys in Chromium. Prints one closing line "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
export TZ=UTC
PATH="$PWD/node_modules/.bin:$PATH"
reports=$(mktemp -d)
status=0

pg_url="${LOKET_TEST_DATABASE_URL:-${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}}"
chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"

# System packages, before any run: pdftotext (poppler-utils) reads back the generated PDFs in the
# unit suite; HAProxy is the proxy of the cluster tests on PostgreSQL; Chromium runs the browser
# journeys. Installed with apt-get when running as root.
if { [ ! -x "$chromium_bin" ] || ! command -v pdftotext >/dev/null || ! command -v haproxy >/dev/null; } && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "== Installing Debian's Chromium (browser tests), poppler-utils (PDF read-back) and HAProxy (cluster tests)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils haproxy >/dev/null) || true
fi
if ! command -v haproxy >/dev/null; then
  echo "!! haproxy is missing: the cluster tests (test/cluster.test.ts) will fail on PostgreSQL."
  echo "   Install it with: sudo apt-get install -y haproxy"
  status=1
fi
if ! command -v pdftotext >/dev/null; then
  echo "!! pdftotext is missing: the two PDF tests of planning-control will fail."
  echo "   Install it with: sudo apt-get install -y poppler-utils"
  status=1
fi

echo "== Loket tests on PGlite"
env -u DATABASE_URL vitest run --project unit --reporter=default --reporter=json --outputFile.json="$reports/pglite.json" || status=1

if node scripts/pg-ready.ts "$pg_url"; then
  echo "== Loket tests on PostgreSQL"
  DATABASE_URL="$pg_url" vitest run --project unit --reporter=default --reporter=json --outputFile.json="$reports/postgres.json" || status=1
else
  echo "!! PostgreSQL does not answer at $pg_url: the PostgreSQL run is skipped."
  echo "   Start it (e.g. pg_ctlcluster 15 main start) or set DATABASE_URL, then run npm test again."
  [ "${CI:-}" = "true" ] && status=1
fi

if [ -x "$chromium_bin" ]; then
  echo "== Browser journeys in Chromium"
  npm run -s build >/dev/null || status=1
  env -u DATABASE_URL vitest run --project e2e --reporter=default --reporter=json --outputFile.json="$reports/e2e.json" || status=1
else
  echo "!! No Chromium at $chromium_bin: the browser journeys are skipped."
  echo "   Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH)"
  [ "${CI:-}" = "true" ] && status=1
fi

node scripts/test-summary.ts "$reports" || status=1
rm -rf "$reports"
exit $status
