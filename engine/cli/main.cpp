// lkjip command line: argument parsing, file access and exit codes only; the work is done by
// the pipeline. Exit codes: 0 success, 1 input errors (diagnostics printed), 2 usage error,
// 3 I/O failure (or refusal to overwrite a signed PDF), 4 `check` found disagreements,
// 70 internal error (a bug in lkjip).
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "compute/check.h"
#include "compute/computed.h"
#include "compute/json.h"
#include "pdf/combine.h"
#include "pdf/pdf_writer.h"
#include "pipeline/diff.h"
#include "pipeline/recap.h"
#include "pipeline/render.h"
#include "report/config_files.h"
#include "report/model.h"

namespace fs = std::filesystem;
using namespace lkjip;

namespace {

enum Exit { ok = 0, input_error = 1, usage_error = 2, io_error = 3, check_failed = 4,
            internal = 70 };

const char* kHelp = R"(lkjip — typesets an LKjIP (Laporan Kinerja Instansi Pemerintah) from a TOML description

Usage:
  lkjip render INPUT.toml -o OUT.pdf [options]      render one report
  lkjip render INPUT... --out-dir DIR [--jobs N] [--combine FILE]
                                                    render many (files, folders or globs)
  lkjip check INPUT.toml                            validate; list figures an old document
                                                    printed that disagree with the computation
  lkjip compute INPUT.toml --json                   all computed tables as JSON on stdout
  lkjip recap INPUT... -o REKAP.pdf | --json | --csv [--sort COLUMN] [--layout NAME]
                                                    kabupaten summary, one row per unit:
                                                    capaian, predikat, IKU, anggaran, serapan;
                                                    sort by unit|capaian|serapan|anggaran
  lkjip diff OLD.toml NEW.toml                      every figure and document line a correction
                                                    changed (exit 0: none, 4: some)
  lkjip watch INPUT.toml -o OUT.pdf                 re-render whenever the description, its
                                                    images or the layout change (Ctrl-C stops)
  lkjip --help | --version

Render options:
  -o, --output FILE      the PDF to write (written atomically: never left half-written)
  --out-dir DIR          folder for bulk output (one PDF per description, named after it)
  --jobs N               reports rendered in parallel (bulk; default: number of cores)
  --combine FILE         bulk: also one print-ready PDF of every rendered report, in input
                         order, each starting on an odd page (blank pages for duplex printing)
  --layout NAME          layouts/NAME.toml instead of the description's layout
  --force                overwrite a PDF even if it carries a signature
  --sign-spots FILE      write each signature field's page and rectangle as JSON (for BSrE)
  --sign-anchor CHAR     set CHAR invisibly at the centre of every signature field (BSrE
                         tag_koordinat); overrides the layout's [signature] anchor, "" = none
  --dump=doctree|frames  print the document tree or the positioned frames to stdout
  --allow-outside        let image paths leave the description's folder

Exit status: 0 success, 1 errors in the input, 2 usage error, 3 I/O failure or refusal to
overwrite a signed PDF, 4 check found disagreements, 70 internal error.
Environment: SOURCE_DATE_EPOCH dates the PDF instead of the description's signing date;
LKJIP_DATA_DIR names the folder holding layouts/ and fonts/.
)";

std::string data_dir() {
  if (const char* env = std::getenv("LKJIP_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (const fs::path& candidate :
       {fs::path(LKJIP_DATA_DIR), exe.parent_path().parent_path(), exe.parent_path(),
        fs::current_path(ec)})
    if (fs::exists(candidate / "layouts" / "lkjip.toml", ec)) return candidate.string();
  return LKJIP_DATA_DIR;
}

int usage(const std::string& msg) {
  std::fprintf(stderr, "lkjip: %s\nTry 'lkjip --help'.\n", msg.c_str());
  return usage_error;
}

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);  // "C" locale: the CLI never calls setlocale
  return buf;
}

