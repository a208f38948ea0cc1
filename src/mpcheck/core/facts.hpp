#pragma once
// Facts about one file as mpcheck sees it: what probing found, before any rule is applied.
// Plain data, no I/O. media/ fills them, rules/ judges them, report/ prints them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mpcheck/util/rational.hpp"

namespace mpcheck {

// Why a file could not be probed. `code` is stable and machine-readable; `detail` is for
// developers (never shown raw to a user without the code's plain-language message).
struct ProbeError {
  std::string code;   // see probe_error_codes() in core/messages.hpp
  std::string detail; // e.g. the libav error, for --verbose and JSON
};

struct ContainerFacts {
  std::string format;  // real format: mp4, mov, 3gp, matroska, webm, mpegts, avi, mxf, dv, ...
  std::string demuxer; // libavformat's name for the demuxer that read it
  std::string brand;   // ISO BMFF major brand ("isom", "qt  " trimmed to "qt"), empty otherwise
  std::vector<std::string> compatible_brands;
  double duration_s = 0; // as a player shows it (edit lists honoured); 0 when unknown
  bool duration_known = false;
  int64_t bit_rate = 0;          // overall: file bits over duration, bit/s; 0 when unknown
  int64_t size = 0;              // bytes on disk
  std::optional<bool> faststart; // ISO BMFF: index (moov) precedes media data (mdat)
  std::string creation_time;     // as the container states it (ISO 8601, UTC), "" when absent
  std::string encoder;           // the writing application, when stated
};

struct VideoFacts {
  int index = -1;            // stream index in the container
  std::string codec;         // libavcodec name: h264, hevc, mpeg2video, ...
  std::string profile;       // e.g. "High", "Main 10"; empty when unknown
  int width = 0, height = 0; // coded picture size
  Rational sar;              // sample aspect ratio; 1:1 when the stream says nothing
  Rational dar;              // display aspect ratio, reduced (16:9)
  int rotation = 0;          // degrees clockwise a player turns the picture: 0, 90, 180, 270
  int display_width = 0, display_height = 0; // as shown: SAR applied, then rotation
  Rational frame_rate;                       // nominal (the stream's base rate, r_frame_rate-like)
  Rational avg_frame_rate;                   // frames over duration
  std::optional<bool> constant_frame_rate;   // from packet timestamps; nullopt when too few
  double frame_duration_min_s = 0, frame_duration_max_s = 0;
  std::string scan;    // progressive, tff, bff, interlaced (order unknown), unknown
  std::string pix_fmt; // e.g. yuv420p
  int bit_depth = 0;
  // Colour as the stream or container states it (libavutil names: bt709, bt2020,
  // arib-std-b67 = HLG, smpte2084 = PQ, bt2020nc); "" when unspecified.
  std::string color_primaries, color_transfer, color_matrix;
  int64_t bitrate_measured = 0; // bit/s: sum of video packet sizes over the video duration
  int64_t bitrate_peak = 0;     // bit/s: largest sum over any 1-second window
  int64_t bitrate_declared = 0; // what the header claims, 0 when absent
  std::string bitrate_source;   // "index" (no data read), "packets" (demuxed), "" (unknown)
  int64_t frame_count = 0;
  double duration_s = 0;                // of this stream
  std::vector<int32_t> kbps_per_second; // the bit-rate curve (kbit/s in each second), for the
                                        // HTML report; not in the JSON
};

struct AudioFacts {
  int index = -1;
  std::string codec;
  int channels = 0;
  int sample_rate = 0;
  int64_t bit_rate = 0;
  std::string language;
};

struct SubtitleFacts {
  int index = -1;
  std::string codec;
  std::string language;
};

struct ImageFacts {
  std::string format; // jpeg, png
  int width = 0, height = 0;
  std::string
      color_mode; // rgb, cmyk (YCCK-stored JPEGs too), grey, rgba, grey-alpha, palette, unknown
  int components = 0;
  double dpi_x = 0, dpi_y = 0; // 0 when the file says nothing
  std::string dpi_source;      // "exif", "jfif", "photoshop", "png-phys", "" (none)
  // The texts of the QR codes in the picture; nullopt when the pixels were not decoded
  // (check --fast): not decoded is not "no QR code".
  std::optional<std::vector<std::string>> qr_codes;
  std::optional<ProbeError> qr_error; // the pixels could not all be decoded (media/qr.hpp)
  // The share of the picture (0–1) covered by the bounding box of the largest code read (the
  // code's modules, not its white margin); 0 when none was read. Tells a QR image (most of
  // the picture) from a poster that carries a code (docs/qr.md).
  double qr_area = 0;
};

// What a document (form, text, courseware) really is, from its bytes, not its extension.
struct DocumentFacts {
  std::string format;  // docx, pptx, xlsx, doc/ppt/xls/wps/dps (OLE2 "ole2"), pdf, odt, odp, zip,
                       // rtf, text, unknown
  bool valid = false;  // opens as that format (a .docx whose zip holds word/document.xml)
  std::string problem; // "" or why not: not-zip, no-main-part, corrupt-zip, empty
};

// What decoding a sample of the pictures and all of the sound learnt (the deep checks).
// Filled by media::analyze; absent under --fast or for files that are not video.
struct SilenceInterval {
  double start_s = 0, end_s = 0;
};

// A small colour picture of a sampled frame (JPEG bytes), for the HTML report.
struct Thumbnail {
  double time_s = 0;
  int width = 0, height = 0;
  std::string jpeg;
};

struct DeepFacts {
  std::string error; // "" or why the analysis could not run: no-decoder, open-failed

