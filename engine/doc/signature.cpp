#include "doc/signature.h"

#include "compute/format.h"
#include "doc/text_util.h"

namespace lkjip::doc {

SignatureParty signature_party(const report::Signatory& s) {
  SignatureParty p;
  p.party = s.party;
  std::string office = upper(s.jabatan);
  if (!s.prefix.empty()) office = s.prefix + " " + office;
  p.jabatan_lines.push_back(office);
  // Plt./Plh./a.n.: the holder's own definitive jabatan follows on its own line.
  if (!s.own_jabatan.empty()) p.jabatan_lines.push_back(upper(s.own_jabatan));
  p.jabatan_lines.back() += ",";
  p.name = s.name;
  if (!s.pangkat.empty() && !s.golongan.empty())
    p.pangkat_line = s.pangkat + " (" + s.golongan + ")";
  else
    p.pangkat_line = s.pangkat.empty() ? s.golongan : s.pangkat;
  if (!s.nip.empty()) p.nip_line = "NIP. " + compute::format_nip(s.nip);
  p.field = s.field.empty() ? "ttd_" + s.id : s.field;
  p.electronic = s.electronic;
  return p;
}

Signature signature_block(const std::vector<const report::Signatory*>& parties,
                          const std::string& place_date) {
  Signature sig;
  sig.place_date = place_date;
  for (const report::Signatory* s : parties) sig.parties.push_back(signature_party(*s));
  return sig;
}

}  // namespace lkjip::doc
