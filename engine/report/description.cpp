// Reading a description (input/SCHEMA.md) into the Report model: the entry points and the
// order in which the reader takes the parts of a description (report/description_reader.h).
#include "report/model.h"

#include <algorithm>
#include <filesystem>

#include "report/checks.h"
#include "report/description_reader.h"
#include "report/keys.h"

namespace lkjip::report {

namespace fs = std::filesystem;
using namespace detail;

namespace detail {

Scale builtin_scale() {
  return {"capaian",
          {{90, std::nullopt, "Sangat Baik"},
           {75, 90, "Baik"},
           {65, 75, "Cukup"},
           {50, 65, "Kurang"},
           {std::nullopt, 50, "Sangat Kurang"}},
          {}};
}

std::string q(std::string_view s) { return std::string("`").append(s).append("`"); }

std::string indonesian(double v) {
  std::string s = format_plain(v);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string with_article(const std::string& kind) {
  return (std::string_view("aeiou").find(kind.front()) != std::string_view::npos ? "an " : "a ") +
         kind;
}

std::string format_loc(const SourceLoc& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

bool is_layout_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

void DescriptionReader::read(const toml::table& root_table) {
  Fields root(ctx_, root_table, "the description", keys_of(""));
  if (const auto* t = root.table("report"))
    read_report(*t);
  else if (!root.has("report"))
    ctx_.error(ctx_.file_loc(), "missing required table [report]",
               {"start the description with [report] unit = … region = … year = …"});
  if (const auto* t = root.table("settings")) read_settings(*t);
  for (const auto* t : entries(root, "scale", "scale")) read_scale(*t);
  for (const auto* t : entries(root, "wording", "wording")) read_wording(*t);
  for (const auto* t : entries(root, "signatory", "signatory")) read_signatory(*t);
  if (const auto* t = root.table("strategy")) read_strategy(*t);
  for (const auto* t : entries(root, "organisation", "organisation")) read_org_unit(*t);
  for (const auto* t : entries(root, "sasaran", "sasaran")) read_sasaran(*t);
  for (const auto* t : entries(root, "iku", "iku")) read_iku(*t);
  for (const auto* t : entries(root, "program", "program"))
    r_.programs.push_back(read_activity(*t, 0));
  if (const auto* t = root.table("budget")) read_budget(*t);
  for (const auto* t : entries(root, "components", "components")) read_components(*t);
  for (const auto* t : entries(root, "survey", "survey")) read_survey(*t);
  for (const auto* t : entries(root, "table", "table")) read_table(*t);
  for (const auto* t : entries(root, "figure", "figure")) read_figure(*t);
  for (const auto* t : entries(root, "chart", "chart")) read_chart(*t);
  if (const auto* t = root.table("captions")) read_captions(*t);
  if (const auto* t = root.table("foreword")) read_foreword(*t);
  if (const auto* t = root.table("review")) read_review(*t);
  if (const auto* t = root.table("summary")) read_summary(*t);
  for (const auto* t : entries(root, "chapter", "chapter"))
    read_chapter(*t, "[[chapter]]", r_.chapters);
  for (const auto* t : entries(root, "appendix", "appendix"))
    read_chapter(*t, "[[appendix]]", r_.appendices);
  root.finish();

  add_default_scale();
  resolve_references();
  check_organisation();
  check_budget_totals();
  check_required_content(root_table);
}

}  // namespace detail

std::optional<int64_t> roll_up(const std::vector<std::optional<int64_t>>& children,
                               std::optional<int64_t> own) {
  if (children.empty()) return own;
  int64_t total = 0;
  for (const std::optional<int64_t>& c : children) {
    if (!c || __builtin_add_overflow(total, *c, &total)) return own;
  }
  return total;
}

const Signatory* Report::find_signatory(const std::string& id) const {
  for (const auto& s : signatories)
    if (s.id == id) return &s;
  return nullptr;
}

const Scale* Report::find_scale(const std::string& id) const {
  for (const auto& s : scales)
    if (s.id == id) return &s;
  return nullptr;
}

const Sasaran* Report::find_sasaran(const std::string& id) const {
  for (const auto& s : sasaran)
    if (s.id == id) return &s;
  return nullptr;
}

std::optional<Report> parse_description(std::string_view text, const std::string& path,
                                        const LoadOptions& options, DiagnosticSink& sink) {
  Context ctx(text, path);
  std::optional<Report> result;
  try {
    if (auto root = parse_toml(ctx, text, options.max_bytes)) {
      Report r;
      r.source_path = path;
      std::error_code ec;
      fs::path abs = fs::absolute(fs::path(path), ec);
      r.base_dir = (ec ? fs::path(path) : abs).parent_path().lexically_normal().string();
      DescriptionReader(ctx, options, r).read(*root);
      if (!ctx.failed()) result = std::move(r);
    }
  } catch (const InternalError&) {
    ctx.flush(sink);
    throw;
  } catch (const std::exception& e) {
    ctx.error(ctx.file_loc(), std::string("cannot read the description: ") + e.what());
  }
  ctx.flush(sink);
  return result;
}

std::optional<Report> load_description(const std::string& path, const LoadOptions& options,
                                       DiagnosticSink& sink) {
  io::FileProblem problem;
  auto text = options.world->read(path, options.max_bytes, problem);
  if (!text) {
    if (problem.reason.starts_with("file is "))  // over the size limit, found before reading
      sink.error({path, 0, 0}, problem.reason,
                 {"a description holds data and text only; images are referenced by path"});
    else
      sink.error({path, 0, 0}, "cannot read the description: " + problem.reason);
    return std::nullopt;
  }
  return parse_description(*text, path, options, sink);
}

}  // namespace lkjip::report
