#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed[, N skipped]".
# Installs what the tests need when it is missing (Debian/Ubuntu, through apt), starts nothing by hand:
# the test run starts its own private PostgreSQL from the server binaries.
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need+=(postgresql postgresql-contrib)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf ] || need+=(fonts-dejavu-extra)
command -v qpdf >/dev/null || need+=(qpdf)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
# The browser tests launch this exact path (tests/Vigie.Tests/Browser/BrowserFixture.cs).
[ -x /usr/bin/chromium ] || need+=(chromium)
# The S3 document store tests run s3rver (npm) on loopback.
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installation des paquets manquants : ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "apt-get install ${need[*]} a échoué"; echo "0 passed, 1 failed"; exit 1; }
fi

if [ ! -f tests/s3rver/node_modules/s3rver/bin/s3rver.js ]; then
  echo "Installation de s3rver (tests/s3rver, npm ci)"
  (cd tests/s3rver && npm ci --no-audit --no-fund --silent) || { echo "npm ci dans tests/s3rver a échoué"; echo "0 passed, 1 failed"; exit 1; }
fi

results=TestResults
rm -rf "$results"
dotnet test Vigie.slnx --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
if [ ${#trx_files[@]} -eq 0 ]; then
  echo "Aucun résultat de test (TRX) : la compilation a probablement échoué."
  failed=$((failed + 1))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failing test (build error, crashed test host): count it.
  failed=1
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
