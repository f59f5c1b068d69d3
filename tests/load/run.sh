#!/usr/bin/env bash
# Load tests against the published app, on 127.0.0.1 only, with a static file of the same app measured in
# the same run as the baseline. Prints a Markdown table (req/s, p50, p99, ratio to baseline, errors).
#   tests/load/run.sh                 # every profile, 15 s each, then a 5-minute soak (soak.lua: varied anonymous reads)
#   DURATION=30s SOAK=60 tests/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15s}
SOAK=${SOAK:-300}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-5180}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/vigie-load-XXXXXX)
chmod 755 "$WORK"

command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null; }

echo "Publication (Release)…" >&2
dotnet publish src/Vigie.Web -c Release -o "$WORK/app" -v quiet >/dev/null
# Plain HTTP on loopback: the "Testing" environment keeps cookies usable without TLS (Production marks them Secure).
# The API limit is per client address, and wrk is one client: lift it, or the API profile measures 429s.
export ASPNETCORE_ENVIRONMENT=Testing Vigie__DataDirectory="$WORK/data" Vigie__Accounts__AuthRequestsPerMinute=100000 Vigie__Api__RequestsPerMinute=100000000
# The admin account exists before the site starts: the command and the site must not share the embedded server.
echo "une phrase de passe pour la charge 2026" | (cd "$WORK/app" && dotnet Vigie.Web.dll admin create --email charge@vigie.local --password-stdin) >/dev/null

(cd "$WORK/app" && exec dotnet Vigie.Web.dll --urls "$BASE") > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; cp "$WORK/app.log" "${TMPDIR:-/tmp}/vigie-load-app.log" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 240); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$BASE/healthz" >/dev/null

# Sign in, create a request to record notes on.
JAR="$WORK/cookies"
form_token() { curl -s -b "$JAR" -c "$JAR" "$BASE$1" | grep -o 'name="__jeton" type="hidden" value="[^"]*"\|name="__jeton" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//'; }
TOKEN=$(form_token /connexion)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "__jeton=$TOKEN" --data-urlencode "Email=charge@vigie.local" --data-urlencode "Password=une phrase de passe pour la charge 2026" "$BASE/connexion"
PGPASSWORD=$(cat "$WORK/data/postgres.password") PGPORT=$(sed -n 4p "$WORK/data/postgres/postmaster.pid")
export PGPASSWORD
# Eight requests to the eight largest communes of Yvelines, as a volunteer following a small campaign would have.
REQUESTS=""
for BODY in $(psql -h 127.0.0.1 -p "$PGPORT" -U vigie -d vigie -Atc "SELECT b.id FROM public_bodies b JOIN municipalities m ON m.id = b.municipality_id WHERE m.department_code = '78' AND b.kind = 'Commune' ORDER BY m.population DESC NULLS LAST LIMIT 8"); do
  TOKEN=$(form_token "/demandes/nouvelle?organisme=$BODY")
  LOCATION=$(curl -s -b "$JAR" -c "$JAR" -o /dev/null -w '%{redirect_url}' --data-urlencode "__jeton=$TOKEN" --data-urlencode "PublicBodyId=$BODY" \
    --data-urlencode "Subject=Contrats de vidéoprotection (test de charge)" --data-urlencode "Documents=Acte d'engagement" --data-urlencode "SentOn=01/10/2026" \
    --data-urlencode "Mode=Email" --data-urlencode "Channel=Email" "$BASE/demandes/nouvelle")
  REQUESTS="$REQUESTS${REQUESTS:+,}${LOCATION##*/}"
done
REQUEST=${REQUESTS%%,*}
export REQUESTS TOKEN=$(form_token "/demandes/$REQUEST/evenements/nouveau/note") COOKIE=$(awk '$6 ~ /^vigie\./ {printf "%s=%s; ", $6, $7}' "$JAR")

SEARCH="/recherche?q=genetec"; curl -fs -o /dev/null "$BASE$SEARCH" || SEARCH="/communes?q=elancourt"
API="/api/v1/cases"; curl -fs -o /dev/null "$BASE$API" || API="/api/demandes"

echo "Échauffement…" >&2
for path in /css/site.css /dossiers/elancourt /communes/78208 "$SEARCH" "$API" /dossiers/elancourt.pdf; do
  wrk -t1 -c4 -d3s "$BASE$path" >/dev/null
done

measure() { # name path [script]
  local out
  if [ -n "${3:-}" ]; then out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$3" "$BASE$2"); else out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$2"); fi
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx or 3xx/ {n += $5} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}')
  echo "$1|$2|$rps|$p50|$p99|$errors"
}

RESULTS=()
RESULTS+=("$(measure "Fichier statique (référence)" /css/site.css)")
RESULTS+=("$(measure "Page dossier (anonyme, cache de sortie)" /dossiers/elancourt)")
RESULTS+=("$(measure "Page commune" /communes/78208)")
RESULTS+=("$(measure "Recherche (cache de sortie)" "$SEARCH")")
RESULTS+=("$(measure "Recherche sans cache (requête différente à chaque fois)" "/recherche" tests/load/search-uncached.lua)")
RESULTS+=("$(measure "API, liste" "$API")")
RESULTS+=("$(measure "Dossier PDF" /dossiers/elancourt.pdf)")
RESULTS+=("$(measure "Mixte : bénévole connecté (lecture + notes) et visiteurs" "/" tests/load/mixed.lua)")

BASELINE=$(echo "${RESULTS[0]}" | cut -d'|' -f3)
echo
echo "Machine : $(nproc) cœurs, $(awk '/MemTotal/ {printf "%.0f Gio", $2/1048576}' /proc/meminfo), $(uname -sr); wrk -t$THREADS -c$CONNECTIONS -d$DURATION sur la même machine ; $(date -u +%Y-%m-%d)"
echo
echo "| profil | chemin | req/s | p50 | p99 | rapport à la référence | erreurs |"
echo "|---|---|---:|---:|---:|---:|---:|"
for row in "${RESULTS[@]}"; do
  IFS='|' read -r name path rps p50 p99 errors <<<"$row"
  ratio=$(awk -v a="$rps" -v b="$BASELINE" 'BEGIN {printf "%.2f", a / b}')
  echo "| $name | \`$path\` | $rps | $p50 | $p99 | $ratio | $errors |"
done

if [ "$SOAK" -gt 0 ]; then
  echo >&2 "Endurance : ${SOAK} s, lectures anonymes variées (tests/load/soak.lua)…"
  rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$APP/status"; }
  START=$(rss); MAX=$START
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SOAK}s" --latency -s tests/load/soak.lua "$BASE/" > "$WORK/soak.txt" &
  SOAKER=$!
  SAMPLES=""; TICK=0
  while kill -0 $SOAKER 2>/dev/null; do
    NOW=$(rss); [ "$NOW" -gt "$MAX" ] && MAX=$NOW
    [ $((TICK % 6)) -eq 0 ] && SAMPLES="$SAMPLES $NOW"
    TICK=$((TICK + 1)); sleep 10
  done
  END=$(rss)
  echo
  SOAK_ERRORS=$(awk '/Non-2xx or 3xx/ {n += $5} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$WORK/soak.txt")
  echo "Endurance ${SOAK} s, lectures variées : $(awk '/Requests\/sec/ {print $2}' "$WORK/soak.txt") req/s, p99 $(awk '$1 == "99%" {print $2}' "$WORK/soak.txt"), $SOAK_ERRORS erreurs ; mémoire de l'app (RSS) $START Mio au départ, $MAX Mio au plus haut, $END Mio à la fin (une mesure par minute :$SAMPLES Mio)."
fi
