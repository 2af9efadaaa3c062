# Two entry points for a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
NODE_MODULES := node_modules/.install-stamp

.PHONY: demo test build bench clean

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

build: $(NODE_MODULES)
	npm run --silent build

demo: build
	node bin/appc.js package out --project-dir fixtures/hello

test: build chromium
	npm run --silent typecheck
	npm run --silent lint
	npm test

# Debian's chromium for the browser test of appc local (test/local/browser-cors.test.ts).
.PHONY: chromium
chromium:
	@test -x /usr/bin/chromium || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

bench: build
	node bench/run.js

clean:
	rm -rf dist out node_modules
