#!/usr/bin/env bash
# Start a throwaway Virtuoso Open Source server (Debian package virtuoso-opensource) so policykg's
# endpoint and push tests run against a triple store a user would really have.
#
# Loopback only, a fresh database in a temporary folder, free ports; waits until SPARQL answers,
# then prints what a test or a person needs, one KEY=VALUE a line, on stdout:
#
#   VIRTUOSO_DIR=/tmp/policykg-virtuoso.XXXX   database, ini and log (delete after stopping)
#   VIRTUOSO_PID=12345                          stop the server with: kill 12345
#   VIRTUOSO_SPARQL=http://127.0.0.1:PORT/sparql                       queries, no login
#   VIRTUOSO_SPARQL_AUTH=http://127.0.0.1:PORT/sparql-auth             queries and SPARQL Update
#   VIRTUOSO_GRAPH_STORE=http://127.0.0.1:PORT/sparql-graph-crud-auth  Graph Store HTTP Protocol
#   VIRTUOSO_USER=dba  VIRTUOSO_PASSWORD=dba                           login of the *-auth URLs
#
# Usage: scripts/start-virtuoso.sh [DIR]    (DIR: an empty folder to use instead of a new temp one)
# With VIRTUOSO_OWNER_PID=PID in the environment, the server is also stopped when that process ends
# (the test fixture passes its own pid, so a killed test run leaves no server behind).
# Exit codes: 0 started; 3 virtuoso-t is not installed (scripts/test-deps.sh installs it);
#             1 it did not start (the log is printed).
set -euo pipefail

VIRTUOSO_BIN="${VIRTUOSO_BIN:-$(command -v virtuoso-t || true)}"
if [[ -z "$VIRTUOSO_BIN" ]]; then
    echo "virtuoso-t not found: install it with 'apt-get install -y virtuoso-opensource'" \
         "(scripts/test-deps.sh does)" >&2
    exit 3
fi
VAD_DIR=/usr/share/virtuoso-opensource-7/vad
[[ -d "$VAD_DIR" ]] || VAD_DIR=.

DIR="${1:-$(mktemp -d "${TMPDIR:-/tmp}/policykg-virtuoso.XXXXXX")}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

# two free loopback ports (SQL and HTTP), chosen by the kernel
read -r SQL_PORT HTTP_PORT < <(python3 - <<'EOF'
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
for s in socks:
    s.close()
EOF
)

cat > "$DIR/virtuoso.ini" <<EOF
[Database]
DatabaseFile    = $DIR/virtuoso.db
ErrorLogFile    = $DIR/virtuoso.log
LockFile        = $DIR/virtuoso.lck
TransactionFile = $DIR/virtuoso.trx
xa_persistent_file = $DIR/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = $DIR/virtuoso-temp.db
TransactionFile = $DIR/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort               = 127.0.0.1:$SQL_PORT
DisableUnixSocket        = 1
CheckpointInterval       = 60
CaseMode                 = 2
DirsAllowed              = ., $DIR, $VAD_DIR
VADInstallDir            = $VAD_DIR
NumberOfBuffers          = 10000
MaxDirtyBuffers          = 6000
MaxQueryMem              = 500M
ThreadsPerQuery          = 2

[HTTPServer]
ServerPort               = 127.0.0.1:$HTTP_PORT
ServerRoot               = $DIR
ServerThreads            = 4
MaxKeepAlives            = 10
KeepAliveTimeout         = 10
Charset                  = UTF-8

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
EOF

# +foreground keeps one process we can name by its id; setsid detaches it from this shell
setsid "$VIRTUOSO_BIN" +foreground +configfile "$DIR/virtuoso.ini" > "$DIR/stdout.log" 2>&1 < /dev/null &
PID=$!
echo "$PID" > "$DIR/virtuoso.pid"

BASE="http://127.0.0.1:$HTTP_PORT"
ready=""
for _ in $(seq 1 120); do   # at most ~60 s
    if ! kill -0 "$PID" 2>/dev/null; then
        break
    fi
    if python3 - "$BASE/sparql" <<'EOF' 2>/dev/null
import sys, urllib.parse, urllib.request
url = sys.argv[1] + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
with urllib.request.urlopen(url, timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
    then
        ready=1
        break
    fi
    sleep 0.5
done

if [[ -z "$ready" ]]; then
    echo "Virtuoso did not start within 60 s; its log ($DIR):" >&2
    tail -n 30 "$DIR/virtuoso.log" "$DIR/stdout.log" >&2 2>/dev/null || true
    kill "$PID" 2>/dev/null || true
    exit 1
fi

if [[ -n "${VIRTUOSO_OWNER_PID:-}" ]]; then
    OWNER="$VIRTUOSO_OWNER_PID"
    setsid bash -c 'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 2; done
                    kill "$2" 2>/dev/null || true' watchdog "$OWNER" "$PID" > /dev/null 2>&1 < /dev/null &
fi

echo "VIRTUOSO_DIR=$DIR"
echo "VIRTUOSO_PID=$PID"
echo "VIRTUOSO_SPARQL=$BASE/sparql"
echo "VIRTUOSO_SPARQL_AUTH=$BASE/sparql-auth"
echo "VIRTUOSO_GRAPH_STORE=$BASE/sparql-graph-crud-auth"
echo "VIRTUOSO_USER=dba"
echo "VIRTUOSO_PASSWORD=dba"
echo "Virtuoso is running (pid $PID); stop it with: kill $PID" >&2
