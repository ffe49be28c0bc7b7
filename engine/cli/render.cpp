// `lkjip render`: one report, or many in one process (bulk) with an optional combined print file.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <thread>

#include "cli/commands.h"
#include "cli/progress.h"
#include "compute/json.h"
#include "pdf/combine.h"
#include "pdf/pdf_writer.h"
#include "report/config_files.h"

namespace fs = std::filesystem;

namespace lkjip::cli {

namespace {

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
    s += "    {\"name\": " + compute::json_quote(f.field) +
         ", \"page\": " + std::to_string(f.page) +
         ", \"page_label\": " + compute::json_quote(f.page_label) + ",\n     \"rect_pt\": [" +
         num(llx) + ", " + num(lly) + ", " + num(llx + f.rect.width.v) + ", " +
         num(lly + f.rect.height.v) + "],\n     \"top_left_mm\": {\"x\": " + num(to_mm(f.rect.x)) +
         ", \"y\": " + num(to_mm(f.rect.y)) + ", \"width\": " + num(to_mm(f.rect.width)) +
         ", \"height\": " + num(to_mm(f.rect.height)) + "}}";
  }
  s += "\n  ]\n}\n";
  return s;
}

struct BulkArgs {
  std::vector<std::string> inputs;
  std::string out_dir, combine;
  unsigned jobs = 0;
};

/// Of two exit codes, the one a bulk run reports: a bug (70) before an I/O failure (3), a usage
/// error (2) and an input error (1), so one failed report gives the code it gives alone.
int most_severe(int a, int b) {
  static constexpr int order[] = {ok, input_error, usage_error, io_error, internal};
  const auto rank = [](int c) {
    for (size_t i = 0; i < std::size(order); ++i)
      if (order[i] == c) return i;
    return std::size(order);  // unknown codes first of all: never hidden
  };
  return rank(a) >= rank(b) ? a : b;
}

/// Where bulk rendering writes the PDF of `input`.
std::string bulk_output(const BulkArgs& b, const std::string& input) {
  return (fs::path(b.out_dir) / fs::path(input).stem()).string() + ".pdf";
}

/// The prefix --combine gives the pages and signature fields of `input` ("megaluh-2024-").
std::string combine_prefix(const std::string& input) {
  std::string prefix = fs::path(input).stem().string() + "-";
  std::replace(prefix.begin(), prefix.end(), '.', '-');  // field names forbid '.'
  return prefix;
}

/// --combine: the PDFs bulk wrote for `rendered`, in order, as one duplex print file. Page
/// labels and signature fields get the description's file name as prefix ("megaluh-2024-i").
int combine_outputs(const BulkArgs& b, const RenderArgs& a, const std::vector<std::string>& rendered,
                    size_t requested) {
  std::vector<pdf::CombinePart> parts;
  for (const auto& input : rendered) {
    std::ifstream in(bulk_output(b, input), std::ios::binary);
    pdf::CombinePart p;
    p.pdf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    p.prefix = combine_prefix(input);
    parts.push_back(std::move(p));
  }
  DiagnosticSink sink;
  const auto combined = pdf::combine_pdfs(
      parts, "Kumpulan LKjIP (" + std::to_string(parts.size()) + " laporan)", sink);
  sink.print(stderr);
  if (!combined) return internal;  // the parts are lkjip's own output: a bug if unreadable
  OutputGuard guard{a.force, a.inputs};
  for (const auto& input : rendered) guard.inputs.push_back(bulk_output(b, input));
  if (const int code = write_output(b.combine, combined->pdf, guard); code != ok) return code;
  std::fprintf(stderr, "combined: %zu of %zu reports, %zu pages (%zu blank) in %s\n", parts.size(),
               requested, combined->pages, combined->blank_pages, b.combine.c_str());
  return ok;
}

