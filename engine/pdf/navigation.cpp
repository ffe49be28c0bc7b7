// Navigation and interaction: link annotations, signature fields, the outline (bookmarks)
// and page labels.
#include "pdf/writer.h"

#include "pdf/pdf_format.h"
#include "pdf/pdf_objects.h"

namespace lkjip::pdf::detail {

using namespace PoDoFo;

PdfArray Writer::destination(const AnchorPos& a) const {
  PdfArray dest;
  dest.push_back(pages_.at(a.page)->GetObject()->Reference());
  dest.push_back(PdfName("XYZ"));
  dest.push_back(real_obj(a.x));
  dest.push_back(real_obj(a.y));
  dest.push_back(PdfVariant::NullValue);  // keep the reader's zoom
  return dest;
}

PdfAnnotation* Writer::create_annotation(PdfPage* page, EPdfAnnotation type, const PageBox& box) {
  PdfAnnotation* annot = nullptr;
  {
    std::lock_guard lock(podofo_clock_mutex());
    annot = page->CreateAnnotation(type, pdf_rect(box));
  }
  annot->SetFlags(ePdfAnnotationFlags_Print);  // PDF/A: annotations must print
  annot->GetObject()->GetDictionary().AddKey("Rect", pdf_array(box));
  annot->GetObject()->GetDictionary().AddKey("M", PdfString(date_));
  return annot;
}

void Writer::write_annotations(PageState& ps) {
  for (const PendingLink& link : ps.links) {
    auto it = anchors_.find(link.target);
    if (it == anchors_.end()) {
      breaches_.error({}, page_where(ps.index) + "link to unknown anchor '" + link.target + "'");
      continue;
    }
    PdfAnnotation* annot = create_annotation(ps.page, ePdfAnnotation_Link, link.box);
    PdfArray no_border;  // integers: SetBorderStyle would write three PoDoFo reals
    for (int k = 0; k < 3; ++k) no_border.push_back(int_obj(0));
    annot->GetObject()->GetDictionary().AddKey("Border", no_border);
    annot->GetObject()->GetDictionary().AddKey("Dest", destination(it->second));
  }
  for (const PendingSig& sig : ps.sigs) {
    if (sig.name.empty() || sig.name.find('.') != std::string::npos) {
      breaches_.error({}, page_where(ps.index) + "signature field name '" + sig.name +
                              "' must be non-empty and contain no '.'");
      continue;
    }
    if (!field_names_.insert(sig.name).second) {
      breaches_.error({},
                      page_where(ps.index) + "signature field '" + sig.name + "' appears twice");
      continue;
    }
    // The None appearance mode keeps PoDoFo from adding a non-embedded Helvetica in /DR.
    if (!acro_form_) acro_form_ = pdf_->GetAcroForm(true, ePdfAcroFormDefaultAppearance_None);
    PdfAnnotation* widget = create_annotation(ps.page, ePdfAnnotation_Widget, sig.box);
    // bInit=false: no /V, the field stays empty until a signing tool fills it.
    PdfSignatureField field(widget, acro_form_, pdf_.get(), false);
    field.SetFieldName(text_string(sig.name));

    // Appearance: an empty form XObject. PDF/A-2 needs a normal appearance (/AP /N) on every
    // widget and the Print flag set (NoView/Hidden forbidden), so whatever the appearance draws
    // is printed; the reserved space must reach paper blank for the wet signature and stamp or
    // the TTE QR code. An empty stream draws nothing and references no font; viewers still
    // highlight the unsigned field on screen, and signing tools replace the appearance anyway.
    const double w = sig.box.right - sig.box.left, h = sig.box.top - sig.box.bottom;
    PdfObject* ap = pdf_->GetObjects().CreateObject("XObject");
    PdfDictionary& apd = ap->GetDictionary();
    apd.AddKey("Subtype", PdfName("Form"));
    PdfArray bbox;
    for (double v : {0.0, 0.0, w, h}) bbox.push_back(real_obj(v));
    apd.AddKey("BBox", bbox);
    apd.AddKey("Resources", PdfDictionary());
    ap->GetStream()->Set("", 0, TVecFilters());
    PdfDictionary appearance;
    appearance.AddKey("N", ap->Reference());
    widget->GetObject()->GetDictionary().AddKey("AP", appearance);
  }
}

// Built by hand: PdfOutlines never writes /Count. Top-level entries are open, deeper ones
// closed, so the reader shows chapters and their first-level sections.
void Writer::write_outline() {
  const auto& entries = in_.outline;
  if (entries.empty()) return;
  const size_t n = entries.size();
  std::vector<long> parent(n, -1);
  std::vector<std::vector<size_t>> children(n);
  std::vector<size_t> top;
  std::vector<size_t> stack;  // open ancestors, by level
  bool ok = true;
  for (size_t i = 0; i < n; ++i) {
    const int level = entries[i].level;
    if (level < 0 || static_cast<size_t>(level) > stack.size()) {
      breaches_.error({}, "outline entry '" + entries[i].title + "' has level " +
                              std::to_string(level) + " but follows level " +
                              std::to_string(static_cast<long>(stack.size()) - 1));
      ok = false;
      continue;
    }
    stack.resize(static_cast<size_t>(level));
    if (level == 0) {
      top.push_back(i);
    } else {
      parent[i] = static_cast<long>(stack.back());
      children[stack.back()].push_back(i);
    }
    stack.push_back(i);
    if (!anchors_.count(entries[i].anchor)) {
      breaches_.error({}, "outline entry '" + entries[i].title + "' points to unknown anchor '" +
                              entries[i].anchor + "'");
      ok = false;
    }
  }
  if (!ok) return;

  PdfObject* root = pdf_->GetObjects().CreateObject("Outlines");
  std::vector<PdfObject*> objs(n);
  for (size_t i = 0; i < n; ++i) objs[i] = pdf_->GetObjects().CreateObject();
  // Visible descendants when `i` is open, walking children last to first.
  std::vector<long> visible(n, 0);
  for (size_t k = n; k-- > 0;) {
    for (size_t c : children[k]) visible[k] += 1 + (entries[c].level == 0 ? visible[c] : 0);
  }
  auto link_siblings = [&](PdfObject* parent_obj, const std::vector<size_t>& kids) {
    for (size_t j = 0; j < kids.size(); ++j) {
      PdfDictionary& d = objs[kids[j]]->GetDictionary();
      d.AddKey("Parent", parent_obj->Reference());
      if (j > 0) d.AddKey("Prev", objs[kids[j - 1]]->Reference());
      if (j + 1 < kids.size()) d.AddKey("Next", objs[kids[j + 1]]->Reference());
    }
    if (!kids.empty()) {
      parent_obj->GetDictionary().AddKey("First", objs[kids.front()]->Reference());
      parent_obj->GetDictionary().AddKey("Last", objs[kids.back()]->Reference());
    }
  };
  link_siblings(root, top);
  long root_count = 0;
  for (size_t t : top) root_count += 1 + visible[t];
  root->GetDictionary().AddKey("Count", int_obj(root_count));
  for (size_t i = 0; i < n; ++i) {
    PdfDictionary& d = objs[i]->GetDictionary();
    d.AddKey("Title", text_string(entries[i].title));
    d.AddKey("Dest", destination(anchors_.at(entries[i].anchor)));
    link_siblings(objs[i], children[i]);
    if (!children[i].empty())
      d.AddKey("Count", int_obj(entries[i].level == 0 ? visible[i] : -visible[i]));
  }
  PdfDictionary& catalog = pdf_->GetCatalog()->GetDictionary();
  catalog.AddKey("Outlines", root->Reference());
  catalog.AddKey("PageMode", PdfName("UseOutlines"));
}

void Writer::write_page_labels() {
  const auto& ranges = in_.page_labels;
  if (ranges.empty()) return;
  PdfArray nums;
  for (size_t i = 0; i < ranges.size(); ++i) {
    const auto& r = ranges[i];
    const bool ordered = i == 0 ? r.first_page == 0 : r.first_page > ranges[i - 1].first_page;
    if (!ordered || r.first_page >= in_.pages.size() || r.start < 1) {
      breaches_.error({}, "page label ranges must start at page 0, increase, stay within the " +
                              std::to_string(in_.pages.size()) +
                              " pages and number from 1 or more (range " + std::to_string(i + 1) +
                              " starts at page " + std::to_string(r.first_page) + ")");
      return;
    }
    PdfDictionary label;
    switch (r.style) {
      case frame::PageLabelRange::Style::none:
        break;
      case frame::PageLabelRange::Style::decimal:
        label.AddKey("S", PdfName("D"));
        break;
      case frame::PageLabelRange::Style::roman_lower:
        label.AddKey("S", PdfName("r"));
        break;
      case frame::PageLabelRange::Style::roman_upper:
        label.AddKey("S", PdfName("R"));
        break;
    }
    if (r.start != 1) label.AddKey("St", int_obj(r.start));
    if (!r.prefix.empty()) label.AddKey("P", text_string(r.prefix));
    nums.push_back(int_obj(static_cast<int64_t>(r.first_page)));
    nums.push_back(label);
  }
  PdfDictionary tree;
  tree.AddKey("Nums", nums);
  pdf_->GetCatalog()->GetDictionary().AddKey("PageLabels", tree);
}

}  // namespace lkjip::pdf::detail
