#include "mpcheck/core/system_errors.hpp"

#include <cerrno>

#include <doctest/doctest.h>

TEST_CASE("core::system_error_text says errno in Chinese, strerror in English")
{
  using mpcheck::system_error_text;
  CHECK(system_error_text(ENOENT).zh == "文件或所在的文件夹不存在");
  CHECK(system_error_text(ENOENT).en == "No such file or directory");
  CHECK(system_error_text(ENOSPC).zh == "磁盘已满");
  CHECK(system_error_text(EEXIST).zh == "同名文件已存在");
  CHECK(system_error_text(EPROTO).zh.starts_with("系统错误（"));
}
