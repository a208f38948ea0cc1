#pragma once
// The submission as the checks see it: every file with its kind, probed facts and parsed
// name, grouped into works. Built from the walked tree and the probe results; plain data.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/core/facts.hpp"
#include "mpcheck/core/lang.hpp"
#include "mpcheck/naming/work_name.hpp"

namespace mpcheck {

enum class FileKind { video, audio, image, document, courseware, junk, other };

// "video", "audio", "image", "document", "courseware", "junk", "other".
const char* kind_name(FileKind kind);

// The kind in words a clerk reads: 视频/video, 音频/audio file, 图片/picture, 文档/document, …
Text kind_words(FileKind kind);

// The kind a file's extension promises (".MP4" → video, ".pptx" → courseware).
FileKind kind_from_extension(std::string_view extension);

// Whether a file of this kind is probed (media and images) or read as a document.
bool is_probed_kind(FileKind kind);
bool is_document_kind(FileKind kind);

// The formats a file with this extension may really be in, e.g. ".docx" → {"docx"},
// ".doc" → {"ole2", "docx", "rtf"} (Word opens all three), ".wps" → {"ole2"}.
std::vector<std::string> formats_for_extension(std::string_view extension);

struct SubmissionFile {
  std::string path;     // relative to the checked root, '/'-separated, NFC, valid UTF-8
  std::string raw_path; // relative, as the bytes on disk (maybe NFD, maybe not UTF-8)
  std::string abs_path; // what to open
  std::string name;     // the last component of `path`
  std::string folder; // the folder below the submission root it sits in ("作品"); "" at the root
  std::string extension; // lowercase, with its dot; "" when none
  FileKind kind = FileKind::other;
  int64_t size = 0;
  MediaFacts facts; // media, image or document facts; empty for junk and others
  std::optional<naming::ParseResult> work_name;      // video, audio and image files
  std::optional<naming::DocumentName> document_name; // documents and courseware
  int episode = 0;                                   // 第N集 found in the title; 0 when none
  int work = -1; // index into Submission::works; -1 when it belongs to none
  // SHA-256 of the whole file (hex), computed only when the drive's manifest lists the file,
  // or when another video, audio or image file has the same size and sampled digest
  // (gather/duplicates.hpp); "" otherwise. Each file is read for it at most once.
  std::string sha256;
  // A symlink to another file inside the checked folder: where it leads, relative like `path`
  // (what is checked is that file); "" for a file that is no link.
  std::string link_target;
};

struct Work {
  std::string title;    // without variant or episode marks
  std::string category; // the rule set's spelling when known
  std::string unit;
  std::vector<int> files;     // media and image files of the work (indices into Submission::files)
  std::vector<int> documents; // its texts (解说词, 课件)
  int episodes = 0;           // distinct episode numbers; 0 when not a series
};

// The two versions of a programme (有字幕 and 无字幕) and how their pictures compare.
struct VersionPair {
  int subtitled = -1, clean = -1; // indices into Submission::files
  int work = -1;
  bool compared = false; // both were decoded (not under --fast)
  PairComparison comparison;
};

// What one PATH of `check` is (docs/submissions.md): a drive — a folder, the whole submission with
// its layout, forms, quotas and manifest — or loose files — the files given on the command line,
// each checked for its own media, name and content, and the two versions of a work among
// them compared as a pair; nothing about folders, forms, quotas or a missing twin.
enum class Scope { drive, files };

// One line of the drive's manifest-sha256.txt (pack writes it; `sha256sum -c` reads it).
struct ManifestEntry {
  std::string path;   // relative to the drive's root, as listed (unescaped)
  std::string sha256; // 64 lower-case hex digits
  int line = 0;       // 1-based
  int file = -1;      // the listed file (index into Submission::files); -1 when absent
};

// A line of the manifest that does not say which file has which digest.
struct ManifestProblem {
  int line = 0; // 1-based; 0 for the whole file (too large, unreadable)
  // syntax, outside (a path leaving the drive), duplicate, too-large, unreadable
  std::string reason;
};

// The drive manifest's name, at the top of the drive.
inline constexpr std::string_view kDriveManifestName = "manifest-sha256.txt";

// A manifest larger than this is not read (a drive of 100 000 files needs ~15 MB).
inline constexpr int64_t kDriveManifestMaxBytes = int64_t{64} << 20;

struct DriveManifest {
  std::vector<ManifestEntry> entries;
  std::vector<ManifestProblem> problems;
};

// What an earlier `mpcheck pack` left at the top of the drive.
struct PackTraces {
  bool manifest = false;   // manifest-sha256.txt: pack's last step, written when it finished
  bool state_file = false; // .mpcheck-pack-state: written from pack's first copy on
};

struct TreeProblem {
  std::string path;  // relative, as `SubmissionFile::path`
  std::string error; // permission, loop, symlink-dir, symlink-outside, too-deep, not-found,
                     // unreadable
  std::string link;  // symlink-outside: where the link leads (absolute; "" when nowhere)
};

struct Submission {
  Scope scope = Scope::drive;
  std::string label;                // the PATH as given (loose files: their PATHs, ", ")
  std::string root;                 // the checked root, as given
  std::string base;                 // the submission root inside it: "" or "钟楼区委组织部/"
  std::vector<std::string> folders; // folders directly below the submission root
  std::vector<SubmissionFile> files;
  std::vector<Work> works;
  std::vector<VersionPair> pairs; // every subtitled/clean pair of a work, episode by episode
  std::vector<TreeProblem> problems;
  PackTraces pack;                       // drives only
  std::optional<DriveManifest> manifest; // when the drive carries manifest-sha256.txt
};

// True when a file takes part in work.duplicate: videos, audio and images, not empty.
bool is_duplicate_candidate(const SubmissionFile& file);

} // namespace mpcheck
