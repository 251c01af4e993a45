#!/usr/bin/env bash
# Publish smoke test: publish the cadre-rules tool for this machine's runtime, as the README tells
# users to for large rosters (ReadyToRun, PublishReadyToRun in samples/CadreRules.Cli), and check that
# it is ahead-of-time compiled and writes byte-for-byte the reports and rosters of the built tool.
# Exits non-zero when anything differs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "publish smoke: FAILED: $*" >&2; exit 1; }

rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
[ -n "$rid" ] || fail "no runtime identifier in dotnet --info"

echo "::: build and publish ($rid)"
dotnet build "$repo/samples/CadreRules.Cli" -c Release -o "$work/built" --nologo -v quiet -clp:ErrorsOnly \
  || fail "dotnet build"
dotnet publish "$repo/samples/CadreRules.Cli" -c Release -r "$rid" --self-contained false -o "$work/published" --nologo -v quiet -clp:ErrorsOnly \
  || fail "dotnet publish -r $rid"

echo "::: ReadyToRun images"
# A ReadyToRun image carries native code beside the IL, so it is well over the IL-only size.
for dll in CadreRules.dll NRules.dll; do
  built=$(stat -c %s "$work/built/$dll")
  published=$(stat -c %s "$work/published/$dll")
  [ "$published" -gt $((built * 3 / 2)) ] || fail "$dll is not ReadyToRun ($published bytes published, $built built)"
  echo "$dll: $built -> $published bytes"
done

echo "::: same output"
run() { dotnet "$1/cadre-rules.dll" "${@:2}"; }
for tool in built published; do
  run "$work/$tool" generate --cadres 5000 --seed 11 --out "$work/$tool-roster.json" || fail "$tool: generate"
  run "$work/$tool" evaluate "$work/$tool-roster.json" --out "$work/$tool-report.json" || fail "$tool: evaluate --out"
  run "$work/$tool" evaluate "$repo/samples/data/yinchuan-2024H2.json" --format table > "$work/$tool-table.txt" || fail "$tool: evaluate --format table"
  run "$work/$tool" explain "$repo/samples/data/yinchuan-2024H2.json" C-064 > "$work/$tool-explain.txt" || fail "$tool: explain"
done
for f in roster.json report.json table.txt explain.txt; do
  cmp "$work/built-$f" "$work/published-$f" || fail "$f differs between the built and the published tool"
  [ -s "$work/built-$f" ] || fail "$f is empty"
done
echo "publish smoke: OK (generate, evaluate --out, the table and explain give the same bytes)"
