# Sourced by scripts/test: Debian's Chromium for the web console tests (Playwright drives it; it downloads nothing).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x /usr/bin/chromium ]; then
  log "installing chromium (Debian package)"
  apt_install chromium || { log "chromium is required by the console tests (apt-get install chromium)"; return 1; }
fi
