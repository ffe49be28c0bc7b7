// Flows of the text blocks: paragraphs, headings, chapter titles, lists, signature blocks and
// the generated lists (table of contents, list of tables, list of figures).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "doc/doc.h"
#include "layout/context.h"
#include "layout/flow.h"
#include "layout/tags.h"
#include "layout/vlist.h"

namespace lkjip::layout {

/// Appends the lines of a paragraph (one piece per line, widows/orphans protected) set in
/// `width` at left offset `x`, tagged as a P under `parent`. Overfull or too loose lines are
/// warnings located at p.loc.
void paragraph_pieces(const Context& ctx, const doc::Paragraph& p, const report::TextStyle& ts,
                      Pt x, Pt width, std::vector<Piece>& out,
                      uint32_t parent = Tagger::kSection);

FlowPtr make_paragraph_flow(const Context& ctx, const doc::Paragraph& p, Pt width);
FlowPtr make_heading_flow(const Context& ctx, const doc::Heading& h, Pt width);
/// "BAB I" over "PENDAHULUAN" (or a front-matter title alone), centred, with its anchor.
FlowPtr make_chapter_title_flow(const Context& ctx, const doc::Chapter& c, Pt width);
FlowPtr make_list_flow(const Context& ctx, const doc::List& list, Pt width);
/// Never split; carries an empty signature field over the space reserved for the signature.
FlowPtr make_signature_flow(const Context& ctx, const doc::Signature& s, Pt width);

/// One entry of a generated list: its text, nesting level and target anchor.
struct ListEntry {
  std::string number;  // "BAB I", "1.1", "Tabel 3.1"
  std::string title;
  int level = 0;
  std::string anchor;
};

/// anchor -> page label ("ii", "17"), filled by the paginator's introspection.
using PageLabels = std::map<std::string, std::string>;

/// Entries with dot leaders and right-aligned page labels, each a link to its target. A label
/// not yet known prints as a fixed-width placeholder, so the first pass has the right length.
FlowPtr make_listof_flow(const Context& ctx, const std::vector<ListEntry>& entries,
                         const PageLabels& labels, Pt width);

}  // namespace lkjip::layout
