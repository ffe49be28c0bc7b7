// Tables of the document: the generated ones of SCHEMA.md ("pk", "measurement", …), built from
// the computed figures, and the description's [[table]], [[components]] and [[survey]].
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compute/computed.h"
#include "doc/doc.h"
#include "doc/markup.h"
#include "report/layout_style.h"
#include "report/model.h"

namespace lkjip::doc {

struct TableEnv {
  const report::Report& r;
  const compute::ComputedTables& c;
  const report::LayoutStyle& style;
  const MarkupEnv& markup;  // inline markup in captions and text cells (values, {ref:})
  DiagnosticSink& sink;
};

/// The generated table names of SCHEMA.md, in its order.
std::vector<std::string> generated_table_names();

/// The table `id` names: a [[table]], [[components]] or [[survey]] record, else a generated
/// table. Caption and source are filled; label, anchor and loc are the caller's. nullopt when
/// nothing has that id (the caller reports it with the candidates).
std::optional<Table> make_table(const std::string& id, const TableEnv& env);

}  // namespace lkjip::doc
