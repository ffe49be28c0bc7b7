// The command-line interface as data: every command, its synopsis, description, options and
// examples. The one text source from which the argument parser (args.h), `lkjip help`, the
// man page lkjip(1) and the bash completion (help.h, generated at build time by lkjip-docgen)
// are all made, so they cannot drift apart.
#pragma once

#include <string_view>
#include <vector>

namespace lkjip::cli {

/// What an option's value or a command's operands are: checked by the parser where it can,
/// and used by the bash completion to offer the right candidates.
enum class ValueKind {
  none,         // a flag, or a command that takes no operands
  description,  // a .toml description file, or a folder of them
  pdf,          // a PDF file to write
  file,         // any file
  dir,          // a folder
  layout,       // a layout name (`lkjip layouts`) or a layout file
  count,        // a whole number >= 1
  choice,       // one of OptionSpec::choices
  text,         // free text
  command,      // a command name (`lkjip help COMMAND`)
};

struct OptionSpec {
  std::string_view name;        // "--output"
  std::string_view short_name;  // "-o", or empty
  std::string_view value;       // the value's name in help ("FILE"); empty for a flag
  ValueKind kind = ValueKind::none;
  std::string_view choices;  // for ValueKind::choice: "doctree|frames"
  std::string_view help;     // one paragraph, unwrapped: the formatters wrap it
  unsigned max_count = 0;    // for ValueKind::count: the largest value accepted (0: no bound)
};

struct Example {
  std::string_view command;  // after "lkjip "
  std::string_view what;
};

struct CommandSpec {
  std::string_view name;
  std::string_view summary;             // one line, no full stop: lists and NAME sections
  std::vector<std::string_view> usage;  // synopsis lines, after "lkjip NAME "
  /// Paragraphs separated by blank lines, each unwrapped; a paragraph whose lines start with
  /// two spaces is shown verbatim.
  std::string_view description;
  ValueKind operands = ValueKind::none;
  std::vector<OptionSpec> options;
  std::vector<Example> examples;
};

/// Every command, in the order help lists them.
const std::vector<CommandSpec>& commands();

/// The command called `name`, or nullptr.
const CommandSpec* find_command(std::string_view name);

/// A titled section shared by the overview help and the man page (exit status, environment,
/// files); the body follows the description's paragraph rules.
struct Section {
  std::string_view title;
  std::string_view body;
};

/// One-paragraph description of lkjip as a whole.
std::string_view program_description();
const std::vector<Section>& general_sections();

}  // namespace lkjip::cli
