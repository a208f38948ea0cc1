#include "mpcheck/media/analyze.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <thread>

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include "mpcheck/media/libav.hpp"
#include "mpcheck/media/loudness.hpp"
#include "mpcheck/media/true_peak.hpp"

namespace mpcheck::media {

namespace {

// ---- opening a stream for decoding ---------------------------------------------------

bool has_global_index(const AVFormatContext* fmt)
{
  const std::string name = fmt->iformat->name;
  return name.find("mp4") != std::string::npos || name.find("matroska") != std::string::npos;
}

// The stream probe calls the main one: the default-disposition stream of the type, else
// the first (attached pictures are not video).
int main_stream(const AVFormatContext* fmt, AVMediaType type)
{
  int first = -1;
  for (unsigned i = 0; i < fmt->nb_streams; ++i) {
    const AVStream* st = fmt->streams[i];
    if (st->codecpar->codec_type != type || (st->disposition & AV_DISPOSITION_ATTACHED_PIC))
      continue;
    if (st->disposition & AV_DISPOSITION_DEFAULT)
      return int(i);
    if (first < 0)
      first = int(i);
  }
  return first;
}

struct OpenStream {
  FormatPtr fmt;
  CodecPtr dec;
  int index = -1;
  std::string error; // open-failed, no-stream, no-decoder
};

// Opens `path` and a single-threaded decoder for its main stream of `type`; every other
// stream is discarded, so the demuxer does not even read their packets where it can skip.
OpenStream open_stream(const std::string& path, AVMediaType type)
{
  OpenStream out;
  AVFormatContext* raw = nullptr;
  if (avformat_open_input(&raw, path.c_str(), nullptr, nullptr) < 0) {
    out.error = "open-failed";
    return out;
  }
  out.fmt.reset(raw);
  if (!has_global_index(raw) && avformat_find_stream_info(raw, nullptr) < 0 &&
      raw->nb_streams == 0) {
    out.error = "open-failed";
    return out;
  }
  out.index = main_stream(raw, type);
  if (out.index < 0) {
    out.error = "no-stream";
    return out;
  }
  for (unsigned i = 0; i < raw->nb_streams; ++i)
    raw->streams[i]->discard = int(i) == out.index ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
  const AVStream* st = raw->streams[out.index];
  const AVCodec* codec = avcodec_find_decoder(st->codecpar->codec_id);
  if (!codec) {
    out.error = "no-decoder";
    return out;
  }
  out.dec.reset(avcodec_alloc_context3(codec));
  if (!out.dec || avcodec_parameters_to_context(out.dec.get(), st->codecpar) < 0) {
    out.error = "no-decoder";
    return out;
  }
  out.dec->thread_count = 1; // parallel across files, not inside one
  out.dec->pkt_timebase = st->time_base;
  if (avcodec_open2(out.dec.get(), codec, nullptr) < 0)
    out.error = "no-decoder";
  return out;
}

// ---- a decoder that hands out pictures in presentation order -------------------------

class Decoder {
public:
  explicit Decoder(OpenStream& s) : m_s(s), m_st(s.fmt->streams[s.index])
  {
    m_start = m_st->start_time != AV_NOPTS_VALUE ? m_st->start_time : 0;
    m_tb = av_q2d(m_st->time_base);
  }

  // Moves to the last keyframe at or before `t` + `slack` (s from the start). Half a frame
  // of slack keeps the rounding of a keyframe's own time from landing on the one before.
  void seek(double t, double slack)
  {
    const int64_t ts = m_start + std::llround((std::max(0.0, t) + slack) / m_tb);
    if (av_seek_frame(m_s.fmt.get(), m_s.index, ts, AVSEEK_FLAG_BACKWARD) < 0)
      av_seek_frame(m_s.fmt.get(), m_s.index, ts, AVSEEK_FLAG_BACKWARD | AVSEEK_FLAG_ANY);
    avcodec_flush_buffers(m_s.dec.get());
    m_eof = m_draining = m_pending = false;
    m_settled = false;
  }

  // The next decoded frame, or nullptr at the end. Decode errors after the first keyframe
  // (after a seek, pictures before it may lack their references) are counted.
  const AVFrame* next()
  {
    for (int faults = 0; faults < 1000;) {
      av_frame_unref(m_frame.get());
      const int r = avcodec_receive_frame(m_s.dec.get(), m_frame.get());
      if (r == 0) {
        ++m_decoded;
        if (m_on_picture)
          m_on_picture(time_of(m_frame.get()));
        const int64_t ts = timestamp(m_frame.get());
        if (!m_settled && m_frame->key_frame) {
          m_settled = true;
          m_settled_ts = ts;
        }
        if (counts(ts) && (m_frame->decode_error_flags || (m_frame->flags & AV_FRAME_FLAG_CORRUPT)))
          error_at(ts);
        return m_frame.get();
      }
      if (r == AVERROR_EOF)
        return nullptr;
      if (r != AVERROR(EAGAIN))
        ++faults;
      if (!feed())
        return nullptr;
    }
    return nullptr;
  }

  // Time of a frame in seconds from the stream's start.
  double time_of(const AVFrame* f) const
  {
    const int64_t ts = timestamp(f);
    return ts == AV_NOPTS_VALUE ? m_last_time : double(ts - m_start) * m_tb;
  }

  void remember(double t) { m_last_time = t; }
  // Called with the time of every decoded picture (for progress).
  void on_picture(std::function<void(double)> f) { m_on_picture = std::move(f); }
  // Pictures no other refers to are decoded only when `wanted` says so of their time (s);
  // an empty function: all of them.
  void decode_only(std::function<bool(double)> wanted)
  {
    m_wanted = std::move(wanted);
    if (!m_wanted)
      m_s.dec->skip_frame = AVDISCARD_DEFAULT;
  }
  AVCodecContext* codec() { return m_s.dec.get(); }
  const AVStream* stream() const { return m_st; }
  int decoded() const { return m_decoded; }
  // Decode errors, leaving out those after `until` s: the end of a capture cut mid-frame.
  int errors(double until) const
  {
    return int(std::count_if(m_error_times.begin(), m_error_times.end(),
                             [until](double t) { return t <= until; }));
  }

private:
  void error_at(int64_t ts)
  {
    if (m_error_times.size() < 100000)
      m_error_times.push_back(ts == AV_NOPTS_VALUE ? m_last_time : double(ts - m_start) * m_tb);
  }

  static int64_t timestamp(const AVFrame* f)
  {
    return f->best_effort_timestamp != AV_NOPTS_VALUE ? f->best_effort_timestamp : f->pts;
  }

