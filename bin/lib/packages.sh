# Makes sure a Debian package that a script needs is installed (haproxy for bin/cluster, wrk for the cluster
# bench), the way bin/lib/chromium.sh does for the browser: apt-get install, updating the lists only when that fails.
# Usage: cairn_need_package COMMAND PACKAGE

cairn_need_package() {
  local command="$1" package="$2"
  command -v "$command" >/dev/null 2>&1 && return 0
  echo "cairn: installing Debian's $package with apt-get" >&2
  local as_root=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    as_root="sudo -n"
  fi
  if command -v apt-get >/dev/null 2>&1; then
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2 \
      || { $as_root apt-get update -qq >&2 \
           && $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2; } \
      || true
  fi
  command -v "$command" >/dev/null 2>&1 || {
    echo "cairn: please install Debian's $package (the command $command is missing)" >&2
    return 1
  }
}