/// Before anything is written: two inputs that would write the same PDF (or, with --combine,
/// get the same field-name prefix), or a --combine file that is one of the PDFs written. Each
/// problem is printed; false when there was one.
bool bulk_outputs_distinct(const BulkArgs& b, const std::vector<std::string>& inputs) {
  bool fine = true;
  std::map<std::string, std::string> by_output, by_prefix;  // -> the first input that claims it
  const auto same = [](const std::string& path) {
    std::error_code ec;
    const fs::path p = fs::weakly_canonical(path, ec);
    return ec ? fs::path(path).lexically_normal().string() : p.string();
  };
  for (const auto& input : inputs) {
    const std::string out = bulk_output(b, input);
    if (auto [it, fresh] = by_output.emplace(same(out), input); !fresh) {
      std::fprintf(stderr,
                   "lkjip: error: %s and %s would both be written to %s\n"
                   "  hint: give descriptions distinct file names, or render them into separate "
                   "--out-dir folders\n",
                   it->second.c_str(), input.c_str(), out.c_str());
      fine = false;
    } else if (auto [pt, new_prefix] = by_prefix.emplace(combine_prefix(input), input);
               !new_prefix && !b.combine.empty()) {
      std::fprintf(stderr,
                   "lkjip: error: %s and %s would give the same signature-field names "
                   "(prefix \"%s\") in %s\n"
                   "  hint: rename one of them; '.' and '-' count as the same character\n",
                   pt->second.c_str(), input.c_str(), pt->first.c_str(), b.combine.c_str());
      fine = false;
    }
  }
  if (!b.combine.empty())
    if (auto it = by_output.find(same(b.combine)); it != by_output.end()) {
      std::fprintf(stderr,
                   "lkjip: error: --combine %s is the PDF rendered from %s\n"
                   "  hint: write the combined file outside --out-dir, or under another name\n",
                   b.combine.c_str(), it->second.c_str());
      fine = false;
    }
  return fine;
}

int bulk(const BulkArgs& b, const RenderArgs& args, pipeline::Resources& res) {
  const auto inputs = expand_inputs(b.inputs);
  RenderArgs a = args;
  a.inputs = inputs;  // no report's PDF may replace another's description
  if (!bulk_outputs_distinct(b, inputs)) return usage_error;
  if (!b.combine.empty())
    if (const std::string refused = output_refusal(b.combine, {a.force, inputs});
        !refused.empty()) {
      std::fputs(refused.c_str(), stderr);
      return io_error;
    }
  std::error_code ec;
  fs::create_directories(b.out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "lkjip: error: cannot create %s: %s\n", b.out_dir.c_str(),
                 ec.message().c_str());
    return io_error;
  }
  struct Result {
    int code = 0;
    size_t pages = 0;
    double seconds = 0;
    std::string error;
  };
  std::vector<Result> results(inputs.size());
  std::atomic<size_t> next{0};
  Progress progress(stderr, inputs.size(), Progress::bar_suits(stderr));
  const Say say = [&](const std::string& text) { progress.message(text); };
  const auto t0 = std::chrono::steady_clock::now();
  auto worker = [&] {
    for (size_t i; (i = next++) < inputs.size();) {
      const auto start = std::chrono::steady_clock::now();
      const std::string out = bulk_output(b, inputs[i]);
      auto& r = results[i];
      // What ends one report ends it with the exit code the same report gives alone (main.cpp).
      try {
        r.code = render_one(inputs[i], out, a, res, &r.pages, &r.error, say);
      } catch (const UsageError& e) {
        r.code = usage_error;
        r.error = e.what();
      } catch (const InternalError& e) {
        r.code = internal;
        r.error = std::string(e.what()) + " (this is a bug in lkjip)";
      } catch (const std::exception& e) {
        r.code = internal;
        r.error = std::string("internal error: ") + e.what() + " (this is a bug in lkjip)";
      }
      r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      char line[64];
      std::snprintf(line, sizeof line, " (%zu pages, %.3f s)", r.pages, r.seconds);
      progress.finished(inputs[i] + ": " + (r.code == ok ? "rendered" : "FAILED") + line);
    }
  };
  const unsigned jobs = b.jobs ? b.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned j = 0; j < std::min<size_t>(jobs, inputs.size()); ++j) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  progress.end();
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
  int code = ok;
  for (const Result& r : results) code = most_severe(code, r.code);
  // A failed report is left out of the combined file; the summary and exit status say so.
  if (!b.combine.empty() && !rendered.empty())
    if (const int c = combine_outputs(b, a, rendered, inputs.size()); c != ok) code = c;
  return code;
}

}  // namespace

