#include "pipeline/render.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "base/numerals.h"
#include "compute/computed.h"
#include "doc/build.h"
#include "layout/paginate.h"
#include "pdf/pdf_writer.h"
#include "report/config_files.h"
#include "report/model.h"

namespace lkjip::pipeline {

std::optional<report::LayoutStyle> Resources::layout(const std::string& name,
                                                      DiagnosticSink& sink,
                                                      const SourceLoc& asked_at,
                                                      const std::string& beside_dir) {
  const std::string file = report::layout_file(name, data_dir_, beside_dir);
  {
    std::lock_guard lock(mutex_);
    if (auto it = layouts_.find(file); it != layouts_.end()) return it->second;
  }
  auto style = report::load_layout(name, data_dir_, sink, asked_at, beside_dir);
  if (style) {
    std::lock_guard lock(mutex_);
    layouts_.emplace(file, *style);
  }
  return style;
}

std::shared_ptr<const text::FontSet> Resources::fonts(const report::LayoutStyle& s,
                                                      DiagnosticSink& sink) {
  std::set<std::string> families;
  for (const auto* ts :
       {&s.header_style, &s.footer_style, &s.body, &s.chapter_style, &s.heading[0].text,
        &s.heading[1].text, &s.heading[2].text, &s.table_text, &s.table_header,
        &s.caption_style, &s.source_style, &s.cover_title, &s.cover_text, &s.front_heading,
        &s.toc_style, &s.signature_style})
    families.insert(ts->family);
  std::string key;
  for (const auto& f : families) key += f + "\n";
  {
    std::lock_guard lock(mutex_);
    if (auto it = fonts_.find(key); it != fonts_.end()) return it->second;
  }
  auto config = report::load_font_config(data_dir_, sink);
  if (!config) return nullptr;
  auto set =
      text::FontSet::load(*config, {families.begin(), families.end()}, sink, s.family_locs);
  if (set) {
    std::lock_guard lock(mutex_);
    fonts_.emplace(key, set);
  }
  return set;
}

std::shared_ptr<const text::Hyphenator> Resources::hyphenator(const std::string& path,
                                                              DiagnosticSink& sink) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = hyphenators_.find(path); it != hyphenators_.end()) return it->second;
  }
  auto h = text::Hyphenator::load(path, sink);
  if (h) {
    std::lock_guard lock(mutex_);
    hyphenators_.emplace(path, h);
  }
  return h;
}

namespace {

void collect_fields(const frame::Frame& f, std::vector<const frame::SignatureField*>& out) {
  for (const auto& item : f.items)
    if (const auto* s = std::get_if<frame::SignatureField>(&item)) out.push_back(s);
}

std::string page_label(const frame::PagedDocument& d, size_t index) {
  const frame::PageLabelRange* range = nullptr;
  for (const auto& r : d.page_labels)
    if (r.first_page <= index) range = &r;
  if (!range) return std::to_string(index + 1);
  const int n = range->start + static_cast<int>(index - range->first_page);
  switch (range->style) {
    case frame::PageLabelRange::Style::none: return range->prefix;
    case frame::PageLabelRange::Style::decimal: return range->prefix + std::to_string(n);
    case frame::PageLabelRange::Style::roman_lower: return range->prefix + to_roman(n);
    case frame::PageLabelRange::Style::roman_upper: return range->prefix + to_roman(n, true);
  }
  return {};
}

}  // namespace

