// Exact rationals. Schoolbook multiplication, Knuth's long division and Lehmer's gcd: the
// operators reduce with gcds of their operands' parts (Henrici, cross-cancelling), so an
// operation between a long and a short value costs time linear in the long one.
#include "compute/exact.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>

#include "base/diagnostic.h"

namespace lkjip::compute {

BigUint::BigUint(unsigned __int128 v) {
  while (v != 0) {
    limbs_.push_back(static_cast<uint32_t>(v));
    v >>= 32;
  }
}

void BigUint::trim() {
  while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
}

int BigUint::compare(const BigUint& o) const {
  if (limbs_.size() != o.limbs_.size()) return limbs_.size() < o.limbs_.size() ? -1 : 1;
  for (size_t i = limbs_.size(); i-- > 0;) {
    if (limbs_[i] != o.limbs_[i]) return limbs_[i] < o.limbs_[i] ? -1 : 1;
  }
  return 0;
}

BigUint BigUint::operator+(const BigUint& o) const {
  BigUint r;
  size_t n = std::max(limbs_.size(), o.limbs_.size());
  r.limbs_.resize(n + 1);
  uint64_t carry = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t s = carry;
    if (i < limbs_.size()) s += limbs_[i];
    if (i < o.limbs_.size()) s += o.limbs_[i];
    r.limbs_[i] = static_cast<uint32_t>(s);
    carry = s >> 32;
  }
  r.limbs_[n] = static_cast<uint32_t>(carry);
  r.trim();
  return r;
}

BigUint BigUint::operator-(const BigUint& o) const {
  if (compare(o) < 0) internal_error("BigUint subtraction below zero");
  BigUint r = *this;
  int64_t borrow = 0;
  for (size_t i = 0; i < r.limbs_.size(); ++i) {
    int64_t d = static_cast<int64_t>(r.limbs_[i]) - borrow -
                (i < o.limbs_.size() ? static_cast<int64_t>(o.limbs_[i]) : 0);
    borrow = d < 0 ? 1 : 0;
    r.limbs_[i] = static_cast<uint32_t>(d + (borrow << 32));
  }
  r.trim();
  return r;
}

BigUint BigUint::operator*(const BigUint& o) const {
  BigUint r;
  if (is_zero() || o.is_zero()) return r;
  r.limbs_.assign(limbs_.size() + o.limbs_.size(), 0);
  for (size_t i = 0; i < limbs_.size(); ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < o.limbs_.size(); ++j) {
      uint64_t cur = static_cast<uint64_t>(limbs_[i]) * o.limbs_[j] + r.limbs_[i + j] + carry;
      r.limbs_[i + j] = static_cast<uint32_t>(cur);
      carry = cur >> 32;
    }
    for (size_t k = i + o.limbs_.size(); carry != 0; ++k) {
      uint64_t cur = static_cast<uint64_t>(r.limbs_[k]) + carry;
      r.limbs_[k] = static_cast<uint32_t>(cur);
      carry = cur >> 32;
    }
  }
  r.trim();
  return r;
}

