#include "pdf/pdf_objects.h"

#include <string>

#include "pdf/pdf_format.h"

namespace lkjip::pdf {

using namespace PoDoFo;

PdfObject int_obj(int64_t v) { return PdfObject(static_cast<pdf_int64>(v)); }

PdfObject real_obj(double v, int decimals) {
  std::string s(1, ' ');
  append_num(s, v, decimals);
  return PdfObject(PdfVariant(PdfData(s.data(), s.size())));
}

}  // namespace lkjip::pdf
