#pragma once
// Small RAII owners for libav objects, shared by the code that talks to libav (media/).

#include <memory>
#include <mutex>
#include <string>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>
#include <libavutil/mem.h>
}

namespace mpcheck::media {

struct FormatCloser {
  void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
using FormatPtr = std::unique_ptr<AVFormatContext, FormatCloser>;

struct PacketFree {
  void operator()(AVPacket* p) const { av_packet_free(&p); }
};
using PacketPtr = std::unique_ptr<AVPacket, PacketFree>;

struct FrameFree {
  void operator()(AVFrame* f) const { av_frame_free(&f); }
};
using FramePtr = std::unique_ptr<AVFrame, FrameFree>;

struct CodecFree {
  void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
using CodecPtr = std::unique_ptr<AVCodecContext, CodecFree>;

struct GraphFree {
  void operator()(AVFilterGraph* g) const { avfilter_graph_free(&g); }
};
using GraphPtr = std::unique_ptr<AVFilterGraph, GraphFree>;

// The largest single block libav may allocate for mpcheck. A real file never needs more
// than a few tens of MiB at once (an 8K 10-bit picture is ~100 MiB); a crafted one can declare
// a table of 2^31 entries (an `sgpd` box of 87 KB made libavformat zero 2 GiB for 12 s).
// Past this cap the allocation fails, libav returns ENOMEM and the file is reported as
// `media.unreadable` ("oversized"), while the run goes on.
constexpr size_t libav_max_allocation = size_t(256) << 20;

// Once per process, before libav reads anything: libav logs nothing (every problem it meets
// is turned into a finding with plain words), and no single allocation exceeds the cap above.
inline void init_libav()
{
  static std::once_flag once;
  std::call_once(once, [] {
    av_log_set_level(AV_LOG_QUIET);
    av_max_alloc(libav_max_allocation);
  });
}

// libav's own text for an error code: for developers (--verbose, JSON detail), never shown
// alone to a user.
inline std::string av_error_string(int err)
{
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(err, buf, sizeof buf);
  return buf;
}

} // namespace mpcheck::media
