# Thin wrapper around meson: `make run` and `make test` work on a fresh Debian 12 machine.
BUILD ?= build
SAMPLE ?= $(BUILD)/data/sample.phaen

# Debian 12 packages Phaen needs to build, test and be looked at.
DEB_PACKAGES = build-essential meson ninja-build pkg-config gettext \
	libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev \
	libxlsxwriter-dev libgsf-1-dev libxml2-dev libcairo2-dev libpango1.0-dev libjson-glib-dev \
	fonts-thai-tlwg fonts-noto-core fonts-crosextra-carlito xvfb xauth poppler-utils unzip \
	libreoffice-calc-nogui gnumeric \
	desktop-file-utils appstream appstream-compose shared-mime-info flatpak-builder \
	dbus-daemon at-spi2-core python3 python3-gi gir1.2-atspi-2.0 xdotool imagemagick

.PHONY: all deps build run test install clean

all: build

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

run: build
	$(BUILD)/src/cli/phaen-cli demo --force $(SAMPLE)
	$(BUILD)/src/app/phaen $(SAMPLE)

# UI tests need a display: use Xvfb when there is none.
test: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C $(BUILD) --print-errorlogs; \
	else \
	  meson test -C $(BUILD) --print-errorlogs; \
	fi

# Into the prefix (/usr/local by default; `meson configure build -Dprefix=…`), or a staging tree
# with DESTDIR=…. Without DESTDIR, meson's post-install steps refresh the MIME, icon, desktop and
# settings caches, so a .phaen file shows Phaen's icon and opens in it at once.
install: build
	meson install -C $(BUILD) --no-rebuild $(if $(DESTDIR),--destdir "$(DESTDIR)")

clean:
	rm -rf $(BUILD)
