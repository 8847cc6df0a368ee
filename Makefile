# The two commands in the README: `make serve` and `make test`. Both install what is missing
# first (.ci/setup.sh), so they work on a fresh machine and are quick on the next run.

# wasm-opt from npm's binaryen, ahead of any other on the PATH.
export PATH := $(CURDIR)/.ci/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test test-native test-contract plain-english build test-servers test-browser sizes bench first-visit bytes check-profile

## Build the app and serve it at http://127.0.0.1:8080 (rebuilds when files change), with the
## reference receiver beside it on 127.0.0.1:8081, storing to target/receiver.sqlite. Trunk
## passes /v1/ on to the receiver (Trunk.toml), so the app sends to its own origin. The
## receiver stops when Trunk does. Staff read submissions with the token in target/staff-token
## (made on first use). (--no-default-features --features receiver: the receiver without the
## browser app's crates, a quicker build.)
serve:
	.ci/setup.sh app
	cargo build --release --no-default-features --features receiver --bin receiver
	@test -s target/staff-token || (umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >target/staff-token)
	target/release/receiver --addr 127.0.0.1:8081 --db target/receiver.sqlite \
	  --staff-token-file target/staff-token & \
	receiver=$$!; \
	trap 'kill $$receiver 2>/dev/null' EXIT INT TERM; \
	trunk serve index.html

## Run every test: native (domain, property tests, the receiver), the contract checks, and
## end-to-end in headless Chromium.
test:
	.ci/setup.sh test
	$(MAKE) test-native test-contract plain-english build sizes test-servers test-browser

test-native:
	cargo test

## The OpenAPI document validated, and schemathesis fuzzing the receiver from it.
test-contract:
	tests/contract.sh

## Every English sentence a resident reads at a reading grade of 7 or below (textstat).
plain-english:
	.ci/tools/venv/bin/python tests/plain_english.py

## The server configurations of docs/servers/: nginx, Apache and Caddy serve the build with
## theirs and are asked for each kind of file (needs the build).
test-servers:
	tests/server_configs.sh

## The release build the browser tests and size figures use.
build:
	trunk build index.html --release

## The first page's sizes against its budget (writes target/sizes.json, never a tracked file).
sizes:
	node tests/sizes.mjs

test-browser:
	cd tests/e2e && npm test

## The benchmark: sizes, load times under throttling and Lighthouse scores, against a plain
## GOV.UK Frontend form (tests/e2e/bench.mjs). Writes docs/benchmarks.md and docs/sizes.md
## (generated: commit them, never edit them), and target/bench.json and target/sizes.json.
## The sizes come last so that a first page over its budget still gets its benchmark.
bench:
	.ci/setup.sh test
	$(MAKE) build
	cd tests/e2e && node bench.mjs
	node tests/sizes.mjs --write

## Start now on a first visit over one weak link shared by the page and the service worker
## (tests/e2e/first-visit.mjs; throttles the loopback with tc, so run it as root). Writes
## docs/first-visit.md (generated: commit it, never edit it) and target/first-visit.json.
first-visit:
	.ci/setup.sh test
	$(MAKE) build
	cd tests/e2e && node first-visit.mjs

## Where each wasm's bytes go, by crate and by function (tests/bytes.mjs, with twiggy): writes
## docs/bytes.md (generated: commit it, never edit it).
bytes:
	.ci/setup.sh app
	@[ "$$(twiggy --version 2>/dev/null)" = "twiggy-opt 0.8.0" ] || cargo install twiggy --locked --version 0.8.0
	node tests/bytes.mjs

## Check a landlord's profile as the policy check page does, naming every problem; exits 1 if
## it has any (for a build pipeline): make check-profile FILE=path/to/profile.json
check-profile:
	@test -n "$(FILE)" || (echo "usage: make check-profile FILE=path/to/profile.json" >&2; exit 2)
	@cargo run --quiet --no-default-features --bin check-profile -- $(FILE)