  // Damage counts only after the first keyframe the decoder showed since it started or
  // seeked, and only for what is shown after it: the pictures before it in an open GOP
  // (MPEG-2 broadcast, a capture that starts mid-stream) lack their references through no
  // fault of the file.
  bool counts(int64_t ts) const
  {
    return m_settled &&
           (ts == AV_NOPTS_VALUE || m_settled_ts == AV_NOPTS_VALUE || ts > m_settled_ts);
  }

  // Sends the decoder its next packet (or the end); false when nothing more can come.
  bool feed()
  {
    if (m_draining)
      return false;
    if (!m_pending) {
      if (m_eof || !read_packet()) {
        m_eof = true;
        m_draining = true;
        avcodec_send_packet(m_s.dec.get(), nullptr);
        return true;
      }
    }
    if (!m_pending && m_wanted) {
      const bool wanted =
          m_packet->pts == AV_NOPTS_VALUE || m_wanted(double(m_packet->pts - m_start) * m_tb);
      m_s.dec->skip_frame = wanted ? AVDISCARD_DEFAULT : AVDISCARD_NONREF;
    }
    const int r = avcodec_send_packet(m_s.dec.get(), m_packet.get());
    m_pending = r == AVERROR(EAGAIN);
    if (!m_pending) {
      if (r < 0 && r != AVERROR_EOF &&
          (counts(m_packet->pts) || (m_packet->flags & AV_PKT_FLAG_KEY)))
        error_at(m_packet->pts);
      av_packet_unref(m_packet.get());
    }
    return true;
  }

  bool read_packet()
  {
    for (;;) {
      av_packet_unref(m_packet.get());
      if (av_read_frame(m_s.fmt.get(), m_packet.get()) < 0)
        return false;
      if (m_packet->stream_index == m_s.index)
        return true;
    }
  }

  OpenStream& m_s;
  const AVStream* m_st;
  int64_t m_start = 0;
  double m_tb = 0;
  PacketPtr m_packet{av_packet_alloc()};
  FramePtr m_frame{av_frame_alloc()};
  std::function<bool(double)> m_wanted;
  std::function<void(double)> m_on_picture;
  bool m_eof = false, m_draining = false, m_pending = false, m_settled = false;
  int64_t m_settled_ts = AV_NOPTS_VALUE;
  double m_last_time = 0;
  int m_decoded = 0;
  std::vector<double> m_error_times;
};

// ---- pictures → grey -------------------------------------------------------------------

bool luma_is_direct(const AVPixFmtDescriptor* d)
{
  if (!d || (d->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_BAYER |
                         AV_PIX_FMT_FLAG_HWACCEL | AV_PIX_FMT_FLAG_BE | AV_PIX_FMT_FLAG_FLOAT)))
    return false;
  const AVComponentDescriptor& y = d->comp[0];
  return y.plane == 0 && y.offset == 0 && y.depth >= 8 && y.depth <= 16 &&
         y.step == (y.depth > 8 ? 2 : 1);
}

bool is_full_range(const AVFrame* f, const AVPixFmtDescriptor* d)
{
  return f->color_range == AVCOL_RANGE_JPEG || (d && (d->flags & AV_PIX_FMT_FLAG_RGB)) ||
         (d && std::string(d->name).starts_with("yuvj"));
}

// A grey copy of `f`, `width` columns wide. Planar and semi-planar YUV (nearly every video)
// is read in place; anything else goes through swscale first.
class Greyscaler {
public:
  ~Greyscaler() { sws_freeContext(m_sws); }

  Luma luma(const AVFrame* f, int width)
  {
    const AVPixFmtDescriptor* d = av_pix_fmt_desc_get(AVPixelFormat(f->format));
    Luma out;
    if (luma_is_direct(d)) {
      const int depth = d->comp[0].depth;
      out = downscale_luma(f->data[0], f->linesize[0], f->width, f->height, depth > 8 ? 2 : 1,
                           depth - 8, width);
    } else if (const uint8_t* grey = to_grey(f)) {
      out = downscale_luma(grey, m_grey->linesize[0], f->width, f->height, 1, 0, width);
    }
    out.full_range = is_full_range(f, d);
    return out;
  }

  // The share of dark pixels on a sparse grid of the full picture (cheap: for every frame of
  // the first and last seconds).
  bool black(const AVFrame* f)
  {
    const AVPixFmtDescriptor* d = av_pix_fmt_desc_get(AVPixelFormat(f->format));
    const uint8_t* plane = nullptr;
    int linesize = 0, bytes = 1, shift = 0;
    if (luma_is_direct(d)) {
      plane = f->data[0];
      linesize = f->linesize[0];
      bytes = d->comp[0].depth > 8 ? 2 : 1;
      shift = d->comp[0].depth - 8;
    } else if ((plane = to_grey(f))) {
      linesize = m_grey->linesize[0];
    } else {
      return false;
    }
    Luma sparse;
    sparse.full_range = is_full_range(f, d);
    constexpr int step = 8;
    sparse.width = (f->width + step - 1) / step;
    sparse.height = (f->height + step - 1) / step;
    sparse.pixels.reserve(size_t(sparse.width) * size_t(sparse.height));
    for (int y = 0; y < f->height; y += step) {
      const uint8_t* row = plane + ptrdiff_t(y) * linesize;
      for (int x = 0; x < f->width; x += step)
        sparse.pixels.push_back(
            bytes == 1 ? row[x] : uint8_t(uint32_t(row[2 * x] | (row[2 * x + 1] << 8)) >> shift));
    }
    return is_black(sparse);
  }

private:
  const uint8_t* to_grey(const AVFrame* f)
  {
    m_sws = sws_getCachedContext(m_sws, f->width, f->height, AVPixelFormat(f->format), f->width,
                                 f->height, AV_PIX_FMT_GRAY8, SWS_POINT, nullptr, nullptr, nullptr);
    if (!m_sws)
      return nullptr;
    if (m_grey->width != f->width || m_grey->height != f->height) {
      av_frame_unref(m_grey.get());
      m_grey->format = AV_PIX_FMT_GRAY8;
      m_grey->width = f->width;
      m_grey->height = f->height;
      if (av_frame_get_buffer(m_grey.get(), 0) < 0)
        return nullptr;
    }
    sws_scale(m_sws, f->data, f->linesize, 0, f->height, m_grey->data, m_grey->linesize);
    return m_grey->data[0];
  }

  SwsContext* m_sws = nullptr;
  FramePtr m_grey{av_frame_alloc()};
};

// ---- thumbnails: small colour JPEGs of sampled pictures, for the HTML report ---------

class Thumbnailer {
public:
  ~Thumbnailer() { sws_freeContext(m_sws); }

