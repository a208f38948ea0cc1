// submission.deadline: checked after the notice's deadline.
#include "mpcheck/checks/context.hpp"

namespace mpcheck::checks {

void check_submission(const Context& ctx)
{
  const auto& deadline = ctx.rules.deadline;
  if (!deadline || !(deadline->value < ctx.options.as_of))
    return;
  if (Finding* f = ctx.sink.add("submission.deadline", &deadline->origin, "")) {
    f->expected = "≤ " + deadline->value.str();
    f->actual = ctx.options.as_of.str();
    f->message = {"报送截止日期 " + deadline->value.str() + " 已过",
                  "the deadline " + deadline->value.str() + " has passed"};
    f->hint = {"联系主办单位确认是否仍可报送（检查其他日期可用 --as-of）。",
               "Ask the organisers whether late entries are accepted (use --as-of to check as of "
               "another day)."};
  }
}

} // namespace mpcheck::checks
