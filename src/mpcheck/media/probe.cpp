#include "mpcheck/media/probe.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <mutex>
#include <queue>
#include <sys/stat.h>
#include <unistd.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

#include "mpcheck/media/image.hpp"
#include "mpcheck/media/isobmff.hpp"
#include "mpcheck/media/libav.hpp"
#include "mpcheck/media/matroska.hpp"
#include "mpcheck/media/timing.hpp"
#include "mpcheck/util/parallel.hpp"

namespace mpcheck::media {

namespace {

struct Fd {
  int fd = -1;
  ~Fd()
  {
    if (fd >= 0)
      ::close(fd);
  }
};

Rational to_rational(AVRational r)
{
  return Rational{r.num, r.den};
}

// ---- the file on disk ----------------------------------------------------------------

bool stat_file(const std::string& path, MediaFacts& facts)
{
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    const char* code = err == ENOENT ? "not-found" : err == EACCES ? "permission" : "unreadable";
    facts.error = ProbeError{code, std::strerror(err)};
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    facts.error = ProbeError{"is-directory", ""};
    return false;
  }
  facts.size = int64_t(st.st_size);
  if (facts.size == 0) {
    facts.error = ProbeError{"empty", ""};
    return false;
  }
  return true;
}

size_t read_at(int fd, int64_t offset, unsigned char* buffer, size_t size)
{
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd, buffer + done, size - done, off_t(offset) + off_t(done));
    if (n <= 0)
      break;
    done += size_t(n);
  }
  return done;
}

// ---- where the bytes come from: a file, or memory -----------------------------------

// What probe reads: a file on disk or bytes in memory (probe_bytes: the fuzz target, tests).
// Everything after this is the same code for both; only reading and opening differ.
class Source {
public:
  virtual ~Source() = default;
  // Reads up to `size` bytes at `offset`; the number read (0 at the end or on an error).
  virtual size_t read_at(int64_t offset, unsigned char* buffer, size_t size) = 0;
  // The image header facts (media/image.hpp) of these bytes.
  virtual bool probe_image(ImageFacts& out, ProbeError& error) = 0;
  // avformat_open_input on these bytes.
  virtual int open(AVFormatContext** fmt, const AVInputFormat* format, AVDictionary** opts) = 0;
};

class FileSource final : public Source {
public:
  FileSource(const std::string& path, int fd) : m_path(path), m_fd(fd) {}
  size_t read_at(int64_t offset, unsigned char* buffer, size_t size) override
  {
    return media::read_at(m_fd, offset, buffer, size);
  }
  bool probe_image(ImageFacts& out, ProbeError& error) override
  {
    return media::probe_image(m_path, out, error);
  }
  int open(AVFormatContext** fmt, const AVInputFormat* format, AVDictionary** opts) override
  {
    return avformat_open_input(fmt, m_path.c_str(), format, opts);
  }

private:
  std::string m_path;
  int m_fd;
};

