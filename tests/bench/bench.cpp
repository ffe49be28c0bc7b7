// lkjip-bench: prints the speed and memory figures of issue 8 and of bulk printing, measured on
// whole processes of the real binary (what a user waits for). Not part of ctest: build lkjip and
// lkjip-gen, then run build/lkjip-bench.
//   lkjip-bench [INPUT.toml] [RUNS] [REPORTS]
//   lkjip-bench hostile      peak memory of hostile inputs within the limits (#13.3)
// REPORTS (default 1000) synthetic reports are bulk-rendered by one process for the RSS series.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "report/model.h"
#include "text/hyphenate.h"

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
    // Quiet children: lkjip-gen reports what it wrote on stdout.
    if (const int null = open("/dev/null", O_WRONLY); null >= 0) dup2(null, STDOUT_FILENO);
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

double mib(long kib) { return static_cast<double>(kib) / 1024.0; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

int pdf_pages(const std::string& pdf) {
  std::string line;
  if (FILE* p = popen(("pdfinfo '" + pdf + "' | sed -n 's/^Pages: *//p'").c_str(), "r")) {
    char buf[64] = {0};
    if (fgets(buf, sizeof buf, p)) line = buf;
    pclose(p);
  }
  return std::atoi(line.c_str());
}

/// Resident set size of a running process, in kB, from /proc/<pid>/status (0 if gone).
long vm_rss_kb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}

/// lkjip-gen, built next to lkjip.
std::string gen_bin() { return (fs::path(LKJIP_BIN).parent_path() / "lkjip-gen").string(); }

/// One synthetic description of about `pages` pages: lkjip-gen's --pages-scale is adjusted in
/// proportion until the page count is within 10%. Returns (description, pages).
std::pair<std::string, int> synthetic_report(const fs::path& dir, int pages) {
  int scale = std::max(1, pages / 9);  // about 9 pages per unit of scale
  std::pair<std::string, int> best{"", 0};
  for (int attempt = 0; attempt < 4; ++attempt) {
    const fs::path in = dir / ("scale" + std::to_string(scale));
    fs::remove_all(in);
    if (run({gen_bin(), "--count", "1", "--seed", "5", "--pages-scale", std::to_string(scale),
             "--out", in.string()})
            .status != 0)
      return best;
    const std::string toml = fs::directory_iterator(in)->path().string();
    const std::string pdf = (dir / "calibrate.pdf").string();
    if (run({LKJIP_BIN, "render", toml, "-o", pdf}).status != 0) return best;
    best = {toml, pdf_pages(pdf)};
    const int next = std::max(1, static_cast<int>(std::lround(1.0 * scale * pages / best.second)));
    if (std::abs(best.second - pages) <= pages / 10 || next == scale) break;
    scale = next;
  }
  return best;
}

/// Median wall time in ms of `runs` calls of `f`, timed in this process.
template <class F>
double median_ms(int runs, F&& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    t.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  return median(t);
}

/// What every single render pays before any typesetting, with the libraries the stack fixes:
/// starting a process that loads them (lkjip --version does nothing else), reading the
/// description (toml++ parsing and the model) and loading the hyphenation patterns (libhyphen).
void fixed_costs(const std::string& input, int runs) {
  std::vector<double> start;
  for (int i = 0; i < runs; ++i) start.push_back(run({LKJIP_BIN, "--version"}).seconds * 1000);
  const double read = median_ms(runs, [&] {
    lkjip::DiagnosticSink sink;
    lkjip::report::load_description(input, {}, sink);
  });
  const double patterns = median_ms(runs, [] {
    lkjip::DiagnosticSink sink;
    lkjip::text::Hyphenator::load("/usr/share/hyphen/hyph_id_ID.dic", sink);
  });
  std::printf(
      "fixed costs before typesetting: process start with the libraries %.1f ms, reading the "
      "description %.1f ms, hyphenation patterns %.1f ms: %.1f ms together\n",
      median(start), read, patterns, median(start) + read + patterns);
}

/// Cost linearity: a ~50-page and a ~500-page report, median wall time of 5 runs each.
void linearity(const fs::path& tmp) {
  std::vector<std::pair<int, double>> measured;  // pages, seconds
  for (int target : {50, 500}) {
    const auto [toml, pages] = synthetic_report(tmp, target);
    if (toml.empty() || pages == 0) {
      std::fprintf(stderr, "lkjip-bench: could not make a %d-page report (is lkjip-gen built?)\n",
                   target);
      return;
    }
    std::vector<double> times;
    for (int i = 0; i < 5; ++i)
      times.push_back(run({LKJIP_BIN, "render", toml, "-o", (tmp / "lin.pdf").string()}).seconds);
    measured.push_back({pages, median(times)});
  }
  const auto& [p1, t1] = measured[0];
  const auto& [p2, t2] = measured[1];
  std::printf(
      "linearity: %d pages %.3f s (%.2f ms/page), %d pages %.3f s (%.2f ms/page): "
      "%.1fx the pages in %.1fx the time (target <= 11x)\n",
      p1, t1, 1000 * t1 / p1, p2, t2, 1000 * t2 / p2, static_cast<double>(p2) / p1, t2 / t1);
}

