// Formatters of the command specs (spec.h): terminal help, the man page lkjip(1) and the bash
// completion script. The last two are generated at build time by lkjip-docgen.
#pragma once

#include <string>
#include <string_view>

#include "cli/spec.h"

namespace lkjip::cli {

/// `lkjip --help` / `lkjip help`: every command with its summary, and the general sections.
std::string overview_help(std::string_view version);

/// `lkjip help COMMAND` / `lkjip COMMAND --help`.
std::string command_help(const CommandSpec& command);

/// The man page lkjip(1) in roff (man macros), without a date so that builds are reproducible.
std::string man_page(std::string_view version);

/// A bash completion script for lkjip: commands, each command's options, the values of choice
/// options, layout names (asked from `lkjip layouts` at completion time) and file names
/// filtered by what the command expects.
std::string bash_completion();

}  // namespace lkjip::cli
