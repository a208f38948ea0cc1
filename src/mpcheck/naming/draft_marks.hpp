#pragma once
// The draft and version words people leave at the end of a video's name — 定稿, 最终版, 修改版,
// v2, final, (1), 副本 — which are no part of the work's title: `mpcheck init` suggests the
// title without them (docs/manifest.md, "What init guesses"). Pure.

#include <string>
#include <string_view>

namespace mpcheck::naming {

struct DraftStrip {
  std::string title;   // the title without its trailing draft marks; the input when none
  std::string removed; // what was taken off the end, as written ("（定稿）", "- 副本 (2)"); ""
};

// `title` without the draft and version marks at its end, one after the other
// ("初心如磐（定稿）" → "初心如磐", "奋斗者之歌 最终版" → "奋斗者之歌", "党课 - 副本 (2)" →
// "党课"). A mark is taken: in brackets — （定稿）, (final), 【修改版】, (1) — where everything
// inside is marks or a number; after a separator (space, _, -, ·) — 改, 修改, 最新, 最终, 副本,
// 拷贝, copy, final, draft, v2, ver3 — or glued to the title when it cannot end a title's own word:
// 定稿, 终稿, 终版, 最终版, 最终稿, 修改版, 修改稿, 修订版, 修订稿, 初稿, 草稿, 送审稿, 送审版,
// 最新版, 第二版, 第3稿, 改2, 二改, and v2, final, copy, draft after a character that is no ASCII
// letter or digit. A single 改 or 最新 glued to the title is kept (立行立改). Nothing is taken when
// it would leave no title.
DraftStrip strip_draft_marks(std::string_view title);

} // namespace mpcheck::naming
