#include "mpcheck/core/system_errors.hpp"

#include <cerrno>
#include <cstring>

namespace mpcheck {

namespace {

const char* chinese(int err)
{
  switch (err) {
  case ENOENT:
    return "文件或所在的文件夹不存在";
  case ENOTDIR:
    return "路径中有一段不是文件夹";
  case EACCES:
  case EPERM:
    return "没有权限";
  case ENOSPC:
  case EDQUOT:
    return "磁盘已满";
  case EROFS:
    return "磁盘是只读的";
  case EISDIR:
    return "这是一个文件夹";
  case EEXIST:
    return "同名文件已存在";
  case ENOTEMPTY:
    return "文件夹不是空的";
  case EXDEV:
    return "不能跨磁盘改名";
  case EBUSY:
    return "文件正被占用";
  case ENAMETOOLONG:
    return "名字太长";
  case EIO:
    return "读写出错（磁盘或U盘可能已损坏）";
  case EINVAL:
    return "名字或参数不被接受";
  case EMFILE:
  case ENFILE:
    return "打开的文件太多";
  case ENOMEM:
    return "内存不足";
  case ELOOP:
    return "符号链接循环";
  default:
    return nullptr;
  }
}

} // namespace

Text system_error_text(int err)
{
  const std::string english = std::strerror(err);
  const char* zh = chinese(err);
  return {zh ? std::string(zh) : "系统错误（" + english + "）", english};
}

} // namespace mpcheck