  // A JPEG of `f`, `width` wide, its height from the display aspect ratio; empty on failure.
  Thumbnail make(const AVFrame* f, int width)
  {
    Thumbnail out;
    const AVRational sar =
        f->sample_aspect_ratio.num > 0 ? f->sample_aspect_ratio : AVRational{1, 1};
    const double shown_width = double(f->width) * av_q2d(sar);
    if (f->width <= 0 || f->height <= 0 || shown_width <= 0)
      return out;
    const int w = width & ~1;
    const int h = std::max(2, int(std::lround(double(f->height) * w / shown_width / 2.0)) * 2);
    m_sws = sws_getCachedContext(m_sws, f->width, f->height, AVPixelFormat(f->format), w, h,
                                 AV_PIX_FMT_YUVJ420P, SWS_AREA, nullptr, nullptr, nullptr);
    if (!m_sws || !open_encoder(w, h))
      return out;
    FramePtr small(av_frame_alloc());
    small->format = AV_PIX_FMT_YUVJ420P;
    small->width = w;
    small->height = h;
    if (av_frame_get_buffer(small.get(), 0) < 0)
      return out;
    sws_scale(m_sws, f->data, f->linesize, 0, f->height, small->data, small->linesize);
    small->pts = m_count++;
    small->quality = m_encoder->global_quality;
    PacketPtr pkt(av_packet_alloc());
    if (avcodec_send_frame(m_encoder.get(), small.get()) < 0 ||
        avcodec_receive_packet(m_encoder.get(), pkt.get()) < 0)
      return out;
    out.width = w;
    out.height = h;
    out.jpeg.assign(reinterpret_cast<const char*>(pkt->data), size_t(pkt->size));
    return out;
  }

private:
  bool open_encoder(int w, int h)
  {
    if (m_encoder && m_encoder->width == w && m_encoder->height == h)
      return true;
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
    if (!codec)
      return false;
    m_encoder.reset(avcodec_alloc_context3(codec));
    m_encoder->width = w;
    m_encoder->height = h;
    m_encoder->pix_fmt = AV_PIX_FMT_YUVJ420P;
    m_encoder->time_base = AVRational{1, 25};
    m_encoder->flags |= AV_CODEC_FLAG_QSCALE;
    m_encoder->global_quality = FF_QP2LAMBDA * 5;
    if (avcodec_open2(m_encoder.get(), codec, nullptr) < 0) {
      m_encoder.reset();
      return false;
    }
    return true;
  }

  SwsContext* m_sws = nullptr;
  CodecPtr m_encoder;
  int64_t m_count = 0;
};

// ---- the interlace measure: libavfilter's idet on a burst of consecutive pictures ----

double metadata_number(const AVFrame* f, const char* key, double fallback)
{
  const AVDictionaryEntry* e = av_dict_get(f->metadata, key, nullptr, 0);
  if (!e)
    return fallback;
  char* end = nullptr;
  const double v = std::strtod(e->value, &end);
  return end == e->value ? fallback : v;
}

// A filter graph `source → FILTERS → sink` for frames like `like` (video) or for the audio
// decoder `audio`. Returns false when libavfilter refuses it.
struct Graph {
  GraphPtr graph{avfilter_graph_alloc()};
  AVFilterContext* source = nullptr;
  AVFilterContext* sink = nullptr;

  bool build(const char* source_name, const std::string& source_args, const std::string& filters)
  {
    if (!graph)
      return false;
    graph->nb_threads = 1;
    if (avfilter_graph_create_filter(&source, avfilter_get_by_name(source_name), "in",
                                     source_args.c_str(), nullptr, graph.get()) < 0)
      return false;
    const char* sink_name = std::string(source_name) == "abuffer" ? "abuffersink" : "buffersink";
    if (avfilter_graph_create_filter(&sink, avfilter_get_by_name(sink_name), "out", nullptr,
                                     nullptr, graph.get()) < 0)
      return false;
    AVFilterInOut* outputs = avfilter_inout_alloc();
    AVFilterInOut* inputs = avfilter_inout_alloc();
    outputs->name = av_strdup("in");
    outputs->filter_ctx = source;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = sink;
    const int r =
        avfilter_graph_parse_ptr(graph.get(), filters.c_str(), &inputs, &outputs, nullptr);
    avfilter_inout_free(&inputs);
    avfilter_inout_free(&outputs);
    return r >= 0 && avfilter_graph_config(graph.get(), nullptr) >= 0;
  }

  // Pushes a frame (nullptr: the end) and hands every frame that comes out to `take`.
  template <class Take> bool push(const AVFrame* f, Take&& take)
  {
    if (av_buffersrc_add_frame_flags(source, const_cast<AVFrame*>(f),
                                     f ? AV_BUFFERSRC_FLAG_KEEP_REF : 0) < 0)
      return false;
    FramePtr out(av_frame_alloc());
    while (av_buffersink_get_frame(sink, out.get()) >= 0) {
      take(out.get());
      av_frame_unref(out.get());
    }
    return true;
  }
};

class IdetBurst {
public:
  bool start(const AVFrame* f, AVRational time_base)
  {
    const AVRational sar =
        f->sample_aspect_ratio.num > 0 ? f->sample_aspect_ratio : AVRational{1, 1};
    const std::string args =
        "video_size=" + std::to_string(f->width) + "x" + std::to_string(f->height) +
        ":pix_fmt=" + std::to_string(f->format) + ":time_base=" + std::to_string(time_base.num) +
        "/" + std::to_string(time_base.den) + ":pixel_aspect=" + std::to_string(sar.num) + "/" +
        std::to_string(sar.den);
    m_ok = m_graph.build("buffer", args, "idet");
    m_width = f->width;
    m_height = f->height;
    return m_ok;
  }

  void feed(const AVFrame* f)
  {
    if (m_ok && f->width == m_width && f->height == m_height)
      m_ok = m_graph.push(f, [this](const AVFrame* out) { read(out); });
  }

  void finish(DeepFacts& facts)
  {
    if (m_ok)
      m_graph.push(nullptr, [this](const AVFrame* out) { read(out); });
    facts.idet_tff += m_tff;
    facts.idet_bff += m_bff;
    facts.idet_progressive += m_progressive;
    facts.idet_undetermined += m_undetermined;
  }

private:
  // idet's counts are running totals: the last frame's are the burst's.
  void read(const AVFrame* out)
  {
    m_tff = int(metadata_number(out, "lavfi.idet.multiple.tff", m_tff));
    m_bff = int(metadata_number(out, "lavfi.idet.multiple.bff", m_bff));
    m_progressive = int(metadata_number(out, "lavfi.idet.multiple.progressive", m_progressive));
    m_undetermined = int(metadata_number(out, "lavfi.idet.multiple.undetermined", m_undetermined));
  }

