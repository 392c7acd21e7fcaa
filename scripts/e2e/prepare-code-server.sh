#!/usr/bin/env bash
# Prepares code-server (VS Code published on npm) for the offline editor-hosted tests.
# Recipe measured on these machines (issue 5): the npm postinstall downloads ripgrep from GitHub
# and needs Kerberos headers, so install with scripts ignored and do its steps by hand.
# Cached outside the clone, keyed by version; a marker + smoke check decide reuse.
# Prints the prepared directory on the last line of stdout.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${ECS_LINT_CACHE:-$HOME/.cache/ecs-security-lint}"
DIR="$CACHE_ROOT/code-server-$VERSION"
PKG="$DIR/node_modules/code-server"
MARKER="$DIR/.prepared"

log() { echo "[prepare-code-server] $*" >&2; }
step() { # step <name> <command...>: runs and times one step
  local name="$1"; shift
  local t0=$SECONDS
  log "step: $name"
  "$@" >&2
  log "step: $name done in $((SECONDS - t0))s"
}

smoke() {
  [ -f "$MARKER" ] || return 1
  [ -x "$PKG/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] || return 1
  [ -e "$PKG/lib/vscode/node_modules.asar" ] || return 1
  # Loads the rebuilt native modules with this node; a broken ABI or missing build fails here.
  (cd "$PKG/lib/vscode" && node -e "require('@vscode/spdlog'); require('node-pty'); require('@parcel/watcher'); require('native-watchdog')") >/dev/null 2>&1 || return 1
  (cd "$PKG" && node -e "require('argon2')") >/dev/null 2>&1 || return 1
  (cd "$PKG" && node out/node/entry.js --version) >/dev/null 2>&1 || return 1
  return 0
}

# One preparer at a time per version (parallel CI jobs on the same machine share the cache).
mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.lock-$VERSION"
flock 9

if smoke; then
  log "reusing $PKG ($(cat "$MARKER"))"
  echo "$PKG"
  exit 0
fi

T_ALL=$SECONDS
log "preparing code-server $VERSION in $DIR (missing or broken cache)"

need_pkgs=()
command -v rg >/dev/null || need_pkgs+=(ripgrep)
command -v chromium >/dev/null || need_pkgs+=(chromium)
command -v pkg-config >/dev/null || need_pkgs+=(pkg-config)
[ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/krb5.h ] || need_pkgs+=(libkrb5-dev)
command -v make >/dev/null && command -v g++ >/dev/null || need_pkgs+=(build-essential)
command -v python3 >/dev/null || need_pkgs+=(python3)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  step "apt-get update" $SUDO apt-get update
  step "apt-get install ${need_pkgs[*]}" env DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need_pkgs[@]}"
fi

rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
echo '{"name":"code-server-cache","private":true}' > package.json
step "npm install code-server@$VERSION (scripts ignored)" \
  npm install --no-audit --no-fund --ignore-scripts --omit=dev "code-server@$VERSION"

cd "$PKG/lib/vscode"
step "lib/vscode npm install" npm install --no-audit --no-fund --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
step "lib/vscode native rebuild" env npm_config_yes=true npm rebuild kerberos @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog node-pty
ln -sfn node_modules node_modules.asar

if [ -f "$PKG/lib/vscode/extensions/package.json" ]; then
  cd "$PKG/lib/vscode/extensions"
  step "extensions npm install" npm install --no-audit --no-fund --omit=dev --ignore-scripts
fi

cd "$PKG"
step "root npm install" npm install --no-audit --no-fund --omit=dev --ignore-scripts
step "argon2 rebuild" env npm_config_yes=true npm rebuild argon2

echo "code-server $VERSION prepared $(date -u +%FT%TZ) node $(node -v)" > "$MARKER"
if ! smoke; then
  rm -f "$MARKER"
  log "smoke check failed after prepare"
  exit 1
fi
log "prepared in $((SECONDS - T_ALL))s"
echo "$PKG"
