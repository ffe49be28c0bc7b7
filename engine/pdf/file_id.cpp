#include "pdf/file_id.h"

#include <openssl/evp.h>

#include <array>

namespace lkjip::pdf {

bool set_content_file_id(std::string& bytes) {
  const size_t id = bytes.rfind("/ID");
  if (id == std::string::npos) return false;
  std::array<size_t, 2> hex_at{};
  size_t pos = id;
  for (size_t& at : hex_at) {
    pos = bytes.find('<', pos);
    if (pos == std::string::npos || pos + 33 >= bytes.size() || bytes[pos + 33] != '>')
      return false;
    at = pos + 1;
    pos += 34;
  }
  for (size_t at : hex_at) bytes.replace(at, 32, 32, '0');
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned md_len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md.data(), &md_len, EVP_md5(), nullptr);
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string hex;
  for (unsigned i = 0; i < 16; ++i) {
    hex += digits[md[i] >> 4];
    hex += digits[md[i] & 0xF];
  }
  for (size_t at : hex_at) bytes.replace(at, 32, hex);
  return true;
}

}  // namespace lkjip::pdf
