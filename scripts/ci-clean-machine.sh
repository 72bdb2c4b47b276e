#!/usr/bin/env bash
# Clean-machine check (called by .ci/run after `npm test`, so dist/ is built): runs a few database
# and browser tests as on a machine without PostgreSQL on 5432 and without the system chromium,
# proving the fallbacks of the test setup:
#  1. no TEST_DATABASE_URL and the local probe pointed at a closed port (KUZET_TEST_PG_PROBE):
#     the run must start an embedded PostgreSQL, and the database tests (a TCP proxy in front
#     of the server included) and one browser test on the built app must pass on it;
#  2. the system chromium hidden (KUZET_TEST_CHROMIUM pointing nowhere): a browser test must
#     fail, naming the command that installs chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
unset TEST_DATABASE_URL DATABASE_URL KUZET_TEST_ADMIN_URL
export KUZET_TEST_PG_PROBE=127.0.0.1:1
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

echo "clean-machine: database and browser tests with 127.0.0.1:5432 hidden"
npx jest \
  test/integration/storage/check-results.int-spec.ts \
  test/integration/storage/migrations.int-spec.ts \
  test/integration/ingest/ingest-pipeline.int-spec.ts \
  --selectProjects integration 2>&1 | tee "$out"
grep -q 'starting an embedded one' "$out" || { echo "clean-machine: the embedded PostgreSQL was not used" >&2; exit 1; }
npx jest test/browser/admin.browser-spec.ts --selectProjects e2e 2>&1 | tee "$out"
grep -q 'starting an embedded one' "$out" || { echo "clean-machine: the embedded PostgreSQL was not used" >&2; exit 1; }

echo "clean-machine: a browser test with the system chromium hidden must fail and name the fix"
if KUZET_TEST_CHROMIUM=/nonexistent/chromium npx jest test/browser/admin.browser-spec.ts --selectProjects e2e >"$out" 2>&1; then
  cat "$out"
  echo "clean-machine: the browser test passed without a browser" >&2
  exit 1
fi
grep -q 'apt-get install -y --no-install-recommends chromium' "$out" || {
  cat "$out"
  echo "clean-machine: no message naming the install command" >&2
  exit 1
}
echo "clean-machine: ok (embedded PostgreSQL used; a missing chromium is reported with the command that installs it)"
