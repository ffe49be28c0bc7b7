#include <cstdio>

int main() {
  std::puts("lkjip " LKJIP_VERSION);
  return 0;
}
