#!/usr/bin/env bash
# Contract checks (`make test-contract`): validates public/openapi.yaml with
# openapi-spec-validator, then starts the reference receiver on a free loopback port with a
# throw-away database, a throw-away staff token and its rate limits raised, and runs
# schemathesis, a property-based API fuzzer, against it from the same document, as staff (the
# document's `StaffToken` scheme), so that the staff routes and the status route are fuzzed
# with a token that opens them. Both tools are installed by `.ci/setup.sh test` in
# .ci/tools/venv. Last, a few requests check what schemathesis cannot: that the routes
# behind a token answer the same 404 without one as for a reference that does not exist.
#
# Every check runs except two:
# - positive_data_acceptance: the schema cannot say everything `Submission::check` refuses
#   (what each kind needs, email and phone formats, the landlord's profile ids) nor what
#   `Status::check` refuses (an event dated before the last one), and the document says such
#   bodies get a 422.
# - ignored_auth: it wants a request without a token, or with a wrong one, refused with 401
#   or 403. The contract answers 404 instead, the same as for a reference that does not
#   exist, so that an answer never tells whether a reference exists; the requests at the end
#   check that instead.
#
# CONTRACT_SEED=N replays a run; CONTRACT_EXAMPLES=N changes the cases per operation.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.ci/tools/venv
if [[ ! -x $venv/bin/st || ! -x $venv/bin/openapi-spec-validator ]]; then
  echo "schemathesis and openapi-spec-validator are missing: run .ci/setup.sh test" >&2
  exit 1
fi

echo "== openapi-spec-validator public/openapi.yaml"
"$venv/bin/openapi-spec-validator" public/openapi.yaml

cargo build --quiet --bin receiver
receiver="${CARGO_TARGET_DIR:-target}/debug/receiver"

work=$(mktemp -d)
# A staff token of 256 random bits, in a file only this user can read.
(umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$work/staff-token")
"$receiver" --addr 127.0.0.1:0 --db "$work/receiver.sqlite" \
  --staff-token-file "$work/staff-token" \
  --post-burst 100000 --posts-per-minute 100000 \
  --read-burst 100000 --reads-per-minute 100000 \
  >"$work/stdout" 2>"$work/receiver.log" &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

url=""
for _ in $(seq 300); do
  url=$(sed -n 's/^listening on //p' "$work/stdout")
  [[ -n $url ]] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/receiver.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n $url ]] || { echo "the receiver did not start" >&2; exit 1; }

# Schemathesis sends the staff token wherever the document lets the StaffToken scheme in.
cat >"$work/schemathesis.toml" <<'TOML'
[auth.openapi.StaffToken]
bearer = "${CONTRACT_STAFF_TOKEN}"
TOML

echo "== schemathesis against the receiver at $url, as staff"
status=0
# Run from the scratch directory, where schemathesis and Hypothesis leave their caches.
root=$(pwd)
(cd "$work" && CONTRACT_STAFF_TOKEN=$(cat staff-token) \
  "$root/$venv/bin/st" --config-file schemathesis.toml run "$root/public/openapi.yaml" \
  --url "$url" \
  --checks all \
  --exclude-checks positive_data_acceptance,ignored_auth \
  --max-examples "${CONTRACT_EXAMPLES:-100}" \
  --seed "${CONTRACT_SEED:-20261201}" \
  --generation-database none \
  --request-timeout 30 \
  --no-color) || status=$?

# The staff token reached the routes behind it: each answered a success at least once.
request='^[A-Z]+ /[^ ]* [0-9]{3} [0-9]+ms$'
sed -E 's#^([A-Z]+ /v1/submissions/)[^/ ]+#\1{reference}#' "$work/receiver.log" >"$work/routes.log"
for answer in 'GET /v1/submissions/{reference} 200' 'GET /v1/submissions/{reference}/status 200' \
  'POST /v1/submissions/{reference}/events 201'; do
  count=$(grep -Fc "$answer " "$work/routes.log" || true)
  echo "receiver: $answer, $count times"
  if [[ $count == 0 ]]; then
    echo "schemathesis never had that answer: does it send the staff token?" >&2
    status=1
  fi
