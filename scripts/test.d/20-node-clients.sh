# Sourced by scripts/test: installs the real AWS JavaScript client the control-plane tests drive (tests/clients).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "installing node and npm (Debian packages)"
  apt_install nodejs npm || { log "node and npm are required for the AWS SDK client tests"; return 1; }
fi
if ! command -v aws >/dev/null; then
  log "the AWS CLI (aws) is missing: the AWS CLI round-trip tests will fail (pip install awscli)"
fi
( cd tests/clients && npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1 ) || { cat "$work/npm.log"; return 1; }