void BigUint::divmod(const BigUint& n, const BigUint& d, BigUint& q, BigUint& r) {
  if (d.is_zero()) internal_error("BigUint division by zero");
  q = BigUint();
  r = BigUint();
  if (d.limbs_.size() == 1) {  // the common case: short division
    uint64_t div = d.limbs_[0], rem = 0;
    q.limbs_.assign(n.limbs_.size(), 0);
    for (size_t i = n.limbs_.size(); i-- > 0;) {
      uint64_t cur = (rem << 32) | n.limbs_[i];
      q.limbs_[i] = static_cast<uint32_t>(cur / div);
      rem = cur % div;
    }
    q.trim();
    r = BigUint(rem);
    return;
  }
  if (n.compare(d) < 0) {
    r = n;
    return;
  }
  // Knuth's algorithm D (TAOCP 4.3.1), as in Hacker's Delight divmnu64: normalise so the
  // divisor's top limb has its high bit set, then estimate each quotient limb from the top
  // two limbs and correct it at most twice.
  const size_t nd = d.limbs_.size(), nn = n.limbs_.size();
  const int shift = std::countl_zero(d.limbs_.back());
  std::vector<uint32_t> vn(nd), un(nn + 1);
  for (size_t i = nd - 1; i > 0; --i) {
    vn[i] = (d.limbs_[i] << shift) |
            static_cast<uint32_t>(static_cast<uint64_t>(d.limbs_[i - 1]) >> (32 - shift));
  }
  vn[0] = d.limbs_[0] << shift;
  un[nn] = static_cast<uint32_t>(static_cast<uint64_t>(n.limbs_[nn - 1]) >> (32 - shift));
  for (size_t i = nn - 1; i > 0; --i) {
    un[i] = (n.limbs_[i] << shift) |
            static_cast<uint32_t>(static_cast<uint64_t>(n.limbs_[i - 1]) >> (32 - shift));
  }
  un[0] = n.limbs_[0] << shift;
  constexpr uint64_t kBase = uint64_t{1} << 32;
  q.limbs_.assign(nn - nd + 1, 0);
  for (size_t j = nn - nd + 1; j-- > 0;) {
    uint64_t top = (static_cast<uint64_t>(un[j + nd]) << 32) | un[j + nd - 1];
    uint64_t qhat = top / vn[nd - 1], rhat = top % vn[nd - 1];
    while (qhat >= kBase || qhat * vn[nd - 2] > ((rhat << 32) | un[j + nd - 2])) {
      --qhat;
      rhat += vn[nd - 1];
      if (rhat >= kBase) break;
    }
    int64_t k = 0, t = 0;
    for (size_t i = 0; i < nd; ++i) {  // un[j..] -= qhat * vn
      uint64_t p = qhat * vn[i];
      t = static_cast<int64_t>(un[i + j]) - k - static_cast<int64_t>(p & 0xffffffffu);
      un[i + j] = static_cast<uint32_t>(t);
      k = static_cast<int64_t>(p >> 32) - (t >> 32);
    }
    t = static_cast<int64_t>(un[j + nd]) - k;
    un[j + nd] = static_cast<uint32_t>(t);
    q.limbs_[j] = static_cast<uint32_t>(qhat);
    if (t < 0) {  // qhat was one too large: add the divisor back
      --q.limbs_[j];
      uint64_t carry = 0;
      for (size_t i = 0; i < nd; ++i) {
        uint64_t sum = static_cast<uint64_t>(un[i + j]) + vn[i] + carry;
        un[i + j] = static_cast<uint32_t>(sum);
        carry = sum >> 32;
      }
      un[j + nd] = static_cast<uint32_t>(un[j + nd] + carry);
    }
  }
  q.trim();
  r.limbs_.assign(nd, 0);  // remainder: un >> shift
  for (size_t i = 0; i < nd; ++i) {
    r.limbs_[i] =
        (un[i] >> shift) | static_cast<uint32_t>(static_cast<uint64_t>(un[i + 1]) << (32 - shift));
  }
  r.trim();
}

size_t BigUint::bit_length() const {
  return limbs_.empty() ? 0 : limbs_.size() * 32 - static_cast<size_t>(std::countl_zero(limbs_.back()));
}

uint64_t BigUint::bits_from(size_t shift) const {
  const size_t limb = shift / 32;
  unsigned __int128 acc = 0;  // three limbs hold 64 bits at any bit offset
  for (size_t k = 0; k < 3 && limb + k < limbs_.size(); ++k)
    acc |= static_cast<unsigned __int128>(limbs_[limb + k]) << (32 * k);
  return static_cast<uint64_t>(acc >> (shift % 32));
}

BigUint BigUint::combine(int64_t a, const BigUint& u, int64_t b, const BigUint& v) {
  BigUint r;
  const size_t n = std::max(u.limbs_.size(), v.limbs_.size());
  r.limbs_.resize(n);
  __int128 acc = 0;  // |a·limb + b·limb + carry| < 2^97
  for (size_t i = 0; i < n; ++i) {
    if (i < u.limbs_.size()) acc += static_cast<__int128>(a) * u.limbs_[i];
    if (i < v.limbs_.size()) acc += static_cast<__int128>(b) * v.limbs_[i];
    r.limbs_[i] = static_cast<uint32_t>(acc);  // the low 32 bits, two's complement
    acc >>= 32;                                // floor: the borrow of a negative sum
  }
  if (acc != 0) internal_error("Lehmer cofactors gave a negative or longer result");
  r.trim();
  return r;
}