// Bytes in memory, read by libavformat through a custom AVIOContext. The demuxer may open
// nothing else: no file beside it, no URL.
class MemorySource final : public Source {
public:
  MemorySource(const unsigned char* data, size_t size, std::string name)
      : m_data(data), m_size(size), m_name(std::move(name))
  {
  }
  MemorySource(const MemorySource&) = delete;
  MemorySource& operator=(const MemorySource&) = delete;
  ~MemorySource() override
  {
    for (AVIOContext*& io : m_ios) {
      av_freep(&io->buffer);
      avio_context_free(&io);
    }
  }
  size_t read_at(int64_t offset, unsigned char* buffer, size_t size) override
  {
    if (offset < 0 || uint64_t(offset) >= m_size)
      return 0;
    const size_t n = std::min(size, m_size - size_t(offset));
    std::memcpy(buffer, m_data + offset, n);
    return n;
  }
  bool probe_image(ImageFacts& out, ProbeError& error) override
  {
    return probe_image_bytes(m_data, m_size, out, error);
  }
  int open(AVFormatContext** fmt, const AVInputFormat* format, AVDictionary** opts) override
  {
    AVFormatContext* ctx = avformat_alloc_context();
    if (!ctx)
      return AVERROR(ENOMEM);
    m_cursors.push_back(std::make_unique<Cursor>(Cursor{m_data, m_size, 0}));
    constexpr int buffer_size = 64 * 1024;
    auto* buffer = static_cast<unsigned char*>(av_malloc(buffer_size));
    AVIOContext* io = buffer ? avio_alloc_context(buffer, buffer_size, 0, m_cursors.back().get(),
                                                  &read_packet, nullptr, &seek)
                             : nullptr;
    if (!io) {
      av_free(buffer);
      avformat_free_context(ctx);
      return AVERROR(ENOMEM);
    }
    m_ios.push_back(io);
    ctx->pb = io;
    ctx->flags |= AVFMT_FLAG_CUSTOM_IO;
    ctx->io_open = &refuse_open;
    *fmt = ctx;
    return avformat_open_input(fmt, m_name.c_str(), format, opts);
  }

private:
  struct Cursor {
    const unsigned char* data;
    size_t size;
    size_t pos;
  };
  static int read_packet(void* opaque, uint8_t* buf, int buf_size)
  {
    auto* c = static_cast<Cursor*>(opaque);
    if (c->pos >= c->size || buf_size <= 0)
      return AVERROR_EOF;
    const size_t n = std::min(size_t(buf_size), c->size - c->pos);
    std::memcpy(buf, c->data + c->pos, n);
    c->pos += n;
    return int(n);
  }
  static int64_t seek(void* opaque, int64_t offset, int whence)
  {
    auto* c = static_cast<Cursor*>(opaque);
    whence &= ~AVSEEK_FORCE;
    if (whence == AVSEEK_SIZE)
      return int64_t(c->size);
    const int64_t base = whence == SEEK_CUR   ? int64_t(c->pos)
                         : whence == SEEK_END ? int64_t(c->size)
                                              : 0;
    if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END)
      return AVERROR(EINVAL);
    if (offset > INT64_MAX - base || base + offset < 0)
      return AVERROR(EINVAL);
    c->pos = size_t(std::min<int64_t>(base + offset, int64_t(c->size)));
    return base + offset;
  }
  static int refuse_open(AVFormatContext*, AVIOContext**, const char*, int, AVDictionary**)
  {
    return AVERROR(EPERM);
  }

  const unsigned char* m_data;
  size_t m_size;
  std::string m_name;
  std::vector<std::unique_ptr<Cursor>> m_cursors;
  std::vector<AVIOContext*> m_ios;
};

// ---- container ---------------------------------------------------------------------

// libavformat's still-image demuxers (image2, jpegxl_pipe, webp_pipe, ...).
bool is_image_demuxer(const std::string& demuxer)
{
  return demuxer == "image2" || demuxer.ends_with("_pipe");
}

std::string container_format(const AVFormatContext* fmt, const IsoBoxSummary& iso,
                             const unsigned char* head, size_t head_size)
{
  const std::string demuxer = fmt->iformat->name;
  if (demuxer.find("mp4") != std::string::npos || demuxer == "mov") {
    // The ftyp brand decides, never the extension: 'qt' (or no ftyp at all) is QuickTime.
    if (iso.major_brand == "qt" || iso.major_brand.empty())
      return "mov";
    return "mp4"; // isom, mp41, mp42, avc1, 3gp*, M4V, ...: ISO base media (MP4 family)
  }
  if (demuxer.find("matroska") != std::string::npos) {
    const std::string_view text(reinterpret_cast<const char*>(head), head_size);
    return text.find("webm") != std::string_view::npos ? "webm" : "matroska";
  }
  if (demuxer == "mpegts")
    return "mpegts";
  if (demuxer == "mpeg")
    return "mpeg-ps";
  if (is_image_demuxer(demuxer))
    return "image";
  return demuxer;
}

bool container_has_index(const std::string& demuxer)
{
  return demuxer.find("mp4") != std::string::npos || demuxer == "mov";
}

// ---- streams -------------------------------------------------------------------------

bool is_attached_picture(const AVStream* st)
{
  return (st->disposition & AV_DISPOSITION_ATTACHED_PIC) != 0;
}

// The video stream a player shows: the default one, else the largest picture.
int main_video_stream(const AVFormatContext* fmt)
{
  int best = -1;
  int64_t best_score = -1;
  for (unsigned i = 0; i < fmt->nb_streams; ++i) {
    const AVStream* st = fmt->streams[i];
    if (st->codecpar->codec_type != AVMEDIA_TYPE_VIDEO || is_attached_picture(st))
      continue;
    // Most frames first (a motion photo's still "top shot" track is large but short), then
    // the default flag, then the picture size.
    const int64_t frames = std::max<int64_t>(st->nb_frames, avformat_index_get_entries_count(st));
    int64_t score = std::min<int64_t>(frames, 1 << 20) << 26;
    if (st->disposition & AV_DISPOSITION_DEFAULT)
      score += int64_t(1) << 25;
    score += std::min<int64_t>(int64_t(st->codecpar->width) * st->codecpar->height, (1 << 25) - 1);
    if (score > best_score) {
      best = int(i);
      best_score = score;
    }
  }
  return best;
}

