# LLM Dojo — two commands on a fresh Debian machine with the Swift toolchain:
#   make run    install what is missing, build (release), open the app
#   make test   install what is missing, run the whole test suite (incl. tmux end-to-end)

SWIFT ?= swift
APT_PACKAGES := libncursesw5-dev libopenblas-dev libsqlite3-dev pkg-config tmux locales
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build test deps bench content-check clean uninstall

run: deps build
	./.build/release/dojo

build: deps
	$(SWIFT) build -c release --product dojo

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps build
	./.build/release/dojo bench

content-check: build
	./.build/release/dojo content check content

# Installs only what dpkg does not already report as installed, so a second run costs a
# dpkg query and nothing else.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf .build

uninstall:
	@echo "dojo keeps its data in \$$DOJO_HOME, else \$$XDG_DATA_HOME/dojo, else ~/.local/share/dojo."
	@echo "Remove that directory to delete progress; 'make clean' removes the build."
