// The doctest runner of mpcheck_unit. One addition to doctest's own main: a run in which every
// case passed but a case selected by the name filters was skipped by its decorator
// (`* doctest::skip(...)`: a mount not permitted here, …) exits 77, ctest's SKIP_RETURN_CODE,
// so that ctest shows the run as skipped rather than passed. doctest's summary names the count.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr int kSkipped = 77;

std::vector<std::string> g_skipped; // the cases a decorator skipped

struct SkipListener : doctest::IReporter {
  explicit SkipListener(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats&) override {}
  void test_case_start(const doctest::TestCaseData&) override {}
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData& tc) override
  {
    if (tc.m_skip)
      g_skipped.emplace_back(tc.m_name);
  }
};

DOCTEST_REGISTER_LISTENER("skips", 1, SkipListener);

// doctest's wildcards: '*' any run, '?' one character; case-insensitive like its filters.
bool wildcard(std::string_view pattern, std::string_view text)
{
  if (pattern.empty())
    return text.empty();
  if (pattern[0] == '*')
    return wildcard(pattern.substr(1), text) ||
           (!text.empty() && wildcard(pattern, text.substr(1)));
  if (text.empty())
    return false;
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
  return (pattern[0] == '?' || lower(pattern[0]) == lower(text[0])) &&
         wildcard(pattern.substr(1), text.substr(1));
}

// The comma-separated patterns of the options named `names` (e.g. --test-case=, -tc=).
std::vector<std::string> patterns(int argc, char** argv, std::initializer_list<std::string_view> names)
{
  std::vector<std::string> out;
  for (int i = 1; i < argc; ++i)
    for (std::string_view name : names) {
      std::string_view arg = argv[i];
      if (!arg.starts_with(name))
        continue;
      arg.remove_prefix(name.size());
      for (size_t comma; (comma = arg.find(',')) != std::string_view::npos; arg.remove_prefix(comma + 1))
        out.emplace_back(arg.substr(0, comma));
      out.emplace_back(arg);
    }
  return out;
}

bool any_matches(const std::vector<std::string>& pats, const std::string& name)
{
  for (const auto& p : pats)
    if (wildcard(p, name))
      return true;
  return false;
}

} // namespace

int main(int argc, char** argv)
{
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (result != 0 || context.shouldExit())
    return result;
  const auto include = patterns(argc, argv, {"--test-case=", "-tc="});
  const auto exclude = patterns(argc, argv, {"--test-case-exclude=", "-tce="});
  for (const auto& name : g_skipped)
    if ((include.empty() || any_matches(include, name)) && !any_matches(exclude, name))
      return kSkipped;
  return 0;
}