// Degrees clockwise a player turns the picture (0, 90, 180, 270).
int rotation_of(const AVStream* st)
{
  size_t size = 0;
  const uint8_t* data = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, &size);
  if (!data || size < 9 * sizeof(int32_t))
    return 0;
  const double ccw = av_display_rotation_get(reinterpret_cast<const int32_t*>(data));
  if (std::isnan(ccw))
    return 0;
  // libav gives the counter-clockwise angle; players turn the picture clockwise by its negation.
  int cw = int(std::lround(-ccw)) % 360;
  if (cw < 0)
    cw += 360;
  return (cw + 45) / 90 * 90 % 360;
}

std::string scan_from_field_order(AVFieldOrder order, AVCodecID codec)
{
  switch (order) {
  case AV_FIELD_PROGRESSIVE:
    return "progressive";
  case AV_FIELD_TT:
  case AV_FIELD_TB:
    return "tff";
  case AV_FIELD_BB:
  case AV_FIELD_BT:
    return "bff";
  default:
    break;
  }
  // HEVC and AV1 signal interlacing only through field SEI/metadata; without it the stream
  // declares progressive frames. Intra codecs (MJPEG, JPEG 2000) likewise.
  if (codec == AV_CODEC_ID_HEVC || codec == AV_CODEC_ID_AV1 || codec == AV_CODEC_ID_VP9 ||
      codec == AV_CODEC_ID_MJPEG || codec == AV_CODEC_ID_JPEG2000)
    return "progressive";
  return "unknown";
}

// What the bitstream headers say (profile, pixel format, field order), found by running
// libavcodec's parser over the first video packet: no decoding.
struct HeaderFacts {
  int profile = FF_PROFILE_UNKNOWN;
  int pix_fmt = -1;
  AVFieldOrder field_order = AV_FIELD_UNKNOWN;
  int width = 0, height = 0; // displayable (cropped) size from the sequence header
  AVColorPrimaries primaries = AVCOL_PRI_UNSPECIFIED;
  AVColorTransferCharacteristic transfer = AVCOL_TRC_UNSPECIFIED;
  AVColorSpace matrix = AVCOL_SPC_UNSPECIFIED;
};

HeaderFacts parse_first_packet(const AVStream* st, const AVPacket* pkt)
{
  HeaderFacts out;
  AVCodecParserContext* parser = av_parser_init(st->codecpar->codec_id);
  AVCodecContext* ctx = avcodec_alloc_context3(nullptr);
  if (parser && ctx && avcodec_parameters_to_context(ctx, st->codecpar) >= 0) {
    parser->flags |= PARSER_FLAG_COMPLETE_FRAMES;
    uint8_t* out_data = nullptr;
    int out_size = 0;
    av_parser_parse2(parser, ctx, &out_data, &out_size, pkt->data, pkt->size, pkt->pts, pkt->dts,
                     pkt->pos);
    out.profile = ctx->profile;
    out.pix_fmt = parser->format;
    out.field_order = AVFieldOrder(parser->field_order);
    out.width = parser->width;
    out.height = parser->height;
    out.primaries = ctx->color_primaries;
    out.transfer = ctx->color_trc;
    out.matrix = ctx->colorspace;
  }
  if (parser)
    av_parser_close(parser);
  avcodec_free_context(&ctx);
  return out;
}

// libavutil's name of a colour property, "" when unspecified (or reserved).
template <class T, class Name>
std::string colour_name(T stated, T from_header, T unspecified, Name name)
{
  const T value = stated != unspecified ? stated : from_header;
  const char* text = value != unspecified ? name(value) : nullptr;
  return text && std::strcmp(text, "unknown") != 0 && std::strcmp(text, "reserved") != 0 ? text
                                                                                         : "";
}

