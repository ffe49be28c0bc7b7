// The description reader: typed values (records, ids and references, money, years, stated
// figures, paths) read with their limits.
#include "report/description_reader.h"

#include <algorithm>
#include <set>

#include "report/checks.h"
#include "report/keys.h"

namespace lkjip::report::detail {

std::vector<const toml::table*> DescriptionReader::entries(Fields& f, std::string_view key,
                                                           std::string path, bool required) {
  std::vector<const toml::table*> out;
  const toml::node* n = f.node(key, required);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) {
    ctx_.error(ctx_.at(*n), q(key) + ": expected an array of tables, found " + type_name(*n),
               {"start each entry with [[" + path + "]]"});
    return out;
  }
  if (a->size() > kMaxRecords) {
    ctx_.error(ctx_.at(*n), q(key) + " has " + std::to_string(a->size()) +
                                " entries, more than the limit of " + std::to_string(kMaxRecords));
    return out;
  }
  for (size_t i = 0; i < a->size(); ++i) {
    const auto* t = as_table(ctx_, *a->get(i), "entry " + std::to_string(i + 1) + " of " + q(key));
    if (t) out.push_back(t);
  }
  return out;
}

const toml::array* DescriptionReader::bounded_array(Fields& f, std::string_view key,
                                                    bool required) {
  const toml::array* a = f.array(key, required);
  if (a && a->size() > kMaxRecords) {
    ctx_.error(f.loc(key), q(key) + " has " + std::to_string(a->size()) +
                               " entries, more than the limit of " + std::to_string(kMaxRecords));
    return nullptr;
  }
  return a;
}

std::string DescriptionReader::kind_table(const std::string& kind) {
  static const std::map<std::string, std::string> tables = {
      {"tujuan", "[strategy] tujuan"},        {"organisation unit", "[[organisation]]"},
      {"kegiatan", "[[program.kegiatan]]"},   {"sub-kegiatan", "[[program.kegiatan.sub]]"},
      {"components table", "[[components]]"},
  };
  auto it = tables.find(kind);
  return it != tables.end() ? it->second : "[[" + kind + "]]";
}

std::string DescriptionReader::id_key(const std::string& kind, const std::string& id) {
  static const std::set<std::string> own = {"scale", "signatory", "tujuan", "organisation unit",
                                            "wording"};
  return (own.contains(kind) ? kind : std::string("content")) + "/" + id;
}

std::string DescriptionReader::id_of_key(const std::string& key) {
  return key.substr(key.find('/') + 1);
}

void DescriptionReader::define(const std::string& id, const std::string& kind,
                               const SourceLoc& loc) {
  if (id.empty()) return;
  const auto& generated = generated_table_names();
  if (std::find(generated.begin(), generated.end(), id) != generated.end()) {
    ctx_.error(loc, "id " + q(id) + " is reserved: it names a generated table",
               {"`@table " + id + "` inserts the generated table; choose another id"});
    return;
  }
  auto [it, inserted] = ids_.try_emplace(id_key(kind, id), Definition{kind, loc});
  if (!inserted)
    ctx_.error(loc, "duplicate id " + q(id),
               {"first defined at " + format_loc(it->second.loc) + " (" +
                    with_article(it->second.kind) + ")",
                "ids of sasaran, IKU, programs, tables, figures, charts and chapters are "
                "unique across the whole description"});
}

void DescriptionReader::refer(const std::string& kind, const std::string& id,
                              const SourceLoc& loc) {
  if (!id.empty()) refs_.push_back({kind, id, loc});
}

std::string DescriptionReader::ref_text(Fields& f, std::string_view key, const std::string& kind,
                                        bool required) {
  auto v = f.text(key, required, kMaxId);
  if (!v) return {};
  refer(kind, *v, f.loc(key));
  return *v;
}

