// lkjip-bench: prints the speed and memory figures of issue 8, measured on whole processes of
// the real binary (what a user waits for). Not part of ctest: run build/lkjip-bench.
//   lkjip-bench [INPUT.toml] [RUNS]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Sample {
  double seconds = 0;
  long max_rss_kb = 0;
  int status = -1;
};

/// Runs argv as a child process; wall time and the child's peak resident set size.
Sample run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    execv(argv[0], argv.data());
    _exit(127);
  }
  Sample s;
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  s.max_rss_kb = ru.ru_maxrss;
  s.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return s;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::string bin = LKJIP_BIN;
  const std::string input = argc > 1 ? argv[1] : std::string(LKJIP_SOURCE_DIR) + "/input/megaluh-2024.toml";
  const int runs = argc > 2 ? std::atoi(argv[2]) : 21;
  const fs::path tmp = fs::temp_directory_path() / ("lkjip-bench-" + std::to_string(getpid()));
  fs::create_directories(tmp);
  const std::string out = (tmp / "out.pdf").string();

  std::vector<double> times;
  long rss = 0;
  for (int i = 0; i < runs; ++i) {
    const Sample s = run({bin, "render", input, "-o", out});
    if (s.status != 0) {
      std::fprintf(stderr, "lkjip-bench: render failed (exit %d)\n", s.status);
      return 1;
    }
    times.push_back(s.seconds);
    rss = std::max(rss, s.max_rss_kb);
  }
  std::string pages_line;
  if (FILE* p = popen(("pdfinfo '" + out + "' | sed -n 's/^Pages: *//p'").c_str(), "r")) {
    char buf[64] = {0};
    if (fgets(buf, sizeof buf, p)) pages_line = buf;
    pclose(p);
  }
  const int pages = std::atoi(pages_line.c_str());
  const double med = median(times);
  std::printf("single report: %s\n", input.c_str());
  std::printf("  runs %d, median wall %.1f ms, min %.1f ms, peak RSS %.1f MB, %d pages, %.0f pages/s\n",
              runs, med * 1000, *std::min_element(times.begin(), times.end()) * 1000,
              rss / 1024.0, pages, med > 0 ? pages / med : 0.0);

  // Bulk: 21 copies of the report rendered by one process with --jobs 2.
  const fs::path bulk_in = tmp / "in";
  fs::create_directories(bulk_in);
  const fs::path src = fs::path(input).parent_path();
  for (int i = 0; i < 21; ++i) {
    const fs::path dst = bulk_in / ("unit" + std::to_string(i) + ".toml");
    fs::copy_file(input, dst, fs::copy_options::overwrite_existing);
  }
  // Descriptions refer to images relative to their folder: mirror the input's folder contents.
  for (const auto& e : fs::directory_iterator(src))
    if (e.is_directory())
      fs::copy(e.path(), bulk_in / e.path().filename(),
               fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::vector<double> bulk_times;
  long bulk_rss = 0;
  for (int i = 0; i < 5; ++i) {
    const Sample s = run({bin, "render", bulk_in.string(), "--out-dir", (tmp / "out").string(),
                          "--jobs", "2"});
    if (s.status != 0) {
      std::fprintf(stderr, "lkjip-bench: bulk render failed (exit %d)\n", s.status);
      return 1;
    }
    bulk_times.push_back(s.seconds);
    bulk_rss = std::max(bulk_rss, s.max_rss_kb);
  }
  std::printf("bulk: 21 reports, --jobs 2: median wall %.3f s, peak RSS %.1f MB\n",
              median(bulk_times), bulk_rss / 1024.0);
  fs::remove_all(tmp);
  return 0;
}