// Colour as the container (colr box, Matroska Colour) or the sequence header (VUI) states it.
void fill_colour(const AVCodecParameters* par, const HeaderFacts& header, VideoFacts& v)
{
  v.color_primaries = colour_name(par->color_primaries, header.primaries, AVCOL_PRI_UNSPECIFIED,
                                  av_color_primaries_name);
  v.color_transfer =
      colour_name(par->color_trc, header.transfer, AVCOL_TRC_UNSPECIFIED, av_color_transfer_name);
  v.color_matrix =
      colour_name(par->color_space, header.matrix, AVCOL_SPC_UNSPECIFIED, av_color_space_name);
}

void fill_video(const AVFormatContext* fmt, AVStream* st, const HeaderFacts& header, VideoFacts& v)
{
  const AVCodecParameters* par = st->codecpar;
  v.index = st->index;
  v.codec = avcodec_get_name(par->codec_id);
  const int profile = par->profile != FF_PROFILE_UNKNOWN ? par->profile : header.profile;
  if (const char* name = avcodec_profile_name(par->codec_id, profile))
    v.profile = name;
  // Where both say something, the smaller is what a player shows (the container's clean
  // aperture or the SPS cropping, whichever crops more: GoPro 864→854, Kap 893→892).
  v.width = header.width > 0 && (par->width <= 0 || header.width < par->width) ? header.width
                                                                               : par->width;
  v.height = header.height > 0 && (par->height <= 0 || header.height < par->height) ? header.height
                                                                                    : par->height;
  AVRational sar = av_guess_sample_aspect_ratio(const_cast<AVFormatContext*>(fmt), st, nullptr);
  v.sar = sar.num > 0 && sar.den > 0 ? Rational{sar.num, sar.den}.reduced() : Rational{1, 1};
  if (v.width > 0 && v.height > 0)
    v.dar = Rational{int64_t(v.width) * v.sar.num, int64_t(v.height) * v.sar.den}.reduced();
  v.rotation = rotation_of(st);
  int dw = v.width, dh = v.height;
  if (v.sar.num > v.sar.den)
    dw = int(std::lround(double(v.width) * v.sar.value()));
  else if (v.sar.num < v.sar.den)
    dh = int(std::lround(double(v.height) / v.sar.value()));
  if (v.rotation == 90 || v.rotation == 270)
    std::swap(dw, dh);
  v.display_width = dw;
  v.display_height = dh;
  const AVFieldOrder order =
      par->field_order != AV_FIELD_UNKNOWN ? par->field_order : header.field_order;
  v.scan = scan_from_field_order(order, par->codec_id);
  const int pix = par->format >= 0 ? par->format : header.pix_fmt;
  if (const AVPixFmtDescriptor* desc =
          pix >= 0 ? av_pix_fmt_desc_get(AVPixelFormat(pix)) : nullptr) {
    v.pix_fmt = desc->name;
    v.bit_depth = desc->comp[0].depth;
  }
  fill_colour(par, header, v);
  v.bitrate_declared = par->bit_rate;
  v.frame_rate = to_rational(st->r_frame_rate).reduced();
  v.avg_frame_rate = to_rational(st->avg_frame_rate).reduced();
  if (st->duration > 0 && st->time_base.den > 0)
    v.duration_s = double(st->duration) * av_q2d(st->time_base);
}

void fill_audio(const AVStream* st, AudioFacts& a)
{
  const AVCodecParameters* par = st->codecpar;
  a.index = st->index;
  a.codec = avcodec_get_name(par->codec_id);
  a.channels = par->ch_layout.nb_channels;
  a.sample_rate = par->sample_rate;
  a.bit_rate = par->bit_rate;
  if (const AVDictionaryEntry* e = av_dict_get(st->metadata, "language", nullptr, 0))
    a.language = e->value;
}

void fill_subtitle(const AVStream* st, SubtitleFacts& s)
{
  s.index = st->index;
  s.codec = avcodec_get_name(st->codecpar->codec_id);
  if (const AVDictionaryEntry* e = av_dict_get(st->metadata, "language", nullptr, 0))
    s.language = e->value;
}

// ---- timing: from the index where there is one, else from demuxed packets ------------

