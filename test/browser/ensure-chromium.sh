#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser) and need CJK
# fonts, or every Chinese glyph in a screenshot is a box. Install both when missing, so
# README's test command works on a fresh machine. Idempotent; needs root for apt-get.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "浏览器测试需要 Debian 软件包：${missing[*]}。请以 root 运行：apt-get install -y ${missing[*]}" >&2
  echo "browser tests need the Debian packages ${missing[*]}: run as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing ${missing[*]} (Debian packages) for the browser tests…" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
