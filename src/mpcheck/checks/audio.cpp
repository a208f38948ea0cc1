// audio.*: sound where the notice asks for it (声音清楚). audio.silent and audio.loudness
// need the decoded sound and belong to the deep checks.
#include "mpcheck/checks/context.hpp"

namespace mpcheck::checks {

void check_audio(const Context& ctx)
{
  for (const auto& file : ctx.sub.files) {
    if (file.kind != check::FileKind::video || file.facts.error || !file.facts.video)
      continue;
    const rules::MediaRules& media = ctx.rules_for(file).media;
    if (!media.audio_required || !media.audio_required->value || !file.facts.audio.empty())
      continue;
    if (Finding* f = ctx.sink.add("audio.missing", &media.audio_required->origin, file.path,
                                  ctx.work_of(file))) {
      f->expected = Text{"有声音", "sound"};
      f->actual = Text{"无音轨", "no audio stream"};
      f->message = {"视频没有声音（没有音轨）", "the video has no sound (no audio stream)"};
      f->hint = {"在剪辑软件中确认导出时包含音频后重新导出。",
                 "Export it again with the sound included."};
    }
  }
}

} // namespace mpcheck::checks
