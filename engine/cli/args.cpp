#include "cli/args.h"

#include "base/suggest.h"

namespace lkjip::cli {

namespace {

const OptionSpec* find_option(const CommandSpec& command, const std::string& name) {
  for (const auto& o : command.options)
    if (o.name == name || (!o.short_name.empty() && o.short_name == name)) return &o;
  return nullptr;
}

/// Checks a value against its option's kind; the message says what the option takes.
void check_value(const OptionSpec& o, const std::string& value) {
  const std::string name(o.name);
  if (o.kind == ValueKind::count) {
    bool digits = !value.empty() && value.size() <= 9;
    for (char c : value) digits = digits && c >= '0' && c <= '9';
    const unsigned long n = digits ? std::stoul(value) : 0;  // at most 9 digits: no overflow
    if (n == 0 || (o.max_count != 0 && n > o.max_count))
      throw UsageError(name + " takes a whole number from 1" +
                       (o.max_count ? " to " + std::to_string(o.max_count) : std::string()) +
                       ", not '" + value + "'");
  } else if (o.kind == ValueKind::choice) {
    const std::string_view choices = o.choices;
    size_t start = 0;
    for (;;) {
      const size_t bar = choices.find('|', start);
      if (choices.substr(start, bar - start) == value) return;
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    std::string list(choices);
    for (auto& c : list)
      if (c == '|') c = ' ';
    throw UsageError(name + " takes one of: " + list + " (not '" + value + "')");
  } else if (value.empty() && o.kind != ValueKind::text) {
    throw UsageError(name + " needs a non-empty " + std::string(o.value));
  }
}

}  // namespace

Args::Args(const CommandSpec& command, int argc, char** argv, int first) {
  const std::string cmd(command.name);
  bool only_operands = false;
  for (int i = first; i < argc; ++i) {
    const std::string arg = argv[i];
    if (only_operands || arg.size() < 2 || arg[0] != '-') {
      operands_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_operands = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      help_ = true;
      continue;
    }
    const size_t eq = arg.rfind("--", 0) == 0 ? arg.find('=') : std::string::npos;
    const std::string name = arg.substr(0, eq);
    const OptionSpec* o = find_option(command, name);
    if (!o) {
      std::vector<std::string> known;
      for (const auto& k : command.options) known.emplace_back(k.name);
      const std::string near = did_you_mean(name, known);
      throw UsageError("unknown option " + name + " for " + cmd +
                       (near.empty() ? "" : " (did you mean " + near + "?)"));
    }
    const std::string long_name(o->name);
    if (values_.count(long_name)) throw UsageError(long_name + " given twice");
    std::string value;
    if (o->value.empty()) {
      if (eq != std::string::npos) throw UsageError(long_name + " takes no value");
    } else if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      throw UsageError(long_name + " needs a value (" + std::string(o->value) + ")");
    }
    if (!o->value.empty()) check_value(*o, value);
    values_[long_name] = value;
  }
}

std::string Args::get(const std::string& option, const std::string& fallback) const {
  const auto it = values_.find(option);
  return it == values_.end() ? fallback : it->second;
}

unsigned Args::count(const std::string& option, unsigned fallback) const {
  const auto it = values_.find(option);
  return it == values_.end() ? fallback : static_cast<unsigned>(std::stoul(it->second));
}

}  // namespace lkjip::cli