  Graph m_graph;
  bool m_ok = false;
  int m_width = 0, m_height = 0;
  int m_tff = 0, m_bff = 0, m_progressive = 0, m_undetermined = 0;
};

// The verdict from idet's multi-frame counts (media/picture.hpp).
std::string scan_verdict(const DeepFacts& d)
{
  return scan_from_idet(d.idet_tff, d.idet_bff, d.idet_progressive);
}

// ---- pictures --------------------------------------------------------------------------

std::vector<double> index_keyframes(const AVStream* st)
{
  std::vector<double> out;
  const int64_t start = st->start_time != AV_NOPTS_VALUE ? st->start_time : 0;
  const int n = avformat_index_get_entries_count(st);
  for (int i = 0; i < n; ++i) {
    const AVIndexEntry* e = avformat_index_get_entry(const_cast<AVStream*>(st), i);
    if (e && (e->flags & AV_PKT_FLAG_KEY) && !(e->flags & AVINDEX_DISCARD_FRAME))
      out.push_back(double(e->timestamp - start) * av_q2d(st->time_base));
  }
  std::sort(out.begin(), out.end());
  return out;
}

double video_duration(const AVFormatContext* fmt, const AVStream* st)
{
  if (st->duration != AV_NOPTS_VALUE && st->duration > 0)
    return double(st->duration) * av_q2d(st->time_base);
  if (fmt->duration != AV_NOPTS_VALUE && fmt->duration > 0)
    return double(fmt->duration) / AV_TIME_BASE;
  return 0;
}

double frame_duration_of(const AVStream* st)
{
  const AVRational r = st->avg_frame_rate.num > 0 ? st->avg_frame_rate : st->r_frame_rate;
  return r.num > 0 && r.den > 0 ? av_q2d(av_inv_q(r)) : 0.04;
}

class PictureAnalysis {
public:
  PictureAnalysis(OpenStream& s, const AnalyzeOptions& o, Analysis& out)
      : m_dec(s), m_o(o), m_out(out), m_facts(out.facts)
  {
    m_duration = video_duration(s.fmt.get(), m_dec.stream());
    m_frame = frame_duration_of(m_dec.stream());
    m_keyframes = index_keyframes(m_dec.stream());
    if (o.on_progress && m_duration > 0)
      m_dec.on_picture([this](double t) { m_o.on_progress(std::clamp(t / m_duration, 0.0, 1.0)); });
  }

  void run(const SamplePlan& plan)
  {
    scan_lead();
    if (!m_facts.error.empty())
      return;
    const std::vector<double> times = plan.choose(m_duration, m_keyframes);
    const bool on_its_own = !plan.compared && m_o.thumbnails <= 0;
    if (in_order_is_cheaper(on_its_own ? burst_times(times) : times)) {
      run_in_order(times);
    } else if (on_its_own) {
      take_burst_samples(times);
    } else {
      take_samples(times);
      run_bursts();
    }
    if (!m_facts.all_black)
      scan_tail();
    if (m_facts.all_black && !m_out.samples.empty())
      m_facts.all_black = m_facts.black_samples == int(m_out.samples.size());
    m_facts.scan_content = scan_verdict(m_facts);
    m_facts.samples = int(m_out.samples.size());
    m_facts.frames_decoded = m_dec.decoded();
    m_facts.video_decode_errors = m_dec.errors(cut_end());
  }

private:
  // From the first picture until one is not black.
  // From the first picture until one is not black. A capture that starts mid-stream shows
  // its first picture late: the black is counted from the first picture, not from 0.
  void scan_lead()
  {
    double t = 0, first = 0;
    for (const AVFrame* f = m_dec.next(); f; f = m_dec.next()) {
      t = m_dec.time_of(f);
      if (m_dec.decoded() == 1) {
        align_keyframes(f, t);
        first = t;
      }
      m_dec.remember(t);
      m_position = t;
      if (!m_grey.black(f)) {
        m_facts.black_lead_s = std::max(0.0, t - first);
        return;
      }
      m_last_black = t;
      if (t - first > m_o.edge_scan_s) {
        m_facts.black_lead_s = t - first;
        m_facts.all_black = true; // until a later picture says otherwise
        return;
      }
    }
    m_position = std::numeric_limits<double>::infinity();
    if (m_dec.decoded() == 0) {
      m_facts.error = "no-pictures";
      return;
    }
    // Every picture is black.
    m_facts.black_lead_s = std::max(t - first + m_frame, m_duration);
    m_facts.all_black = true;
  }

  // The index gives decode times; a keyframe shows later by the stream's reorder delay
  // (two frames for x264's B-pyramid). The first picture, a keyframe, tells the delay.
  void align_keyframes(const AVFrame* first, double shown)
  {
    if (m_keyframes.empty() || !first->key_frame)
      return;
    const double delay = shown - m_keyframes.front();
    if (delay > 0 && delay < 1.0)
      for (double& k : m_keyframes)
        k += delay;
  }

  // A container without an index (a TS capture) often ends mid-frame: damage in its last
  // second is the cut, not the file's.
  double cut_end() const
  {
    return m_keyframes.empty() && m_duration > 0 ? m_duration - 1.0
                                                 : std::numeric_limits<double>::infinity();
  }

  bool keyframe_between(double after, double upto) const
  {
    const auto it = std::upper_bound(m_keyframes.begin(), m_keyframes.end(), after);
    return it != m_keyframes.end() && *it <= upto;
  }

  // Positions the decoder so that its next picture is the first at or after `t`.
  void go_to(double t)
  {
    const bool ahead = m_position < t - m_frame / 2;
    const bool sequential =
        ahead && (m_keyframes.empty() ? t - m_position < 2.0 : !keyframe_between(m_position, t));
    if (!sequential)
      m_dec.seek(t, m_frame / 2);
  }

  // The first picture at or after `t`, or nullptr.
  const AVFrame* picture_at(double t)
  {
    for (const AVFrame* f = m_dec.next(); f; f = m_dec.next()) {
      const double ft = m_dec.time_of(f);
      m_dec.remember(ft);
      m_position = ft;
      if (ft >= t - m_frame / 2)
        return f;
    }
    m_position = std::numeric_limits<double>::infinity();
    return nullptr;
  }

  // Thumbnails of samples spread evenly, the first and the last among them.
  std::vector<bool> thumbnail_samples(size_t n) const
  {
    const size_t thumbs = std::min(n, size_t(std::max(0, m_o.thumbnails)));
    std::vector<bool> thumb(n, false);
    for (size_t j = 0; j < thumbs; ++j)
      thumb[thumbs == 1 ? n / 2
                        : size_t(std::lround(double(j) * double(n - 1) / double(thumbs - 1)))] =
          true;
    return thumb;
  }

