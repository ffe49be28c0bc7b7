// Building blocks of the document's tables (cells, rows, column shapes, groupings) and the
// builders of each table, shared by doc/tables*.cpp; doc/tables.h is the public entry point.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "compute/computed.h"
#include "doc/doc.h"
#include "doc/tables.h"

namespace lkjip::doc::tables {

using compute::Value;
using Cells = std::vector<Cell>;

report::HAlign halign(CellAlign a);

Inline plain(std::string text);

Cell text_cell(std::string text, CellAlign align = CellAlign::left);

Cell head_cell(std::string text, int colspan = 1, int rowspan = 1);

Cell spanning(Cell cell, int colspan);

/// Numbers and quantities line up on their decimal comma (a unit hangs right of it like a
/// fraction: "100%", "3 dokumen"), money and counts on the right; words and the unknown marker
/// are centred in number columns, names stay left.
Cell value_cell(const Value& v);

/// A row number or hierarchical number ("1.2.3").
Cell number_cell(const std::string& n);

/// A name in a program/kegiatan/sub-kegiatan tree: indented by level, programs bold.
Cell tree_cell(const std::string& name, int level);

Row body_row(Cells cells);

Row total_row(Cells cells);

Row group_row(std::string text, int colspan);

/// Column title and relative width (0: automatic, from the content, as the generated tables
/// have it; a description's `widths` set it); numeric columns keep their figures on one line.
struct Col {
  std::string title;
  double width = 0;
  bool numeric = false;
};

/// A table with the given columns: a one-row header of their titles (when `header`), widths
/// normalised to shares of 1 (all 0: automatic widths). More header rows may follow; call
/// finish() when they are done.
Table shaped(const std::vector<Col>& cols, bool header = true);

/// Adds the column-number row ("1 2 3 …") under the header when the layout asks for it.
Table finish(Table t, const report::LayoutStyle& style);

/// Turns the detail rows of one group into rows where `lead` cells (left) and `trail` cells
/// (right) span the whole group. An empty group gets one row of `width` empty cells.
std::vector<Row> group(std::vector<Cells> details, size_t width, Cells lead, Cells trail = {});

/// Spans `lead` over rows already built (a tujuan over its sasaran groups).
void span_over(std::vector<Row>& rows, Cell lead);

void append(std::vector<Row>& to, std::vector<Row> rows);

/// IKU rows grouped by sasaran: "No" and the sasaran name span each group.
std::vector<Row> by_sasaran(const compute::ComputedTables& c, size_t width,
                            const std::function<Cells(const compute::IkuResult&)>& row,
                            const std::function<Cells(const compute::SasaranResult&)>& trail = {});

/// One group per program/kegiatan/sub-kegiatan in tree order (programs only when asked):
/// its number and `lead` cells span the `details` rows (one per indicator, typically).
std::vector<Row> by_activity(
    const compute::ComputedTables& c, bool programs_only, size_t width,
    const std::function<Cells(const compute::ActivityResult&)>& lead,
    const std::function<std::vector<Cells>(const compute::ActivityResult&)>& details,
    const std::function<Cells(const compute::ActivityResult&)>& trail = {});

std::vector<const compute::ActivityResult*> programs(const compute::ComputedTables& c);

// ---- Generated tables (doc/tables_generated.cpp) ----------------------------------------

Table pk(const TableEnv& e);

Table iku(const TableEnv& e);

Table renja(const TableEnv& e);

Table scale(const TableEnv& e);

Table measurement(const TableEnv& e);

Table sasaran_summary(const TableEnv& e);

Table program_capaian(const TableEnv& e);

Table multiyear(const TableEnv& e);

Table measurement_years(const TableEnv& e);

Table renstra(const TableEnv& e);
Table renstra_years(const TableEnv& e);

Table comparison(const TableEnv& e);

Table budget(const TableEnv& e);

Table budget_sasaran(const TableEnv& e);

Table capaian_anggaran_sasaran(const TableEnv& e);

Table capaian_anggaran_program(const TableEnv& e);

Table efficiency(const TableEnv& e);

Table efficiency_iku(const TableEnv& e);

Table rpjmd(const TableEnv& e);

// ---- Description tables (doc/tables_description.cpp) ------------------------------------

Table free_table(const compute::TableResult& tr, const TableEnv& e);

Table components(const compute::ComponentsResult& cr, const TableEnv& e);

Table survey(const compute::SurveyResult& sr, const TableEnv& e);

}  // namespace lkjip::doc::tables
