// `lkjip render`: one report, or many in one process (bulk) with an optional combined print file.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
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

/// Where bulk rendering writes the PDF of `input`.
std::string bulk_output(const BulkArgs& b, const std::string& input) {
  return (fs::path(b.out_dir) / fs::path(input).stem()).string() + ".pdf";
}

/// --combine: the PDFs bulk wrote for `rendered`, in order, as one duplex print file. Page
/// labels and signature fields get the description's file name as prefix ("megaluh-2024-i").
int combine_outputs(const BulkArgs& b, const std::vector<std::string>& rendered, size_t requested) {
  std::vector<pdf::CombinePart> parts;
  for (const auto& input : rendered) {
    std::ifstream in(bulk_output(b, input), std::ios::binary);
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
  if (const int code = write_output(b.combine, combined->pdf); code != ok) return code;
  std::fprintf(stderr, "combined: %zu of %zu reports, %zu pages (%zu blank) in %s\n", parts.size(),
               requested, combined->pages, combined->blank_pages, b.combine.c_str());
  return ok;
}

int bulk(const BulkArgs& b, const RenderArgs& a, pipeline::Resources& res) {
  std::error_code ec;
  fs::create_directories(b.out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "lkjip: error: cannot create %s: %s\n", b.out_dir.c_str(),
                 ec.message().c_str());
    return io_error;
  }
  const auto inputs = expand_inputs(b.inputs);
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
      try {
        r.code = render_one(inputs[i], out, a, res, &r.pages, &r.error, say);
      } catch (const std::exception& e) {
        r.code = internal;
        r.error = e.what();
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
  int code = good == inputs.size() ? ok : input_error;
  // A failed report is left out of the combined file; the summary and exit status say so.
  if (!b.combine.empty() && !rendered.empty())
    if (const int c = combine_outputs(b, rendered, inputs.size()); c != ok) code = c;
  return code;
}

}  // namespace

int render_one(const std::string& input, const std::string& out, const RenderArgs& a,
               pipeline::Resources& res, size_t* pages, std::string* first_error,
               const Say& say_to) {
  const Say say =
      say_to ? say_to : [](const std::string& text) { std::fputs(text.c_str(), stderr); };
  if (!a.force && pdf::file_carries_signature(out)) {
    say(out +
        ": error: refusing to overwrite a signed PDF (it is the signed original)\n"
        "  hint: write to another file, or pass --force\n");
    if (first_error) *first_error = "refusing to overwrite a signed PDF";
    return io_error;
  }
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
  if (const std::string err = pipeline::write_file_atomically(out, rendered->pdf); !err.empty()) {
    say("lkjip: error: " + err + "\n");
    if (first_error) *first_error = err;
    return io_error;
  }
  if (!a.sign_spots.empty())
    if (const int code = write_output(a.sign_spots, sign_spots_json(*rendered)); code != ok)
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