void apply_timing(const TimingSummary& t, const std::string& source, VideoFacts& v)
{
  if (t.frame_count == 0)
    return;
  v.frame_count = t.frame_count;
  v.kbps_per_second.clear();
  for (int64_t bytes : t.bytes_per_second)
    v.kbps_per_second.push_back(int32_t(std::min<int64_t>(bytes * 8 / 1000, INT32_MAX)));
  v.bitrate_measured = t.bitrate;
  v.bitrate_peak = t.peak_bitrate;
  v.bitrate_source = source;
  v.constant_frame_rate = t.constant_frame_rate;
  v.frame_duration_min_s = t.min_interval_s;
  v.frame_duration_max_s = t.max_interval_s;
  if (t.avg_frame_rate.valid())
    v.avg_frame_rate = t.avg_frame_rate;
  // The measured rate when timing is constant; otherwise keep what the stream declares.
  if (t.frame_rate.valid() && (t.constant_frame_rate.value_or(false) || !v.frame_rate.valid() ||
                               v.frame_rate.value() > 1000))
    v.frame_rate = t.frame_rate;
  if (v.duration_s <= 0)
    v.duration_s = t.duration_s;
  // The stream's own duration counts the last frame's real length; the timestamps alone
  // can only guess it.
  if (v.duration_s > 0)
    v.bitrate_measured = std::llround(double(t.bytes) * 8.0 / v.duration_s);
}

TimingSummary timing_from_index(const AVStream* st)
{
  TimingAccumulator acc(to_rational(st->time_base));
  const int n = avformat_index_get_entries_count(st);
  for (int i = 0; i < n; ++i) {
    const AVIndexEntry* e = avformat_index_get_entry(const_cast<AVStream*>(st), i);
    if (e && !(e->flags & AVINDEX_DISCARD_FRAME))
      acc.add(e->timestamp, e->size);
  }
  return acc.summary();
}

// The highest byte any stream's index points to.
int64_t index_end(const AVFormatContext* fmt)
{
  int64_t end = 0;
  for (unsigned s = 0; s < fmt->nb_streams; ++s) {
    AVStream* st = fmt->streams[s];
    const int n = avformat_index_get_entries_count(st);
    for (int i = 0; i < n; ++i)
      if (const AVIndexEntry* e = avformat_index_get_entry(st, i))
        end = std::max<int64_t>(end, e->pos + e->size);
  }
  return end;
}

struct PacketScan {
  HeaderFacts header;
  TimingSummary video;
  double span_s = 0; // longest stream span seen, for containers without a trustworthy duration
};

// Reads packets without decoding: the first video packet's headers always; with `whole`,
// every packet, for timing and sizes. Streams other than video and audio are skipped.
// The shared loop: `is_video(packet stream index)` picks the main video stream's packets.
template <class IsVideo>
PacketScan scan_loop(AVFormatContext* fmt, IsVideo is_video, Rational video_time_base, bool whole,
                     bool parse_header);

PacketScan scan_packets(AVFormatContext* fmt, int video_index, bool whole)
{
  const Rational tb =
      video_index >= 0 ? to_rational(fmt->streams[video_index]->time_base) : Rational{1, 90000};
  return scan_loop(
      fmt, [video_index](int s) { return s == video_index; }, tb, whole, video_index >= 0);
}

PacketScan scan_packets_by_pid(AVFormatContext* fmt, int pid, Rational video_time_base)
{
  return scan_loop(
      fmt, [fmt, pid](int s) { return pid >= 0 && fmt->streams[s]->id == pid; }, video_time_base,
      true, false);
}

