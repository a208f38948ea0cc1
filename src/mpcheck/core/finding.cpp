#include "mpcheck/core/finding.hpp"

namespace mpcheck {

const char* severity_name(Severity s)
{
  switch (s) {
  case Severity::error:
    return "error";
  case Severity::warning:
    return "warning";
  case Severity::manual:
    return "manual";
  case Severity::info:
    return "info";
  }
  return "error";
}

} // namespace mpcheck
