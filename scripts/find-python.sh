#!/bin/sh
# Prints the path of a working Python interpreter of version $1 (e.g. 3.12), or nothing.
# Tries the plain name, then pyenv's installed versions (whose shims refuse versions that
# are installed but not selected).
version="$1"
for candidate in "python$version" \
    "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$version".*/bin/"python$version" \
    /usr/bin/"python$version" /usr/local/bin/"python$version"; do
    if "$candidate" -c 'import sys' >/dev/null 2>&1; then
        command -v "$candidate" 2>/dev/null || echo "$candidate"
        exit 0
    fi
done
exit 0
