#include "mpcheck/naming/junk.hpp"

#include <doctest/doctest.h>

using mpcheck::naming::is_junk;

TEST_CASE("naming::is_junk")
{
  CHECK(is_junk("Thumbs.db"));
  CHECK(is_junk("作品/Thumbs.db"));
  CHECK(is_junk("作品/THUMBS.DB"));
  CHECK(is_junk("desktop.ini"));
  CHECK(is_junk(".DS_Store"));
  CHECK(is_junk("作品/._奋斗者之歌-微视频-钟楼区委组织部.mp4"));
  CHECK(is_junk("__MACOSX/作品/a.mp4"));
  CHECK(is_junk("$RECYCLE.BIN/S-1-5-21/desktop.ini"));
  CHECK(is_junk("System Volume Information/IndexerVolumeGuid"));
  CHECK(is_junk("表格/~$报名表.docx"));
  CHECK_FALSE(is_junk("作品/奋斗者之歌-微视频-钟楼区委组织部.mp4"));
  CHECK_FALSE(is_junk("Thumbs.db.mp4"));
  CHECK_FALSE(is_junk("my.DS_Store.txt"));
  CHECK_FALSE(is_junk(""));
}

TEST_CASE("naming::is_pack_metadata")
{
  CHECK(mpcheck::naming::is_pack_metadata("manifest-sha256.txt"));
  CHECK(mpcheck::naming::is_pack_metadata("mpcheck-report.txt"));
  CHECK(mpcheck::naming::is_pack_metadata(".mpcheck-pack-state"));
  CHECK_FALSE(mpcheck::naming::is_pack_metadata("作品/manifest-sha256.txt"));
  CHECK(is_junk("作品/.mpcheck-tmp-奋斗者之歌.mp4"));
}

TEST_CASE("naming::in_fix_originals: below the folder fix keeps originals in, not the file itself")
{
  using mpcheck::naming::in_fix_originals;
  CHECK(in_fix_originals("原始文件/党课.mp4"));
  CHECK(in_fix_originals("素材/原始文件/党课.mp4"));
  CHECK(in_fix_originals("原始文件/材料/作品/党课.mp4"));
  CHECK_FALSE(in_fix_originals("原始文件")); // a file of that name
  CHECK_FALSE(in_fix_originals("素材/原始文件.mp4"));
  CHECK_FALSE(in_fix_originals("非原始文件/党课.mp4"));
  CHECK_FALSE(in_fix_originals("作品/党课.mp4"));
}
