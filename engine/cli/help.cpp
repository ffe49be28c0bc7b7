#include "cli/help.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

namespace lkjip::cli {

namespace {

constexpr size_t kWidth = 80;  // terminal help is wrapped to 80 columns

/// Appends the pieces in order. Used instead of "literal" + std::string, about which GCC 12
/// warns falsely (-Wrestrict) once inlined.
void add(std::string& out, std::initializer_list<std::string_view> parts) {
  for (std::string_view p : parts) out += p;
}

/// Paragraphs of a spec text (blank-line separated); `verbatim` when every line starts with
/// two spaces.
struct Paragraph {
  std::string text;
  bool verbatim = false;
};

std::vector<Paragraph> paragraphs(std::string_view body) {
  std::vector<Paragraph> out;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find("\n\n", start);
    if (end == std::string_view::npos) end = body.size();
    Paragraph p{std::string(body.substr(start, end - start))};
    p.verbatim = p.text.rfind("  ", 0) == 0;
    if (!p.text.empty()) out.push_back(std::move(p));
    start = end + 2;
  }
  return out;
}

/// `code` spans of the spec texts: 'quoted' on the terminal, bold in the man page.
std::string plain(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '`', '\'');
  return out;
}

/// `text` wrapped at kWidth, every line indented by `indent` spaces (the first line by
/// `first_indent`, which may be smaller when a label already fills the start of the line).
std::string wrap(std::string_view text, size_t indent, size_t first_column = std::string::npos) {
  std::string out, line;
  size_t column = first_column == std::string::npos ? indent : first_column;
  if (first_column == std::string::npos) line.assign(indent, ' ');
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    pos = end;
    if (word.empty()) break;
    const bool line_has_words = line.find_first_not_of(' ') != std::string::npos;
    if (line_has_words && column + 1 + word.size() > kWidth) {
      out += line + "\n";
      line.assign(indent, ' ');
      column = indent;
    } else if (line_has_words) {
      line += ' ';
      ++column;
    }
    line += word;
    column += word.size();
  }
  return out + line + "\n";
}

std::string body_text(std::string_view body, size_t indent) {
  std::string out;
  for (const auto& p : paragraphs(body)) {
    if (!out.empty()) out += "\n";
    if (p.verbatim) {
      out += plain(p.text) + "\n";
    } else {
      size_t line_start = 0;  // single newlines inside a paragraph are kept as line breaks
      for (;;) {
        const size_t nl = p.text.find('\n', line_start);
        out += wrap(plain(p.text.substr(line_start, nl - line_start)), indent);
        if (nl == std::string::npos) break;
        line_start = nl + 1;
      }
    }
  }
  return out;
}

std::string option_label(const OptionSpec& o) {
  std::string label;
  if (!o.short_name.empty()) add(label, {o.short_name, ", "});
  label += o.name;
  if (!o.value.empty()) add(label, {" ", o.value});
  return label;
}

/// "WHAT: doctree, frames." for a choice option.
std::string choice_list(const OptionSpec& o) {
  std::string out(o.value);
  out += ":";
  std::string_view rest = o.choices;
  for (size_t bar; (bar = rest.find('|')) != std::string_view::npos; rest.remove_prefix(bar + 1)) {
    out += " ";
    out += rest.substr(0, bar);
    out += ",";
  }
  out += " ";
  out += rest;
  return out + ".";
}

const OptionSpec kHelpOption{"--help", "-h", "", ValueKind::none, "", "Show this help."};

std::string options_text(const CommandSpec& c) {
  std::vector<const OptionSpec*> all;
  for (const auto& o : c.options) all.push_back(&o);
  all.push_back(&kHelpOption);
  constexpr size_t kColumn = 25;  // where option help starts
  std::string out;
  for (const OptionSpec* o : all) {
    std::string label = "  ", help(o->help);
    label += option_label(*o);
    if (o->kind == ValueKind::choice) add(help, {" ", choice_list(*o)});
    if (label.size() + 2 > kColumn) {
      add(out, {label, "\n", wrap(plain(help), kColumn)});
    } else {
      label.resize(kColumn, ' ');
      add(out, {label, wrap(plain(help), kColumn, kColumn)});
    }
  }
  return out;
}

// --- roff -----------------------------------------------------------------------------------

/// Text escaped for roff: backslashes, hyphens (so options are not hyphenated or turned into
/// dashes), and `code` spans in bold.
std::string roff(std::string_view s) {
  std::string out;
  bool code = false;
  for (char c : s) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else if (c == '`')
      out += (code = !code) ? "\\fB" : "\\fR";
    else
      out += c;
  }
  return out;
}