std::string sign_spots_json(const pipeline::Rendered& r) {
  std::string s = "{\n  \"fields\": [";
  for (size_t i = 0; i < r.sign_spots.size(); ++i) {
    const auto& f = r.sign_spots[i];
    const double llx = f.rect.x.v, lly = f.page_size.height.v - f.rect.bottom().v;
    s += i ? ",\n" : "\n";
    s += "    {\"name\": " + compute::json_quote(f.field) + ", \"page\": " + std::to_string(f.page) +
         ", \"page_label\": " + compute::json_quote(f.page_label) + ",\n     \"rect_pt\": [" +
         num(llx) + ", " + num(lly) + ", " + num(llx + f.rect.width.v) + ", " +
         num(lly + f.rect.height.v) + "],\n     \"top_left_mm\": {\"x\": " + num(to_mm(f.rect.x)) +
         ", \"y\": " + num(to_mm(f.rect.y)) + ", \"width\": " + num(to_mm(f.rect.width)) +
         ", \"height\": " + num(to_mm(f.rect.height)) + "}}";
  }
  s += "\n  ]\n}\n";
  return s;
}

struct RenderArgs {
  std::vector<std::string> inputs;
  std::string output, out_dir, sign_spots, dump, combine;
  unsigned jobs = 0;
  bool force = false;
  pipeline::RenderOptions options;
};

/// Renders one description to `out`. Returns the exit code; diagnostics go to stderr.
int render_one(const std::string& input, const std::string& out, const RenderArgs& a,
               pipeline::Resources& res, size_t* pages, std::string* first_error) {
  if (!a.force && pdf::file_carries_signature(out)) {
    const std::string msg = out + ": error: refusing to overwrite a signed PDF (it is the signed "
                                  "original)\n  hint: write to another file, or pass --force";
    std::fprintf(stderr, "%s\n", msg.c_str());
    if (first_error) *first_error = "refusing to overwrite a signed PDF";
    return io_error;
  }
  DiagnosticSink sink;
  auto rendered = pipeline::render(input, a.options, res, sink);
  sink.print(stderr);
  if (!rendered) {
    if (first_error)
      for (const auto& d : sink.all())
        if (d.severity == Severity::error) {
          *first_error = format_diagnostic(d);
          break;
        }
    return input_error;
  }
  if (!a.dump.empty()) std::fwrite(rendered->dump.data(), 1, rendered->dump.size(), stdout);
  if (const std::string err = pipeline::write_file_atomically(out, rendered->pdf); !err.empty()) {
    std::fprintf(stderr, "lkjip: error: %s\n", err.c_str());
    if (first_error) *first_error = err;
    return io_error;
  }
  if (!a.sign_spots.empty()) {
    if (const std::string err =
            pipeline::write_file_atomically(a.sign_spots, sign_spots_json(*rendered));
        !err.empty()) {
      std::fprintf(stderr, "lkjip: error: %s\n", err.c_str());
      return io_error;
    }
  }
  if (pages) *pages = rendered->pages;
  return ok;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const auto& r : raw) {
    std::error_code ec;
    if (fs::is_directory(r, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(r, ec))
        if (e.path().extension() == ".toml") found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(r);  // the shell expands globs
    }
  }
  return out;
}

/// Where bulk rendering writes the PDF of `input`.
std::string bulk_output(const RenderArgs& a, const std::string& input) {
  return (fs::path(a.out_dir) / fs::path(input).stem()).string() + ".pdf";
}

/// --combine: the PDFs bulk wrote for `rendered`, in order, as one duplex print file. Page
/// labels and signature fields get the description's file name as prefix ("megaluh-2024-i").
int combine_outputs(const RenderArgs& a, const std::vector<std::string>& rendered,
                    size_t requested) {
  std::vector<pdf::CombinePart> parts;
  for (const auto& input : rendered) {
    std::ifstream in(bulk_output(a, input), std::ios::binary);
    pdf::CombinePart p;
    p.pdf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    p.prefix = fs::path(input).stem().string() + "-";
    std::replace(p.prefix.begin(), p.prefix.end(), '.', '-');  // field names forbid '.'
    parts.push_back(std::move(p));
  }
  DiagnosticSink sink;
  const auto combined = pdf::combine_pdfs(
      parts, "Kumpulan LKjIP (" + std::to_string(parts.size()) + " laporan)", sink);
  sink.print(stderr);
  if (!combined) return internal;  // the parts are lkjip's own output: a bug if unreadable
  if (const std::string err = pipeline::write_file_atomically(a.combine, combined->pdf);
      !err.empty()) {
    std::fprintf(stderr, "lkjip: error: %s\n", err.c_str());
    return io_error;
  }
  std::fprintf(stderr, "combined: %zu of %zu reports, %zu pages (%zu blank) in %s\n", parts.size(),
               requested, combined->pages, combined->blank_pages, a.combine.c_str());
  return ok;
}

