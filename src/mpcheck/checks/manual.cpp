// manual.*: what only a person can judge (originality, the title card naming the speaker,
// political review, sealed paper forms). Listed for the user to confirm, once per
// submission or once per work.
#include <algorithm>

#include "mpcheck/checks/context.hpp"

namespace mpcheck::checks {

namespace {

bool applies_to(const rules::ManualItem& item, const Work& work)
{
  return item.categories.empty() || std::find(item.categories.begin(), item.categories.end(),
                                              work.category) != item.categories.end();
}

void add(const Context& ctx, const rules::ManualItem& item, const std::string& path,
         const std::string& work)
{
  if (Finding* f = ctx.sink.add(rules::CheckId::manual(item.id), &item.origin, path, work)) {
    f->expected = item.text;
    f->actual = Text{"需人工确认", "to confirm by hand"};
    f->message = item.text;
    f->hint = {"人工核对后在报送前确认。", "Check it by hand before you hand the drive over."};
  }
}

} // namespace

void check_manual(const Context& ctx)
{
  for (const auto& item : ctx.rules.manual) {
    if (item.scope == rules::ManualScope::submission) {
      if (ctx.whole_drive()) // loose files are no submission: only their works' items
        add(ctx, item, "", "");
      continue;
    }
    for (const auto& work : ctx.sub.works)
      if (applies_to(item, work))
        add(ctx, item, work.files.empty() ? "" : ctx.sub.files[size_t(work.files.front())].path,
            work.title);
  }
}

} // namespace mpcheck::checks
