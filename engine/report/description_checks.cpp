// The description reader: cross-checks once every record is read (default scale, references,
// organisation tree, required content).
#include "report/description_reader.h"

#include <algorithm>

#include "base/suggest.h"
#include "report/checks.h"

namespace lkjip::report::detail {

void DescriptionReader::add_default_scale() {
  const std::string& id = r_.settings.predicate_scale;
  if (!ids_.contains(id_key("scale", id)) && id == "capaian") {
    r_.scales.push_back(builtin_scale());
    ids_.emplace(id_key("scale", id), Definition{"scale", {}});
  }
  refer("scale", id, predicate_scale_loc_.known() ? predicate_scale_loc_ : ctx_.file_loc());
}

void DescriptionReader::resolve_references() {
  std::map<std::string, std::vector<std::string>> ids_of_kind;  // made once per kind
  for (const auto& ref : refs_) {
    auto it = ids_.find(id_key(ref.kind, ref.id));
    if (it != ids_.end()) {
      if (it->second.kind != ref.kind)
        ctx_.error(
            ref.loc,
            q(ref.id) + " is " + with_article(it->second.kind) + ", not " + with_article(ref.kind),
            {"defined at " + format_loc(it->second.loc)});
      continue;
    }
    auto [kind_ids, fresh] = ids_of_kind.try_emplace(ref.kind);
    std::vector<std::string>& same_kind = kind_ids->second;
    if (fresh)
      for (const auto& [key, def] : ids_)
        if (def.kind == ref.kind) same_kind.push_back(id_of_key(key));
    std::vector<std::string> hints;
    const std::string near = ctx_.at_error_limit() ? "" : did_you_mean(ref.id, same_kind);
    if (!near.empty()) hints.push_back("did you mean `" + near + "`?");
    if (same_kind.empty()) {
      hints.push_back("no " + kind_table(ref.kind) + " is defined");
    } else {
      std::string list;
      for (size_t i = 0; i < same_kind.size() && i < 10; ++i)
        list += (i ? ", " : "") + same_kind[i];
      if (same_kind.size() > 10) list += ", …";
      hints.push_back("defined: " + list);
    }
    ctx_.error(ref.loc, "unknown " + ref.kind + " " + q(ref.id), hints);
  }
}

void DescriptionReader::check_organisation() {
  const auto& units = r_.organisation;
  if (units.empty()) return;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < units.size(); ++i) index.try_emplace(units[i].id, i);
  std::vector<std::string> ids;
  for (const auto& u : units) ids.push_back(u.id);
  std::vector<size_t> roots;
  std::vector<std::optional<size_t>> parent(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i].parent.empty()) {
      roots.push_back(i);
      continue;
    }
    auto it = index.find(units[i].parent);
    if (it != index.end()) {
      parent[i] = it->second;
      continue;
    }
    std::vector<std::string> hints;
    const std::string near = ctx_.at_error_limit() ? "" : did_you_mean(units[i].parent, ids);
    if (!near.empty()) hints.push_back("did you mean `" + near + "`?");
    hints.push_back("`parent` names the id of another [[organisation]] unit");
    ctx_.error(org_parent_locs_.at(i), "unknown organisation unit " + q(units[i].parent), hints);
  }
  if (roots.empty())
    ctx_.error(units.front().loc, "the organisation has no root",
               {"the top unit (e.g. the camat) has no `parent`"});
  else if (roots.size() > 1)
    ctx_.error(units.at(roots[1]).loc,
               "the organisation has several roots: " + q(units.at(roots[0]).id) + " and " +
                   q(units.at(roots[1]).id),
               {"every unit except the top one needs a `parent`"});
  std::vector<bool> reported(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    std::vector<size_t> path = {i};
    std::optional<size_t> p = parent[i];
    while (p && path.size() <= units.size()) {
      auto seen = std::find(path.begin(), path.end(), *p);
      if (seen != path.end()) {
        if (!reported[*p]) {
          std::string cycle;
          for (auto it = seen; it != path.end(); ++it) {
            cycle += units[*it].id + " → ";
            reported[*it] = true;
          }
          cycle += units[*p].id;
          ctx_.error(units[*p].loc, "the organisation has a cycle: " + cycle,
                     {"follow the `parent` keys: one of them must point up the line of "
                      "command"});
        }
        break;
      }
      path.push_back(*p);
      p = parent[*p];
    }
    if (!p && static_cast<int>(path.size()) > kMaxOrgDepth)
      ctx_.error(units[i].loc,
                 "organisation unit " + q(units[i].id) + " is " + std::to_string(path.size()) +
                     " levels deep, more than the limit of " + std::to_string(kMaxOrgDepth));
  }
}

