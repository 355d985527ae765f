#!/usr/bin/env bash
# Time from process start to /readyz (hyperfine) and idle memory (RSS from /proc), for `crowsnest serve` on SQLite.
# Baseline in the same run: `crowsnest version` (the runtime's own start, no server, no store).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
out=$(mktemp -d)
dotnet publish src/Crowsnest.Host -c Release -o "$out/app" -nologo -v quiet
bin="$out/app/crowsnest"
runs=${RUNS:-15}
hyperfine --warmup 2 --runs "$runs" --export-json "$out/startup.json" \
  -n version "$bin version" \
  -n serve-to-ready "bench/scripts/start-until-ready.sh $bin"

# Idle RSS: start, wait until ready, let it settle, read VmRSS.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --listen "http://127.0.0.1:$port" --data-dir "$out/data" >"$out/serve.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done
sleep "${SETTLE_SECONDS:-10}"
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
kill "$pid"; wait "$pid" 2>/dev/null || true
python3 - "$out/startup.json" "$rss_kb" <<'PY'
import json, sys, statistics
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
v, s = results["version"], results["serve-to-ready"]
ms = lambda x: f"{x*1000:.0f} ms"
print(f"version (baseline): median {ms(statistics.median(v['times']))} (min {ms(min(v['times']))}, max {ms(max(v['times']))})")
print(f"serve to /readyz:   median {ms(statistics.median(s['times']))} (min {ms(min(s['times']))}, max {ms(max(s['times']))})")
print(f"ratio serve/version: {statistics.median(s['times'])/statistics.median(v['times']):.2f}")
print(f"idle RSS after ready: {int(sys.argv[2])/1024:.1f} MiB")
PY
rm -rf "$out"