  // Pictures: sampled frames (keyframes where the index has them), short bursts of
  // consecutive frames for the interlace measure, and the first and last seconds.
  int frames_decoded = 0; // pictures decoded in all (the cost of the analysis)
  int samples = 0;        // sampled pictures kept for comparison
  // Interlace measure over the bursts (libavfilter idet, multi-frame verdicts).
  int idet_tff = 0, idet_bff = 0, idet_progressive = 0, idet_undetermined = 0;
  std::string scan_content;    // progressive, interlaced, unknown (too few decided frames)
  double black_lead_s = 0;     // black from the start to the first picture that is not black
  double black_tail_s = 0;     // black from the last picture that is not to the end
  bool all_black = false;      // no picture looked at was anything but black
  int black_samples = 0;       // sampled pictures that are black
  int video_decode_errors = 0; // pictures the decoder flagged as corrupt, or packets it refused

  // Sound: the main audio stream decoded whole (media/loudness.hpp, media/true_peak.hpp).
  bool audio_measured = false;
  double loudness_lufs = -70; // integrated loudness; -70 (the absolute gate) for silence
  double loudness_range_lu = 0;
  double true_peak_dbtp = -144;          // dBTP; -144 for digital silence
  std::vector<SilenceInterval> silences; // stretches of >= 2 s below the silence level
  double audio_duration_s = 0;           // decoded sound
  int audio_decode_errors = 0;

  std::vector<Thumbnail> thumbnails; // only when asked for (the HTML report); not in the JSON
};

// How the two versions of a programme compare (subtitled and clean), from pictures sampled
// at the same times in both. Filled by media::compare_pair.
struct PairComparison {
  int samples = 0;              // pictures compared (same time, same size)
  bool size_differs = false;    // the sampled pictures differ in size
  double psnr_outside_band = 0; // dB over all samples, rows above the subtitle band
  // The subtitle band found from the data: rows whose differences stand out from those of
  // the picture above (rows of the sampled pictures); band_top = -1 when there is none.
  int band_top = -1, band_bottom = -1, height = 0;
  int band_samples = 0; // samples whose band differs (a cue on screen in one version)
  // Edge density inside the band over those samples: burned-in text adds edges.
  double edges_subtitled = 0, edges_clean = 0;
  double identical_share = 0; // share of samples that are the same picture (PSNR >= 50 dB)
};

// Everything probing learnt about one file.
struct MediaFacts {
  std::string path;
  int64_t size = 0;
  std::string kind; // video, audio, image, unknown
  std::optional<ContainerFacts> container;
  std::optional<VideoFacts> video; // the main video stream (default / largest)
  int video_streams = 0;
  std::vector<AudioFacts> audio; // every audio stream, main first
  std::vector<SubtitleFacts> subtitles;
  std::optional<ImageFacts> image;
  std::optional<DocumentFacts> document;
  std::optional<DeepFacts> deep; // decoded pictures and sound; absent under --fast
  bool truncated = false;        // index points past the end of the file
  std::string truncated_detail;
  std::optional<ProbeError> error; // unreadable: the file could not be probed
};

} // namespace mpcheck
