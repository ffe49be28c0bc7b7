// Signature blocks per Tata Naskah Dinas (Permendagri 1/2023 Pasal 44; lkjip-domain.md §4).
#pragma once

#include <string>
#include <vector>

#include "doc/doc.h"
#include "report/model.h"

namespace lkjip::doc {

/// One signatory's lines: "Plt. CAMAT MEGALUH" / "SEKRETARIS CAMAT," (the comma closes the
/// last jabatan line), name, "Pembina (IV/a)", "NIP. 19791024 200501 1 007". Lines the
/// signatory lacks (no NIP for a Plt. Kepala Daerah, Pasal 44(4)) stay empty.
SignatureParty signature_party(const report::Signatory& s);

/// A block with `place_date` ("Jombang, 3 Januari 2025") over one party (right-aligned) or two
/// (side by side, the Perjanjian Kinerja form: first id on the left).
Signature signature_block(const std::vector<const report::Signatory*>& parties,
                          const std::string& place_date);

}  // namespace lkjip::doc
