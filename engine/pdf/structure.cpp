// The structure tree (tagged PDF, PDF 32000-1 14.7-14.8): one StructElem object per element of
// frame::Structure that has content, its /K the kids and marked-content references in reading
// order, the ParentTree from each page's MCIDs back to their elements, /MarkInfo, and the
// viewer preference that shows the title rather than the file name.
#include "pdf/writer.h"

namespace lkjip::pdf::detail {

using namespace PoDoFo;

void Writer::write_structure(const std::vector<PageState>& pages) {
  const auto& elems = in_.structure.elems;
  if (elems.empty()) return;
  // Each element's content, (page, MCID) in page order and, within a page, content order.
  std::vector<std::vector<std::pair<size_t, size_t>>> content(elems.size());
  for (const PageState& ps : pages)
    for (size_t mcid = 0; mcid < ps.mcid_elems.size(); ++mcid)
      content.at(ps.mcid_elems[mcid]).push_back({ps.index, mcid});
  // An element without content anywhere below it (an empty paragraph, a row all covered by
  // spans from above) is left out: an empty element tells a reader nothing.
  std::vector<char> kept(elems.size(), 0);
  for (size_t i = elems.size(); i-- > 0;) {
    if (!content[i].empty()) kept[i] = 1;
    if (kept[i] && i > 0) kept[elems[i].parent] = 1;
  }
  kept[0] = 1;

  PdfVecObjects& objects = pdf_->GetObjects();
  PdfObject* root = objects.CreateObject("StructTreeRoot");
  std::vector<PdfObject*> obj(elems.size(), nullptr);
  for (size_t i = 0; i < elems.size(); ++i)
    if (kept[i]) obj[i] = objects.CreateObject();
  for (size_t i = 0; i < elems.size(); ++i) {
    if (!kept[i]) continue;
    const frame::StructElem& e = elems[i];
    PdfDictionary& d = obj[i]->GetDictionary();
    d.AddKey("S", PdfName(frame::structure_type(e.role)));
    d.AddKey("P", i == 0 ? root->Reference() : obj[e.parent]->Reference());
    PdfArray k;
    // The element's own content first, then its kids: lkjip's elements hold one or the other.
    const size_t pg = content[i].empty() ? 0 : content[i].front().first;
    if (!content[i].empty()) d.AddKey("Pg", pages[pg].page->GetObject()->Reference());
    for (const auto& [page, mcid] : content[i]) {
      if (page == pg) {
        k.push_back(static_cast<pdf_int64>(mcid));
      } else {
        PdfDictionary mcr;
        mcr.AddKey("Type", PdfName("MCR"));
        mcr.AddKey("Pg", pages[page].page->GetObject()->Reference());
        mcr.AddKey("MCID", static_cast<pdf_int64>(mcid));
        k.push_back(mcr);
      }
    }
    for (uint32_t kid : e.kids)
      if (kept.at(kid)) k.push_back(obj[kid]->Reference());
    d.AddKey("K", k);
    if (!e.alt.empty()) d.AddKey("Alt", text_string(e.alt));
    if (e.role == frame::Role::th || e.role == frame::Role::td) {
      PdfDictionary a;
      a.AddKey("O", PdfName("Table"));
      if (e.column_header) a.AddKey("Scope", PdfName("Column"));
      if (e.colspan > 1) a.AddKey("ColSpan", static_cast<pdf_int64>(e.colspan));
      if (e.rowspan > 1) a.AddKey("RowSpan", static_cast<pdf_int64>(e.rowspan));
      if (a.GetKeys().size() > 1) d.AddKey("A", a);
    }
  }

  // ParentTree: page i's /StructParents is i; its array gives the element of each MCID.
  PdfArray nums;
  for (const PageState& ps : pages) {
    if (ps.mcid_elems.empty()) continue;
    ps.page->GetObject()->GetDictionary().AddKey("StructParents", static_cast<pdf_int64>(ps.index));
    PdfArray parents;
    for (uint32_t elem : ps.mcid_elems) parents.push_back(obj.at(elem)->Reference());
    nums.push_back(static_cast<pdf_int64>(ps.index));
    nums.push_back(parents);
  }
  PdfDictionary parent_tree;
  parent_tree.AddKey("Nums", nums);
  PdfDictionary& r = root->GetDictionary();
  r.AddKey("K", obj[0]->Reference());
  r.AddKey("ParentTree", objects.CreateObject(parent_tree)->Reference());
  r.AddKey("ParentTreeNextKey", static_cast<pdf_int64>(pages.size()));

  PdfDictionary& catalog = pdf_->GetCatalog()->GetDictionary();
  catalog.AddKey("StructTreeRoot", root->Reference());
  PdfDictionary mark_info;
  mark_info.AddKey("Marked", true);
  catalog.AddKey("MarkInfo", mark_info);
  PdfDictionary viewer;
  viewer.AddKey("DisplayDocTitle", true);
  catalog.AddKey("ViewerPreferences", viewer);
}

}  // namespace lkjip::pdf::detail
