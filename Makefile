# tormem: `make run` renders the bundled example, `make test` runs every test.
# Both install what they need on a fresh Debian machine (libcairo2-dev, fonts-dejavu-core).

SWIFT ?= swift
EXAMPLE_DATA := Fixtures/real-2025-09-18/measurements.csv
EXAMPLE_OUT := out/example
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps build release run test reports reports-check bench dist clean

all: build

# System packages: Cairo headers (pkg-config "cairo") and the DejaVu fonts every chart uses.
deps:
	@if ! pkg-config --exists cairo 2>/dev/null || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
		echo "tormem: installing libcairo2-dev fonts-dejavu-core (apt-get)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcairo2-dev fonts-dejavu-core pkg-config; \
	fi

# What the tests use besides: real tor relays (run offline, never as a service), promtool (from
# Debian's prometheus package) to check the shipped rules and the textfile and to backfill
# `export --openmetrics` into a real prometheus, victoria-metrics to import it through its API (both
# started on loopback ports with temporary storage, stopped by PID), dpkg-deb for make dist,
# PyYAML to parse the shipped GitHub Actions workflow, systemd-analyze (systemd; nothing is started)
# to check and score the shipped unit, strace to compare tormem's system calls with the unit's
# filter, man (man-db) to render the packages' man pages, libcurl's headers and library for make dist
# (tormem-charts is linked with the Swift libraries inside; URLSession, for --prometheus, needs libcurl),
# and Debian's libjemalloc2 and libmimalloc2.0, preloaded into test relays to check the allocator column.
test-deps: deps
	@missing=""; \
	command -v tor >/dev/null 2>&1 || [ -x /usr/sbin/tor ] || missing="$$missing tor"; \
	{ command -v promtool && command -v prometheus; } >/dev/null 2>&1 || missing="$$missing prometheus"; \
	command -v victoria-metrics >/dev/null 2>&1 || missing="$$missing victoria-metrics"; \
	command -v dpkg-deb >/dev/null 2>&1 || missing="$$missing dpkg-dev"; \
	python3 -c 'import yaml' >/dev/null 2>&1 || missing="$$missing python3-yaml"; \
	command -v systemd-analyze >/dev/null 2>&1 || missing="$$missing systemd"; \
	command -v man >/dev/null 2>&1 || missing="$$missing man-db"; \
	command -v strace >/dev/null 2>&1 || missing="$$missing strace"; \
	pkg-config --exists libcurl 2>/dev/null || missing="$$missing libcurl4-openssl-dev"; \
	/sbin/ldconfig -p 2>/dev/null | grep -q 'libjemalloc\.so\.2 ' || missing="$$missing libjemalloc2"; \
	/sbin/ldconfig -p 2>/dev/null | grep -q 'libmimalloc\.so\.2 ' || missing="$$missing libmimalloc2.0"; \
	if [ -n "$$missing" ]; then \
		echo "tormem: installing$$missing for the tests (apt-get)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	.build/release/tormem-charts --data $(EXAMPLE_DATA) --output-dir $(EXAMPLE_OUT)
	@echo "Charts are in $(EXAMPLE_OUT)/"

test: test-deps
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) --no-print-directory reports-check
	.ci/dist
	.ci/dist-check

# Speed and memory of the three benchmark cases (see BENCHMARKS.md).
bench: deps
	.ci/bench

# Redraw every report folder's charts and generated Markdown sections.
reports: deps
	$(SWIFT) build
	.build/debug/tormem-charts regenerate reports

# What CI checks (contrib/github-actions/tormem-reports.yml): exit 1 listing every stale chart,
# generated section or tormem.json under reports/. By source fingerprints: any machine agrees.
reports-check: deps
	$(SWIFT) build
	.build/debug/tormem-charts regenerate reports --check

# Static release binaries, man pages, completions, systemd units: in dist/ the full .deb and tarball,
# and the collector's alone (tormem-collect: no tormem-charts, no cairo).
dist: test-deps
	.ci/dist

clean:
	rm -rf .build out dist .build-dist
