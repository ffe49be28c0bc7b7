// The texts of lkjip's help, man page and completion: one entry per command. Paragraphs are
// written unwrapped; help.cpp wraps them for the terminal and leaves filling to roff.
#include "cli/spec.h"

namespace lkjip::cli {

namespace {

using K = ValueKind;

const OptionSpec kLayoutOption{
    "--layout",
    "",
    "NAME",
    K::layout,
    "",
    "Typeset with layout NAME instead of the one the description names: a name that `lkjip "
    "layouts` lists, or the path of a layout file."};

const OptionSpec kRecapLayoutOption{
    "--layout",
    "",
    "NAME",
    K::layout,
    "",
    "Typeset the recap PDF with layout NAME (default: lkjip): a name that `lkjip layouts` "
    "lists, or the path of a layout file."};

std::vector<CommandSpec> make_commands() {
  return {
      {"render",
       "typeset descriptions into signature-ready PDFs",
       {"INPUT.toml -o OUT.pdf [OPTIONS]",
        "INPUT... --out-dir DIR [--jobs N] [--combine FILE.pdf] [OPTIONS]"},
       "Reads the description, computes every derived figure and writes the whole report as "
       "one PDF: cover, Kata Pengantar, Daftar Isi, Tabel and Gambar with exact page numbers, "
       "the chapters and an empty signature field in every signature block.\n"
       "\n"
       "With --out-dir it renders many descriptions in one process (files, folders of .toml "
       "files, or shell globs), one PDF per description named after it, and ends with a "
       "summary line. A report with errors is listed as failed; the others are still written. "
       "On a terminal a progress bar stands on the last line, beneath the warnings; "
       "elsewhere (a pipe, a log file, TERM=dumb) each finished report gets a line of its "
       "own instead.\n"
       "\n"
       "Every file is written through a temporary file and renamed into place: a failed run "
       "never leaves a truncated PDF and never damages the previous one. A PDF that carries "
       "a signature is never overwritten unless --force is given.",
       K::description,
       {{"--output", "-o", "FILE", K::pdf, "", "The PDF to write (one input)."},
        {"--out-dir", "", "DIR", K::dir, "",
         "Bulk mode: write one PDF per description into DIR (created if missing)."},
        {"--jobs", "", "N", K::count, "",
         "Bulk mode: render N reports in parallel, 1 to 256 (default: the number of cores); "
         "each report being rendered holds its pages in memory.",
         256},
        {"--combine", "", "FILE", K::pdf, "",
         "Bulk mode: also write one print file of every rendered report in input order, each "
         "starting on an odd page (blank pages inserted for duplex printing)."},
        kLayoutOption,
        {"--force", "", "", K::none, "", "Overwrite a PDF even if it carries a signature."},
        {"--sign-spots", "", "FILE", K::file, "",
         "Also write each signature field's page and rectangle as JSON, for signing services "
         "that place the signature by coordinates (BSrE)."},
        {"--sign-anchor", "", "CHAR", K::text, "",
         "Set CHAR invisibly at the centre of every signature field (the BSrE tag_koordinat); "
         "overrides the layout's [signature] anchor. An empty value sets none."},
        {"--dump", "", "WHAT", K::choice, "doctree|frames",
         "Also print the document tree or the positioned frames to standard output, one item "
         "per line (for debugging)."},
        {"--allow-outside", "", "", K::none, "",
         "Let image paths leave the description's folder."}},
       {{"render input/megaluh-2024.toml -o megaluh-2024.pdf", "render one report"},
        {"render laporan/ --out-dir pdf/ --combine semua.pdf",
         "render every description in laporan/ and one duplex print file of them all"}}},

      {"init",
       "start a new description for a kind of unit",
       {"--kind KIND [--year N] [--force] FOLDER"},
       "Writes a starter description, lkjip-KIND-YEAR.toml, into FOLDER (created if missing): "
       "every section a report of that kind of unit needs, with a short comment above each "
       "(in Indonesian) saying what it holds, and a first line `#:schema` naming the installed "
       "JSON Schema so that editors with TOML schema support complete and check it. It "
       "renders at once, as a draft (status = \"draft\": DRAF on every page, no signature "
       "fields); its texts in parentheses and its \"Contoh\" names are to be replaced with the "
       "unit's own and the figures marked ISI written (`lkjip check` lists the missing ones) "
       "before status becomes \"final\".\n"
       "\n"
       "A folder that is not empty is refused unless --force is given; then only the starter "
       "file is written (over an earlier one of the same name).",
       K::dir,
       {{"--kind", "", "KIND", K::choice, "kecamatan|dinas|badan|inspektorat",
         "The kind of unit: its head's office, organisation chart and usual indicators."},
        {"--year", "", "N", K::count, "",
         "The reporting year (default: last year; SOURCE_DATE_EPOCH sets the current one)."},
        {"--force", "", "", K::none, "", "Write into a folder that is not empty."}},
       {{"init --kind dinas laporan-2025/", "a starter for a Dinas, for last year"},
        {"init --kind kecamatan --year 2025 k/ && lkjip render k/*.toml -o k.pdf",
         "start a Kecamatan report and render it at once"}}},

      {"check",
       "validate a description and recompute the figures it states",
       {"INPUT.toml"},
       "Reads and validates the description like render does, without typesetting. Every "
       "figure the description keeps as `stated` (what an old document printed) is compared "
       "with the computed one; each disagreement is printed as a located warning, followed by "
       "their count. Exits 4 when there is any.",
       K::description,
       {},
       {{"check input/megaluh-2024.toml", "list what the signed 2024 report got wrong"}}},

      {"compute",
       "print every computed table",
       {"INPUT.toml --json", "INPUT.toml --xlsx FILE.xlsx"},
       "Prints every table the compute stage derives from the description (achievement per "
       "indicator, averages, predicates, budget absorption, comparisons) as JSON on standard "
       "output: each figure as a number and as the text the report prints. With --xlsx it "
       "writes them as an Excel workbook instead, one sheet per table under Indonesian "
       "labels, each figure a number in its format (percentages, rupiah, counts, units).",
       K::description,
       {{"--json", "", "", K::none, "", "Print JSON on standard output."},
        {"--xlsx", "", "FILE", K::file, "", "Write the tables as an Excel workbook."}},
       {{"compute input/megaluh-2024.toml --json", "the computed figures of Megaluh"},
        {"compute input/megaluh-2024.toml --xlsx megaluh.xlsx", "the same, for a spreadsheet"}}},

      {"recap",
       "summarise many reports, one row per unit",
       {"INPUT... -o REKAP.pdf [--sort COLUMN] [--layout NAME] [--force]",
        "INPUT... --xlsx REKAP.xlsx [--sort COLUMN]",
        "INPUT... --json | --csv | --csv-excel [--sort COLUMN]"},
       "Builds the kabupaten-level summary of many descriptions (files or folders): one row per "
       "unit with its overall achievement, predicate, IKU counts, budget and absorption, as "
       "computed for its own report, and a JUMLAH row. Units of another region or year than "
       "the first are warned about.",
       K::description,
       {{"--output", "-o", "FILE", K::pdf, "", "Write the recap as a PDF."},
        {"--xlsx", "", "FILE", K::file, "",
         "Write the recap as an Excel workbook: Indonesian labels, figures as numbers "
         "(percentages, rupiah and counts in their formats), a JUMLAH row."},
        {"--json", "", "", K::none, "", "Print the recap as JSON on standard output."},
        {"--csv", "", "", K::none, "",
         "Print the recap as CSV (RFC 4180, decimal points) on standard output."},
        {"--csv-excel", "", "", K::none, "",
         "Print the recap as CSV for Excel with Indonesian regional settings: ';' between "
         "fields, decimal commas, a UTF-8 byte order mark."},
        {"--sort", "", "COLUMN", K::choice, "unit|capaian|serapan|anggaran",
         "Order the rows by unit name, or by a figure, highest first (default: input order)."},
        kRecapLayoutOption,
        {"--force", "", "", K::none, "", "Overwrite a PDF even if it carries a signature."}},
       {{"recap laporan/ -o rekap.pdf --sort capaian", "the district's recap, best units first"},
        {"recap laporan/ --csv-excel > rekap.csv", "a file Excel (id-ID) opens in columns"}}},

      {"diff",
       "show what a correction changed",
       {"OLD.toml NEW.toml"},
       "Compares two versions of a description: every computed figure and every document line "
       "(paragraphs, headings, list items, table rows, captions, signature lines) that "
       "differs, each with the chapter and the heading or table it belongs to. Exits 0 when "
       "nothing changed and 4 when something did.",
       K::description,
       {},
       {{"diff lkjip-2024-lama.toml lkjip-2024.toml", "review a correction before signing again"}}},

      {"watch",
       "re-render whenever the description or its files change",
       {"INPUT.toml -o OUT.pdf [--layout NAME] [--force]"},
       "Renders like render, then again whenever the description, its images, the layout or "
       "the fonts change, until interrupted (Ctrl-C). A render with errors prints them and "
       "leaves the previous PDF in place.",
       K::description,
       {{"--output", "-o", "FILE", K::pdf, "", "The PDF to write."},
        kLayoutOption,
        {"--force", "", "", K::none, "", "Overwrite a PDF even if it carries a signature."}},
       {{"watch laporan.toml -o laporan.pdf", "keep laporan.pdf current while editing"}}},

      {"layouts",
       "list the layout names",
       {""},
       "Prints the name of every layout in the data folder, one per line: the names --layout "
       "and the description's [report] layout accept.",
       K::none,
       {},
       {}},

      {"help",
       "show the help of lkjip or of one command",
       {"[COMMAND]"},
       "Without a command, lists every command; with one, shows its synopsis, description, "
       "options and examples (the same as `lkjip COMMAND --help`).",
       K::command,
       {},
       {{"help render", "everything render can do"}}},
  };
}

}  // namespace

const std::vector<CommandSpec>& commands() {
  static const std::vector<CommandSpec> all = make_commands();
  return all;
}

const CommandSpec* find_command(std::string_view name) {
  for (const auto& c : commands())
    if (c.name == name) return &c;
  return nullptr;
}

std::string_view program_description() {
  return "lkjip typesets the LKjIP (Laporan Kinerja Instansi Pemerintah), the yearly performance "
         "report of an Indonesian government unit, from a TOML description of its data. The "
         "description holds raw data only (targets, realisations, budgets, narrative); lkjip "
         "computes every derived figure and typesets the whole document as a paginated, "
         "signature-ready PDF.";
}

const std::vector<Section>& general_sections() {
  static const std::vector<Section> all = {
      {"EXIT STATUS",
       "  0   success\n"
       "  1   errors in the input (all reported, located); nothing written\n"
       "  2   usage error\n"
       "  3   I/O failure, or refusal to overwrite a signed PDF without --force\n"
       "  4   check or diff found differences\n"
       "  70  internal error (a bug in lkjip)"},
      {"ENVIRONMENT",
       "SOURCE_DATE_EPOCH (seconds since 1970) dates the PDF instead of the description's "
       "signing date.\n"
       "\n"
       "LKJIP_DATA_DIR names the folder holding layouts/ and fonts/, instead of the one "
       "installed with lkjip (share/lkjip beside the folder of the lkjip binary)."},
      {"FILES",
       "share/lkjip/layouts/*.toml: the layouts (paper, fonts, styles), documented in "
       "share/doc/lkjip/layouts.md.\n"
       "\n"
       "share/lkjip/fonts/fonts.toml: which font files serve which family; font files put "
       "into share/lkjip/fonts/ come before the Debian font folders.\n"
       "\n"
       "share/lkjip/lkjip.schema.json: the JSON Schema of descriptions, for editors with TOML "
       "schema support (a #:schema line on the first line of a description)."},
  };
  return all;
}

}  // namespace lkjip::cli
