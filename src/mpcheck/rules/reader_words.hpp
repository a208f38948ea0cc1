#pragma once
// The words of the YAML reader's generic problems (a wrong type, an unknown or duplicate key, a
// file that is not UTF-8 ...), shared by rule files and works.yaml. The reader records what it
// expected and what it found; this file says it, in one place per language: Chinese by default,
// English with --lang en. Pure.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/core/lang.hpp"

namespace mpcheck::rules {

// What a value should have been.
enum class Expected {
  string,       // a string
  key,          // a map key (a plain word)
  strings,      // a string or a list of strings
  boolean,      // true or false
  whole_number, // from `min` to `max`
  number,
  seconds,      // 480 or "8min"
  bit_rate,     // 8000000 or "8Mbps"
  loudness,     // -23 (LUFS)
  percentage,   // "10%"
  frame_rate,   // 25 or "30000/1001"
  aspect_ratio, // "16:9"
  pixel_size,   // "1920x1080"
  date,         // 2024-09-05
  text,         // a string, or a map with zh and en
  named,        // what `what` says ("a work (a map)", "a paper size such as A3")
  one_of,       // one of `names`
};

struct Expectation {
  Expectation(Expected k = Expected::string) : kind(k) {}
  // Expected::named: "a work (a map)"; a literal is the same in both languages.
  Expectation(Text named) : kind(Expected::named), what(std::move(named)) {}
  Expectation(const char* named) : Expectation(Text(named)) {}
  // Expected::whole_number from `low` to `high`.
  Expectation(int low, int high) : kind(Expected::whole_number), min(low), max(high) {}
  // Expected::one_of `choices`.
  Expectation(std::vector<std::string> choices) : kind(Expected::one_of), names(std::move(choices))
  {
  }

  Expected kind;
  Text what;                      // Expected::named: what it is
  int min = 0, max = 0;           // Expected::whole_number
  std::vector<std::string> names; // Expected::one_of
};

// What the reader found instead.
struct Found {
  enum class Kind { value, list, map, nothing };
  Kind kind = Kind::nothing;
  std::string value; // Kind::value: the scalar as written
};

// One problem the reader words itself.
struct ReaderProblem {
  enum class Kind {
    mismatch,          // `expected`, `found`
    unknown_word,      // an unknown `word` of kind `what` ("category"), the closest candidate
    unknown_key,       // an unknown key `word`: the closest of `candidates`, else all of them
    unknown_choice,    // a value `word` not among `candidates` (of kind `what`): as above
    duplicate_key,     // key `word`, first at line `number`
    not_utf8,          // the byte `number`
    second_document,   // a second YAML document
    syntax,            // a YAML syntax error; `word` is yaml-cpp's (English) message
    control_character, // a control character in `found`
    missing_zh,        // a {zh, en} map without zh
    chinese_colon,     // key `word` followed by a full-width colon "："
    colon_no_space,    // key `word` followed by ':' and no space
  };
  Kind kind = Kind::mismatch;
  Expectation expected;
  Found found;
  Text what;
  std::string word;
  std::vector<std::string> candidates;
  int number = 0;

  static ReaderProblem of(Kind kind) { return with(kind, {}, {}, "", 0); }
  static ReaderProblem mismatch(Expectation expected, Found found);
  // unknown_word, unknown_key or unknown_choice.
  static ReaderProblem unknown(Kind kind, Text what, std::string word,
                               std::vector<std::string> candidates);
  static ReaderProblem duplicate_key(std::string key, int first_line);
  static ReaderProblem not_utf8(unsigned char byte)
  {
    return with(Kind::not_utf8, {}, {}, "", byte);
  }
  static ReaderProblem syntax(std::string detail) { return with(Kind::syntax, {}, {}, detail, 0); }
  static ReaderProblem control_character(Found found);
  static ReaderProblem colon_slip(std::string key, bool chinese)
  {
    return with(chinese ? Kind::chinese_colon : Kind::colon_no_space, {}, {}, key, 0);
  }

private:
  static ReaderProblem with(Kind kind, Found found, Text what, std::string word, int number);
};

// A key written with a Chinese colon ("creators：张三") or no space after its colon
// ("producer:钟楼"), the slip behind most YAML syntax errors in a file filled in by hand: the
// key, whether the colon is Chinese, and the 1-based column (in characters) of the colon.
struct ColonSlip {
  std::string key;
  bool chinese = false;
  int column = 0;
};
std::optional<ColonSlip> colon_slip(std::string_view line);

// The problem as a sentence in `lang` (without FILE:LINE:COL).
std::string reader_message(const ReaderProblem& problem, Lang lang);

// "a list", "'abc'" (English) or "一个列表", "'abc'" (Chinese).
std::string found_words(const Found& found, Lang lang);
// "a string", "a whole number from 1 to 100" / "一段文字", "1 到 100 之间的整数".
std::string expected_words(const Expectation& expected, Lang lang);

} // namespace mpcheck::rules