int bulk(RenderArgs& a, pipeline::Resources& res) {
  std::error_code ec;
  fs::create_directories(a.out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "lkjip: error: cannot create %s: %s\n", a.out_dir.c_str(),
                 ec.message().c_str());
    return io_error;
  }
  const auto inputs = expand_inputs(a.inputs);
  struct Result {
    int code = 0;
    size_t pages = 0;
    double seconds = 0;
    std::string error;
  };
  std::vector<Result> results(inputs.size());
  std::atomic<size_t> next{0}, finished{0};
  const bool tty = isatty(STDERR_FILENO);
  const auto t0 = std::chrono::steady_clock::now();
  auto worker = [&] {
    for (size_t i; (i = next++) < inputs.size();) {
      const auto start = std::chrono::steady_clock::now();
      const std::string out = bulk_output(a, inputs[i]);
      auto& r = results[i];
      try {
        r.code = render_one(inputs[i], out, a, res, &r.pages, &r.error);
      } catch (const std::exception& e) {
        r.code = internal;
        r.error = e.what();
      }
      r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const size_t n = ++finished;
      if (tty)
        std::fprintf(stderr, "\r[%-30s] %zu/%zu", std::string(30 * n / inputs.size(), '#').c_str(),
                     n, inputs.size());
      else
        std::fprintf(stderr, "%s: %s (%zu pages, %.3f s)\n", inputs[i].c_str(),
                     r.code == ok ? "rendered" : "FAILED", r.pages, r.seconds);
    }
  };
  const unsigned jobs = a.jobs ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned j = 0; j < std::min<size_t>(jobs, inputs.size()); ++j) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  if (tty) std::fputc('\n', stderr);
  size_t good = 0, pages = 0;
  std::vector<std::string> rendered;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (results[i].code == ok) {
      ++good;
      pages += results[i].pages;
      rendered.push_back(inputs[i]);
    }
  }
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "summary: %zu rendered, %zu failed, %zu pages, %.3f s\n", good,
               inputs.size() - good, pages, total);
  for (size_t i = 0; i < inputs.size(); ++i)
    if (results[i].code != ok)
      std::fprintf(stderr, "  failed: %s: %s\n", inputs[i].c_str(), results[i].error.c_str());
  int code = good == inputs.size() ? ok : input_error;
  // A failed report is left out of the combined file; the summary and exit status say so.
  if (!a.combine.empty() && !rendered.empty())
    if (const int c = combine_outputs(a, rendered, inputs.size()); c != ok) code = c;
  return code;
}

int cmd_render(int argc, char** argv) {
  RenderArgs a;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](const char* name) -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(std::string(name) + " needs a value");
      return argv[++i];
    };
    if (arg == "-o" || arg == "--output") a.output = value("-o");
    else if (arg == "--out-dir") a.out_dir = value("--out-dir");
    else if (arg == "--jobs") a.jobs = static_cast<unsigned>(std::stoul(value("--jobs")));
    else if (arg == "--combine") a.combine = value("--combine");
    else if (arg == "--layout") a.options.layout = value("--layout");
    else if (arg == "--sign-spots") a.sign_spots = value("--sign-spots");
    else if (arg == "--sign-anchor") a.options.sign_anchor = value("--sign-anchor");
    else if (arg == "--force") a.force = true;
    else if (arg == "--allow-outside") a.options.allow_outside = true;
    else if (arg.rfind("--dump=", 0) == 0) a.dump = a.options.dump = arg.substr(7);
    else if (!arg.empty() && arg[0] == '-') throw std::invalid_argument("unknown option " + arg);
    else a.inputs.push_back(arg);
  }
  if (!a.dump.empty() && a.dump != "doctree" && a.dump != "frames")
    throw std::invalid_argument("--dump takes doctree or frames");
  if (a.options.sign_anchor && !report::is_anchor_character(*a.options.sign_anchor))
    throw std::invalid_argument("--sign-anchor takes one visible character (or \"\" for none)");
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde)
    a.options.epoch = std::stoll(sde);
  if (a.inputs.empty()) throw std::invalid_argument("render needs an input description");
  pipeline::Resources res(data_dir());
  if (!a.out_dir.empty()) return bulk(a, res);
  if (!a.combine.empty()) throw std::invalid_argument("--combine needs --out-dir DIR");
  if (a.inputs.size() > 1) throw std::invalid_argument("several inputs need --out-dir DIR");
  if (a.output.empty()) throw std::invalid_argument("render needs -o OUT.pdf");
  return render_one(a.inputs[0], a.output, a, res, nullptr, nullptr);
}

