#include "pdf/combine.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <memory>
#include <set>

#include "pdf/file_id.h"
#include "pdf/pdf_format.h"

namespace lkjip::pdf {

using namespace PoDoFo;

namespace {

/// A PDF text string from UTF-8 (PdfString(std::string) would read it as PdfDocEncoding).
PdfString text(const std::string& s) {
  if (is_plain_ascii(s)) return PdfString(s);
  return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
}

std::string utf8(const PdfObject* o) {
  return o && o->IsString() ? o->GetString().GetStringUtf8() : std::string();
}

/// Copies the objects reachable from chosen roots of one source document into `dst`, numbered
/// in discovery order after dst's last object, so the copy is deterministic and holds nothing
/// unreachable (PoDoFo's Append copies every object, orphans included). References to `stop`
/// objects (the source's catalog, page tree, outline root, Info) are not followed: dictionary
/// keys holding them are dropped and the caller links the copies into its own structure.
class Copier {
 public:
  Copier(PdfVecObjects& dst, const PdfVecObjects& src, std::set<PdfReference> stop)
      : dst_(dst),
        src_(src),
        stop_(std::move(stop)),
        next_(static_cast<unsigned>(dst.GetObjectCount())) {}

  /// The reference the copy of `r` gets; schedules the copy the first time.
  PdfReference map(const PdfReference& r) {
    auto [it, fresh] = map_.emplace(r, PdfReference(next_, 0));
    if (fresh) {
      ++next_;
      queue_.push_back(r);
    }
    return it->second;
  }

  /// The copy of `r`, or nullptr when nothing reached it. Valid after run().
  PdfObject* copied(const PdfReference& r) const {
    auto it = map_.find(r);
    return it == map_.end() ? nullptr : dst_.GetObject(it->second);
  }

  /// Copies `r` with `value` as its content instead of the source's (pages that carry their
  /// inherited attributes themselves).
  PdfReference map_as(const PdfReference& r, PdfObject value) {
    overrides_.emplace(r, std::move(value));
    return map(r);
  }

  /// Creates every scheduled object, in the order of their numbers.
  void run() {
    while (!queue_.empty()) {
      const PdfReference r = queue_.front();
      queue_.pop_front();
      const PdfObject* src = src_.GetObject(r);
      auto over = overrides_.find(r);
      const PdfObject value = over != overrides_.end() ? mapped(over->second)
                              : src                    ? mapped(*src)
                                                       : PdfObject(PdfVariant::NullValue);
      auto* obj = new PdfObject(map_.at(r), value);
      dst_.push_back(obj);
      if (src && src->HasStream()) *obj->GetStream() = *src->GetStream();
    }
  }

 private:
  PdfVecObjects& dst_;
  const PdfVecObjects& src_;
  std::set<PdfReference> stop_;
  unsigned next_;
  std::map<PdfReference, PdfReference> map_;
  std::map<PdfReference, PdfObject> overrides_;
  std::deque<PdfReference> queue_;

  bool stopped(const PdfObject& v) const {
    return v.IsReference() && stop_.count(v.GetReference());
  }

  /// A direct value with every reference replaced by its copy's.
  PdfObject mapped(const PdfObject& v) {
    if (v.IsReference()) return PdfObject(map(v.GetReference()));
    if (v.IsDictionary()) {
      PdfDictionary d;
      for (const auto& [key, value] : v.GetDictionary().GetKeys())
        if (!stopped(*value)) d.AddKey(key, mapped(*value));
      return PdfObject(d);
    }
    if (v.IsArray()) {
      PdfArray a;
      for (const PdfObject& e : v.GetArray())
        a.push_back(stopped(e) ? PdfObject(PdfVariant::NullValue) : mapped(e));
      return PdfObject(a);
    }
    return PdfObject(static_cast<const PdfVariant&>(v));
  }
};

/// `o` itself, or the object it refers to in `objects`.
const PdfObject* resolve(const PdfObject* o, const PdfVecObjects& objects) {
  return o && o->IsReference() ? objects.GetObject(o->GetReference()) : o;
}

class Combiner {
 public:
  explicit Combiner(DiagnosticSink& sink) : sink_(sink), out_(std::make_unique<PdfMemDocument>()) {}

