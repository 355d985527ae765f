# Functions for bench/run-all (sourced): installing, building, PostgreSQL, running one scenario, fuzzing.
# Uses: root, work, results, size, log.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

apt_install() {
  if [ "$(id -u)" != 0 ]; then log "need root to apt-get install $*"; return 1; fi
  if [ -z "${apt_updated:-}" ]; then apt-get update -qq >/dev/null 2>&1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

cleanup() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    as_postgres "$pg_bin/pg_ctl -D '$pg_dir' -m fast stop" >/dev/null 2>&1
  fi
  rm -rf "$work"
}

machine_info() {
  python3 - <<'PY'
import json, os, platform, subprocess
mem = next(l for l in open('/proc/meminfo') if l.startswith('MemTotal'))
cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
osname = next((l.split('=', 1)[1].strip().strip('"') for l in open('/etc/os-release') if l.startswith('PRETTY_NAME')), platform.platform())
dotnet = subprocess.run(['dotnet', '--version'], capture_output=True, text=True).stdout.strip()
print(json.dumps({
    'cores': os.cpu_count(), 'cpu': cpu, 'memory_gib': round(int(mem.split()[1]) / 1024 / 1024, 1), 'os': osname,
    'kernel': platform.release(), 'dotnet': dotnet, 'load_average_at_start': list(os.getloadavg()),
}))
PY
}

install_components() {
  alertmanager_bin=$(command -v prometheus-alertmanager || command -v alertmanager || true)
  if [ -z "$alertmanager_bin" ]; then
    log "installing prometheus-alertmanager (Debian package)"
    apt_install prometheus-alertmanager || log "prometheus-alertmanager could not be installed: the peer run will say so"
    alertmanager_bin=$(command -v prometheus-alertmanager || command -v alertmanager || true)
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    log "installing PostgreSQL (Debian package)"
    apt_install postgresql || log "PostgreSQL could not be installed: the runs that need it will say so"
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
}

build_release() {
  log "building Release (restores NuGet packages)"
  for project in src/Crowsnest.Host/Crowsnest.Host.csproj bench/Crowsnest.LoadTest/Crowsnest.LoadTest.csproj bench/Crowsnest.Fuzz/Crowsnest.Fuzz.csproj; do
    [ -f "$project" ] || continue
    dotnet build "$project" -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; log "build of $project failed"; return 1; }
  done
  host_dll="$root/src/Crowsnest.Host/bin/Release/net10.0/Crowsnest.Host.dll"
  loadtest_dll="$root/bench/Crowsnest.LoadTest/bin/Release/net10.0/Crowsnest.LoadTest.dll"
  fuzz_dll="$root/bench/Crowsnest.Fuzz/bin/Release/net10.0/Crowsnest.Fuzz.dll"
}

# A scratch PostgreSQL cluster on a free loopback port (as scripts/test does), with commands to stop and start it.
start_postgres() {
  pg_conn=""; pg_stop=""; pg_start=""
  [ -n "${pg_bin:-}" ] && [ -x "$pg_bin/initdb" ] || return 0
  pg_dir="$work/pg"
  local port; port=$(free_port)
  mkdir -p "$pg_dir"
  id postgres >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  as_postgres "$pg_bin/initdb -D '$pg_dir' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$work/initdb.log" 2>&1 || { log "initdb failed"; pg_dir=""; return 0; }
  pg_start="$pg_bin/pg_ctl -D '$pg_dir' -l '$pg_dir/log' -o \"-c listen_addresses=127.0.0.1 -p $port -k '$pg_dir' -c max_connections=300\" -w start"
  pg_stop="$pg_bin/pg_ctl -D '$pg_dir' -m fast -w stop"
  if [ "$(id -u)" = 0 ]; then
    pg_start="su postgres -s /bin/bash -c $(printf '%q' "$pg_start")"
    pg_stop="su postgres -s /bin/bash -c $(printf '%q' "$pg_stop")"
  fi
  bash -c "$pg_start" >/dev/null || { log "PostgreSQL did not start"; cat "$pg_dir/log" >&2; return 0; }
  pg_conn="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
  log "PostgreSQL on 127.0.0.1:$port"
}

# scenario NAME TIMEOUT_SECONDS RUNS COMMAND ARGS...: runs the load test command RUNS times, each bounded by timeout.
scenario() {
  local name=$1 limit=$2 count=$3; shift 3
  local i
  for i in $(seq 1 "$count"); do
    log "$name (run $i of $count, at most ${limit}s): $*"
    timeout --signal=KILL "$limit" dotnet "$loadtest_dll" "$@" --host "$host_dll" --out "$results" --run "$i" >"$work/$name-$i.log" 2>&1
    local rc=$?
    tail -n 25 "$work/$name-$i.log" >&2
    if ! grep -q "\"scenario\":\"$name\",\"run\":$i," "$results"; then
      python3 - "$name" "$i" "$rc" "$work/$name-$i.log" >>"$results" <<'PY'
import json, sys
name, run, rc, logfile = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
tail = [l for l in open(logfile, errors='replace').read().strip().splitlines() if not l.lstrip().startswith('at ')][-4:]
why = 'timed out (killed by the harness)' if rc in (124, 137) else f'exited with {rc} before writing a result'
print(json.dumps({'scenario': name, 'run': run, 'figures': {}, 'goals': [{'goal': f'{name}: run completes', 'pass': False, 'reason': why + ': ' + ' | '.join(tail)[-600:]}], 'notes': []}))
PY
    fi
  done
}

run_fuzz() {
  local seconds=$1
  if [ ! -f "$fuzz_dll" ]; then
    echo '{"scenario":"fuzz","run":1,"figures":{},"goals":[{"goal":"fuzz: available","pass":null,"reason":"bench/Crowsnest.Fuzz is not built"}],"notes":[]}' >>"$results"
    return
  fi
  log "fuzz (${seconds}s per target)"
  timeout --signal=KILL $((seconds * 6 + 120)) dotnet "$fuzz_dll" --seconds "$seconds" --host "$host_dll" --out "$results" >"$work/fuzz.log" 2>&1
  tail -n 30 "$work/fuzz.log" >&2
}