  // Keeps `f`, the picture at m_position, as a sample; true when it is not black.
  bool keep_sample(const AVFrame* f, bool thumbnail)
  {
    if (thumbnail) {
      Thumbnail th = m_thumbs.make(f, m_o.thumbnail_width);
      th.time_s = m_dec.time_of(f);
      if (!th.jpeg.empty())
        m_facts.thumbnails.push_back(std::move(th));
    }
    Luma l = m_grey.luma(f, m_o.sample_width);
    l.time_s = m_position;
    const bool black = is_black(l);
    m_facts.black_samples += black;
    if (!black)
      m_facts.all_black = false;
    else
      m_last_black = m_position;
    m_out.samples.push_back(std::move(l));
    return !black;
  }

  // The bursts start at samples: where every sample so far is lit (the usual case), the
  // samples that will start one are known, and their burst runs on from the sample's picture
  // instead of seeking back to it later (a keyframe decoded once, not twice).
  void take_samples(const std::vector<double>& times)
  {
    const std::vector<bool> thumb = thumbnail_samples(times.size());
    const std::vector<size_t> bursts = burst_choice(times.size());
    for (size_t i = 0; i < times.size(); ++i) {
      const AVFrame* f = sample_at(times[i]);
      if (!f)
        break;
      const bool lit = keep_sample(f, thumb[i]);
      if (lit && m_facts.black_samples == 0 &&
          std::find(bursts.begin(), bursts.end(), i) != bursts.end() &&
          !bursts_settled(bursts.size() - m_early_bursts.size())) {
        m_early_bursts[i] = run_burst(f);
        add_idet(m_early_bursts[i]);
      }
    }
  }

  // ---- a video on its own ------------------------------------------------------------

  // The grid points burst_choice picks: where the bursts start when every sample is lit.
  std::vector<double> burst_times(const std::vector<double>& times) const
  {
    std::vector<double> out;
    for (size_t i : burst_choice(times.size()))
      out.push_back(times[i]);
    return out;
  }

  // A video compared with no other: its samples feed only the bursts and "all black", so
  // only the samples the bursts start from are decoded — the grid points burst_choice picks,
  // each moved on to the next point while its picture is black (flat pictures tell idet
  // nothing). When every picture looked at is black (the lead's 30 s too), the rest of the
  // grid is decoded and the bursts chosen among its lit samples, as for a pair: "all black"
  // then means what it means with every sample.
  void take_burst_samples(const std::vector<double>& times)
  {
    std::vector<bool> taken(times.size(), false);
    size_t next = 0, bursts_run = 0;
    const std::vector<size_t> bursts = burst_choice(times.size());
    for (size_t i : bursts) {
      if (bursts_settled(bursts.size() - bursts_run))
        break;
      ++bursts_run;
      for (size_t j = std::max(i, next); j < times.size(); ++j) {
        next = j + 1;
        taken[j] = true;
        const AVFrame* f = sample_at(times[j]);
        if (!f) {
          next = times.size();
          break;
        }
        if (keep_sample(f, false)) {
          add_idet(run_burst(f));
          break;
        }
      }
    }
    if (!m_facts.all_black)
      return;
    for (size_t j = 0; j < times.size(); ++j)
      if (!taken[j]) {
        const AVFrame* f = sample_at(times[j]);
        if (!f)
          break;
        keep_sample(f, false);
      }
    std::sort(m_out.samples.begin(), m_out.samples.end(),
              [](const Luma& a, const Luma& b) { return a.time_s < b.time_s; });
    run_bursts();
  }

  // ---- one pass in order, when the plan would decode more ----------------------------

  // Pictures to decode from m_position to the first picture at or after `t`, the way go_to
  // gets there (on from `from` when no keyframe lies between, else from the keyframe before
  // `t`). Without an index a seek is taken to cost a second of pictures.
  double pictures_to(double from, double t) const
  {
    const bool on = from < t && (m_keyframes.empty() ? t - from < 2.0 : !keyframe_between(from, t));
    if (on)
      return (t - from) / m_frame;
    if (m_keyframes.empty())
      return std::min(t, 1.0) / m_frame + 1;
    const auto it = std::upper_bound(m_keyframes.begin(), m_keyframes.end(), t + m_frame / 2);
    const double key = it == m_keyframes.begin() ? 0 : *(it - 1);
    return std::max(0.0, t - key) / m_frame + 1;
  }

  // What the plan costs in pictures (samples, bursts, the tail; every sample taken as lit)
  // against decoding the rest of the video once. The samples must lie ahead of the decoder.
  bool in_order_is_cheaper(const std::vector<double>& times) const
  {
    if (times.empty() || !std::isfinite(m_position) || times.front() <= m_position + m_frame / 2 ||
        !(m_duration > 0))
      return false;
    double planned = 0, at = m_position;
    const std::vector<size_t> bursts = burst_choice(times.size());
    for (size_t i = 0; i < times.size(); ++i) {
      planned += pictures_to(at, times[i]);
      at = times[i];
      if (std::find(bursts.begin(), bursts.end(), i) != bursts.end()) {
        planned += m_o.burst_frames - 1; // run on from the sample (take_samples)
        at += (m_o.burst_frames - 1) * m_frame;
      }
    }
    // The tail: on from where the bursts end, or from the last keyframe (scan_tail starts
    // there and stops at the first picture that is not black), or from the keyframe before
    // the last 2 s; without an index, 2 s.
    const double from = std::max(0.0, m_duration - m_o.edge_scan_s);
    const auto last = std::upper_bound(m_keyframes.begin(), m_keyframes.end(), m_duration);
    if (at >= from && !keyframe_between(at, m_duration))
      planned += (m_duration - at) / m_frame;
    else if (m_keyframes.empty())
      planned += std::min(m_duration, 2.0) / m_frame;
    else if (last != m_keyframes.begin() && *(last - 1) >= from)
      planned += (m_duration - *(last - 1)) / m_frame;
    else
      planned += pictures_to(m_duration, std::max(from, m_duration - 2.0)) + 2.0 / m_frame;
    return planned >= (m_duration - m_position) / m_frame;
  }

  // The end of the video as the pass in order goes through it, for scan_tail.
  struct Tail {
    double first = std::numeric_limits<double>::infinity(), end = 0, last_picture = -1;
  };
  void note_tail(const AVFrame* f)
  {
    const double t = m_position;
    if (t < std::max(0.0, m_duration - m_o.edge_scan_s))
      return;
    m_tail.first = std::min(m_tail.first, t);
    m_tail.end = std::max(m_tail.end, t + m_frame);
    if (!m_grey.black(f))
      m_tail.last_picture = std::max(m_tail.last_picture, t + m_frame);
  }

