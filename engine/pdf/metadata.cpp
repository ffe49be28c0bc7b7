// Document metadata: the Info dictionary, PDF/A XMP and the sRGB OutputIntent.
#include "pdf/writer.h"

#include <optional>
#include <string>

#include "io/world.h"
#include "pdf/flate.h"
#include "pdf/pdf_format.h"
#include "pdf/pdf_objects.h"

namespace lkjip::pdf::detail {

using namespace PoDoFo;

namespace {
/// The output intent's profile is read whole into the PDF: sRGB profiles are a few KiB.
constexpr uint64_t kMaxIccBytes = uint64_t{4} << 20;
}  // namespace

void Writer::write_metadata() {
  const frame::DocumentInfo& info = in_.info;
  const std::string producer = std::string("lkjip ") + LKJIP_VERSION;
  const std::string creator = info.creator.empty() ? std::string("lkjip") : info.creator;

  // Replace PoDoFo's Info (wall-clock CreationDate, its own Producer) entirely.
  PdfDictionary& d = pdf_->GetInfo()->GetObject()->GetDictionary();
  d.Clear();
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) d.AddKey(key, text_string(value));
  };
  put("Title", info.title);
  put("Author", info.author);
  put("Subject", info.subject);
  put("Keywords", info.keywords);
  put("Creator", creator);
  put("Producer", producer);
  d.AddKey("CreationDate", PdfString(date_));
  d.AddKey("ModDate", PdfString(date_));

  PdfDictionary& catalog = pdf_->GetCatalog()->GetDictionary();
  catalog.AddKey("Lang", text_string(info.lang.empty() ? std::string("id-ID") : info.lang));
  if (!opt_.pdfa) return;

  // XMP mirrors Info field by field, as PDF/A requires.
  const std::string xdate = xmp_date(info.epoch);
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      "   <pdfaid:part>2</pdfaid:part>\n"
      "   <pdfaid:conformance>B</pdfaid:conformance>\n"
      "   <dc:format>application/pdf</dc:format>\n";
  auto alt = [&](const char* tag, const std::string& v) {
    if (v.empty()) return;
    x += std::string("   <") + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(v) +
         "</rdf:li></rdf:Alt></" + tag + ">\n";
  };
  alt("dc:title", info.title);
  if (!info.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(info.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  alt("dc:description", info.subject);
  if (!info.keywords.empty())
    x += "   <pdf:Keywords>" + xml_escape(info.keywords) + "</pdf:Keywords>\n";
  x += "   <pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
  x += "   <xmp:CreatorTool>" + xml_escape(creator) + "</xmp:CreatorTool>\n";
  x += "   <xmp:CreateDate>" + xdate + "</xmp:CreateDate>\n";
  x += "   <xmp:ModifyDate>" + xdate + "</xmp:ModifyDate>\n";
  x += "   <xmp:MetadataDate>" + xdate + "</xmp:MetadataDate>\n";
  x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
       "<?xpacket end=\"w\"?>";
  PdfObject* meta = pdf_->GetObjects().CreateObject("Metadata");
  meta->GetDictionary().AddKey("Subtype", PdfName("XML"));
  meta->GetStream()->Set(x.data(), static_cast<pdf_long>(x.size()), TVecFilters());
  catalog.AddKey("Metadata", meta->Reference());

  io::FileProblem problem;
  const std::optional<std::string> read = io::disk().read(opt_.icc_profile, kMaxIccBytes, problem);
  if (!read) {
    sink_.error({opt_.icc_profile, 0, 0},
                "cannot read the sRGB ICC profile for PDF/A: " + problem.reason,
                {"install icc-profiles-free, or turn PDF/A output off"});
    return;
  }
  const std::string& icc = *read;
  if (icc.size() < 128 || icc.compare(36, 4, "acsp") != 0) {
    sink_.error({opt_.icc_profile, 0, 0}, "not an ICC profile (no 'acsp' signature)",
                {"install icc-profiles-free, or turn PDF/A output off"});
    return;
  }
  PdfObject* profile = pdf_->GetObjects().CreateObject();
  profile->GetDictionary().AddKey("N", int_obj(3));
  set_flate_stream(*profile, icc);
  PdfDictionary intent;
  intent.AddKey("Type", PdfName("OutputIntent"));
  intent.AddKey("S", PdfName("GTS_PDFA1"));
  intent.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
  intent.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
  intent.AddKey("DestOutputProfile", profile->Reference());
  PdfArray intents;
  intents.push_back(intent);
  catalog.AddKey("OutputIntents", intents);
}

}  // namespace lkjip::pdf::detail
