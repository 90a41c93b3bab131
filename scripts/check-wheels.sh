#!/bin/sh
# Checks that Tempo Trainer's default dependencies install from wheels alone (no compiler,
# no system headers) on Windows x64, macOS Intel, macOS Apple silicon and Linux x64, for
# Python 3.11, 3.12 and 3.13: pip's resolver, --dry-run --only-binary=:all: per platform tag.
#
# Each check runs with a Python of that version (sh scripts/find-python.sh V), in a
# throwaway venv, because pip evaluates markers such as python_version with the Python it
# runs on, not with --python-version. A missing Python fails the check.
#
# Needs the network (PyPI); it downloads the wheels once into pip's cache (a few GB the first
# time). Not part of the test suite. Usage: sh scripts/check-wheels.sh [VERSION...]
set -eu
# shellcheck disable=SC2086 # $platform_options is split on purpose
cd "$(dirname "$0")/.."

VERSIONS="${*:-3.11 3.12 3.13}"
# The oldest system each tag stands for (pip also accepts older tags on the same platform):
# Windows 10+ x64; macOS 13+ on Intel and on Apple silicon (PySide6 6.11 has no wheel for 12),
# Linux x64 with glibc 2.36 (Debian 12).
PLATFORMS="windows-x64:win_amd64
macos-intel:macosx_13_0_x86_64
macos-arm64:macosx_13_0_arm64
linux-x64:manylinux_2_36_x86_64"
# pip takes a manylinux tag literally: every older glibc's tag is listed too.
LINUX_TAGS=$(i=36; while [ $i -ge 17 ]; do printf 'manylinux_2_%s_x86_64 ' $i; i=$((i - 1)); done)
LINUX_TAGS="$LINUX_TAGS manylinux2014_x86_64"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
for version in $VERSIONS; do
    python=$(sh scripts/find-python.sh "$version")
    if [ -z "$python" ]; then
        echo "FAIL  Python $version: not installed here (scripts/find-python.sh found none)"
        failed=1
        continue
    fi
    venv="$work/venv-$version"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    for entry in $PLATFORMS; do
        name=${entry%%:*}
        tag=${entry#*:}
        platform_options="--platform $tag"
        if [ "$name" = linux-x64 ]; then
            platform_options=$(for t in $LINUX_TAGS; do printf -- '--platform %s ' "$t"; done)
        fi
        report="$work/$name-$version.json"
        log="$work/$name-$version.log"
        if "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
            --dry-run --ignore-installed --only-binary=:all: \
            $platform_options --python-version "$version" \
            --target "$work/target" --report "$report" . >"$log" 2>&1; then
            resolved=$("$venv/bin/python" - "$report" <<'EOF'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as file:
    report = json.load(file)
names = []
for item in report["install"]:
    metadata = item["metadata"]
    url = item["download_info"]["url"]
    if metadata["name"] == "tempo-trainer":
        continue  # the project itself, built from this checkout
    if not url.endswith(".whl"):
        sys.exit(f"not a wheel: {url}")
    names.append(f"{metadata['name']} {metadata['version']}")
print(", ".join(sorted(names, key=str.lower)))
EOF
            ) || { echo "FAIL  $name ($tag), Python $version: $resolved"; failed=1; continue; }
            echo "ok    $name ($tag), Python $version: $resolved"
        else
            echo "FAIL  $name ($tag), Python $version:"
            grep -E "^ERROR" "$log" | sed 's/^/      /' || tail -5 "$log" | sed 's/^/      /'
            failed=1
        fi
    done
done

if [ "$failed" -ne 0 ]; then
    echo "check-wheels: some platforms need more than wheels (see above)" >&2
    exit 1
fi
echo "check-wheels: every platform and Python installs from wheels alone"