BigUint BigUint::gcd(BigUint u, BigUint v) {
  if (u.compare(v) < 0) std::swap(u, v);
  while (v.limbs_.size() > 2) {  // v >= 2^64, so u has more than 64 bits
    // Euclid on the leading 62 bits of u and the same bits of v, keeping only the quotients
    // the full numbers share (Knuth's test), then one combination step on the full numbers.
    const size_t shift = u.bit_length() - 62;
    auto uh = static_cast<int64_t>(u.bits_from(shift)), vh = static_cast<int64_t>(v.bits_from(shift));
    int64_t a = 1, b = 0, c = 0, d = 1;
    while (vh + c > 0 && vh + d > 0) {
      const __int128 q = (static_cast<__int128>(uh) + a) / (vh + c);
      if (q != (static_cast<__int128>(uh) + b) / (vh + d)) break;
      int64_t t = static_cast<int64_t>(a - q * c);
      a = c;
      c = t;
      t = static_cast<int64_t>(b - q * d);
      b = d;
      d = t;
      t = static_cast<int64_t>(uh - q * vh);
      uh = vh;
      vh = t;
    }
    if (b == 0) {  // no quotient known from the leading bits: one long division step
      BigUint q, r;
      divmod(u, v, q, r);
      u = std::move(v);
      v = std::move(r);
    } else {
      BigUint t = combine(a, u, b, v), w = combine(c, u, d, v);
      u = std::move(t);
      v = std::move(w);
    }
    if (u.compare(v) < 0) std::swap(u, v);
  }
  if (v.is_zero()) return u;
  BigUint q, r;
  divmod(u, v, q, r);
  uint64_t x = v.bits_from(0), y = r.bits_from(0);
  while (y != 0) {
    x %= y;
    std::swap(x, y);
  }
  return BigUint(x);
}

BigUint BigUint::pow10(int e) {
  BigUint r(1);
  const BigUint billion(1000000000u), ten(10u);
  for (; e >= 9; e -= 9) r = r * billion;
  for (; e > 0; --e) r = r * ten;
  return r;
}

std::string BigUint::to_string() const {
  if (is_zero()) return "0";
  std::string out;
  std::vector<uint32_t> cur = limbs_;
  while (!cur.empty()) {
    // In-place short division by 10^9, a constant the compiler divides by with a multiply.
    uint64_t rem = 0;
    for (size_t i = cur.size(); i-- > 0;) {
      const uint64_t v = (rem << 32) | cur[i];
      cur[i] = static_cast<uint32_t>(v / 1000000000u);
      rem = v % 1000000000u;
    }
    while (!cur.empty() && cur.back() == 0) cur.pop_back();
    for (int k = 0; k < 9; ++k) {
      out.push_back(static_cast<char>('0' + rem % 10));
      rem /= 10;
    }
  }
  while (out.size() > 1 && out.back() == '0') out.pop_back();
  std::reverse(out.begin(), out.end());
  return out;
}

double BigUint::to_double() const {
  double v = 0;
  for (size_t i = limbs_.size(); i-- > 0;) v = v * 4294967296.0 + limbs_[i];
  return v;
}

Exact::Exact(bool negative, BigUint num, BigUint den) {
  if (den.is_zero()) internal_error("Exact with zero denominator");
  if (num.is_zero()) {
    den_ = BigUint(1u);
    return;
  }
  BigUint g = BigUint::gcd(num, den), r;
  BigUint::divmod(num, g, num_, r);
  BigUint::divmod(den, g, den_, r);
  negative_ = negative;
}

Exact::Exact(bool negative, BigUint num, BigUint den, Reduced)
    : negative_(negative && !num.is_zero()), num_(std::move(num)), den_(std::move(den)) {
  if (num_.is_zero()) den_ = BigUint(1u);
}

namespace {

/// n / d for a d that divides n.
BigUint quotient(const BigUint& n, const BigUint& d) {
  if (d == BigUint(1u)) return n;
  BigUint q, r;
  BigUint::divmod(n, d, q, r);
  return q;
}

}  // namespace

Exact Exact::integer(int64_t v) {
  unsigned __int128 mag = v < 0 ? -static_cast<__int128>(v) : static_cast<__int128>(v);
  return Exact(v < 0, BigUint(mag), BigUint(1u));
}

Exact Exact::decimal(int64_t units, int scale) {
  unsigned __int128 mag = units < 0 ? -static_cast<__int128>(units) : static_cast<__int128>(units);
  return Exact(units < 0, BigUint(mag), BigUint::pow10(scale));
}

Exact Exact::from_double(double v) {
  if (!std::isfinite(v)) internal_error("Exact::from_double of a non-finite value");
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);  // shortest round trip
  std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
  bool negative = false;
  size_t i = 0;
  if (i < s.size() && s[i] == '-') {
    negative = true;
    ++i;
  }
  BigUint digits;
  const BigUint ten(10u);
  int scale = 0;
  bool fraction = false;
  for (; i < s.size() && s[i] != 'e'; ++i) {
    if (s[i] == '.') {
      fraction = true;
      continue;
    }
    digits = digits * ten + BigUint(static_cast<unsigned>(s[i] - '0'));
    if (fraction) ++scale;
  }
  if (i < s.size()) {  // exponent
    int exp = 0;
    std::from_chars(s.data() + i + 1 + (s[i + 1] == '+' ? 1 : 0), s.data() + s.size(), exp);
    scale -= exp;
  }
  if (scale >= 0) return Exact(negative, digits, BigUint::pow10(scale));
  return Exact(negative, digits * BigUint::pow10(-scale), BigUint(1u));
}

