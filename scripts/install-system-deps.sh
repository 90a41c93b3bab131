#!/bin/sh
# Installs the Debian/Ubuntu packages Tempo Trainer needs beyond Python itself:
#   - Qt's X11 runtime libraries (without them Qt cannot load its "xcb" platform plugin),
#   - a C compiler and the ALSA headers to build the simpleaudio extra (Python < 3.12 only),
#   - PulseAudio with a null sink, parec and sox for the real-audio tests,
#   - Xvfb and xdotool for screenshots of real windows, espeak-ng for the voice counts,
#   - dbus (dbus-daemon) for the keep-awake test on a private session bus.
# Does nothing when everything is already there; asks for sudo when not root.
set -eu

PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
libxcb-xkb1 libxcb-shape0 libxcb-randr0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
libdbus-1-3 fonts-dejavu-core libasound2-dev pulseaudio pulseaudio-utils libasound2-plugins
sox xvfb xdotool espeak-ng build-essential dbus"

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-deps: not a Debian/Ubuntu system; install the equivalents of:" >&2
    echo "  $PACKAGES" | tr '\n' ' ' >&2
    echo >&2
    exit 0
fi

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
[ -z "$missing" ] && exit 0

echo "install-system-deps: installing$missing"
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-system-deps: run as root: apt-get install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