  bool add(const CombinePart& part, size_t index);
  std::optional<Combined> finish(const std::string& title);

 private:
  DiagnosticSink& sink_;
  std::unique_ptr<PdfMemDocument> out_;
  std::vector<PdfReference> kids_;   // every page of the result, in order
  std::vector<PdfObject*> entries_;  // the outline entry of each part
  PdfArray label_nums_, fields_;
  PdfArray last_media_box_;
  std::string latest_date_, lang_;
  Combined result_;

  PdfObject* object(const PdfReference& r) { return out_->GetObjects().GetObject(r); }
  void add_blank_page();
};

bool Combiner::add(const CombinePart& part, size_t index) {
  const std::string where = "combined report " + std::to_string(index + 1) + ": ";
  if (part.prefix.find('.') != std::string::npos) {
    sink_.error({}, where + "prefix '" + part.prefix + "' contains '.', which field names forbid");
    return false;
  }
  PdfMemDocument src;
  src.LoadFromBuffer(part.pdf.data(), static_cast<long>(part.pdf.size()));
  const PdfVecObjects& objects = src.GetObjects();
  const int count = src.GetPageCount();
  if (count <= 0) {
    sink_.error({}, where + "the PDF has no pages");
    return false;
  }
  // Duplex: every report starts on a right-hand page.
  if (kids_.size() % 2 == 1) add_blank_page();
  const size_t base = kids_.size();

  const PdfObject* catalog = src.GetCatalog();
  std::set<PdfReference> stop = {catalog->Reference()};
  if (src.GetInfo()) stop.insert(src.GetInfo()->GetObject()->Reference());
  const PdfObject* outlines = catalog->GetIndirectKey("Outlines");
  if (outlines) stop.insert(outlines->Reference());
  std::vector<PdfPage*> pages;
  for (int i = 0; i < count; ++i) {
    pages.push_back(src.GetPage(i));
    for (const PdfObject* node = pages.back()->GetObject()->GetIndirectKey("Parent"); node;
         node = node->GetIndirectKey("Parent"))
      if (!stop.insert(node->Reference()).second) break;
  }

  Copier copier(out_->GetObjects(), objects, stop);
  std::vector<PdfReference> copies;
  for (PdfPage* page : pages) {
    PdfObject value(page->GetObject()->GetDictionary());
    for (const char* key : {"Resources", "MediaBox", "CropBox", "Rotate"})
      if (!value.GetDictionary().HasKey(key))
        if (const PdfObject* inherited = page->GetInheritedKey(key))
          value.GetDictionary().AddKey(key, *inherited);
    copies.push_back(copier.map_as(page->GetObject()->Reference(), std::move(value)));
  }
  PdfVariant box;
  pages.back()->GetMediaBox().ToVariant(box);
  last_media_box_ = box.GetArray();
  const PdfObject* first = outlines ? outlines->GetDictionary().GetKey("First") : nullptr;
  const PdfObject* last = outlines ? outlines->GetDictionary().GetKey("Last") : nullptr;
  const bool nested = first && first->IsReference() && last && last->IsReference();
  if (nested) {
    copier.map(first->GetReference());
    copier.map(last->GetReference());
  }
  copier.run();

  const PdfReference pages_root = out_->GetCatalog()->GetIndirectKey("Pages")->Reference();
  for (const PdfReference& r : copies) {
    object(r)->GetDictionary().AddKey("Parent", pages_root);
    kids_.push_back(r);
  }

  // Page labels, behind the prefix; a part without labels is numbered 1, 2, …
  const PdfObject* labels = resolve(catalog->GetIndirectKey("PageLabels"), objects);
  const PdfObject* nums = labels && labels->IsDictionary()
                              ? resolve(labels->GetDictionary().GetKey("Nums"), objects)
                              : nullptr;
  bool labelled = false;
  if (nums && nums->IsArray()) {
    const PdfArray& a = nums->GetArray();
    for (size_t i = 0; i + 1 < a.size(); i += 2) {
      const PdfObject* d = resolve(&a[i + 1], objects);
      if (!a[i].IsNumber() || !d || !d->IsDictionary()) continue;
      PdfDictionary label;
      if (const PdfObject* s = d->GetDictionary().GetKey("S")) label.AddKey("S", *s);
      if (const PdfObject* st = d->GetDictionary().GetKey("St")) label.AddKey("St", *st);
      const std::string p = part.prefix + utf8(resolve(d->GetDictionary().GetKey("P"), objects));
      if (!p.empty()) label.AddKey("P", text(p));
      label_nums_.push_back(PdfObject(static_cast<pdf_int64>(base + a[i].GetNumber())));
      label_nums_.push_back(label);
      labelled = true;
    }
  }
  if (!labelled) {
    PdfDictionary label;
    label.AddKey("S", PdfName("D"));
    if (!part.prefix.empty()) label.AddKey("P", text(part.prefix));
    label_nums_.push_back(PdfObject(static_cast<pdf_int64>(base)));
    label_nums_.push_back(label);
  }

  // Signature fields stay fillable: renamed behind the prefix, listed in the new AcroForm.
  const PdfObject* form = resolve(catalog->GetIndirectKey("AcroForm"), objects);
  const PdfObject* fields = form && form->IsDictionary()
                                ? resolve(form->GetDictionary().GetKey("Fields"), objects)
                                : nullptr;
  if (fields && fields->IsArray())
    for (const PdfObject& f : fields->GetArray())
      if (PdfObject* copy = f.IsReference() ? copier.copied(f.GetReference()) : nullptr) {
        const std::string name = utf8(copy->GetDictionary().GetKey("T"));
        copy->GetDictionary().AddKey("T", text(part.prefix + name));
        fields_.push_back(copy->Reference());
      }

  // The part's outline entry; its own outline hangs below, closed.
  std::string title = part.title;
  if (title.empty() && src.GetInfo())
    title = utf8(src.GetInfo()->GetObject()->GetDictionary().GetKey("Title"));
  if (title.empty()) title = "Laporan " + std::to_string(index + 1);
  PdfObject* entry = out_->GetObjects().CreateObject();
  PdfDictionary& e = entry->GetDictionary();
  e.AddKey("Title", text(title));
  PdfArray dest;
  dest.push_back(copies.front());
  dest.push_back(PdfName("Fit"));
  e.AddKey("Dest", dest);
  if (nested) {
    const PdfObject* count_obj = outlines->GetDictionary().GetKey("Count");
    const pdf_int64 visible = count_obj && count_obj->IsNumber() ? count_obj->GetNumber() : 0;
    PdfObject* child = copier.copied(first->GetReference());
    e.AddKey("First", child->Reference());
    e.AddKey("Last", copier.copied(last->GetReference())->Reference());
    if (visible != 0) e.AddKey("Count", PdfObject(static_cast<pdf_int64>(-std::llabs(visible))));
    for (std::set<PdfReference> seen; child && seen.insert(child->Reference()).second;) {
      child->GetDictionary().AddKey("Parent", entry->Reference());
      const PdfObject* next = child->GetDictionary().GetKey("Next");
      child = next && next->IsReference() ? object(next->GetReference()) : nullptr;
    }
  }
  entries_.push_back(entry);

  if (src.GetInfo()) {
    const PdfDictionary& info = src.GetInfo()->GetObject()->GetDictionary();
    if (const PdfObject* date = info.GetKey("CreationDate"); date && date->IsString())
      latest_date_ = std::max(latest_date_, date->GetString().GetStringUtf8());
  }
  if (lang_.empty()) lang_ = utf8(catalog->GetDictionary().GetKey("Lang"));
  result_.first_pages.push_back(base + 1);
  return true;
}

void Combiner::add_blank_page() {
  PdfObject* page = out_->GetObjects().CreateObject("Page");
  page->GetDictionary().AddKey("MediaBox", last_media_box_);
  page->GetDictionary().AddKey("Resources", PdfDictionary());
  page->GetDictionary().AddKey("Parent", out_->GetCatalog()->GetIndirectKey("Pages")->Reference());
  kids_.push_back(page->Reference());
  ++result_.blank_pages;
}

std::optional<Combined> Combiner::finish(const std::string& title) {
  // The page tree is written by hand as one flat node: PoDoFo's PdfPagesTree cache has the
  // CreatePage pointer bug and only slows a 10,000-page insertion down.
  PdfObject* pages = out_->GetCatalog()->GetIndirectKey("Pages");
  PdfArray kids;
  for (const PdfReference& r : kids_) kids.push_back(r);
  pages->GetDictionary().AddKey("Kids", kids);
  pages->GetDictionary().AddKey("Count", PdfObject(static_cast<pdf_int64>(kids_.size())));

  // Outline built by hand: PdfOutlines never writes /Count. Part entries are closed.
  PdfObject* root = out_->GetObjects().CreateObject("Outlines");
  for (size_t i = 0; i < entries_.size(); ++i) {
    PdfDictionary& d = entries_[i]->GetDictionary();
    d.AddKey("Parent", root->Reference());
    if (i > 0) d.AddKey("Prev", entries_[i - 1]->Reference());
    if (i + 1 < entries_.size()) d.AddKey("Next", entries_[i + 1]->Reference());
  }
  root->GetDictionary().AddKey("First", entries_.front()->Reference());
  root->GetDictionary().AddKey("Last", entries_.back()->Reference());
  root->GetDictionary().AddKey("Count", PdfObject(static_cast<pdf_int64>(entries_.size())));

  PdfDictionary& catalog = out_->GetCatalog()->GetDictionary();
  catalog.AddKey("Outlines", root->Reference());
  catalog.AddKey("PageMode", PdfName("UseOutlines"));
  PdfDictionary labels;
  labels.AddKey("Nums", label_nums_);
  catalog.AddKey("PageLabels", labels);
  if (!fields_.empty()) {
    PdfDictionary form;
    form.AddKey("Fields", fields_);
    catalog.AddKey("AcroForm", form);
  }
  if (!lang_.empty()) catalog.AddKey("Lang", text(lang_));

  // Replace PoDoFo's Info (wall-clock date, its own Producer).
  PdfDictionary& info = out_->GetInfo()->GetObject()->GetDictionary();
  info.Clear();
  if (!title.empty()) info.AddKey("Title", text(title));
  info.AddKey("Creator", PdfString("lkjip"));
  info.AddKey("Producer", PdfString("lkjip " LKJIP_VERSION));
  if (!latest_date_.empty()) {
    info.AddKey("CreationDate", PdfString(latest_date_));
    info.AddKey("ModDate", PdfString(latest_date_));
  }

  out_->SetPdfVersion(ePdfVersion_1_7);
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  out_->Write(&device);
  result_.pdf.assign(buffer.GetBuffer(), device.GetLength());
  if (!set_content_file_id(result_.pdf)) {
    sink_.error({}, "combine: PoDoFo wrote no 32-digit trailer /ID to replace");
    return std::nullopt;
  }
  result_.pages = kids_.size();
  return std::move(result_);
}

}  // namespace

std::optional<Combined> combine_pdfs(const std::vector<CombinePart>& parts,
                                     const std::string& title, DiagnosticSink& sink) {
  if (parts.empty()) {
    sink.error({}, "combine: no reports to combine");
    return std::nullopt;
  }
  PdfError::EnableDebug(false);
  PdfError::EnableLogging(false);
  size_t at = 0;
  try {
    Combiner c(sink);
    for (; at < parts.size(); ++at)
      if (!c.add(parts[at], at)) return std::nullopt;
    return c.finish(title);
  } catch (const PdfError& e) {
    sink.error({}, "combine: report " + std::to_string(at + 1) +
                       (at < parts.size() ? "" : " (writing)") +
                       ": PoDoFo failed: " + PdfError::ErrorName(e.GetError()));
  } catch (const std::bad_alloc&) {
    sink.error({}, "combine: out of memory");
  }
  return std::nullopt;
}

}  // namespace lkjip::pdf
