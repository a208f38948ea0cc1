#include "mpcheck/fix/transcode.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/mem.h>
#include <libavutil/murmur3.h>
#include <libavutil/opt.h>
}

#include "mpcheck/media/libav.hpp"
#include "mpcheck/media/loudness.hpp"

namespace mpcheck::fix {

namespace {

// The arguments of an `abuffer` source for frames like `frame` in time base `tb` (a layout
// the decoder left unspecified: the default one of its channel count).
std::string abuffer_args(const AVFrame* frame, AVRational tb)
{
  AVChannelLayout layout{};
  if (frame->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
    av_channel_layout_default(&layout, frame->ch_layout.nb_channels);
  else
    av_channel_layout_copy(&layout, &frame->ch_layout);
  char desc[128] = {};
  av_channel_layout_describe(&layout, desc, sizeof desc);
  av_channel_layout_uninit(&layout);
  return fmt::format("time_base={}/{}:sample_rate={}:sample_fmt={}:channel_layout={}", tb.num,
                     tb.den, frame->sample_rate,
                     av_get_sample_fmt_name(AVSampleFormat(frame->format)), desc);
}

using media::CodecPtr;
using media::FormatPtr;
using media::FramePtr;
using media::GraphPtr;
using media::PacketPtr;

void check(int err, const char* what)
{
  if (err < 0)
    throw std::runtime_error(fmt::format("{}: {}", what, media::av_error_string(err)));
}

struct OutputFree {
  void operator()(AVFormatContext* c) const
  {
    if (c->pb)
      avio_closep(&c->pb);
    avformat_free_context(c);
  }
};
using OutputPtr = std::unique_ptr<AVFormatContext, OutputFree>;

struct FilterInOutFree {
  void operator()(AVFilterInOut* p) const { avfilter_inout_free(&p); }
};
using InOutPtr = std::unique_ptr<AVFilterInOut, FilterInOutFree>;

// One input stream carried into the output: copied packet by packet, or decoded, filtered
// and encoded.
struct Job {
  AVStream* in = nullptr;
  AVStream* out = nullptr;
  bool video = false;
  bool encode = false;
  int64_t offset = 0; // the input's start, in `in`'s time base: the output starts at 0
  CodecPtr dec, enc;
  GraphPtr graph;
  AVFilterContext* src = nullptr;
  AVFilterContext* sink = nullptr;
  std::string filters;
};

struct MurmurFree {
  void operator()(AVMurMur3* m) const { av_free(m); }
};

// Digests packets of one stream after another (PacketDigest).
class Digester {
public:
  void add(int stream, const AVPacket& pkt)
  {
    if (stream >= int(m_hashes.size())) {
      m_hashes.resize(size_t(stream) + 1);
      m_counts.resize(size_t(stream) + 1);
    }
    auto& h = m_hashes[size_t(stream)];
    if (!h) {
      h.reset(av_murmur3_alloc());
      if (!h)
        throw std::runtime_error("digest: out of memory");
      av_murmur3_init(h.get());
    }
    const uint8_t head[5] = {uint8_t(pkt.size), uint8_t(pkt.size >> 8), uint8_t(pkt.size >> 16),
                             uint8_t(pkt.size >> 24), uint8_t(pkt.flags & AV_PKT_FLAG_KEY)};
    av_murmur3_update(h.get(), head, sizeof head);
    if (pkt.size > 0)
      av_murmur3_update(h.get(), pkt.data, size_t(pkt.size));
    ++m_counts[size_t(stream)];
  }

  PacketDigest finish()
  {
    PacketDigest d;
    for (size_t i = 0; i < m_hashes.size(); ++i) {
      PacketDigest::Stream s;
      s.packets = m_counts[i];
      if (m_hashes[i])
        av_murmur3_final(m_hashes[i].get(), s.hash.data());
      d.streams.push_back(s);
    }
    while (!d.streams.empty() && d.streams.back().packets == 0)
      d.streams.pop_back(); // a stream without packets is no stream to compare
    return d;
  }

private:
  std::vector<std::unique_ptr<AVMurMur3, MurmurFree>> m_hashes;
  std::vector<int64_t> m_counts;
};

// "file:" + the path: a name with a colon in it is a file, never a protocol.
std::string file_url(const std::string& path)
{
  return "file:" + path;
}

class Transcoder {
public:
  // `reserve`: a remux writes the index into room kept for it at the start (one pass over
  // the data) instead of moving it there at the end (+faststart: the file written twice).
  Transcoder(const Plan& plan, const std::string& out, const TranscodeProgress& progress,
             bool reserve, Digester* digest)
      : m_plan(plan), m_out_path(out), m_progress(progress), m_reserve(reserve), m_digest(digest)
  {
  }

  void run()
  {
    open_input();
    open_output();
    read_all();
    for (auto& [index, job] : m_jobs)
      if (job.encode)
        decode(job, nullptr);
    check(av_write_trailer(m_out.get()), "write trailer");
  }

private:
  void open_input()
  {
    AVFormatContext* raw = nullptr;
    check(avformat_open_input(&raw, file_url(m_plan.source).c_str(), nullptr, nullptr), "open");
    m_in.reset(raw);
    check(avformat_find_stream_info(raw, nullptr), "stream info");
    m_size = raw->pb ? avio_size(raw->pb) : 0;
    m_start = raw->start_time == AV_NOPTS_VALUE ? 0 : raw->start_time;
  }

  void open_output()
  {
    AVFormatContext* raw = nullptr;
    check(avformat_alloc_output_context2(&raw, nullptr, "mp4", file_url(m_out_path).c_str()),
          "output");
    m_out.reset(raw);
    const int v = av_find_best_stream(m_in.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    const int a = av_find_best_stream(m_in.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (v >= 0)
      add_stream(v, true, m_plan.encode_video);
    if (a >= 0)
      add_stream(a, false, m_plan.encode_audio);
    check(avio_open(&raw->pb, file_url(m_out_path).c_str(), AVIO_FLAG_WRITE), "create");
    AVDictionary* opts = nullptr;
    if (const int64_t room = m_reserve ? index_room() : 0; room > 0)
      av_dict_set_int(&opts, "moov_size", room, 0);
    else
      av_dict_set(&opts, "movflags", "+faststart", 0);
    const int err = avformat_write_header(raw, &opts);
    av_dict_free(&opts);
    check(err, "write header");
  }

  // Room for the index of a remux, from the packet counts the source's index states (an MP4
  // index takes at most ~40 bytes a packet: size, time, offset, sync, composition); 0 when a
  // count is unknown (Matroska states none).
  int64_t index_room() const
  {
    int64_t room = 64 << 10;
    for (const auto& [index, job] : m_jobs) {
      if (job.encode || job.in->nb_frames <= 0)
        return 0;
      room += job.in->nb_frames * 40 + job.in->codecpar->extradata_size + 4096;
    }
    return room + room / 4;
  }

  void add_stream(int index, bool video, bool encode)
  {
    Job& job = m_jobs[index];
    job.in = m_in->streams[index];
    job.video = video;
    job.encode = encode;
    job.offset = av_rescale_q(m_start, AV_TIME_BASE_Q, job.in->time_base);
    job.out = avformat_new_stream(m_out.get(), nullptr);
    if (!job.out)
      throw std::runtime_error("new stream: out of memory");
    if (!encode) {
      check(avcodec_parameters_copy(job.out->codecpar, job.in->codecpar), "copy parameters");
      job.out->codecpar->codec_tag =
          job.in->codecpar->codec_id == AV_CODEC_ID_HEVC ? MKTAG('h', 'v', 'c', '1') : 0;
      job.out->time_base = job.in->time_base;
      for (int i = 0; i < job.in->nb_side_data; ++i) {
        const AVPacketSideData& sd = job.in->side_data[i];
        if (uint8_t* data = av_stream_new_side_data(job.out, sd.type, sd.size))
          std::memcpy(data, sd.data, sd.size);
      }
      return;
    }
    open_decoder(job);
    if (video)
      open_video_encoder(job);
    else
      open_audio_encoder(job);
    check(avcodec_parameters_from_context(job.out->codecpar, job.enc.get()), "encoder parameters");
    job.out->time_base = job.enc->time_base;
  }

  void open_decoder(Job& job)
  {
    const AVCodec* codec = avcodec_find_decoder(job.in->codecpar->codec_id);
    if (!codec)
      throw std::runtime_error("no decoder for the stream");
    job.dec.reset(avcodec_alloc_context3(codec));
    check(avcodec_parameters_to_context(job.dec.get(), job.in->codecpar), "decoder parameters");
    job.dec->pkt_timebase = job.in->time_base;
    job.dec->thread_count = 0;
    if (job.video)
      job.dec->framerate = av_guess_frame_rate(m_in.get(), job.in, nullptr);
    check(avcodec_open2(job.dec.get(), codec, nullptr), "open decoder");
  }

  void open_video_encoder(Job& job)
  {
    const VideoSettings& v = m_plan.video;
    const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
    if (!codec)
      throw std::runtime_error("libx264 is not available in libavcodec");
    job.enc.reset(avcodec_alloc_context3(codec));
    AVCodecContext* e = job.enc.get();
    const AVRational rate{int(v.frame_rate.num), int(v.frame_rate.den)};
    e->width = v.width;
    e->height = v.height;
    e->pix_fmt = AV_PIX_FMT_YUV420P;
    e->sample_aspect_ratio = AVRational{1, 1};
    e->time_base = av_inv_q(rate);
    e->framerate = rate;
    e->color_primaries = AVCOL_PRI_BT709;
    e->color_trc = AVCOL_TRC_BT709;
    e->colorspace = AVCOL_SPC_BT709;
    e->color_range = AVCOL_RANGE_MPEG;
    e->field_order = AV_FIELD_PROGRESSIVE;
    e->thread_count = 0;
    AVDictionary* opts = nullptr;
    av_dict_set(&opts, "preset", x264_preset, 0);
    av_dict_set(&opts, "profile", "high", 0);
    if (v.bitrate > 0) {
      // Real CBR: the HRD of x264 (nal-hrd=cbr) pads with filler so that the measured rate
      // is the asked one; -minrate alone does nothing in x264.
      e->bit_rate = e->rc_min_rate = e->rc_max_rate = v.bitrate;
      e->rc_buffer_size = int(std::min<int64_t>(v.bitrate, INT32_MAX));
      av_dict_set(&opts, "x264-params", "nal-hrd=cbr:force-cfr=1", 0);
    } else {
      av_dict_set(&opts, "crf", "18", 0);
    }
    if (m_out->oformat->flags & AVFMT_GLOBALHEADER)
      e->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    const int err = avcodec_open2(e, codec, &opts);
    av_dict_free(&opts);
    check(err, "open libx264");
    job.filters = video_filter(v);
  }

  void open_audio_encoder(Job& job)
  {
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_AAC);
    if (!codec)
      throw std::runtime_error("no AAC encoder");
    job.enc.reset(avcodec_alloc_context3(codec));
    AVCodecContext* e = job.enc.get();
    e->sample_rate = audio_rate;
    av_channel_layout_default(&e->ch_layout, 2);
    e->sample_fmt = AV_SAMPLE_FMT_FLTP;
    e->bit_rate = audio_bitrate;
    e->time_base = AVRational{1, audio_rate};
    if (m_out->oformat->flags & AVFMT_GLOBALHEADER)
      e->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    check(avcodec_open2(e, codec, nullptr), "open AAC encoder");
    job.filters = audio_filter(m_plan);
  }

  // The graph is built on the first decoded frame: its format is known only then.
  void build_graph(Job& job, const AVFrame* frame)
  {
    job.graph.reset(avfilter_graph_alloc());
    AVFilterGraph* g = job.graph.get();
    g->nb_threads = 0;
    std::string args;
    const AVRational tb = job.in->time_base;
    if (job.video) {
      const Rational sar = m_plan.video.sar;
      args = fmt::format("video_size={}x{}:pix_fmt={}:time_base={}/{}:pixel_aspect={}/{}",
                         frame->width, frame->height, frame->format, tb.num, tb.den,
                         sar.valid() ? sar.num : 1, sar.valid() ? sar.den : 1);
    } else {
      args = abuffer_args(frame, tb);
    }
    const char* src_name = job.video ? "buffer" : "abuffer";
    const char* sink_name = job.video ? "buffersink" : "abuffersink";
    check(avfilter_graph_create_filter(&job.src, avfilter_get_by_name(src_name), "in", args.c_str(),
                                       nullptr, g),
          "filter source");
    check(avfilter_graph_create_filter(&job.sink, avfilter_get_by_name(sink_name), "out", nullptr,
                                       nullptr, g),
          "filter sink");
    InOutPtr outputs(avfilter_inout_alloc()), inputs(avfilter_inout_alloc());
    outputs->name = av_strdup("in");
    outputs->filter_ctx = job.src;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = job.sink;
    AVFilterInOut* in_raw = inputs.release();
    AVFilterInOut* out_raw = outputs.release();
    const int err = avfilter_graph_parse_ptr(g, job.filters.c_str(), &in_raw, &out_raw, nullptr);
    avfilter_inout_free(&in_raw);
    avfilter_inout_free(&out_raw);
    check(err, "filter graph");
    check(avfilter_graph_config(g, nullptr), "filter graph config");
    if (!job.video)
      av_buffersink_set_frame_size(job.sink, job.enc->frame_size);
  }

  void read_all()
  {
    PacketPtr pkt(av_packet_alloc());
    while (av_read_frame(m_in.get(), pkt.get()) >= 0) {
      auto it = m_jobs.find(pkt->stream_index);
      if (it != m_jobs.end()) {
        if (it->second.encode)
          decode(it->second, pkt.get());
        else
          copy(it->second, pkt.get());
      }
      av_packet_unref(pkt.get());
      if (m_progress && m_in->pb)
        m_progress(avio_tell(m_in->pb), m_size);
    }
  }

  void copy(Job& job, AVPacket* pkt)
  {
    if (pkt->pts != AV_NOPTS_VALUE)
      pkt->pts -= job.offset;
    if (pkt->dts != AV_NOPTS_VALUE)
      pkt->dts -= job.offset;
    av_packet_rescale_ts(pkt, job.in->time_base, job.out->time_base);
    pkt->stream_index = job.out->index;
    pkt->pos = -1;
    if (m_digest)
      m_digest->add(job.out->index, *pkt);
    check(av_interleaved_write_frame(m_out.get(), pkt), "write");
  }

  // `pkt` null: the end of the stream (flushes the decoder, the filters and the encoder).
  void decode(Job& job, const AVPacket* pkt)
  {
    // A packet the decoder refuses (damaged data) is skipped: the rest still converts.
    if (avcodec_send_packet(job.dec.get(), pkt) < 0 && pkt)
      return;
    FramePtr frame(av_frame_alloc());
    while (avcodec_receive_frame(job.dec.get(), frame.get()) >= 0) {
      int64_t pts = frame->best_effort_timestamp;
      if (pts == AV_NOPTS_VALUE) {
        av_frame_unref(frame.get());
        continue;
      }
      frame->pts = pts - job.offset;
      if (m_plan.trim_s && frame->pts * av_q2d(job.in->time_base) >= *m_plan.trim_s) {
        av_frame_unref(frame.get());
        continue;
      }
      if (job.video)
        fill_colour(job, frame.get());
      filter(job, frame.get());
      av_frame_unref(frame.get());
    }
    if (!pkt)
      filter(job, nullptr);
  }

  // Colour the stream states in the container but not in the pictures (zscale reads it).
  static void fill_colour(const Job& job, AVFrame* f)
  {
    const AVCodecParameters* p = job.in->codecpar;
    if (f->color_trc == AVCOL_TRC_UNSPECIFIED)
      f->color_trc = p->color_trc;
    if (f->color_primaries == AVCOL_PRI_UNSPECIFIED)
      f->color_primaries = p->color_primaries;
    if (f->colorspace == AVCOL_SPC_UNSPECIFIED)
      f->colorspace = p->color_space;
    if (f->color_range == AVCOL_RANGE_UNSPECIFIED)
      f->color_range = p->color_range;
  }

  void filter(Job& job, AVFrame* frame)
  {
    if (!job.graph) {
      if (!frame) {
        encode(job, nullptr);
        return;
      }
      build_graph(job, frame);
    }
    check(frame ? av_buffersrc_add_frame_flags(job.src, frame, AV_BUFFERSRC_FLAG_KEEP_REF)
                : av_buffersrc_add_frame(job.src, nullptr),
          "filter input");
    FramePtr out(av_frame_alloc());
    while (av_buffersink_get_frame(job.sink, out.get()) >= 0) {
      out->pts = av_rescale_q(out->pts, av_buffersink_get_time_base(job.sink), job.enc->time_base);
      out->pict_type = AV_PICTURE_TYPE_NONE;
      encode(job, out.get());
      av_frame_unref(out.get());
    }
    if (!frame)
      encode(job, nullptr);
  }

  void encode(Job& job, const AVFrame* frame)
  {
    check(avcodec_send_frame(job.enc.get(), frame), "encode");
    PacketPtr pkt(av_packet_alloc());
    while (avcodec_receive_packet(job.enc.get(), pkt.get()) >= 0) {
      pkt->stream_index = job.out->index;
      // libx264 leaves the duration unset; the MP4 muxer ends the edit list at the last
      // packet's pts + duration, and would hide the last picture (one frame: 1/fps).
      if (pkt->duration <= 0 && job.video)
        pkt->duration = 1;
      av_packet_rescale_ts(pkt.get(), job.enc->time_base, job.out->time_base);
      check(av_interleaved_write_frame(m_out.get(), pkt.get()), "write");
    }
  }

  const Plan& m_plan;
  std::string m_out_path;
  const TranscodeProgress& m_progress;
  FormatPtr m_in;
  OutputPtr m_out;
  std::map<int, Job> m_jobs; // by input stream index
  int64_t m_size = 0;
  int64_t m_start = 0; // AV_TIME_BASE
  bool m_reserve = false;
  Digester* m_digest = nullptr;
};

} // namespace

// The integrated loudness of the main sound of `plan.source` as the plan's audio graph (the
// gain and the limiter) leaves it, before the AAC encoder; nullopt when it cannot be read.
std::optional<double> graph_loudness(const Plan& plan)
{
  AVFormatContext* raw = nullptr;
  if (avformat_open_input(&raw, file_url(plan.source).c_str(), nullptr, nullptr) < 0)
    return std::nullopt;
  FormatPtr in(raw);
  if (avformat_find_stream_info(raw, nullptr) < 0)
    return std::nullopt;
  const int a = av_find_best_stream(raw, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
  if (a < 0)
    return std::nullopt;
  for (unsigned i = 0; i < raw->nb_streams; ++i)
    raw->streams[i]->discard = int(i) == a ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
  AVStream* st = raw->streams[a];
  const AVCodec* codec = avcodec_find_decoder(st->codecpar->codec_id);
  if (!codec)
    return std::nullopt;
  CodecPtr dec(avcodec_alloc_context3(codec));
  if (avcodec_parameters_to_context(dec.get(), st->codecpar) < 0)
    return std::nullopt;
  dec->pkt_timebase = st->time_base;
  if (avcodec_open2(dec.get(), codec, nullptr) < 0)
    return std::nullopt;
  GraphPtr graph;
  AVFilterContext *src = nullptr, *sink = nullptr;
  media::LoudnessMeter meter({1, 1}, audio_rate);
  std::string filters = audio_filter(plan);
  filters = filters.substr(0, filters.rfind("aformat=")) +
            "aformat=sample_fmts=flt:channel_layouts=stereo";
  const auto pull = [&] {
    FramePtr out(av_frame_alloc());
    while (av_buffersink_get_frame(sink, out.get()) >= 0) {
      meter.add(reinterpret_cast<const float*>(out->data[0]), size_t(out->nb_samples));
      av_frame_unref(out.get());
    }
  };
  const auto feed = [&](AVFrame* frame) {
    if (!graph) {
      const std::string args = abuffer_args(frame, st->time_base);
      graph.reset(avfilter_graph_alloc());
      check(avfilter_graph_create_filter(&src, avfilter_get_by_name("abuffer"), "in", args.c_str(),
                                         nullptr, graph.get()),
            "filter source");
      check(avfilter_graph_create_filter(&sink, avfilter_get_by_name("abuffersink"), "out", nullptr,
                                         nullptr, graph.get()),
            "filter sink");
      InOutPtr outputs(avfilter_inout_alloc()), inputs(avfilter_inout_alloc());
      outputs->name = av_strdup("in");
      outputs->filter_ctx = src;
      inputs->name = av_strdup("out");
      inputs->filter_ctx = sink;
      AVFilterInOut* in_raw = inputs.release();
      AVFilterInOut* out_raw = outputs.release();
      const int err =
          avfilter_graph_parse_ptr(graph.get(), filters.c_str(), &in_raw, &out_raw, nullptr);
      avfilter_inout_free(&in_raw);
      avfilter_inout_free(&out_raw);
      check(err, "filter graph");
      check(avfilter_graph_config(graph.get(), nullptr), "filter graph config");
    }
    check(av_buffersrc_add_frame(src, frame), "filter input");
    pull();
  };
  try {
    PacketPtr pkt(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    const auto drain = [&] {
      while (avcodec_receive_frame(dec.get(), frame.get()) >= 0)
        feed(frame.get()); // av_buffersrc_add_frame takes the frame's data
    };
    while (av_read_frame(raw, pkt.get()) >= 0) {
      if (pkt->stream_index == a && avcodec_send_packet(dec.get(), pkt.get()) >= 0)
        drain();
      av_packet_unref(pkt.get());
    }
    avcodec_send_packet(dec.get(), nullptr);
    drain();
    if (graph) {
      check(av_buffersrc_add_frame(src, nullptr), "filter input");
      pull();
    }
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (meter.frames() == 0)
    return std::nullopt;
  return meter.integrated();
}

// Limiting the peaks lowers the loudness where they carried part of it: the graph is
// measured with the limiter and the gain raised by what is missing (the limiter holds the
// peaks), twice at most, the gain never more than 12 dB above the plan's.
Plan with_limited_gain(const Plan& plan)
{
  Plan p = plan;
  for (int pass = 0; pass < 2; ++pass) {
    const std::optional<double> lufs = graph_loudness(p);
    if (!lufs)
      break;
    const double missing = p.loudness.target_lufs - *lufs;
    if (std::abs(missing) < 0.5)
      break;
    p.gain_db = std::min(p.gain_db + missing, plan.gain_db + 12);
    p.loudness.gain_db = p.gain_db;
  }
  return p;
}

std::string transcode(const Plan& plan_in, const std::string& out_path,
                      const TranscodeProgress& progress, PacketDigest* digest)
{
  media::init_libav();
  const Plan plan =
      plan_in.loudness.limiter && plan_in.encode_audio ? with_limited_gain(plan_in) : plan_in;
  if (plan.remux_only()) {
    try {
      Digester d;
      Transcoder(plan, out_path, progress, true, digest ? &d : nullptr).run();
      if (digest)
        *digest = d.finish();
      return "";
    } catch (const std::exception&) {
      // The room kept was too small (or the counts wrong): again, moving the index at the end.
    }
  }
  try {
    Digester d;
    Transcoder(plan, out_path, progress, false, digest && plan.remux_only() ? &d : nullptr).run();
    if (digest && plan.remux_only())
      *digest = d.finish();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

std::optional<PacketDigest> digest_packets(const std::string& path)
{
  media::init_libav();
  AVFormatContext* raw = nullptr;
  if (avformat_open_input(&raw, file_url(path).c_str(), nullptr, nullptr) < 0)
    return std::nullopt;
  FormatPtr in(raw);
  try {
    Digester d;
    PacketPtr pkt(av_packet_alloc());
    int err = 0;
    while ((err = av_read_frame(raw, pkt.get())) >= 0) {
      d.add(pkt->stream_index, *pkt);
      av_packet_unref(pkt.get());
    }
    if (err != AVERROR_EOF)
      return std::nullopt;
    return d.finish();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Text transcode_failure_meaning(std::string_view error)
{
  const auto step_is = [&](std::initializer_list<std::string_view> steps) {
    return std::any_of(steps.begin(), steps.end(), [&](std::string_view step) {
      return error.starts_with(step) && (error.size() == step.size() || error[step.size()] == ':');
    });
  };
  if (step_is({"open", "stream info", "no decoder for the stream", "decoder parameters",
               "open decoder"}))
    return {"mpcheck 读不懂这个视频（文件可能已损坏，或是本机 FFmpeg 不支持的编码）：请用剪辑软件"
            "重新导出为 MP4（H.264 视频、AAC 声音）后再修复",
            "mpcheck cannot read this video (the file may be damaged, or its coding is one this "
            "machine's FFmpeg does not support): export it again from the editor as MP4 (H.264 "
            "video, AAC sound), then fix it"};
  if (step_is({"libx264 is not available in libavcodec", "open libx264", "no AAC encoder",
               "open AAC encoder"}))
    return {"本机的 FFmpeg 库缺少所需的编码器（H.264 用 libx264，声音用 AAC）：请按 README "
            "的第一条命令重新安装依赖后再试",
            "this machine's FFmpeg libraries lack an encoder it needs (libx264 for H.264, AAC "
            "for the sound): install the dependencies again with the README's first command, "
            "then retry"};
  if (step_is({"create", "output", "write header", "write", "write trailer"}))
    return {"新文件写不出来：请确认目标磁盘可以写入、空间足够，或用 --out 目录 写到别处",
            "the new file could not be written: check that the disk can be written to and has "
            "room, or write elsewhere with --out DIR"};
  if (step_is({"copy parameters", "new stream", "encoder parameters", "filter source",
               "filter sink", "filter graph", "filter graph config", "filter input", "encode",
               "digest"}))
    return {"转换中途出错，原文件没有改动：请把这条信息（连同后面的技术细节）发给 mpcheck 的维护者",
            "the conversion stopped half way; the original is unchanged: send this message (with "
            "the technical detail after it) to mpcheck's maintainers"};
  return {}; // not one of transcode's steps
}

} // namespace mpcheck::fix
