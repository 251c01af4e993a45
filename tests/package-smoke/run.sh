#!/usr/bin/env bash
# Package smoke test (issue 5): pack CadreRules, CadreRules.Testing and the cadre-rules tool into a
# temporary folder, then use them as a stranger would: a fresh console app that references the
# packages from that folder (an additional source in a temporary nuget.config, never the repo's),
# evaluates a roster built in code, runs a host rule and the testing harness, and prints the report;
# and the tool installed from the same folder. Exits non-zero when anything is missing or wrong.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
# A version no earlier run used, so no cache anywhere can serve a stale package.
version="0.0.0-smoke.$(date +%s).$$"
fail() { echo "package smoke: FAILED: $*" >&2; exit 1; }

echo "::: pack $version"
for project in src/CadreRules src/CadreRules.Testing samples/CadreRules.Cli; do
  [ -d "$repo/$project" ] || { echo "(no $project, skipped)"; continue; }
  dotnet pack "$repo/$project" -c Release -o "$feed" -p:Version="$version" --nologo -v quiet -clp:ErrorsOnly >/dev/null \
    || fail "dotnet pack $project"
done

echo "::: check package contents"
for id in CadreRules CadreRules.Testing; do
  nupkg="$feed/$id.$version.nupkg"
  [ -f "$nupkg" ] || fail "$id.$version.nupkg was not produced"
  [ -f "$feed/$id.$version.snupkg" ] || fail "$id has no symbol package (.snupkg)"
  listing="$(unzip -l "$nupkg")"
  for entry in README.md "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
    grep -q " $entry\$" <<<"$listing" || fail "$id package lacks $entry"
  done
  nuspec="$(unzip -p "$nupkg" "$id.nuspec")"
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id has no licence expression"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "$id does not name its README"
  grep -q '<tags>.*nrules' <<<"$nuspec" || fail "$id has no tags"
done
grep -q "<dependency id=\"CadreRules\" version=\"$version\"" <(unzip -p "$feed/CadreRules.Testing.$version.nupkg" CadreRules.Testing.nuspec) \
  || fail "CadreRules.Testing does not depend on CadreRules $version"

# Consumers restore into a private packages folder, reading (never writing) the machine's one.
machine_packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
mkdir -p "$machine_packages"
export NUGET_PACKAGES="$work/packages"
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="smoke" value="$feed" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine" value="$machine_packages" />
  </fallbackPackageFolders>
</configuration>
XML

echo "::: fresh console app referencing the packages"
app="$work/app"
mkdir -p "$app"
cp "$work/nuget.config" "$app/nuget.config"
cat >"$app/SmokeApp.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="CadreRules" Version="$version" />
    <PackageReference Include="CadreRules.Testing" Version="$version" />
    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.0" />
  </ItemGroup>
</Project>
XML
cp "$repo/tests/package-smoke/Program.cs" "$app/Program.cs"
output="$(cd "$app" && dotnet run -c Release 2>&1)" || { echo "$output" >&2; fail "the console app did not build or run"; }
echo "$output"
grep -q '"policy": "yinchuan-2024"' <<<"$output" || fail "the report JSON does not name the policy"
grep -q '"kind": "RedBoard"' <<<"$output" || fail "the report JSON has no RedBoard decision"
grep -q '^smoke: ok$' <<<"$output" || fail "the console app's own checks did not pass"

tool=""
for p in "$feed"/*.nupkg; do
  if unzip -p "$p" '*.nuspec' | grep 'packageType name="DotnetTool"' >/dev/null; then
    tool="$(basename "$p" ".$version.nupkg")"
  fi
done
if [ -n "$tool" ]; then
  echo "::: install the $tool tool"
  dotnet tool install "$tool" --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config" >/dev/null \
    || fail "dotnet tool install $tool"
  [ -x "$work/tools/cadre-rules" ] || fail "$tool does not install a command named cadre-rules"
  report="$("$work/tools/cadre-rules" evaluate "$repo/samples/data/spec-example.json" --format json)" || fail "cadre-rules evaluate exited $?"
  grep -q '"schemaVersion": *1' <<<"$report" || fail "cadre-rules evaluate did not write a report"
  echo "cadre-rules evaluate: $(grep -c '"kind"' <<<"$report") decisions"
fi

echo "package smoke: ok"