void DescriptionReader::check_required_content(const toml::table& root) {
  if (r_.sasaran.empty() && !root.contains("sasaran"))
    ctx_.error(ctx_.file_loc(), "the description has no [[sasaran]]",
               {"an LKjIP reports on at least one sasaran strategis and its IKU"});
  if (r_.iku.empty() && !root.contains("iku"))
    ctx_.error(ctx_.file_loc(), "the description has no [[iku]]",
               {"an LKjIP reports on at least one indikator kinerja utama"});
  bool iku_sasaran_known =
      std::none_of(r_.iku.begin(), r_.iku.end(), [](const Iku& k) { return k.sasaran.empty(); });
  for (const auto& s : r_.sasaran) {
    if (!iku_sasaran_known) break;  // an IKU without a valid sasaran is reported already
    bool measured =
        std::any_of(r_.iku.begin(), r_.iku.end(), [&](const Iku& k) { return k.sasaran == s.id; });
    if (!measured && !s.id.empty())
      ctx_.error(s.loc, "sasaran " + q(s.id) + " has no [[iku]]",
                 {"add an [[iku]] with sasaran = \"" + s.id +
                  "\"; capaian of a sasaran is "
                  "the mean of its IKU"});
  }
  for (const auto& fig : r_.figures)
    if (fig.orgchart && r_.organisation.empty())
      ctx_.error(fig.loc, "figure " + q(fig.id) +
                              " draws the organisation chart, but there "
                              "is no [[organisation]]");
}

std::optional<int64_t> DescriptionReader::rolled_up(const Activity& a, int level,
                                                    std::optional<int64_t> Activity::*amount,
                                                    const char* key) {
  static const char* const kinds[] = {"program", "kegiatan", "sub-kegiatan"};
  std::vector<std::optional<int64_t>> children;
  for (const Activity& c : a.children) children.push_back(rolled_up(c, level + 1, amount, key));
  const bool summed =
      !a.children.empty() &&
      std::all_of(children.begin(), children.end(), [](const auto& c) { return c.has_value(); });
  // Each child is at most kMaxMoney and there are at most kMaxRecords: the sum fits in int64.
  const std::optional<int64_t> v = roll_up(children, a.*amount);
  if (summed && *v > kMaxMoney) {
    ctx_.error(a.loc,
               std::string("the ") + q(key) + " of the " + kinds[level + 1] + " of " +
                   kinds[level] + " " + q(a.id) + " add up to " + std::to_string(*v) +
                   " rupiah, more than the limit of 10^15 rupiah",
               {"amounts are whole rupiah without separators; look for extra digits"});
    return std::nullopt;
  }
  return v;
}

void DescriptionReader::check_budget_totals() {
  for (auto [amount, key] : {std::pair{&Activity::anggaran, "anggaran"},
                             std::pair{&Activity::realisasi_anggaran, "realisasi_anggaran"}}) {
    std::vector<std::optional<int64_t>> programs;
    for (const Activity& p : r_.programs) programs.push_back(rolled_up(p, 0, amount, key));
    // compute/ forms the total only when every program has an amount.
    if (!std::all_of(programs.begin(), programs.end(), [](const auto& p) { return p.has_value(); }))
      continue;
    int64_t total = 0;  // at most kMaxRecords programs of at most kMaxMoney each: fits
    for (size_t i = 0; i < programs.size(); ++i) {
      total += *programs[i];
      if (total > kMaxMoney) {
        ctx_.error(r_.programs[i].loc,
                   "the " + q(key) + " of the programs up to " + q(r_.programs[i].id) +
                       " add up to " + std::to_string(total) +
                       " rupiah, more than the limit of 10^15 rupiah for the budget total",
                   {"amounts are whole rupiah without separators; look for extra digits"});
        break;
      }
    }
  }
}

}  // namespace lkjip::report::detail