/// A line of roff text that may not start with a control character.
std::string roff_line(std::string_view s) {
  const std::string r = roff(s);
  return (!r.empty() && (r[0] == '.' || r[0] == '\'') ? "\\&" : "") + r + "\n";
}

std::string roff_body(std::string_view body) {
  std::string out;
  bool first = true;
  for (const auto& p : paragraphs(body)) {
    if (!first) out += ".PP\n";
    first = false;
    if (p.verbatim) {
      out += ".nf\n";
      size_t start = 0;
      for (;;) {
        const size_t nl = p.text.find('\n', start);
        out += roff_line(p.text.substr(start, nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
      out += ".fi\n";
    } else {
      size_t start = 0;
      for (;;) {
        const size_t nl = p.text.find('\n', start);
        out += roff_line(p.text.substr(start, nl - start));
        if (nl == std::string::npos) break;
        out += ".br\n";
        start = nl + 1;
      }
    }
  }
  return out;
}

std::string roff_synopsis(const CommandSpec& c) {
  std::string out;
  for (const auto& u : c.usage)
    out += ".B lkjip " + roff(c.name) + "\n" + (u.empty() ? "" : roff_line(u)) + ".br\n";
  return out;
}

// --- bash -----------------------------------------------------------------------------------

std::string words_of(const CommandSpec& c) {
  std::string out;
  for (const auto& o : c.options) {
    if (!o.short_name.empty()) out += std::string(o.short_name) + " ";
    out += std::string(o.name) + " ";
  }
  return out + "--help";
}

/// The bash statement that completes one of `words` (separated by spaces).
std::string compgen_words(std::string_view words) {
  std::string out;
  add(out, {"COMPREPLY=($(compgen -W \"", words, "\" -- \"$cur\"))"});
  return out;
}

/// The bash statement that fills COMPREPLY with candidates of `kind`.
std::string bash_candidates(ValueKind kind, std::string_view choices) {
  switch (kind) {
    case ValueKind::description:
      return "_lkjip_files toml";
    case ValueKind::pdf:
      return "_lkjip_files pdf";
    case ValueKind::file:
      return "_lkjip_files";
    case ValueKind::dir:
      return "COMPREPLY=($(compgen -d -- \"$cur\"))";
    case ValueKind::layout:
      return "COMPREPLY=($(compgen -W \"$(\"$1\" layouts 2>/dev/null)\" -- \"$cur\"))";
    case ValueKind::choice: {
      std::string list(choices);
      std::replace(list.begin(), list.end(), '|', ' ');
      return compgen_words(list);
    }
    case ValueKind::command: {
      std::string names;
      for (const auto& c : commands()) add(names, {names.empty() ? "" : " ", c.name});
      return compgen_words(names);
    }
    case ValueKind::none:
    case ValueKind::count:
    case ValueKind::text:
      return "COMPREPLY=()";
  }
  return "COMPREPLY=()";
}

}  // namespace

std::string overview_help(std::string_view version) {
  std::string out;
  add(out, {"lkjip ", version,
            " - typesets an LKjIP from a TOML description\n\n"
            "Usage:\n"
            "  lkjip COMMAND [OPTIONS] [ARGUMENTS]\n"
            "  lkjip help COMMAND      (or lkjip COMMAND --help)\n"
            "  lkjip --version\n\n"
            "Commands:\n"});
  for (const auto& c : commands()) {
    std::string label = "  ";
    label += c.name;
    label.resize(12, ' ');
    add(out, {label, c.summary, "\n"});
  }
  add(out, {"\n", body_text(program_description(), 0)});
  for (const auto& s : general_sections()) {
    std::string title(s.title);
    std::transform(title.begin() + 1, title.end(), title.begin() + 1,
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    add(out, {"\n", title, ":\n", body_text(s.body, 2)});
  }
  out += "\nThe manual: man lkjip.\n";
  return out;
}

std::string command_help(const CommandSpec& c) {
  std::string out;
  add(out, {"lkjip ", c.name, " - ", c.summary, "\n\nUsage:\n"});
  for (const auto& u : c.usage) add(out, {"  lkjip ", c.name, u.empty() ? "" : " ", u, "\n"});
  add(out, {"\n", body_text(c.description, 0), "\nOptions:\n", options_text(c)});
  if (!c.examples.empty()) {
    out += "\nExamples:\n";
    for (const auto& e : c.examples)
      add(out, {"  lkjip ", e.command, "\n", wrap(plain(e.what), 6)});
  }
  out += "\nExit status and environment: lkjip help; the manual: man lkjip.\n";
  return out;
}

std::string man_page(std::string_view version) {
  std::string out;
  const auto add = [&out](std::initializer_list<std::string_view> parts) { cli::add(out, parts); };
  add({".\\\" Generated by lkjip-docgen from engine/cli/spec.cpp; do not edit.\n",
       ".TH LKJIP 1 \"\" \"lkjip ", roff(version), "\" \"User Commands\"\n",
       ".SH NAME\nlkjip \\- typeset an LKjIP performance report from a TOML description\n",
       ".SH SYNOPSIS\n"});
  for (const auto& c : commands()) add({roff_synopsis(c)});
  add({".B lkjip \\-\\-version\n.SH DESCRIPTION\n", roff_body(program_description()),
       ".SH COMMANDS\n"});
  for (const auto& c : commands()) {
    add({".SS \"lkjip ", roff(c.name), "\" \\- ", roff(c.summary), "\n", roff_synopsis(c), ".PP\n",
         roff_body(c.description)});
    for (const auto& o : c.options) {
      add({".TP\n"});
      if (!o.short_name.empty()) add({"\\fB", roff(o.short_name), "\\fR, "});
      add({"\\fB", roff(o.name), "\\fR"});
      if (!o.value.empty()) add({" \\fI", roff(o.value), "\\fR"});
      add({"\n", roff_line(o.help)});
      if (o.kind == ValueKind::choice) add({roff_line(choice_list(o))});
    }
    for (const auto& e : c.examples)
      add({".TP\n\\fBlkjip ", roff(e.command), "\\fR\n", roff_line(e.what)});
  }
  for (const auto& s : general_sections()) add({".SH \"", s.title, "\"\n", roff_body(s.body)});
  add({".SH SEE ALSO\n",
       roff_line("The description format: share/doc/lkjip/SCHEMA.md; layout keys: "
                 "share/doc/lkjip/layouts.md; pdfsig(1), qpdf(1).")});
  return out;
}

std::string bash_completion() {
  std::string names;
  for (const auto& c : commands()) add(names, {c.name, " "});
  std::string out;
  add(out, {"# bash completion for lkjip: generated by lkjip-docgen from engine/cli/spec.cpp.\n"
            "\n"
            "# COMPREPLY = file names ending in .$1 (any file without $1) and folders.\n"
            "_lkjip_files() {\n"
            "  local IFS=$'\\n'\n"
            "  if [[ -n $1 ]]; then\n"
            "    COMPREPLY=($(compgen -f -X \"!*.$1\" -- \"$cur\") $(compgen -d -- \"$cur\"))\n"
            "  else\n"
            "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
            "  fi\n"
            "}\n"
            "\n"
            "_lkjip() {\n"
            "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
            "  # --option=value: bash splits at '=' (COMP_WORDBREAKS)\n"
            "  if [[ $cur == = ]]; then cur=; elif [[ $prev == = ]]; then\n"
            "    prev=${COMP_WORDS[COMP_CWORD-2]}; fi\n"
            "  if ((COMP_CWORD == 1)); then\n"
            "    ",
            compgen_words(names + "--help --version"),
            "\n"
            "    return\n"
            "  fi\n"
            "  local cmd=${COMP_WORDS[1]}\n"
            "  case \"$cmd $prev\" in\n"});
  for (const auto& c : commands())
    for (const auto& o : c.options) {
      if (o.value.empty()) continue;
      add(out, {"    \"", c.name, " ", o.name, "\""});
      if (!o.short_name.empty()) add(out, {" | \"", c.name, " ", o.short_name, "\""});
      add(out, {") ", bash_candidates(o.kind, o.choices), "; return ;;\n"});
    }
  out +=
      "  esac\n"
      "  if [[ $cur == -* ]]; then\n"
      "    case $cmd in\n";
  for (const auto& c : commands())
    add(out, {"      ", c.name, ") ", compgen_words(words_of(c)), " ;;\n"});
  out +=
      "    esac\n"
      "    return\n"
      "  fi\n"
      "  case $cmd in\n";
  for (const auto& c : commands())
    add(out, {"    ", c.name, ") ", bash_candidates(c.operands, ""), " ;;\n"});
  out +=
      "  esac\n"
      "}\n"
      "complete -o filenames -F _lkjip lkjip\n";
  return out;
}

}  // namespace lkjip::cli
