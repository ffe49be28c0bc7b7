// Content-derived trailer /ID for PDFs written by PoDoFo 0.9.8, whose own /ID hashes only the
// Info dictionary (two different documents with the same Info would share it).
#pragma once

#include <string>

namespace lkjip::pdf {

/// Replaces both 32-digit hex strings of the last trailer /ID in `bytes` with the MD5 of the
/// whole file taken with those digits zeroed. Same length, so xref offsets stay valid, and the
/// result is a pure function of the content. False (bytes untouched) when no such /ID exists.
bool set_content_file_id(std::string& bytes);

}  // namespace lkjip::pdf