int cmd_check_or_compute(int argc, char** argv, bool compute_json) {
  std::string input;
  bool json = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json") json = true;
    else if (!arg.empty() && arg[0] == '-') throw std::invalid_argument("unknown option " + arg);
    else if (input.empty()) input = arg;
    else throw std::invalid_argument("one input description at a time");
  }
  if (input.empty()) throw std::invalid_argument("an input description is needed");
  if (compute_json && !json) throw std::invalid_argument("compute needs --json");
  DiagnosticSink sink;
  auto rep = report::load_description(input, {}, sink);
  sink.print(stderr);
  if (!rep) return input_error;
  const auto computed = compute::compute(*rep);
  if (compute_json) {
    const std::string j = compute::to_json(computed);
    std::fwrite(j.data(), 1, j.size(), stdout);
    return ok;
  }
  const auto found = compute::check_stated(*rep, computed);
  for (const auto& d : found)
    std::printf("%s\n", format_diagnostic({Severity::warning, d.loc,
                                           d.what + ": the document states " + d.stated +
                                               ", computed " + d.computed,
                                           {}})
                            .c_str());
  std::printf("%zu disagreement%s between stated and computed figures\n", found.size(),
              found.size() == 1 ? "" : "s");
  return found.empty() ? ok : check_failed;
}

int cmd_recap(int argc, char** argv) {
  std::vector<std::string> raw;
  std::string output, sort = "input";
  bool json = false, csv = false;
  pipeline::RecapPdfOptions pdf_options;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](const char* name) -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(std::string(name) + " needs a value");
      return argv[++i];
    };
    if (arg == "-o" || arg == "--output") output = value("-o");
    else if (arg == "--json") json = true;
    else if (arg == "--csv") csv = true;
    else if (arg == "--sort") sort = value("--sort");
    else if (arg == "--layout") pdf_options.layout = value("--layout");
    else if (!arg.empty() && arg[0] == '-') throw std::invalid_argument("unknown option " + arg);
    else raw.push_back(arg);
  }
  const auto order =
      sort == "input" ? pipeline::RecapSort::input : pipeline::parse_recap_sort(sort);
  if (!order) throw std::invalid_argument("--sort takes unit, capaian, serapan or anggaran");
  if (json && csv) throw std::invalid_argument("recap prints --json or --csv, not both");
  if (!json && !csv && output.empty())
    throw std::invalid_argument("recap needs -o, --json or --csv");
  if (raw.empty()) throw std::invalid_argument("recap needs input descriptions");
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde)
    pdf_options.epoch = std::stoll(sde);

  DiagnosticSink sink;
  auto recap = pipeline::build_recap(expand_inputs(raw), sink);
  sink.print(stderr);
  if (!recap) return input_error;
  pipeline::sort_recap(*recap, *order);
  if (json || csv) {
    const std::string text = json ? pipeline::recap_json(*recap) : pipeline::recap_csv(*recap);
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  if (output.empty()) return ok;
  pipeline::Resources res(data_dir());
  DiagnosticSink pdf_sink;
  const auto bytes = pipeline::recap_pdf(*recap, pdf_options, res, pdf_sink);
  pdf_sink.print(stderr);
  if (!bytes) return input_error;  // a missing or broken layout or font
  if (const std::string err = pipeline::write_file_atomically(output, *bytes); !err.empty()) {
    std::fprintf(stderr, "lkjip: error: %s\n", err.c_str());
    return io_error;
  }
  return ok;
}