  // The samples and the bursts from one pass in order: every sample that is not black starts
  // a burst (its pictures fed to its own idet as they come), and the bursts the plan would
  // have run (run_bursts' choice among the lit samples) are the ones counted.
  void run_in_order(const std::vector<double>& times)
  {
    m_in_order = true;
    const std::vector<bool> thumb = thumbnail_samples(times.size());
    struct Burst {
      IdetBurst idet;
      int fed = 0;
      bool active = false;
    };
    std::vector<std::unique_ptr<Burst>> bursts; // one per lit sample, in time order
    size_t next = 0;
    // Between the samples (and their bursts) only the pictures others refer to are decoded.
    const double before = 2 * m_frame, after = (m_o.burst_frames + 2) * m_frame;
    m_dec.decode_only([&times, before, after](double t) {
      const auto it = std::lower_bound(times.begin(), times.end(), t - after);
      return it != times.end() && *it <= t + before;
    });
    auto any_active = [&] {
      return std::any_of(bursts.begin(), bursts.end(), [](const auto& b) { return b->active; });
    };
    while (next < times.size() || any_active()) {
      const AVFrame* f = advance();
      if (!f)
        break;
      note_tail(f);
      for (auto& b : bursts)
        if (b->active) {
          b->idet.feed(f);
          b->active = ++b->fed < m_o.burst_frames;
          if (!b->active && m_grey.black(f))
            m_last_black = m_position;
        }
      for (; next < times.size() && m_position >= times[next] - m_frame / 2; ++next)
        if (keep_sample(f, thumb[next])) {
          auto b = std::make_unique<Burst>();
          b->active = b->idet.start(f, m_dec.stream()->time_base);
          if (b->active) {
            b->idet.feed(f);
            b->fed = 1;
          }
          bursts.push_back(std::move(b));
        }
    }
    m_dec.decode_only({});
    for (size_t i : burst_choice(bursts.size()))
      bursts[i]->idet.finish(m_facts);
  }

  // The first picture at or after `t`. Without an index a seek lands anywhere and the
  // decoder starts at the next keyframe: when that is past the target, step back and retry.
  const AVFrame* sample_at(double t)
  {
    go_to(t);
    const AVFrame* f = picture_at(t);
    for (double back = 1; f && m_keyframes.empty() && m_position > t + m_frame && back <= 8;
         back *= 2) {
      m_dec.seek(std::max(0.0, t - back), 0);
      f = picture_at(t);
    }
    return f;
  }

  // Bursts of consecutive pictures from sample times spread over the video (a sample is a
  // keyframe where the index has them, so a burst starts with a single picture to decode).
  // Black samples are passed over: flat pictures tell idet nothing (it may even call them
  // interlaced).
  // A burst already run from the sample (take_samples) is counted as it is; the others seek.
  void run_bursts()
  {
    std::vector<size_t> lit;
    for (size_t i = 0; i < m_out.samples.size(); ++i)
      if (!is_black(m_out.samples[i]))
        lit.push_back(i);
    // The bursts run early that this choice keeps stay counted; the others are taken back.
    const std::vector<size_t> chosen = burst_choice(lit.size());
    for (const auto& [sample, counts] : m_early_bursts)
      if (std::find_if(chosen.begin(), chosen.end(), [&](size_t c) { return lit[c] == sample; }) ==
          chosen.end())
        add_idet(counts, -1);
    size_t counted = 0;
    for (size_t i : chosen)
      counted += m_early_bursts.count(lit[i]);
    for (size_t i : chosen) {
      if (m_early_bursts.count(lit[i]))
        continue;
      if (bursts_settled(chosen.size() - counted))
        break;
      ++counted;
      if (const AVFrame* f = sample_at(m_out.samples[lit[i]].time_s))
        add_idet(run_burst(f));
    }
  }

  // True when the bursts still to run (`left` of them) could not change the scan verdict of
  // the bursts counted so far (media::scan_settled): they are left out.
  bool bursts_settled(size_t left) const
  {
    return scan_settled(m_facts.idet_tff, m_facts.idet_bff, m_facts.idet_progressive,
                        int(left) * m_o.burst_frames);
  }

  // Which of `n` lit samples start a burst: `bursts` of them spread evenly, each once.
  std::vector<size_t> burst_choice(size_t n) const
  {
    std::vector<size_t> out;
    for (int b = 1; b <= m_o.bursts && n > 0; ++b) {
      const size_t i = std::min(n - 1, size_t(double(n) * b / (m_o.bursts + 1)));
      if (out.empty() || out.back() != i)
        out.push_back(i);
    }
    return out;
  }

  // Adds a burst's counts (sign -1: takes them back).
  void add_idet(const DeepFacts& burst, int sign = 1)
  {
    m_facts.idet_tff += sign * burst.idet_tff;
    m_facts.idet_bff += sign * burst.idet_bff;
    m_facts.idet_progressive += sign * burst.idet_progressive;
    m_facts.idet_undetermined += sign * burst.idet_undetermined;
  }

  // idet's counts over `burst_frames` pictures from `first` (the counts only are filled).
  DeepFacts run_burst(const AVFrame* first)
  {
    DeepFacts counts;
    IdetBurst idet;
    if (!idet.start(first, m_dec.stream()->time_base))
      return counts;
    idet.feed(first);
    for (int k = 1; k < m_o.burst_frames; ++k) {
      const AVFrame* f = advance();
      if (!f)
        break;
      if (k + 1 == m_o.burst_frames && m_grey.black(f))
        m_last_black = m_position;
      idet.feed(f);
    }
    idet.finish(counts);
    return counts;
  }