done

echo "== a token opens its own submission's status and nothing else"
"$venv/bin/python" - "$url" "$work/staff-token" <<'PY' || status=1
import datetime, json, sys, urllib.request, uuid
import yaml

url, staff = sys.argv[1], open(sys.argv[2]).read().strip()
doc = yaml.safe_load(open("public/openapi.yaml"))
complaint = (doc["paths"]["/v1/submissions"]["post"]["requestBody"]["content"]
             ["application/json"]["examples"]["complaint"]["value"])

def send(method, path, token=None, body=None, key=None):
    request = urllib.request.Request(url + path, method=method)
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    if key is not None:
        request.add_header("Idempotency-Key", key)
    if body is not None:
        request.add_header("Content-Type", "application/json")
        request.data = json.dumps(body).encode()
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as answer:
        return answer.code, answer.read()

failures = []
def expect(what, got, status):
    if got[0] != status:
        failures.append(f"{what}: {got[0]}, not {status}: {got[1][:200]!r}")
    return got

created = expect("POST /v1/submissions", send("POST", "/v1/submissions", body=complaint,
                                              key=str(uuid.uuid4())), 201)
receipt = json.loads(created[1])
reference, token = receipt["reference"], receipt.get("access_token")
if not token:
    sys.exit(f"the receipt has no access_token: {receipt}")
# A reference of the same form that was not given out (the alphabet has no 0, 1, I, L, O or U,
# so RC-2222-2222 is only ever one by chance; the run checks it is not this one).
missing = "RC-2222-2222" if reference != "RC-2222-2222" else "RC-3333-3333"
status, events = f"/v1/submissions/{reference}/status", f"/v1/submissions/{reference}/events"
record = f"/v1/submissions/{reference}"
expect("the status with its token", send("GET", status, token), 200)
expect("the status, the reference in lower case", send("GET", status.lower(), token), 200)
expect("the status with the staff token", send("GET", status, staff), 200)
expect("the record with the staff token", send("GET", record, staff), 200)
not_found = expect("the status of a reference that does not exist",
                   send("GET", f"/v1/submissions/{missing}/status", token), 404)
today = {"status": "acknowledged", "date": datetime.date.today().isoformat()}
refused = {
    "the status without a token": send("GET", status),
    "the status with a wrong token": send("GET", status, "0" * 64),
    "the status with its token in upper case": send("GET", status, token.upper()),
    "the record without a token": send("GET", record),
    "the record with the resident's token": send("GET", record, token),
    "the record of a reference that does not exist": send("GET", f"/v1/submissions/{missing}", staff),
    "an event without a token": send("POST", events, body=today),
    "an event with the resident's token": send("POST", events, token, today),
    "an event for a reference that does not exist": send("POST", f"/v1/submissions/{missing}/events",
                                                         staff, today),
}
for what, got in refused.items():
    if got != not_found:
        failures.append(f"{what}: {got[0]} {got[1][:200]!r}, not the same as {not_found[0]} {not_found[1]!r}")
for failure in failures:
    print(failure, file=sys.stderr)
print(f"{len(refused) + 6} requests, {len(failures)} failures")
sys.exit(1 if failures else 0)
PY

if ! kill -0 "$pid" 2>/dev/null; then
  echo "the receiver died during the run:" >&2
  tail -50 "$work/receiver.log" >&2
  exit 1
fi
# Belt and braces: schemathesis's not_a_server_error check covers this too.
if grep -Eq ' 5[0-9]{2} [0-9]+ms$' "$work/receiver.log"; then
  echo "the receiver answered with a 5xx:" >&2
  grep -E ' 5[0-9]{2} [0-9]+ms$' "$work/receiver.log" | head >&2
  exit 1
fi
echo "receiver: $(grep -Ec "$request" "$work/receiver.log") requests answered, none with a 5xx"
exit "$status"
