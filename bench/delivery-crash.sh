#!/usr/bin/env bash
# SIGKILL runs at full size: 10 webhook targets x 1,000 = 10,000 queued deliveries, killed mid-run, then restarted
# (SQLite), and two instances on one PostgreSQL with one killed. Needs the test script's scratch PostgreSQL for the
# second (CROWSNEST_TEST_POSTGRES). Prints delivered-before-kill and duplicate counts.
set -euo pipefail
cd "$(dirname "$0")/.."
CROWSNEST_CRASH_PER_TARGET="${PER_TARGET:-1000}" dotnet test tests/Crowsnest.Host.Tests -c Release \
  --filter "FullyQualifiedName~DeliveryCrashTests" --logger "console;verbosity=detailed"