  // Back from the end, one GOP at a time, until a picture is not black. The stream's end
  // closes the last black stretch (libavfilter 5.1's blackdetect would leave it open).
  void scan_tail()
  {
    AVCodecContext* c = m_dec.codec();
    // Only blackness is measured here: skipping the deblocking filter and the pictures no
    // other picture refers to is safe and roughly halves the cost.
    c->skip_loop_filter = AVDISCARD_ALL;
    c->skip_frame = AVDISCARD_NONREF;
    std::vector<double> starts;
    const double from = std::max(0.0, m_duration - m_o.edge_scan_s);
    for (double k : m_keyframes)
      if (k >= from && k < m_duration)
        starts.push_back(k);
    if (m_keyframes.empty() || starts.empty())
      for (double back : {2.0, 6.0, 14.0, 30.0})
        if (back <= m_o.edge_scan_s * 1.01)
          starts.push_back(std::max(0.0, m_duration - back));
    std::sort(starts.rbegin(), starts.rend());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    double end = 0, last_picture = -1, scanned_from = m_duration;
    if (m_in_order) {
      // The pass in order saw the pictures of the end it reached; it goes on to the end.
      end = m_tail.end;
      last_picture = m_tail.last_picture;
      scanned_from = std::min(scanned_from, m_tail.first);
      if (std::isfinite(m_position))
        for (const AVFrame* f = m_dec.next(); f; f = m_dec.next()) {
          const double t = m_dec.time_of(f);
          m_dec.remember(t);
          if (t >= from)
            scanned_from = std::min(scanned_from, t);
          end = std::max(end, t + m_frame);
          if (t >= from && !m_grey.black(f))
            last_picture = std::max(last_picture, t + m_frame);
        }
      starts.clear();
    } else if (std::isfinite(m_position) && m_position >= from &&
               !keyframe_between(m_position, m_duration)) {
      // Already past the last keyframe (short videos): decoding on is cheaper than a seek back.
      scanned_from = m_position;
      for (const AVFrame* f = m_dec.next(); f; f = m_dec.next()) {
        const double t = m_dec.time_of(f);
        m_dec.remember(t);
        end = std::max(end, t + m_frame);
        if (!m_grey.black(f))
          last_picture = std::max(last_picture, t + m_frame);
      }
      if (last_picture < 0 && m_last_black >= 0 && m_last_black < m_position - m_frame / 2)
        last_picture = m_position + m_frame; // the picture at m_position was not black
      if (last_picture >= 0)
        starts.clear();
    }
    for (double s : starts) {
      m_dec.seek(s, m_frame / 2);
      double first = -1;
      for (const AVFrame* f = m_dec.next(); f; f = m_dec.next()) {
        const double t = m_dec.time_of(f);
        m_dec.remember(t);
        if (first < 0)
          first = t;
        if (t >= scanned_from - m_frame / 2)
          break;
        end = std::max(end, t + m_frame);
        if (!m_grey.black(f))
          last_picture = std::max(last_picture, t + m_frame);
      }
      if (first >= 0)
        scanned_from = std::min(scanned_from, first);
      if (last_picture >= 0)
        break;
    }
    c->skip_loop_filter = AVDISCARD_DEFAULT;
    c->skip_frame = AVDISCARD_DEFAULT;
    const double stream_end = std::max(end, m_duration);
    m_facts.black_tail_s = last_picture >= 0 ? std::max(0.0, stream_end - last_picture)
                                             : std::max(0.0, stream_end - scanned_from);
    m_position = std::numeric_limits<double>::infinity();
  }

  Decoder m_dec;
  const AnalyzeOptions& m_o;
  Analysis& m_out;
  DeepFacts& m_facts;
  Greyscaler m_grey;
  Thumbnailer m_thumbs;
  double m_duration = 0, m_frame = 0.04;
  std::vector<double> m_keyframes;

  // The next picture in decoding order, remembered, with m_position at its time (infinity and
  // nullptr past the end).
  const AVFrame* advance()
  {
    const AVFrame* f = m_dec.next();
    if (!f) {
      m_position = std::numeric_limits<double>::infinity();
      return nullptr;
    }
    m_position = m_dec.time_of(f);
    m_dec.remember(m_position);
    return f;
  }

  double m_position = -std::numeric_limits<double>::infinity(); // last picture handed out
  double m_last_black = -1; // time of the last handed-out picture known to be black
  bool m_in_order = false;  // samples and bursts came from one pass in order
  std::map<size_t, DeepFacts> m_early_bursts; // idet counts of bursts run from their sample
  Tail m_tail;                                // what that pass saw of the end
};

// ---- sound -----------------------------------------------------------------------------

// Any decoded sample format as interleaved floats, full scale ±1.
void interleave(const AVFrame* f, int channels, std::vector<float>& out)
{
  const auto fmt = AVSampleFormat(f->format);
  const bool planar = av_sample_fmt_is_planar(fmt);
  const size_t n = size_t(f->nb_samples), ch = size_t(channels);
  out.resize(n * ch);
  for (size_t c = 0; c < ch; ++c) {
    const uint8_t* base = planar ? f->extended_data[c] : f->extended_data[0];
    const size_t step = planar ? 1 : ch, first = planar ? 0 : c;
    auto put = [&](auto* samples, auto convert) {
      for (size_t i = 0; i < n; ++i)
        out[i * ch + c] = convert(samples[first + i * step]);
    };
    switch (av_get_packed_sample_fmt(fmt)) {
    case AV_SAMPLE_FMT_U8:
      put(base, [](uint8_t v) { return float(int(v) - 128) / 128.0f; });
      break;
    case AV_SAMPLE_FMT_S16:
      put(reinterpret_cast<const int16_t*>(base), [](int16_t v) { return float(v) / 32768.0f; });
      break;
    case AV_SAMPLE_FMT_S32:
      put(reinterpret_cast<const int32_t*>(base),
          [](int32_t v) { return float(double(v) / 2147483648.0); });
      break;
    case AV_SAMPLE_FMT_S64:
      put(reinterpret_cast<const int64_t*>(base),
          [](int64_t v) { return float(double(v) / 9223372036854775808.0); });
      break;
    case AV_SAMPLE_FMT_FLT:
      put(reinterpret_cast<const float*>(base), [](float v) { return v; });
      break;
    case AV_SAMPLE_FMT_DBL:
      put(reinterpret_cast<const double*>(base), [](double v) { return float(v); });
      break;
    default:
      std::fill(out.begin(), out.end(), 0.0f);
      return;
    }
  }
}

// libavfilter's ebur128 weights: LFE 0, the channels behind and beside the listener 1.41,
// every other 1 (an unknown layout: all 1).
std::vector<double> channel_weights(const AVChannelLayout& layout)
{
  std::vector<double> out(size_t(std::max(1, layout.nb_channels)), 1.0);
  if (layout.order != AV_CHANNEL_ORDER_NATIVE)
    return out;
  for (size_t i = 0; i < out.size(); ++i) {
    switch (av_channel_layout_channel_from_index(&layout, unsigned(i))) {
    case AV_CHAN_LOW_FREQUENCY:
    case AV_CHAN_LOW_FREQUENCY_2:
      out[i] = 0;
      break;
    case AV_CHAN_BACK_LEFT:
    case AV_CHAN_BACK_CENTER:
    case AV_CHAN_BACK_RIGHT:
    case AV_CHAN_TOP_BACK_LEFT:
    case AV_CHAN_TOP_BACK_CENTER:
    case AV_CHAN_TOP_BACK_RIGHT:
    case AV_CHAN_SIDE_LEFT:
    case AV_CHAN_SIDE_RIGHT:
    case AV_CHAN_SURROUND_DIRECT_LEFT:
    case AV_CHAN_SURROUND_DIRECT_RIGHT:
      out[i] = 1.41;
      break;
    default:
      break;
    }
  }
  return out;
}

// The sound's measures: EBU R128 (media/loudness.hpp) and the true peak
// (media/true_peak.hpp: only the blocks that can raise it are oversampled).
class Loudness {
public:
  Loudness(const AnalyzeOptions& o, DeepFacts& facts) : m_o(o), m_facts(facts) {}

