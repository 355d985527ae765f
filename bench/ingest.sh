#!/usr/bin/env bash
# Ingest load run over loopback: signed SNS notifications to `crowsnest serve` (SQLite, durable) measured in the
# same run as a bare Kestrel endpoint answering 200 to the same requests. Extra arguments go to the load test
# (--seconds 5 --concurrency 64 --messages 15000).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Crowsnest.Host/Crowsnest.Host.csproj -c Release -nologo -v quiet
dotnet build bench/Crowsnest.LoadTest/Crowsnest.LoadTest.csproj -c Release -nologo -v quiet
dotnet bench/Crowsnest.LoadTest/bin/Release/net10.0/Crowsnest.LoadTest.dll run \
  --host src/Crowsnest.Host/bin/Release/net10.0/Crowsnest.Host.dll "$@"
