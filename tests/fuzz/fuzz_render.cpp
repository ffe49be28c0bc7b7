// libFuzzer target: description text -> validated model -> computed tables -> document tree ->
// pages -> PDF bytes (render_text.h). Diagnostics are the expected outcome for most inputs; a
// crash, a sanitizer report, a hang (-timeout) or an escaping InternalError is a finding.
#include <cstddef>
#include <cstdint>

#include "render_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Layouts, fonts and hyphenation patterns are read once and cached, as in a bulk run.
  static lkjip::pipeline::Resources resources(LKJIP_SOURCE_DIR);
  lkjip::DiagnosticSink sink;
  lkjip::fuzz::render_text({reinterpret_cast<const char*>(data), size}, resources, sink);
  return 0;
}
