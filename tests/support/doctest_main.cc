// doctest_main.cc — doctest's runner for the unit and end-to-end tests, failing
// a run whose filters select no test case.
//
// CTest runs each test case by name (--test-case=NAME). A name CMake cannot
// pass whole (a ';' splits it into a list) selects nothing, and doctest would
// report that as success: a test that cannot fail.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <iostream>

namespace {

bool selected_none = false;

// Only counts what the filters selected; the default reporter still reports.
struct SelectionCheck : doctest::IReporter {
    explicit SelectionCheck(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats& stats) override {
        selected_none = stats.numTestCasesPassingFilters == 0;
    }
    void test_case_start(const doctest::TestCaseData&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace

DOCTEST_REGISTER_LISTENER("selection_check", 1, SelectionCheck);

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    int result = context.run();
    if (context.shouldExit() || result != 0) return result;
    if (selected_none) {
        std::cerr << "doctest: no test case matches the filters given\n";
        return 1;
    }
    return 0;
}
