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
  int64_t bitrate_measured = 0; // bit/s: sum of video packet sizes over the video duration
  int64_t bitrate_peak = 0;     // bit/s: largest sum over any 1-second window
  int64_t bitrate_declared = 0; // what the header claims, 0 when absent
  std::string bitrate_source;   // "index" (no data read), "packets" (demuxed), "" (unknown)
  int64_t frame_count = 0;
  double duration_s = 0; // of this stream
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
};

// What a document (form, text, courseware) really is, from its bytes, not its extension.
struct DocumentFacts {
  std::string format;  // docx, pptx, xlsx, doc/ppt/xls/wps/dps (OLE2 "ole2"), pdf, odt, odp, zip,
                       // rtf, text, unknown
  bool valid = false;  // opens as that format (a .docx whose zip holds word/document.xml)
  std::string problem; // "" or why not: not-zip, no-main-part, corrupt-zip, empty
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
  bool truncated = false; // index points past the end of the file
  std::string truncated_detail;
  std::optional<ProbeError> error; // unreadable: the file could not be probed
};

} // namespace mpcheck