int cmd_diff(int argc, char** argv) {
  if (argc != 4) throw std::invalid_argument("diff needs OLD.toml NEW.toml");
  pipeline::Resources res(data_dir());
  DiagnosticSink sink;
  const auto d = pipeline::diff_reports(argv[2], argv[3], res, sink);
  sink.print(stderr);
  if (!d.ok) return input_error;
  std::fwrite(d.text.data(), 1, d.text.size(), stdout);
  return d.changes == 0 ? ok : check_failed;
}

/// Files whose change triggers a re-render: the description, the layout file and every file
/// in the description's folder tree that a description may reference (images) except the
/// output and its temporary files, which the render itself writes there.
fs::file_time_type newest_input(const std::string& input, const std::string& data,
                                const std::string& output) {
  std::error_code ec;
  auto newest = fs::last_write_time(input, ec);
  auto consider = [&newest](const fs::path& p) {
    std::error_code gone;  // a file removed meanwhile is skipped, the walk goes on
    const auto t = fs::last_write_time(p, gone);
    if (!gone && t > newest) newest = t;
  };
  const fs::path dir = fs::path(input).parent_path().empty() ? fs::path(".")
                                                              : fs::path(input).parent_path();
  std::error_code canon;
  const fs::path out = fs::weakly_canonical(output, canon);
  const std::string temp_prefix = "." + out.filename().string() + ".tmp-";
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path p = fs::weakly_canonical(it->path(), canon);
    if (p == out ||
        (p.parent_path() == out.parent_path() && p.filename().string().rfind(temp_prefix, 0) == 0))
      continue;
    if (it->is_regular_file(canon)) consider(it->path());
  }
  for (const char* sub : {"layouts", "fonts"})
    for (const auto& e : fs::directory_iterator(fs::path(data) / sub, ec)) consider(e.path());
  return newest;
}

int cmd_watch(int argc, char** argv) {
  RenderArgs a;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "-o" || arg == "--output") && i + 1 < argc) a.output = argv[++i];
    else if (arg == "--layout" && i + 1 < argc) a.options.layout = argv[++i];
    else if (arg == "--force") a.force = true;
    else if (!arg.empty() && arg[0] == '-') throw std::invalid_argument("unknown option " + arg);
    else a.inputs.push_back(arg);
  }
  if (a.inputs.size() != 1 || a.output.empty())
    throw std::invalid_argument("watch needs INPUT.toml -o OUT.pdf");
  const std::string data = data_dir();
  fs::file_time_type seen{};
  for (;;) {
    const auto now = newest_input(a.inputs[0], data, a.output);
    if (now != seen) {
      seen = now;
      // A fresh Resources each round: an edited layout or font file must be read again.
      pipeline::Resources res(data);
      size_t pages = 0;
      const int code = render_one(a.inputs[0], a.output, a, res, &pages, nullptr);
      if (code == ok) std::fprintf(stderr, "watch: wrote %s (%zu pages)\n", a.output.c_str(), pages);
      else std::fprintf(stderr, "watch: not written (exit %d); waiting for changes\n", code);
      std::fflush(stderr);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc < 2) return usage("no command given");
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
      std::fputs(kHelp, stdout);
      return ok;
    }
    if (cmd == "--version") {
      std::puts("lkjip " LKJIP_VERSION);
      return ok;
    }
    if (cmd == "render") return cmd_render(argc, argv);
    if (cmd == "check") return cmd_check_or_compute(argc, argv, false);
    if (cmd == "compute") return cmd_check_or_compute(argc, argv, true);
    if (cmd == "diff") return cmd_diff(argc, argv);
    if (cmd == "recap") return cmd_recap(argc, argv);
    if (cmd == "watch") return cmd_watch(argc, argv);
    return usage("unknown command '" + cmd + "'");
  } catch (const std::invalid_argument& e) {
    return usage(e.what());
  } catch (const std::out_of_range& e) {
    return usage(std::string("number out of range: ") + e.what());
  } catch (const InternalError& e) {
    std::fprintf(stderr, "lkjip: %s (this is a bug in lkjip)\n", e.what());
    return internal;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lkjip: internal error: %s (this is a bug in lkjip)\n", e.what());
    return internal;
  }
}
