#!/usr/bin/env bash
# Install what the HTML export tests need when it is missing: Debian's Chromium (the headless
# browser tests/graph/test_export_html.py drives over the DevTools pipe) and a CJK font, without
# which Chinese labels render as boxes in screenshots.  Safe to run again: installs only what lacks.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ! (command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .); then
    need+=(fonts-noto-cjk)
fi
if [ ${#need[@]} -eq 0 ]; then
    echo "install-chromium: chromium and a CJK font are already installed"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "install-chromium: installing ${need[*]}"
# another apt run (a concurrent job) holds the lock for a while: wait for it rather than fail
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need[@]}"
chromium --version
