#!/usr/bin/env bash
# End-to-end delivery load, in process: inbox -> processing -> delivery worker -> Slack emulator (SQLite store).
#   bench/delivery-load.sh fanout [--channels 1000 --rate 1000 --seconds 10]   throughput, p50/p99 inbox->emulator
#   bench/delivery-load.sh storm  [--rate 83 --seconds 60]                      5,000 findings to one channel
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/Crowsnest.Benchmarks -- delivery "$@"
