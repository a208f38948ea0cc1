// core/submission.cpp: the kind tables (which files are videos, documents, courseware) and
// which files take part in work.duplicate.
#include "mpcheck/core/submission.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace mpcheck;

TEST_CASE("core::kind_from_extension sorts files by what they are for")
{
  CHECK(kind_from_extension(".mp4") == FileKind::video);
  CHECK(kind_from_extension(".mts") == FileKind::video);
  CHECK(kind_from_extension(".m4a") == FileKind::audio);
  CHECK(kind_from_extension(".heic") == FileKind::image);
  CHECK(kind_from_extension(".wps") == FileKind::document);
  CHECK(kind_from_extension(".xlsx") == FileKind::document);
  CHECK(kind_from_extension(".dps") == FileKind::courseware);
  CHECK(kind_from_extension(".pptx") == FileKind::courseware);
  CHECK(kind_from_extension(".jpg") == FileKind::image);
  CHECK(kind_from_extension(".docx") == FileKind::document);
  CHECK(kind_from_extension(".exe") == FileKind::other);
  CHECK(kind_from_extension(".xyz") == FileKind::other);
  CHECK(kind_from_extension("") == FileKind::other);
}

TEST_CASE("core::kind_name, is_probed_kind, is_document_kind")
{
  CHECK(std::string(kind_name(FileKind::video)) == "video");
  CHECK(std::string(kind_name(FileKind::courseware)) == "courseware");
  CHECK(is_probed_kind(FileKind::video));
  CHECK(is_probed_kind(FileKind::audio));
  CHECK(is_probed_kind(FileKind::image));
  CHECK_FALSE(is_probed_kind(FileKind::document));
  CHECK_FALSE(is_probed_kind(FileKind::junk));
  CHECK(is_document_kind(FileKind::document));
  CHECK(is_document_kind(FileKind::courseware));
  CHECK_FALSE(is_document_kind(FileKind::video));
}

TEST_CASE("core::formats_for_extension: what a document named so may really be")
{
  CHECK(formats_for_extension(".docx") == std::vector<std::string>{"docx"});
  // A .doc may be the old binary format, a renamed .docx, or RTF that Word saves as .doc.
  CHECK(formats_for_extension(".doc") == std::vector<std::string>{"ole2", "docx", "rtf"});
  CHECK(formats_for_extension(".DOCX") == std::vector<std::string>{"docx"}); // any case
  CHECK(formats_for_extension(".et") == std::vector<std::string>{"ole2", "xlsx"});
  CHECK(formats_for_extension(".mp4").empty());
}

TEST_CASE("core::is_duplicate_candidate: videos, sound and pictures that are not empty")
{
  SubmissionFile f;
  f.kind = FileKind::video;
  f.size = 10;
  CHECK(is_duplicate_candidate(f));
  f.kind = FileKind::image;
  CHECK(is_duplicate_candidate(f));
  f.size = 0;
  CHECK_FALSE(is_duplicate_candidate(f));
  f.size = 10;
  f.kind = FileKind::document;
  CHECK_FALSE(is_duplicate_candidate(f));
}

TEST_CASE("core::kind_words says a file's kind in words, never a code")
{
  CHECK(kind_words(FileKind::document).zh == "文档");
  CHECK(kind_words(FileKind::document).en == "document");
  CHECK(kind_words(FileKind::courseware).zh == "课件");
  CHECK(kind_words(FileKind::image).zh == "图片");
  CHECK(kind_words(FileKind::video).zh == "视频");
  CHECK(kind_words(FileKind::other).zh == "其他文件");
}
