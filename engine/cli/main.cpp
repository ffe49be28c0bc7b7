// lkjip command line: finds the command, parses its arguments against its spec (spec.cpp),
// answers help, and turns what escapes a command into its exit code (commands.h): usage errors
// 2, internal errors 70. The work is done by the pipeline.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

#include "base/diagnostic.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/help.h"

using namespace lkjip;
using namespace lkjip::cli;

namespace {

int usage(const std::string& msg, const std::string& command) {
  std::fprintf(stderr, "lkjip: %s\nTry 'lkjip help%s'.\n", msg.c_str(),
               command.empty() ? "" : (" " + command).c_str());
  return usage_error;
}

using Runner = int (*)(const Args&);

Runner runner_of(const std::string& name) {
  if (name == "render") return run_render;
  if (name == "watch") return run_watch;
  if (name == "check") return run_check;
  if (name == "compute") return run_compute;
  if (name == "recap") return run_recap;
  if (name == "diff") return run_diff;
  if (name == "layouts") return run_layouts;
  if (name == "init") return run_init;
  return nullptr;
}

int help(const Args& args) {
  if (args.operands().empty()) {
    std::fputs(overview_help(LKJIP_VERSION).c_str(), stdout);
    return ok;
  }
  if (args.operands().size() > 1) throw UsageError("help takes one command");
  const CommandSpec* c = find_command(args.operands()[0]);
  if (!c) throw UsageError("no command '" + args.operands()[0] + "'");
  std::fputs(command_help(*c).c_str(), stdout);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file-size limit (ulimit -f) the kernel would kill the process with SIGXFSZ mid-write,
  // leaving its temporary file; ignored, the write fails with EFBIG and is reported like a full
  // disk: an error naming the file, exit 3, the temporary file removed.
  std::signal(SIGXFSZ, SIG_IGN);
  std::string name;
  try {
    if (argc < 2) return usage("no command given", "");
    name = argv[1];
    if (name == "--help" || name == "-h") name = "help";
    if (name == "--version") {
      std::puts("lkjip " LKJIP_VERSION);
      return ok;
    }
    const CommandSpec* command = find_command(name);
    if (!command) {
      const std::string unknown = name;
      name.clear();
      return usage("unknown command '" + unknown + "'", "");
    }
    const Args args(*command, argc, argv, 2);
    if (args.help()) {
      std::fputs(command_help(*command).c_str(), stdout);
      return ok;
    }
    if (name == "help") return help(args);
    const Runner run = runner_of(name);
    if (!run) internal_error("command '" + name + "' has a spec but no implementation");
    const int code = run(args);
    // What went to standard output (compute, recap --json/--csv, --dump) is part of the result.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      std::fprintf(stderr, "lkjip: error: cannot write standard output: %s\n", std::strerror(errno));
      return code == ok ? io_error : code;
    }
    return code;
  } catch (const UsageError& e) {
    return usage(e.what(), name);
  } catch (const InternalError& e) {
    std::fprintf(stderr, "lkjip: %s (this is a bug in lkjip)\n", e.what());
    return internal;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lkjip: internal error: %s (this is a bug in lkjip)\n", e.what());
    return internal;
  }
}