std::optional<int64_t> DescriptionReader::money(Fields& f, std::string_view key) {
  const auto* n = f.node(key);
  if (!n) return std::nullopt;
  if (n->is_floating_point() || n->is_string()) {
    ctx_.error(ctx_.at(*n), q(key) + ": expected an integer, found " + type_name(*n),
               {"money is written in whole rupiah without separators, e.g. 2903823586"});
    return std::nullopt;
  }
  auto v = as_integer(ctx_, *n, q(key));
  if (!v) return std::nullopt;
  if (*v < 0) {
    ctx_.error(ctx_.at(*n), q(key) + " must not be negative, found " + std::to_string(*v),
               {"budgets and realisations are amounts in rupiah, 0 or more"});
    return std::nullopt;
  }
  if (*v > kMaxMoney) {
    ctx_.error(ctx_.at(*n), q(key) + " is more than the limit of 10^15 rupiah");
    return std::nullopt;
  }
  return v;
}

std::optional<int> DescriptionReader::year(Fields& f, std::string_view key, bool required) {
  auto v = f.integer(key, required);
  if (!v) return std::nullopt;
  if (*v < kMinYear || *v > kMaxYear) {
    ctx_.error(f.loc(key), q(key) + " " + std::to_string(*v) + " is not a plausible year",
               {"years are written with four digits, from " + std::to_string(kMinYear) + " to " +
                std::to_string(kMaxYear)});
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<double> DescriptionReader::number_decimals(Fields& f, std::string_view key,
                                                         bool required, int& decimals) {
  const auto* n = f.node(key, required);
  if (!n) return std::nullopt;
  auto v = as_number(ctx_, *n, q(key));
  if (v) decimals = written_decimals(ctx_.raw(n->source().begin));
  return v;
}

std::optional<Direction> DescriptionReader::direction(Fields& f) {
  auto d = f.choice("direction", {"higher", "lower"});
  if (!d) return std::nullopt;
  return *d == "lower" ? Direction::lower : Direction::higher;
}

StatedValues DescriptionReader::read_stated(Fields& f, const std::string& path) {
  StatedValues out;
  const toml::table* t = f.table("stated");
  if (!t) return out;
  Fields s(ctx_, *t, "`stated` of " + f.what(), keys_of(path + ".stated"));
  for (const auto& key : keys_of(path + ".stated")) {
    const toml::node* n = s.node(key);
    if (!n) continue;
    std::vector<const toml::node*> values;
    if (const auto* a = n->as_array()) {
      for (size_t i = 0; i < a->size() && i < kMaxRecords; ++i) values.push_back(a->get(i));
    } else {
      values.push_back(n);
    }
    for (const auto* v : values) {
      if (key == "predikat") {
        if (auto text = as_text(ctx_, *v, "`stated." + key + "`"))
          out.texts[key].emplace_back(*text, ctx_.at(*v));
      } else if (auto num = as_number(ctx_, *v, "`stated." + key + "`")) {
        out.numbers[key].push_back({*num, ctx_.at(*v)});
      }
    }
  }
  s.finish();
  return out;
}

std::string DescriptionReader::resolve_path(Fields& f, std::string_view key) {
  auto v = f.text(key);
  if (!v) return {};
  SourceLoc loc = f.loc(key);
  if (v->empty()) {
    ctx_.error(loc, q(key) + " is empty", {"give a path such as \"images/logo.png\""});
    return {};
  }
  io::FileProblem problem;
  const io::World& world = *options_.world;
  const std::string real = world.confine(r_.base_dir, *v, options_.allow_outside, problem);
  // Only the header is read here; doc/ reads and checks the whole image.
  std::optional<std::string> head;
  if (!real.empty()) head = world.read_prefix(real, 8, problem);
  if (!head) {
    ctx_.error(loc, q(key) + " " + problem.message, problem.hints);
    return {};
  }
  const auto byte = [&](size_t i) { return static_cast<unsigned char>((*head)[i]); };
  bool png =
      head->size() == 8 && byte(0) == 0x89 && byte(1) == 'P' && byte(2) == 'N' && byte(3) == 'G';
  bool jpeg = head->size() >= 3 && byte(0) == 0xFF && byte(1) == 0xD8 && byte(2) == 0xFF;
  if (!png && !jpeg) {
    ctx_.error(loc, q(key) + " is not a PNG or JPEG file: " + real,
               {"convert the image to PNG or JPEG"});
    return {};
  }
  return real;
}

}  // namespace lkjip::report::detail