int render_one(const std::string& input, const std::string& out, const RenderArgs& a,
               pipeline::Resources& res, size_t* pages, std::string* first_error,
               const Say& say_to) {
  const Say say =
      say_to ? say_to : [](const std::string& text) { std::fputs(text.c_str(), stderr); };
  // Both outputs are checked before rendering: a refused --sign-spots leaves no new PDF behind.
  OutputGuard guard{a.force, a.inputs.empty() ? std::vector<std::string>{input} : a.inputs};
  OutputGuard spots_guard = guard;
  spots_guard.inputs.push_back(out);  // the PDF written just before it
  for (const auto& [path, g] : {std::pair{out, &guard}, std::pair{a.sign_spots, &spots_guard}}) {
    if (path.empty()) continue;
    if (const std::string refused = output_refusal(path, *g); !refused.empty()) {
      say(refused);
      if (first_error) *first_error = refused.substr(0, refused.find('\n'));
      return io_error;
    }
  }
  // Fault injection for the exit-code tests (tests/golden/cli_test.cpp): an engine bug, either
  // a broken invariant or a stray standard exception.
  if (const char* fault = std::getenv("LKJIP_FAULT"); fault && std::string(fault) == "internal")
    internal_error("fault injected by LKJIP_FAULT=internal");
  else if (fault && std::string(fault) == "exception")
    throw std::out_of_range("fault injected by LKJIP_FAULT=exception");
  DiagnosticSink sink;
  auto rendered = pipeline::render(input, a.options, res, sink);
  std::string messages;
  for (const auto& d : sink.all()) messages += format_diagnostic(d) + "\n";
  say(messages);
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
  if (const int code = write_output(out, rendered->pdf, guard, say, first_error); code != ok)
    return code;
  if (!a.sign_spots.empty())
    if (const int code =
            write_output(a.sign_spots, sign_spots_json(*rendered), spots_guard, say, first_error);
        code != ok)
      return code;
  if (pages) *pages = rendered->pages;
  return ok;
}

int run_render(const Args& args) {
  RenderArgs a;
  BulkArgs b;
  b.inputs = args.operands();
  b.out_dir = args.get("--out-dir");
  b.combine = args.get("--combine");
  b.jobs = args.count("--jobs", 0);
  a.force = args.has("--force");
  a.sign_spots = args.get("--sign-spots");
  a.dump = a.options.dump = args.get("--dump");
  a.options.layout = args.get("--layout");
  a.options.allow_outside = args.has("--allow-outside");
  if (args.has("--sign-anchor")) a.options.sign_anchor = args.get("--sign-anchor");
  if (a.options.sign_anchor && !report::is_anchor_character(*a.options.sign_anchor))
    throw UsageError("--sign-anchor takes one visible character (or \"\" for none)");
  a.options.epoch = source_date_epoch();
  if (b.inputs.empty()) throw UsageError("render needs an input description");
  pipeline::Resources res(data_dir());
  if (!b.out_dir.empty()) {
    if (args.has("--output")) throw UsageError("bulk mode (--out-dir) names its outputs: no -o");
    return bulk(b, a, res);
  }
  if (!b.combine.empty()) throw UsageError("--combine needs --out-dir DIR");
  if (args.has("--jobs")) throw UsageError("--jobs needs --out-dir DIR");
  if (b.inputs.size() > 1) throw UsageError("several inputs need --out-dir DIR");
  if (!args.has("--output")) throw UsageError("render needs -o OUT.pdf");
  return render_one(b.inputs[0], args.get("--output"), a, res, nullptr, nullptr);
}

}  // namespace lkjip::cli
