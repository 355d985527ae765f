#!/usr/bin/env bash
# Starts `crowsnest serve` on a free port with a fresh data directory, waits until /readyz answers 200, stops it.
# Used by bench/startup.sh under hyperfine; prints nothing on success.
set -euo pipefail
bin=$1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
"$bin" serve --listen "http://127.0.0.1:$port" --data-dir "$dir/data" --log-format plain >"$dir/log" 2>&1 &
pid=$!
for _ in $(seq 1 3000); do
  if curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then exit 0; fi
  sleep 0.01
done
cat "$dir/log" >&2
exit 1
