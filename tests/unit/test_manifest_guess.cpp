#include "mpcheck/manifest/guess.hpp"

#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

using mpcheck::manifest::yaml_quote;

TEST_CASE("manifest::yaml_quote writes one line that YAML reads back as the same text")
{
  CHECK(yaml_quote("片名") == "\"片名\"");
  CHECK(yaml_quote("a \"b\" c\\d") == "\"a \\\"b\\\" c\\\\d\"");
  CHECK(yaml_quote("第一行\n第二行") == "\"第一行\\n第二行\"");
  for (const std::string name :
       {std::string("片名\n-微视频-单位.mp4"), std::string("tab\there"), std::string("cr\rx"),
        std::string("esc\x1b[2J"), std::string("quote\"back\\slash"),
        std::string("# not a comment"), std::string("- not a list: {x}")}) {
    const std::string quoted = yaml_quote(name);
    CHECK(quoted.find('\n') == std::string::npos);
    CHECK(YAML::Load("title: " + quoted)["title"].as<std::string>() == name);
  }
}
