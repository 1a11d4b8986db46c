# Makes sure Debian's chromium and chromium-driver are installed: the browser tests (server WebPageTest) drive
# them by path, and nothing may be downloaded at test time. Sourced by bin/test.

cairn_have_chromium() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
}

cairn_need_chromium() {
  cairn_have_chromium && return 0
  echo "cairn: installing chromium and chromium-driver with apt-get for the browser tests" >&2
  local as_root=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    as_root="sudo -n"
  fi
  if command -v apt-get >/dev/null 2>&1; then
    # the package lists of a fresh machine may be missing or stale: update them only when the install fails
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2 \
      || { $as_root apt-get update -qq >&2 \
           && $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2; } \
      || true
  fi
  cairn_have_chromium || {
    echo "cairn: please install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)" >&2
    return 1
  }
}
