#include "mpcheck/cli/cli.hpp"

int main(int argc, char** argv)
{
  return mpcheck::cli::main(argc, argv);
}