  bool start(const AVCodecContext* dec)
  {
    m_channels = dec->ch_layout.nb_channels;
    m_rate = dec->sample_rate;
    if (m_channels <= 0 || m_channels > 64 || m_rate <= 0)
      return false;
    m_meter.emplace(channel_weights(dec->ch_layout), m_rate);
    m_peak.emplace(m_channels, m_rate);
    return true;
  }

  // Frames in order, `pts` in samples from the stream's start. The measures count samples;
  // the sound's end is the last frame's (a gap in the stream lengthens it).
  void feed(const AVFrame* f)
  {
    if (!m_meter || f->ch_layout.nb_channels != m_channels || f->sample_rate != m_rate)
      return;
    const double start =
        f->pts != AV_NOPTS_VALUE ? double(f->pts) / m_rate : double(m_meter->frames()) / m_rate;
    m_end = std::max(m_end, start + double(f->nb_samples) / m_rate);
    interleave(f, m_channels, m_buffer);
    m_peak->add(m_buffer.data(), size_t(f->nb_samples));
    m_meter->add(m_buffer.data(), size_t(f->nb_samples));
  }

  void finish()
  {
    if (!m_meter)
      return;
    const double end = std::max(m_end, double(m_meter->frames()) / m_rate);
    m_facts.audio_measured = m_meter->frames() > 0;
    m_facts.loudness_lufs = m_meter->integrated();
    m_facts.loudness_range_lu = m_meter->range();
    m_facts.true_peak_dbtp = m_peak->peak() > 0 ? 20.0 * std::log10(m_peak->peak()) : -144.0;
    m_facts.audio_duration_s = end;
    m_facts.silences = quiet_stretches(m_meter->momentary(), m_meter->block_seconds(),
                                       m_o.silence_lufs, m_o.min_silence_s, end);
  }

private:
  const AnalyzeOptions& m_o;
  DeepFacts& m_facts;
  std::optional<LoudnessMeter> m_meter;
  std::optional<TruePeakMeter> m_peak;
  std::vector<float> m_buffer;
  int m_channels = 0, m_rate = 48000;
  double m_end = 0;
};

void analyze_audio(const std::string& path, const AnalyzeOptions& o, DeepFacts& facts)
{
  OpenStream s = open_stream(path, AVMEDIA_TYPE_AUDIO);
  if (!s.error.empty())
    return;
  Loudness loudness(o, facts);
  if (!loudness.start(s.dec.get()))
    return;
  PacketPtr pkt(av_packet_alloc());
  FramePtr frame(av_frame_alloc());
  // As for pictures, damage counts once the sound has started (a capture that begins
  // mid-stream cuts its first audio frame) and, without an index, not in the last second
  // (nor one that ends mid-frame).
  const AVStream* st = s.fmt->streams[s.index];
  const int64_t start = st->start_time != AV_NOPTS_VALUE ? st->start_time : 0;
  std::vector<double> errors;
  bool started = false;
  auto error_at = [&](int64_t ts) {
    if (started && errors.size() < 100000)
      errors.push_back(ts == AV_NOPTS_VALUE ? 0 : double(ts - start) * av_q2d(st->time_base));
  };
  auto drain = [&] {
    while (avcodec_receive_frame(s.dec.get(), frame.get()) == 0) {
      if (frame->decode_error_flags || (frame->flags & AV_FRAME_FLAG_CORRUPT))
        error_at(frame->pts);
      started = true;
      // Times from the stream's start, in samples (the analysis graph's time base).
      if (frame->pts != AV_NOPTS_VALUE)
        frame->pts =
            av_rescale_q(frame->pts - start, st->time_base, AVRational{1, frame->sample_rate});
      loudness.feed(frame.get());
      av_frame_unref(frame.get());
    }
  };
  while (av_read_frame(s.fmt.get(), pkt.get()) >= 0) {
    if (pkt->stream_index == s.index) {
      const int r = avcodec_send_packet(s.dec.get(), pkt.get());
      if (r < 0 && r != AVERROR(EAGAIN))
        error_at(pkt->pts);
      drain();
      if (o.on_progress && s.fmt->duration > 0 && pkt->pts != AV_NOPTS_VALUE)
        o.on_progress(std::clamp(double(pkt->pts - start) * av_q2d(st->time_base) /
                                     (double(s.fmt->duration) / AV_TIME_BASE),
                                 0.0, 1.0));
    }
    av_packet_unref(pkt.get());
  }
  avcodec_send_packet(s.dec.get(), nullptr);
  drain();
  loudness.finish();
  const double until = has_global_index(s.fmt.get()) ? std::numeric_limits<double>::infinity()
                                                     : facts.audio_duration_s - 1.0;
  facts.audio_decode_errors =
      int(std::count_if(errors.begin(), errors.end(), [until](double t) { return t <= until; }));
}

} // namespace

SamplePlan own_keyframes_plan()
{
  return {[](double duration, const std::vector<double>& keyframes) {
            return plan_sample_times(duration, keyframes);
          },
          false};
}

Analysis analyze(const std::string& path, const SamplePlan& plan, const AnalyzeOptions& options)
{
  init_libav();
  Analysis out;
  // For progress the pictures count for 80 % of the analysis, the sound for the rest; with
  // the sound on its own thread both parts move at once, so each keeps its own share.
  const double share = options.audio ? 0.8 : 1.0;
  std::atomic<double> pictures_done{0}, sound_done{0};
  auto part = [&](std::atomic<double>& done) {
    AnalyzeOptions o = options;
    if (options.on_progress)
      o.on_progress = [&options, &done, &pictures_done, &sound_done, share](double d) {
        done = d;
        options.on_progress(share * pictures_done + (1 - share) * sound_done);
      };
    return o;
  };
  // The sound writes only its own members of the facts (audio_*, loudness_*, true_peak_dbtp,
  // silences), the pictures only theirs: the two threads never touch the same member.
  const AnalyzeOptions sound_options = part(sound_done);
  std::exception_ptr sound_failed;
  std::thread sound;
  if (options.audio && options.sound_alongside)
    sound = std::thread([&] {
      try {
        analyze_audio(path, sound_options, out.facts);
      } catch (...) {
        sound_failed = std::current_exception();
      }
    });
  try {
    OpenStream video = open_stream(path, AVMEDIA_TYPE_VIDEO);
    if (video.error.empty()) {
      PictureAnalysis(video, part(pictures_done), out).run(plan);
      pictures_done = 1;
    } else
      out.facts.error = video.error;
  } catch (...) {
    if (sound.joinable())
      sound.join();
    throw;
  }
  if (sound.joinable()) {
    sound.join();
    if (sound_failed)
      std::rethrow_exception(sound_failed);
  } else if (options.audio) {
    analyze_audio(path, sound_options, out.facts);
  }
  return out;
}

} // namespace mpcheck::media
