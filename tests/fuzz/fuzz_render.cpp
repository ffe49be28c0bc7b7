// libFuzzer target: description text -> validated model -> computed tables -> document tree ->
// pages -> PDF bytes, through pipeline::render_text (the same steps as `lkjip render`).
// Diagnostics are the expected outcome for most inputs; a crash, a sanitizer report, a hang
// (-timeout) or an escaping InternalError is a finding.
#include <cstddef>
#include <cstdint>

#include "pipeline/render.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Layouts, fonts and hyphenation patterns are read once and cached, as in a bulk run.
  static lkjip::pipeline::Resources resources(LKJIP_SOURCE_DIR);
  // Inputs pretend to live in tests/data, so that seeds from there find their images.
  static const std::string path = LKJIP_SOURCE_DIR "/tests/data/fuzz-input.toml";
  lkjip::DiagnosticSink sink;
  lkjip::pipeline::render_text({reinterpret_cast<const char*>(data), size}, path, {}, resources,
                               sink);
  return 0;
}
