// Command-line arguments parsed against a command's OptionSpec table (spec.h), so that every
// option the parser accepts is one that help, the man page and the completion show.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/spec.h"

namespace lkjip::cli {

/// A usage error (exit 2): the message names what was wrong, in the user's terms.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Args {
 public:
  /// Parses argv[first..argc) for `command`: `--name VALUE`, `--name=VALUE`, `-o VALUE`, flags,
  /// operands, and `--` before operands that start with '-'. Unknown options (with a "did you
  /// mean"), missing values, values that are not a whole number for a count or not one of the
  /// choices, and an option given twice throw UsageError. `--help`/`-h` sets help().
  Args(const CommandSpec& command, int argc, char** argv, int first);

  bool help() const { return help_; }
  bool has(const std::string& option) const { return values_.count(option) != 0; }
  /// The value of a value option, or `fallback` when it was not given.
  std::string get(const std::string& option, const std::string& fallback = "") const;
  /// The value of a count option (>= 1, checked when parsed), or `fallback`.
  unsigned count(const std::string& option, unsigned fallback) const;
  const std::vector<std::string>& operands() const { return operands_; }

 private:
  std::map<std::string, std::string> values_;  // by long name; "" for a flag
  std::vector<std::string> operands_;
  bool help_ = false;
};

}  // namespace lkjip::cli
