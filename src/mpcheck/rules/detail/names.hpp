#pragma once
// Internal to the loader: the vocabularies a rule file may use (containers, codecs, image
// formats, file kinds) and the readers that check a value against them.

#include <string>
#include <utility>
#include <vector>

#include "mpcheck/rules/yaml_reader.hpp"

namespace mpcheck::rules::detail {

// A vocabulary: canonical names and aliases that mean one of them ("mkv" → "matroska").
struct Vocabulary {
  Text what; // "container", for messages
  std::vector<std::string> names;
  std::vector<std::pair<std::string, std::string>> aliases;
};

const Vocabulary& containers();    // mp4, mov, matroska, mpegts, ... (libavformat-style names)
const Vocabulary& video_codecs();  // h264, hevc, mpeg2video, ... (libavcodec names)
const Vocabulary& image_formats(); // jpeg, png, ...
const Vocabulary& color_modes();   // cmyk, rgb, grey
const Vocabulary& work_kinds();    // video, audio, image, document

// The canonical names of every item of `entry` (a name or a list), failing at the first one
// outside `vocabulary` with "unknown container 'mpeg4', did you mean 'mp4'?".
std::vector<std::string> canonical_names(const YamlReader& reader, const Entry& entry,
                                         const Vocabulary& vocabulary);

// File extensions of `entry`, lowercased and with a leading dot: "MP4" → ".mp4".
std::vector<std::string> extensions(const YamlReader& reader, const Entry& entry);

} // namespace mpcheck::rules::detail
