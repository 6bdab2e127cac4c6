// sanitizer_options.cc — UBSan settings built into every fuzz target, so a run by hand reports like one under CTest.

// UBSAN_OPTIONS in the environment still overrides this.
extern "C" const char* __ubsan_default_options() { return "print_stacktrace=1"; }