template <class IsVideo>
PacketScan scan_loop(AVFormatContext* fmt, IsVideo is_video, Rational video_time_base, bool whole,
                     bool parse_header)
{
  PacketPtr pkt(av_packet_alloc());
  // Streams may appear while reading (MPEG-TS without find_stream_info): grown on demand.
  std::vector<int64_t> first(fmt->nb_streams, AV_NOPTS_VALUE),
      last(fmt->nb_streams, AV_NOPTS_VALUE);
  TimingAccumulator acc(video_time_base);
  // Matroska and some TS streams carry presentation order only: restore decode order for the
  // timing with a small reorder window (deeper than any B-frame pyramid).
  std::priority_queue<std::pair<int64_t, int64_t>, std::vector<std::pair<int64_t, int64_t>>,
                      std::greater<>>
      reorder;
  constexpr size_t reorder_depth = 32;
  PacketScan out;
  bool have_header = !parse_header;
  for (int n = 0; av_read_frame(fmt, pkt.get()) >= 0; ++n) {
    const int s = pkt->stream_index;
    if (s < 0 || unsigned(s) >= fmt->nb_streams) {
      av_packet_unref(pkt.get());
      continue;
    }
    if (first.size() < fmt->nb_streams) {
      first.resize(fmt->nb_streams, AV_NOPTS_VALUE);
      last.resize(fmt->nb_streams, AV_NOPTS_VALUE);
    }
    const bool video = is_video(s);
    const int64_t ts = pkt->dts != AV_NOPTS_VALUE ? pkt->dts : pkt->pts;
    if (video && !have_header) {
      out.header = parse_first_packet(fmt->streams[s], pkt.get());
      have_header = true;
    }
    if (whole && ts != AV_NOPTS_VALUE) {
      if (first[s] == AV_NOPTS_VALUE)
        first[s] = ts;
      last[s] = ts + std::max<int64_t>(pkt->duration, 0);
      if (video) {
        reorder.emplace(ts, pkt->size);
        if (reorder.size() > reorder_depth) {
          acc.add(reorder.top().first, reorder.top().second);
          reorder.pop();
        }
      }
    }
    av_packet_unref(pkt.get());
    if (!whole && (have_header || n > 500))
      break;
  }
  for (; !reorder.empty(); reorder.pop())
    acc.add(reorder.top().first, reorder.top().second);
  out.video = acc.summary();
  for (unsigned s = 0; s < first.size(); ++s) {
    const AVMediaType type = fmt->streams[s]->codecpar->codec_type;
    if (first[s] == AV_NOPTS_VALUE || (type != AVMEDIA_TYPE_VIDEO && type != AVMEDIA_TYPE_AUDIO))
      continue;
    const double span = double(last[s] - first[s]) * av_q2d(fmt->streams[s]->time_base);
    if (span > 0 && span < 1e7)
      out.span_s = std::max(out.span_s, span);
  }
  if (out.video.duration_s > 0)
    out.span_s = std::max(out.span_s, out.video.duration_s);
  return out;
}

// MPEG-TS: libavformat's parsers re-split the elementary streams into frames, which costs
// more than the demuxing itself. Every PES packet carries whole frames in practice (and its
// size counts the same bytes either way), so a second pass with the parsers off measures the
// same bit rate and timing at about 60% of the cost. The header facts still come from the
// first context (find_stream_info). Streams are matched by PID.
PacketScan scan_ts_without_parsers(Source& source, AVFormatContext* fmt, int video_index)
{
  AVDictionary* opts = nullptr;
  av_dict_set(&opts, "fflags", "+noparse+nofillin", 0);
  AVFormatContext* raw = nullptr;
  const int err = source.open(&raw, fmt->iformat, &opts);
  av_dict_free(&opts);
  if (err < 0)
    return scan_packets(fmt, video_index, true);
  FormatPtr second(raw);
  // Streams appear as their packets do; read them all, then map the PID to the index.
  PacketScan scan = scan_packets_by_pid(
      second.get(), video_index >= 0 ? fmt->streams[video_index]->id : -1,
      to_rational(video_index >= 0 ? fmt->streams[video_index]->time_base : AVRational{1, 90000}));
  scan.header = {};
  return scan;
}

// Audio bit rate from the index when the header does not say it.
int64_t audio_bitrate_from_index(const AVStream* st)
{
  return timing_from_index(st).bitrate;
}

// ---- truncation -----------------------------------------------------------------------

// Matroska: the Segment element declares its size; a cut file ends before it.
void check_matroska_truncation(const unsigned char* head, size_t size, MediaFacts& facts)
{
  const std::optional<uint64_t> end = matroska_segment_end(head, size);
  if (end && *end > uint64_t(facts.size)) {
    facts.truncated = true;
    facts.truncated_detail = "the Matroska segment ends at byte " + std::to_string(*end) +
                             " but the file ends at byte " + std::to_string(facts.size);
  }
}

// ---- truncation of formats without an index -----------------------------------------

void check_stream_truncation(const std::string& format, MediaFacts& facts)
{
  if (format == "mpegts" && facts.size % 188 != 0 && facts.size % 192 != 0) {
    facts.truncated = true;
    facts.truncated_detail = "the last transport packet is incomplete (cut mid-packet)";
  }
  if (format == "dv" && facts.size % 120000 != 0 && facts.size % 144000 != 0) {
    facts.truncated = true;
    facts.truncated_detail = "the file does not end on a whole DV frame";
  }
}

// ---- the probe itself ----------------------------------------------------------------

bool probe_image_file(Source& source, const unsigned char* head, size_t head_size,
                      MediaFacts& facts)
{
  if (!looks_like_image(head, head_size))
    return false;
  ImageFacts image;
  ProbeError error;
  if (source.probe_image(image, error)) {
    facts.kind = "image";
    facts.image = image;
  } else {
    facts.error = error;
  }
  return true;
}

