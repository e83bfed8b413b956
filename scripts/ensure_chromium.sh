#!/usr/bin/env bash
# The browser tests drive a real Chromium (never a Playwright download, which
# cannot work offline). Install Debian's when it is missing and we may; say
# how otherwise. A Hangul font comes along so screenshots are readable.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium 이 없어 설치합니다: apt-get install chromium fonts-nanum"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum >/dev/null
  exit 0
fi
cat >&2 <<MSG
브라우저 테스트에 Chromium 이 필요한데 $chromium 이 없습니다.
  데비안/우분투: sudo apt-get install chromium fonts-nanum
  다른 곳에 설치된 Chrome/Chromium 을 쓰려면: CHROMIUM_PATH=/path/to/chrome make test
MSG
exit 1
