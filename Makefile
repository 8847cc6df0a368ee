# The two commands in the README: `make serve` and `make test`. Both install what is missing
# first (.ci/setup.sh), so they work on a fresh machine and are quick on the next run.

# wasm-opt from npm's binaryen, ahead of any other on the PATH.
export PATH := $(CURDIR)/.ci/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test test-native build test-browser sizes

## Build the app and serve it at http://127.0.0.1:8080 (rebuilds when files change).
serve:
	.ci/setup.sh app
	trunk serve index.html

## Run every test: native (domain, property tests) and end-to-end in headless Chromium.
test:
	.ci/setup.sh test
	$(MAKE) test-native build sizes test-browser

test-native:
	cargo test

## The release build the browser tests and size figures use.
build:
	trunk build index.html --release

sizes:
	node tests/sizes.mjs

test-browser:
	cd tests/e2e && npm test