bool has_media_magic(const unsigned char* head, size_t size)
{
  static const unsigned char ebml[] = {0x1a, 0x45, 0xdf, 0xa3};
  static const unsigned char riff[] = {'R', 'I', 'F', 'F'};
  return size >= 4 && (std::memcmp(head, ebml, 4) == 0 || std::memcmp(head, riff, 4) == 0 ||
                       head[0] == 0x47 /* TS sync byte */);
}

void classify_open_error(int err, const IsoBoxSummary& iso, const unsigned char* head,
                         size_t head_size, MediaFacts& facts)
{
  if (err == AVERROR(ENOMEM)) {
    facts.error = ProbeError{"oversized", av_error_string(err)};
    return;
  }
  if (iso.is_iso && !iso.has_moov && iso.has_mdat) {
    facts.error = ProbeError{"no-index", av_error_string(err)};
    return;
  }
  if (err == AVERROR_INVALIDDATA && !iso.is_iso && !has_media_magic(head, head_size)) {
    facts.error = ProbeError{"not-media", av_error_string(err)};
    return;
  }
  facts.error = ProbeError{"corrupt", av_error_string(err)};
}

// Without an index, what was demuxed is what plays: a PCR jump can make libavformat's
// estimate absurd (72054 s for a 4 MB capture), and a Matroska header can promise more
// than a cut file holds.
void apply_scanned_duration(const PacketScan& scan, MediaFacts& facts)
{
  ContainerFacts& c = *facts.container;
  if (scan.span_s <= 0)
    return;
  if (!c.duration_known || c.duration_s > scan.span_s * 1.5 + 1.0) {
    c.duration_s = scan.span_s;
    c.duration_known = true;
  }
}

void probe_streams(Source& source, AVFormatContext* fmt, const ProbeOptions& options,
                   MediaFacts& facts)
{
  ContainerFacts& c = *facts.container;
  const int vi = main_video_stream(fmt);
  const bool indexed = container_has_index(c.demuxer);
  // One pass: with an index, only the first video packet (for its sequence headers); without
  // one, every packet (sizes and timestamps), never decoded.
  const bool whole = !indexed && options.scan_packets;
  const PacketScan scan = whole && c.format == "mpegts" ? scan_ts_without_parsers(source, fmt, vi)
                                                        : scan_packets(fmt, vi, whole);
  for (unsigned i = 0; i < fmt->nb_streams; ++i) {
    AVStream* st = fmt->streams[i];
    const AVMediaType type = st->codecpar->codec_type;
    if (type == AVMEDIA_TYPE_VIDEO && !is_attached_picture(st)) {
      ++facts.video_streams;
      if (int(i) == vi) {
        facts.video.emplace();
        fill_video(fmt, st, scan.header, *facts.video);
      }
    } else if (type == AVMEDIA_TYPE_AUDIO) {
      AudioFacts a;
      fill_audio(st, a);
      if (a.bit_rate == 0 && indexed)
        a.bit_rate = audio_bitrate_from_index(st);
      const bool main = st->disposition & AV_DISPOSITION_DEFAULT;
      facts.audio.insert(main ? facts.audio.begin() : facts.audio.end(), a);
    } else if (type == AVMEDIA_TYPE_SUBTITLE) {
      SubtitleFacts sub;
      fill_subtitle(st, sub);
      facts.subtitles.push_back(sub);
    }
  }
  if (indexed) {
    if (facts.video)
      apply_timing(timing_from_index(fmt->streams[vi]), "index", *facts.video);
    const int64_t end = index_end(fmt);
    if (end > facts.size) {
      facts.truncated = true;
      facts.truncated_detail = "the index points to byte " + std::to_string(end) +
                               " but the file ends at byte " + std::to_string(facts.size);
    }
  } else if (options.scan_packets) {
    if (facts.video)
      apply_timing(scan.video, "packets", *facts.video);
    apply_scanned_duration(scan, facts);
  }
  if (facts.video)
    facts.kind = "video";
  else if (!facts.audio.empty())
    facts.kind = "audio";
}

