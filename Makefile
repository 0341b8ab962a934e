# Convenience targets over CMake. The README's two commands are `make example`
# and `make test`; both install what is missing first (scripts/setup).
BUILD ?= build
JOBS ?= $(shell nproc)
RASD := $(BUILD)/src/cli/rasd

.PHONY: setup build example test robust bench clean

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

# What CI adds to `make test` (docs/reliability.md): the suite again under
# AddressSanitizer + UndefinedBehaviorSanitizer (clang, its own build
# directory, shared with the fuzzers so the libraries are compiled once;
# the 31k-article SaudiNewsNet test is left to `make test`), every fuzz target
# for a short time (regressions replayed first), and the hostile corpus.
SAN_BUILD ?= build-san
FUZZ_SECONDS ?= 20
robust: build
	test -f $(SAN_BUILD)/build.ninja || cmake -S . -B $(SAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DRASD_SANITIZE=ON -DRASD_BUILD_FUZZERS=ON
	cmake --build $(SAN_BUILD) -j $(JOBS)
	cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest -j $(JOBS) --output-on-failure --timeout 1500 -E SaudiNewsNetCorpus
	FUZZ_BUILD_DIR=$(SAN_BUILD) FUZZ_JOBS=$(JOBS) fuzz/run $(FUZZ_SECONDS)
	HOSTILE_SMALL=1 tests/hostile/check $(RASD)

bench:
	@scripts/setup --bench
	bench/run

clean:
	rm -rf $(BUILD)