int Exact::compare(const Exact& o) const {
  if (negative_ != o.negative_) return negative_ ? -1 : 1;
  int mag = (num_ * o.den_).compare(o.num_ * den_);
  return negative_ ? -mag : mag;
}

Exact Exact::operator-() const { return Exact(!negative_, num_, den_, Reduced{}); }

Exact Exact::operator+(const Exact& o) const {
  // Henrici: with g = gcd(b, d), a/b + c/d = (a·(d/g) + c·(b/g)) / ((b/g)·d), and only g can
  // share a factor with that numerator. Adding a short value to a long one costs time linear
  // in the long one, so a mean of n figures costs O(n²), not the O(n³) of reducing by the gcd
  // of the whole product.
  const BigUint g = BigUint::gcd(den_, o.den_);
  const BigUint b = quotient(den_, g), d = quotient(o.den_, g);
  const BigUint x = num_ * d, y = o.num_ * b;
  bool negative = negative_;
  BigUint t;
  if (negative_ == o.negative_) {
    t = x + y;
  } else if (x.compare(y) >= 0) {
    t = x - y;
  } else {
    t = y - x;
    negative = o.negative_;
  }
  const BigUint g2 = BigUint::gcd(t, g);
  return Exact(negative, quotient(t, g2), b * quotient(o.den_, g2), Reduced{});
}

Exact Exact::operator-(const Exact& o) const { return *this + (-o); }

Exact Exact::operator*(const Exact& o) const {
  // Both inputs reduced: cancelling across, (a/g1)(c/g2) / ((b/g2)(d/g1)) with g1 = gcd(a, d)
  // and g2 = gcd(c, b) is reduced.
  const BigUint g1 = BigUint::gcd(num_, o.den_), g2 = BigUint::gcd(o.num_, den_);
  return Exact(negative_ != o.negative_, quotient(num_, g1) * quotient(o.num_, g2),
               quotient(den_, g2) * quotient(o.den_, g1), Reduced{});
}

Exact Exact::operator/(const Exact& o) const {
  if (o.is_zero()) internal_error("Exact division by zero");
  return *this * Exact(o.negative_, o.den_, o.num_, Reduced{});
}

BigUint Exact::scaled_magnitude(int decimals) const {
  BigUint q, r;
  BigUint::divmod(num_ * BigUint::pow10(decimals), den_, q, r);
  if ((r + r).compare(den_) >= 0) q = q + BigUint(1u);  // half away from zero
  return q;
}

Exact::Rounded Exact::round(int decimals) const {
  BigUint q = scaled_magnitude(decimals);
  return Rounded{negative_ && !q.is_zero(), q.to_string()};
}

Exact Exact::rounded(int decimals) const {
  return Exact(negative_, scaled_magnitude(decimals), BigUint::pow10(decimals));
}

double Exact::to_double() const {
  // 20 decimals are far below anything a chart can show; from_chars rounds correctly.
  Rounded r = round(20);
  std::string s = (r.negative ? "-" : "") + r.digits + "e-20";
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string Exact::to_string() const {
  // Find k with den | 10^k; only possible when den = 2^a 5^b, then k = max(a, b).
  // Factors are taken out 2^31 and 5^13 at a time (one short division each): inputs such
  // as 1.5e-300 put hundreds of them into a denominator.
  BigUint rest = den_, q, r;
  int twos = 0, fives = 0;
  auto strip = [&](uint32_t prime, uint32_t chunk, int chunk_power, int& count) {
    for (const auto& [divisor, power] : {std::pair(chunk, chunk_power), std::pair(prime, 1)}) {
      for (;;) {
        BigUint::divmod(rest, BigUint(divisor), q, r);
        if (!r.is_zero()) break;
        rest = std::move(q);
        count += power;
      }
    }
  };
  strip(2u, 0x80000000u, 31, twos);
  strip(5u, 1220703125u, 13, fives);
  std::string sign = negative_ ? "-" : "";
  if (!(rest == BigUint(1u))) return sign + num_.to_string() + "/" + den_.to_string();
  int k = std::max(twos, fives);
  BigUint::divmod(num_ * BigUint::pow10(k), den_, q, r);
  std::string digits = q.to_string();
  if (k == 0) return sign + digits;
  if (digits.size() <= static_cast<size_t>(k)) {
    digits.insert(0, static_cast<size_t>(k) + 1 - digits.size(), '0');
  }
  size_t int_len = digits.size() - static_cast<size_t>(k);
  sign.append(digits, 0, int_len);
  sign += '.';
  sign.append(digits, int_len, std::string::npos);
  return sign;
}

}  // namespace lkjip::compute
