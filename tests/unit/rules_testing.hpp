#pragma once
// Rule files from a few lines, for the tests of rules/: the loader and lint.

#include <string>

#include "mpcheck/rules/loader.hpp"

namespace {

// A rule file of `body` after the two required keys (which take lines 1 and 2).
std::string with_head(const std::string& body)
{
  return "id: t\ntitle: 测试\n" + body;
}

// In English (--lang en), as most messages these tests compare are.
mpcheck::rules::RuleSet load(const std::string& body)
{
  return mpcheck::rules::load_rules_text(with_head(body), "t.yaml", mpcheck::Lang::en);
}

} // namespace
