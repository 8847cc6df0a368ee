#!/usr/bin/env bash
# Contract checks (`make test-contract`): validates public/openapi.yaml with
# openapi-spec-validator, then starts the reference receiver on a free loopback port with a
# throw-away database and runs schemathesis, a property-based API fuzzer, against it from the
# same document. Both tools are installed by `.ci/setup.sh test` in .ci/tools/venv.
#
# Every check runs except positive_data_acceptance: the schema cannot say everything
# `Submission::check` refuses (what each kind needs, email and phone formats, the landlord's
# profile ids), and the document says such bodies get a 422.
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
# The fuzzer sends far more than a resident would: the rate limits are raised.
"$receiver" --addr 127.0.0.1:0 --db "$work/receiver.sqlite" \
  --post-burst 100000 --posts-per-minute 100000 --read-burst 100000 --reads-per-minute 100000 \
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

echo "== schemathesis against the receiver at $url"
status=0
# Run from the scratch directory, where schemathesis and Hypothesis leave their caches.
root=$(pwd)
(cd "$work" && "$root/$venv/bin/st" run "$root/public/openapi.yaml" \
  --url "$url" \
  --checks all \
  --exclude-checks positive_data_acceptance \
  --max-examples "${CONTRACT_EXAMPLES:-100}" \
  --seed "${CONTRACT_SEED:-20261201}" \
  --generation-database none \
  --request-timeout 30 \
  --no-color) || status=$?

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
echo "receiver: $(wc -l <"$work/receiver.log") requests answered, none with a 5xx"
exit "$status"
