#!/usr/bin/env bash
# Installs what this project needs, skipping whatever is already there (quick on a second run).
#   .ci/setup.sh app    the wasm target, Trunk, wasm-bindgen-cli and wasm-opt: enough to build and serve
#   .ci/setup.sh test   all of that, plus Debian's Chromium, Firefox ESR and WebKitGTK (with Xvfb
#                       to draw it on), nginx, Apache and Caddy (tests/server_configs.sh), the
#                       browser tests' npm packages, and the contract checks' and plain-English
#                       check's Python tools
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock.
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  step "installing Trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: one of its locked dependency versions is missing from the registry here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# wasm-opt comes from npm's binaryen (pinned in .ci/tools, with terser and csso, which
# .ci/minify.mjs runs). Debian's binaryen is too old: its output fails in the browser.
if [[ ! -x .ci/tools/node_modules/.bin/wasm-opt ]] || ! (cd .ci/tools && npm ls --silent >/dev/null 2>&1); then
  step "installing wasm-opt (npm binaryen), terser and csso"
  (cd .ci/tools && npm ci --no-audit --no-fund)
fi

cargo fetch --quiet  # Trunk builds with --offline

if [[ "${1:-app}" == test ]]; then
  # The three engines residents use (tests/e2e/engines.test.mjs): Chromium; Firefox; and
  # WebKit, every iOS browser's engine, as WebKitGTK's MiniBrowser, which has no headless mode:
  # it draws on Xvfb, and xdotool gives its window the focus a window manager would. And the
  # servers docs/servers/ configures, run by tests/server_configs.sh (never as services).
  missing=()
  for needed in /usr/bin/chromium:chromium /usr/bin/chromedriver:chromium-driver \
    /usr/bin/firefox-esr:firefox-esr /usr/bin/WebKitWebDriver:webkit2gtk-driver \
    /usr/bin/Xvfb:xvfb /usr/bin/xdotool:xdotool \
    /usr/sbin/nginx:nginx /usr/sbin/apache2:apache2 /usr/bin/caddy:caddy \
    /usr/lib/nginx/modules/ngx_http_brotli_static_module.so:libnginx-mod-http-brotli-static; do
    [[ -e ${needed%%:*} ]] || missing+=("${needed##*:}")
  done
  if (( ${#missing[@]} )); then
    step "installing Debian's ${missing[*]}"
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
  if ! (cd tests/e2e && npm ls --silent >/dev/null 2>&1); then
    step "installing the browser tests' npm packages"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
  # The contract checks (tests/contract.sh) in a venv of their own, pinned in
  # .ci/tools/requirements.txt; reinstalled only when that file changes.
  venv=.ci/tools/venv
  if ! cmp -s .ci/tools/requirements.txt "$venv/installed-requirements.txt"; then
    step "installing schemathesis, openapi-spec-validator and textstat (Python, in $venv)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r .ci/tools/requirements.txt
    cp .ci/tools/requirements.txt "$venv/installed-requirements.txt"
  fi
fi
