# Convenience targets over CMake. The README's two commands are `make example`
# and `make test`; both install what is missing first (scripts/setup).
BUILD ?= build
JOBS ?= $(shell nproc)
RASD := $(BUILD)/src/cli/rasd

.PHONY: setup build example test bench clean

setup:
	@scripts/setup

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: setup $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# rasd's main job on the example corpus shipped in examples/corpus.
example: build
	@scripts/run-example $(RASD)

test: build
	cd $(BUILD) && ctest -j $(JOBS) --output-on-failure --timeout 600

bench:
	@scripts/setup --bench
	bench/run

clean:
	rm -rf $(BUILD)
