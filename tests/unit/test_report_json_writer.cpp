// report/json_writer.cpp: a document streamed piece by piece prints exactly what nlohmann's dump
// of the whole tree prints — pretty and compact, escapes, nesting, empty containers.
#include "mpcheck/report/json_writer.hpp"

#include <doctest/doctest.h>

using namespace mpcheck;
using report::Json;
using report::JsonWriter;

namespace {

// Streams `v` container by container down to `split` levels; below that, each value whole.
void stream(JsonWriter& out, const Json& v, int split)
{
  if (split <= 0 || !v.is_structured()) {
    out.value(v);
    return;
  }
  if (v.is_object()) {
    out.begin_object();
    for (const auto& [k, item] : v.items()) {
      out.key(k);
      stream(out, item, split - 1);
    }
    out.end_object();
  } else {
    out.begin_array();
    for (const auto& item : v)
      stream(out, item, split - 1);
    out.end_array();
  }
}

std::string streamed(const Json& v, JsonWriter::Style style, int split)
{
  report::StringSink sink;
  JsonWriter out(sink, style);
  stream(out, v, split);
  out.end_document();
  CHECK(out.depth() == 0);
  return sink.text;
}

// Every way of splitting `v` gives nlohmann's text, in both styles.
void check_same(const Json& v)
{
  const std::string pretty = v.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  const std::string compact = v.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  for (int split = 0; split <= 6; ++split) {
    CAPTURE(split);
    CHECK(streamed(v, JsonWriter::Style::pretty, split) == pretty);
    CHECK(streamed(v, JsonWriter::Style::compact, split) == compact);
  }
}

// A report-like document: nested objects and arrays, empty ones, every kind of scalar.
Json sample()
{
  Json file{{"path", "作品/星火 #1.mp4"},
            {"kind", "video"},
            {"size", int64_t{5'000'000'000}},
            {"sha256", nullptr},
            {"facts",
             {{"duration_s", 180.04},
              {"audio_streams", Json::array()},
              {"subtitles", Json::array({Json{{"index", 2}, {"codec", "mov_text"}}})},
              {"image", Json::object()},
              {"truncated", false}}}};
  return Json{{"schema", "mpcheck-report/1"},
              {"summary", {{"files", 2}, {"error", -1}, {"ratio", 0.1}}},
              {"works", Json::array()},
              {"files", Json::array({file, file, Json::array({Json::array(), 1, true})})},
              {"findings", Json::array()},
              {"empty", Json::object()}};
}

} // namespace

TEST_CASE("report::JsonWriter: the text of the whole tree, however it is streamed")
{
  check_same(sample());
  check_same(Json::array({sample(), sample()}));
  check_same(Json::object());
  check_same(Json::array());
  check_same(Json("top-level string"));
  check_same(Json(42));
  check_same(nullptr);
}

TEST_CASE("report::JsonWriter: strings and keys escaped as nlohmann does, invalid UTF-8 replaced")
{
  const std::string hostile = "q\"b\\s/\b\f\n\r\t\x01\x1b[31m\x7f 中文 \xff\xfe end";
  Json doc{{hostile, hostile},
           {"list", Json::array({hostile, std::string("\xe4\xb8"), std::string("\xc3\x28")})},
           {"nested", {{"k\ney", {{"deeper", hostile}}}}}};
  check_same(doc);
  const std::string text = streamed(doc, JsonWriter::Style::pretty, 3);
  CHECK(text.find("\\u001b[31m") != std::string::npos);
  CHECK(text.find("\\n") != std::string::npos);
  CHECK(text.find("\xef\xbf\xbd") != std::string::npos); // U+FFFD for the bad bytes
  CHECK(text.find('\xff') == std::string::npos);
  CHECK(Json::parse(text)["nested"]["k\ney"]["deeper"].is_string());
}

TEST_CASE("report::JsonWriter: pretty nesting indents by two spaces a level")
{
  report::StringSink sink;
  JsonWriter out(sink);
  out.begin_object();
  out.member("a", 1);
  out.key("b");
  out.begin_array();
  out.value(Json{{"c", Json::array({1, 2})}});
  out.begin_array();
  out.end_array();
  out.end_array();
  out.key("e");
  out.begin_object();
  out.end_object();
  out.end_object();
  out.end_document();
  CHECK(sink.text == "{\n"
                     "  \"a\": 1,\n"
                     "  \"b\": [\n"
                     "    {\n"
                     "      \"c\": [\n"
                     "        1,\n"
                     "        2\n"
                     "      ]\n"
                     "    },\n"
                     "    []\n"
                     "  ],\n"
                     "  \"e\": {}\n"
                     "}\n");
}

TEST_CASE("report::JsonWriter: compact style is one line; each document ends with a new line")
{
  report::StringSink sink;
  JsonWriter out(sink, JsonWriter::Style::compact);
  for (int i = 0; i < 2; ++i) {
    out.begin_object();
    out.member("i", i);
    out.key("l");
    out.begin_array();
    out.value("x");
    out.value(Json::object());
    out.end_array();
    out.end_object();
    out.end_document();
  }
  CHECK(sink.text == "{\"i\":0,\"l\":[\"x\",{}]}\n{\"i\":1,\"l\":[\"x\",{}]}\n");
}

TEST_CASE("report::JsonWriter: the pieces reach the sink as they are written, not at the end")
{
  struct Counting final : report::Sink {
    size_t pieces = 0, bytes = 0;
    void write(std::string_view text) override
    {
      ++pieces;
      bytes += text.size();
    }
  } sink;
  JsonWriter out(sink);
  out.begin_array();
  for (int i = 0; i < 1000; ++i)
    out.value(Json{{"i", i}});
  CHECK(sink.pieces == 1001); // the array's opening, then one piece per element
  const size_t before_end = sink.bytes;
  out.end_array();
  CHECK(sink.bytes == before_end + 2); // "\n]"
}

TEST_CASE("report::dump_json: nlohmann's dump with the report's settings")
{
  CHECK(report::dump_json(Json{{"a", Json::array({1})}}, true) == "{\n  \"a\": [\n    1\n  ]\n}");
  CHECK(report::dump_json(Json{{"a", Json::array({1})}}, false) == "{\"a\":[1]}");
  CHECK(report::dump_json(Json(std::string("\xff")), false) == "\"\xef\xbf\xbd\"");
}