void probe_media(Source& source, const ProbeOptions& options, MediaFacts& facts)
{
  unsigned char head[4096];
  const size_t head_size = source.read_at(0, head, sizeof head);
  if (probe_image_file(source, head, head_size, facts))
    return;
  const IsoBoxSummary iso = scan_top_level_boxes(
      [&source](int64_t off, unsigned char* buf, size_t n) { return source.read_at(off, buf, n); },
      facts.size);
  if (iso.box_past_eof) {
    facts.truncated = true;
    facts.truncated_detail = "the '" + iso.past_eof_box + "' box ends at byte " +
                             std::to_string(iso.declared_size) + " but the file ends at byte " +
                             std::to_string(facts.size);
  }
  AVFormatContext* raw = nullptr;
  const int err = source.open(&raw, nullptr, nullptr);
  if (err < 0) {
    classify_open_error(err, iso, head, head_size, facts);
    return;
  }
  FormatPtr fmt(raw);
  facts.container.emplace();
  ContainerFacts& c = *facts.container;
  c.demuxer = fmt->iformat->name;
  if (is_image_demuxer(c.demuxer)) {
    // An image format mpcheck does not read (JPEG and PNG were read above). Its stream info
    // would decode the picture, and libjxl prints its errors to stderr: a damaged .jxl wrote
    // 30 lines of "JXL_FAILURE" into the terminal.
    facts.container.reset();
    facts.error = ProbeError{"not-media", "an image format mpcheck does not read"};
    return;
  }
  if (!container_has_index(c.demuxer) && c.demuxer.find("matroska") == std::string::npos) {
    // No global header (TS, PS, DV, AVI...): let libavformat look at the first packets.
    const int r = avformat_find_stream_info(fmt.get(), nullptr);
    if (r < 0 && fmt->nb_streams == 0) {
      facts.container.reset();
      facts.error = ProbeError{r == AVERROR(ENOMEM) ? "oversized" : "corrupt", av_error_string(r)};
      return;
    }
  }
  c.format = container_format(fmt.get(), iso, head, head_size);
  c.brand = iso.major_brand;
  c.compatible_brands = iso.compatible_brands;
  c.size = facts.size;
  if (iso.is_iso && iso.has_moov && iso.has_mdat)
    c.faststart = iso.moov_before_mdat;
  if (fmt->duration != AV_NOPTS_VALUE && fmt->duration > 0) {
    c.duration_s = double(fmt->duration) / AV_TIME_BASE;
    c.duration_known = true;
  }
  if (const AVDictionaryEntry* e = av_dict_get(fmt->metadata, "creation_time", nullptr, 0))
    c.creation_time = e->value;
  if (const AVDictionaryEntry* e = av_dict_get(fmt->metadata, "encoder", nullptr, 0))
    c.encoder = e->value;
  check_stream_truncation(c.format, facts);
  if (c.format == "matroska" || c.format == "webm")
    check_matroska_truncation(head, head_size, facts);
  probe_streams(source, fmt.get(), options, facts);
  if (c.duration_known && c.duration_s > 0)
    c.bit_rate = std::llround(double(facts.size) * 8.0 / c.duration_s);
  if (fmt->nb_streams == 0 || facts.kind.empty()) {
    facts.error = ProbeError{"no-streams", ""};
  }
}

} // namespace

MediaFacts probe(const std::string& path, const ProbeOptions& options)
{
  init_libav();
  MediaFacts facts;
  facts.path = path;
  facts.kind = "";
  if (stat_file(path, facts)) {
    Fd fd{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (fd.fd < 0) {
      const int err = errno;
      facts.error = ProbeError{err == EACCES ? "permission" : "unreadable", std::strerror(err)};
    } else {
      FileSource source(path, fd.fd);
      probe_media(source, options, facts);
    }
  }
  if (facts.kind.empty())
    facts.kind = "unknown";
  return facts;
}

MediaFacts probe_bytes(const unsigned char* data, size_t size, const std::string& name,
                       const ProbeOptions& options)
{
  init_libav();
  MediaFacts facts;
  facts.path = name;
  facts.kind = "";
  facts.size = int64_t(size);
  if (size == 0) {
    facts.error = ProbeError{"empty", ""};
  } else {
    MemorySource source(data, size, name);
    probe_media(source, options, facts);
  }
  if (facts.kind.empty())
    facts.kind = "unknown";
  return facts;
}

std::vector<MediaFacts> probe_all(const std::vector<std::string>& paths, int jobs,
                                  const ProbeOptions& options)
{
  std::vector<MediaFacts> out(paths.size());
  parallel_for(paths.size(), jobs, [&](size_t i) { out[i] = probe(paths[i], options); });
  return out;
}

} // namespace mpcheck::media
