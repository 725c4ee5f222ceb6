#!/usr/bin/env bash
# Install what policykg's tests need beyond the package itself, on a fresh machine, without
# questions: the Oxigraph store and server (PyPI: pyoxigraph, oxigraph), requests, and from Debian
# Virtuoso Open Source (virtuoso-opensource) for the remote-endpoint and push tests and Apache Jena
# (libapache-jena-java, with a Java runtime) for the third SHACL engine, and LibreOffice (writer, no GUI),
# pandoc and a CJK font for the tests that read a Word file as LibreOffice and pandoc convert it to
# PDF and web pages, and poppler's pdftotext for those that read a PDF's text as it extracts it
# (tests/loaders/test_converted_printings.py).  Safe to run again: what is
# there already is left alone.  Without root (and no password-less sudo) the Debian packages cannot
# be installed; their tests then skip and say why.
#
# Usage: scripts/test-deps.sh        (then: python3 -m pytest)
set -euo pipefail

python3 -m pip install --quiet --disable-pip-version-check "pyoxigraph>=0.4" "oxigraph>=0.4" \
    "requests>=2.28" "sparqlwrapper>=2.0" "pytest>=7"

packages=()
command -v virtuoso-t > /dev/null 2>&1 || packages+=(virtuoso-opensource)
[[ -f /usr/share/java/jena-shacl.jar ]] || packages+=(libapache-jena-java)
command -v java > /dev/null 2>&1 || packages+=(default-jre-headless)
command -v soffice > /dev/null 2>&1 || packages+=(libreoffice-writer-nogui)
command -v pandoc > /dev/null 2>&1 || packages+=(pandoc)
command -v pdftotext > /dev/null 2>&1 || packages+=(poppler-utils)
[[ -d /usr/share/fonts/opentype/noto ]] || packages+=(fonts-noto-cjk)
if [[ ${#packages[@]} == 0 ]]; then
    exit 0
fi
if ! command -v apt-get > /dev/null 2>&1; then
    echo "test-deps: no apt-get here: install ${packages[*]} by hand, or their tests skip" >&2
    exit 0
fi
if [[ "$(id -u)" == 0 ]]; then
    SUDO=()
elif command -v sudo > /dev/null 2>&1 && sudo -n true 2> /dev/null; then
    SUDO=(sudo -n)
else
    echo "test-deps: not root: cannot install ${packages[*]}; their tests will skip" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
# virtuoso's own service is not wanted (tests start their own server on a free loopback port);
# where a policy-rc.d already forbids starting services (containers) nothing starts either way
"${SUDO[@]}" apt-get install -y -qq "${packages[@]}" > /dev/null
command -v virtuoso-t > /dev/null
[[ -f /usr/share/java/jena-shacl.jar ]]
command -v java > /dev/null
command -v soffice > /dev/null
command -v pandoc > /dev/null