/// `count` synthetic reports rendered by one process with --jobs 2; the child's VmRSS is read
/// each time its progress lines (stderr is not a tty) pass another 100 reports. With `distinct`
/// false the same description is rendered `count` times: the text caches (shaping results per
/// string, bounded) then stop growing after the first report, so what growth remains would be a
/// leak per report.
void many_reports_rss(const fs::path& tmp, int count, bool distinct) {
  const fs::path in = tmp / (distinct ? "many" : "same"), out = tmp / "many-out";
  if (run({gen_bin(), "--count", std::to_string(distinct ? count : 1), "--seed", "9", "--out",
           in.string()})
          .status != 0) {
    std::fprintf(stderr, "lkjip-bench: lkjip-gen failed (is it built?)\n");
    return;
  }
  if (!distinct) {
    const fs::path one = fs::directory_iterator(in)->path();
    for (int i = 1; i < count; ++i) fs::copy_file(one, in / ("copy" + std::to_string(i) + ".toml"));
  }
  int err[2];
  if (pipe(err) != 0) return;
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(err[1], STDERR_FILENO);
    close(err[0]);
    close(err[1]);
    execl(LKJIP_BIN, LKJIP_BIN, "render", in.c_str(), "--out-dir", out.c_str(), "--jobs", "2",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(err[1]);
  FILE* progress = fdopen(err[0], "r");
  std::printf("bulk RSS: %d %s, one process, --jobs 2\n", count,
              distinct ? "different synthetic reports" : "copies of one synthetic report");
  char line[4096];
  int done = 0;
  long first = 0, last = 0;
  std::string summary;  // lkjip's summary and failure lines, shown at the end
  while (fgets(line, sizeof line, progress)) {
    const std::string l = line;
    if (l.rfind("summary:", 0) == 0 || l.rfind("  failed:", 0) == 0) summary += "  " + l;
    if (l.find(": rendered (") == std::string::npos && l.find(": FAILED (") == std::string::npos)
      continue;
    if (++done % 100 == 0) {
      last = vm_rss_kb(pid);
      if (!first) first = last;
      std::printf("  after %4d reports: VmRSS %6.1f MB, %.1f s\n", done, mib(last),
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      std::fflush(stdout);
    }
  }
  fclose(progress);
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf(
      "  exit %d, %.1f s (%.1f reports/s), peak RSS %.1f MB; growth from the first to "
      "the last sample %.1f MB (%.1f kB per report)\n",
      WIFEXITED(status) ? WEXITSTATUS(status) : -1, seconds, done / seconds, mib(ru.ru_maxrss),
      mib(last - first), done > 100 ? static_cast<double>(last - first) / (done - 100) : 0.0);
  std::fputs(summary.c_str(), stdout);
}

/// A sparse file of `size` bytes (nothing on disk but its length).
void sparse_file(const fs::path& p, uintmax_t size) {
  fs::remove(p);
  std::ofstream(p, std::ios::binary).close();
  fs::resize_file(p, size);
}

/// The example with a [[table]] of 40 text columns and `rows` rows of 20,000-byte cells (the
/// description limits' largest cells, 7.5 MiB for 10 rows) placed after its first table.
fs::path big_cells_description(const fs::path& dir, int rows) {
  const fs::path example = fs::path(LKJIP_SOURCE_DIR) / "input/megaluh-2024.toml";
  std::ifstream in(example);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string first = "@table penduduk\n";
  text.replace(text.find(first), first.size(), first + "\n@table besar\n");
  static const char* words[] = {"kinerja",  "pelayanan", "masyarakat", "kecamatan", "program",
                                "kegiatan", "anggaran",  "capaian",    "indikator", "sasaran"};
  text += "\n[[table]]\nid = \"besar\"\ncaption = \"Tabel Sel Besar\"\ncolumns = [\n";
  for (int c = 0; c < 40; ++c)
    text += "  { title = \"K" + std::to_string(c + 1) + "\", kind = \"text\" },\n";
  text += "]\nrows = [\n";
  unsigned pick = 1;
  for (int r = 0; r < rows; ++r) {
    text += "  [";
    for (int c = 0; c < 40; ++c) {
      std::string cell;
      while (cell.size() < 19980) {
        pick = pick * 1103515245u + 12345u;
        cell += std::string(cell.empty() ? "" : " ") + words[(pick >> 16) % 10];
      }
      text += (c ? ", \"" : "\"") + cell + "\"";
    }
    text += "],\n";
  }
  text += "]\n";
  const fs::path out = dir / ("big-cells-" + std::to_string(rows) + ".toml");
  std::ofstream(out, std::ios::binary) << text;
  return out;
}

/// `lkjip-bench hostile`: peak memory of the #13.3 cases, each a whole render process. Target:
/// every input within the limits under 256 MiB.
int hostile(const fs::path& tmp) {
  const std::string example = std::string(LKJIP_SOURCE_DIR) + "/input/megaluh-2024.toml";
  const auto report = [](const char* what, const Sample& s) {
    std::printf("  %-58s exit %d, %6.2f s, peak RSS %7.1f MB\n", what, s.status, s.seconds,
                mib(s.max_rss_kb));
    std::fflush(stdout);
  };
  std::printf("hostile input, peak memory (target: under 256 MiB)\n");
  const fs::path existing = tmp / "existing.pdf";
  sparse_file(existing, uintmax_t{2} << 30);
  report("existing output a 2 GiB sparse file (signed-original check)",
         run({LKJIP_BIN, "render", example, "-o", existing.string()}));
  const fs::path data = tmp / "data";
  fs::create_directories(data);
  for (const char* sub : {"layouts", "fonts"})
    fs::copy(fs::path(LKJIP_SOURCE_DIR) / sub, data / sub, fs::copy_options::recursive);
  sparse_file(data / "fonts/LiberationSerif-Regular.ttf", uintmax_t{2} << 30);
  ::setenv("LKJIP_DATA_DIR", data.c_str(), 1);
  report("a configured font a 2 GiB sparse file",
         run({LKJIP_BIN, "render", example, "-o", (tmp / "font.pdf").string()}));
  ::unsetenv("LKJIP_DATA_DIR");
  for (int rows : {1, 10}) {
    const fs::path big = big_cells_description(tmp, rows);
    const std::string what = "40 columns x " + std::to_string(rows) +
                             " rows of 20,000-byte cells (" +
                             std::to_string(fs::file_size(big) >> 10) + " KiB)";
    report(what.c_str(),
           run({LKJIP_BIN, "render", big.string(), "-o", (tmp / "big.pdf").string()}));
  }
  fs::remove_all(tmp);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string bin = LKJIP_BIN;
  if (argc > 1 && std::string(argv[1]) == "hostile") {
    const fs::path tmp = fs::temp_directory_path() / ("lkjip-bench-" + std::to_string(getpid()));
    fs::create_directories(tmp);
    return hostile(tmp);
  }
  const std::string input =
      argc > 1 ? argv[1] : std::string(LKJIP_SOURCE_DIR) + "/input/megaluh-2024.toml";
  const int runs = argc > 2 ? std::atoi(argv[2]) : 21;
  const int reports = argc > 3 ? std::atoi(argv[3]) : 1000;
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
  const int pages = pdf_pages(out);
  const double med = median(times);
  std::printf("single report: %s\n", input.c_str());
  std::printf(
      "  runs %d, median wall %.1f ms, min %.1f ms, peak RSS %.1f MB, %d pages, %.0f pages/s\n",
      runs, med * 1000, *std::min_element(times.begin(), times.end()) * 1000, mib(rss), pages,
      med > 0 ? pages / med : 0.0);
  fixed_costs(input, runs);

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
    const Sample s =
        run({bin, "render", bulk_in.string(), "--out-dir", (tmp / "out").string(), "--jobs", "2"});
    if (s.status != 0) {
      std::fprintf(stderr, "lkjip-bench: bulk render failed (exit %d)\n", s.status);
      return 1;
    }
    bulk_times.push_back(s.seconds);
    bulk_rss = std::max(bulk_rss, s.max_rss_kb);
  }
  std::printf("bulk: 21 reports, --jobs 2: median wall %.3f s, peak RSS %.1f MB\n",
              median(bulk_times), mib(bulk_rss));
  std::fflush(stdout);
  linearity(tmp);
  std::fflush(stdout);
  many_reports_rss(tmp, reports, true);
  std::fflush(stdout);
  many_reports_rss(tmp, reports, false);
  fs::remove_all(tmp);
  return 0;
}
