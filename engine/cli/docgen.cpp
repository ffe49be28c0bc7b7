// lkjip-docgen: writes the man page or the bash completion generated from the command specs
// (spec.cpp), at build time. Usage: lkjip-docgen man|bash OUTPUT
#include <cstdio>
#include <fstream>
#include <string>

#include "cli/help.h"

int main(int argc, char** argv) {
  const std::string what = argc == 3 ? argv[1] : "";
  if (what != "man" && what != "bash") {
    std::fprintf(stderr, "usage: lkjip-docgen man|bash OUTPUT\n");
    return 2;
  }
  const std::string text =
      what == "man" ? lkjip::cli::man_page(LKJIP_VERSION) : lkjip::cli::bash_completion();
  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::fprintf(stderr, "lkjip-docgen: cannot write %s\n", argv[2]);
    return 1;
  }
  return 0;
}