namespace {

/// Everything after reading the description: the steps shared by render and render_text.
std::optional<Rendered> render_report(const std::optional<report::Report>& rep,
                                      const RenderOptions& options, Resources& resources,
                                      DiagnosticSink& sink) {
  if (!rep) return std::nullopt;

  auto style = options.layout.empty()
                   ? resources.layout(rep->layout, sink, rep->layout_loc, rep->base_dir)
                   : resources.layout(options.layout, sink, {}, rep->base_dir);
  if (!style) return std::nullopt;
  if (options.sign_anchor) style->signature_anchor = *options.sign_anchor;
  if (!rep->paper.empty() && rep->paper != style->paper_name) {
    if (rep->paper == "F4") {
      style->paper = {mm(215), mm(330)};
      style->paper_name = "F4";
    } else {
      style->paper = {Pt(595.276), Pt(841.89)};
      style->paper_name = "A4";
    }
    if (!report::check_fits_page(*style, sink, rep->paper_loc)) return std::nullopt;
  }
  auto fonts = resources.fonts(*style, sink);
  std::shared_ptr<const text::Hyphenator> hyph;
  if (style->hyphenate) hyph = resources.hyphenator(style->hyphenation_dictionary, sink);
  if (!fonts || sink.has_errors()) return std::nullopt;

  const auto computed = compute::compute(*rep);
  auto document = doc::build(*rep, computed, *style, sink);
  if (!document || sink.has_errors()) return std::nullopt;
  if (options.epoch) document->info.epoch = *options.epoch;  // SOURCE_DATE_EPOCH

  layout::Context ctx{*style, *fonts, hyph.get(), sink};
  layout::LayoutStats stats;
  auto paged = layout::layout_document(ctx, *document, &stats);

  Rendered out;
  out.pages = paged.pages.size();
  out.layout_passes = stats.front_passes;
  for (size_t i = 0; i < paged.pages.size(); ++i) {
    std::vector<const frame::SignatureField*> fields;
    collect_fields(paged.pages[i].content, fields);
    for (const auto* f : fields)
      out.sign_spots.push_back({f->name, i + 1, page_label(paged, i), f->rect,
                                paged.pages[i].size});
  }
  if (options.dump == "doctree") out.dump = doc::dump(*document);
  if (options.dump == "frames") out.dump = frame::dump(paged);

  auto bytes = pdf::write_pdf(paged, pdf::PdfOptions{}, sink);
  if (!bytes || sink.has_errors()) return std::nullopt;
  out.pdf = std::move(*bytes);
  return out;
}

report::LoadOptions load_options(const RenderOptions& options) {
  report::LoadOptions load;
  load.allow_outside = options.allow_outside;
  return load;
}

}  // namespace

std::optional<Rendered> render(const std::string& input, const RenderOptions& options,
                               Resources& resources, DiagnosticSink& sink) {
  return render_report(report::load_description(input, load_options(options), sink), options,
                       resources, sink);
}

std::optional<Rendered> render_text(std::string_view text, const std::string& path,
                                    const RenderOptions& options, Resources& resources,
                                    DiagnosticSink& sink) {
  return render_report(report::parse_description(text, path, load_options(options), sink),
                       options, resources, sink);
}

namespace {

/// Removes `.NAME.tmp-PID-XXXXXX` files of `target` whose writer process is gone. A live PID
/// (another lkjip writing the same file right now) keeps its file.
void remove_stale_temporaries(const std::filesystem::path& dir, const std::string& prefix) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const size_t dash = name.find('-', prefix.size());
    if (dash == std::string::npos) continue;
    const std::string pid_text = name.substr(prefix.size(), dash - prefix.size());
    if (pid_text.empty() || pid_text.size() > 9 ||
        pid_text.find_first_not_of("0123456789") != std::string::npos)
      continue;
    const pid_t pid = static_cast<pid_t>(std::stol(pid_text));
    if (::kill(pid, 0) != 0 && errno == ESRCH) fs::remove(e.path(), ec);
  }
}

}  // namespace

std::string write_file_atomically(const std::string& path, const std::string& bytes) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // The writer's PID in the name tells a later run whether the file is stale.
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  std::string tmpl = (dir / (prefix + std::to_string(::getpid()) + "-XXXXXX")).string();
  const int fd = mkstemp(tmpl.data());
  if (fd < 0) return "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string err = errno == EFBIG ? "the file-size limit (ulimit -f) is reached"
                                             : std::strerror(errno);
      ::close(fd);
      ::unlink(tmpl.c_str());
      return "cannot write " + path + ": " + err;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string err = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return "cannot write " + path + ": " + err;
  }
  ::chmod(tmpl.c_str(), 0644);
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string err = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return "cannot replace " + path + ": " + err;
  }
  remove_stale_temporaries(dir, prefix);
  return {};
}

}  // namespace lkjip::pipeline
