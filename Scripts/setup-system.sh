#!/usr/bin/env bash
# Installs what Cercle needs on a Debian machine that already has Swift:
#   --build : Graphviz's C library (libgvc) and pkg-config, to build and render;
#   --test  : also the Python peers the tests compare against (NetworkX, igraph) and
#             headless Chromium for the HTML report test.
# Idempotent: does nothing when everything is present.
set -euo pipefail

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "setup: need root (or sudo) to run: $*" >&2; exit 1; fi
}

packages=()
pkg-config --exists libgvc 2>/dev/null || packages+=(libgraphviz-dev)
command -v pkg-config >/dev/null || packages+=(pkg-config)
# The `dot -c` of Debian's graphviz package registers libgvc's layout and render plugins.
command -v dot >/dev/null || packages+=(graphviz)
if [ "$want_test" = 1 ]; then
    command -v python3 >/dev/null || packages+=(python3 python3-pip)
    command -v chromium >/dev/null || packages+=(chromium)
fi
if [ ${#packages[@]} -gt 0 ]; then
    echo "setup: apt-get install ${packages[*]}" >&2
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${packages[@]}" >/dev/null
fi
# Without the plugin registry file libgvc knows no layout engine.
if [ ! -s /usr/lib/x86_64-linux-gnu/graphviz/config6a ] && [ ! -s /usr/lib/aarch64-linux-gnu/graphviz/config6a ]; then
    as_root dot -c
fi

if [ "$want_test" = 1 ]; then
    if ! python3 -c 'import networkx, igraph' 2>/dev/null; then
        echo "setup: pip install networkx igraph" >&2
        python3 -m pip install --quiet networkx igraph 2>/dev/null \
            || python3 -m pip install --quiet --break-system-packages networkx igraph
    fi
fi
