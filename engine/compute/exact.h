// Exact arithmetic for derived figures: arbitrary-precision rationals, so that a figure is
// rounded once, at print time, and binary noise in the inputs never flips a printed digit.
// Inputs enter through their shortest round-trip decimal string (70.2 is exactly 702/10).
//
// Why exact and not a bounded approximation: a mean of n figures can be exactly a rounding
// tie (x.xx5) while its terms have huge, coprime denominators that cancel only in the sum
// (capaian r/t and (t - r)/t of two IKU with one 17-digit target add up to exactly 100). An
// approximation with error e cannot tell that tie from a value e below it, so no fixed
// precision rounds every such mean correctly; the exact sum can, and its cost is kept bounded
// instead: an operation between a large and a small value costs time linear in the large one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lkjip::compute {

/// A non-negative integer of any size (little-endian 32-bit limbs, no leading zero limbs).
class BigUint {
 public:
  BigUint() = default;
  explicit BigUint(unsigned __int128 v);

  bool is_zero() const { return limbs_.empty(); }
  /// Three-way comparison: negative, zero or positive as *this <, == or > o.
  int compare(const BigUint& o) const;
  bool operator==(const BigUint& o) const { return limbs_ == o.limbs_; }

  BigUint operator+(const BigUint& o) const;
  /// Precondition: *this >= o.
  BigUint operator-(const BigUint& o) const;
  BigUint operator*(const BigUint& o) const;
  /// Quotient and remainder; precondition: d is not zero.
  static void divmod(const BigUint& n, const BigUint& d, BigUint& q, BigUint& r);
  /// Lehmer's algorithm (TAOCP 4.5.2 L): quadratic in the operands' length with a small constant,
  /// and linear when one operand is short (its first step is one long division).
  static BigUint gcd(BigUint a, BigUint b);
  static BigUint pow10(int e);
  /// Decimal digits, "0" for zero.
  std::string to_string() const;
  /// Nearest double (used only for charts and layout, never for printed figures).
  double to_double() const;

 private:
  std::vector<uint32_t> limbs_;
  void trim();
  size_t bit_length() const;
  /// The 64 bits of *this >> shift that start at bit `shift`.
  uint64_t bits_from(size_t shift) const;
  /// a·u + b·v for cofactors of opposite signs whose result is known to be >= 0.
  static BigUint combine(int64_t a, const BigUint& u, int64_t b, const BigUint& v);
};

/// An exact rational number, always reduced, denominator > 0.
class Exact {
 public:
  Exact() : den_(1) {}
  static Exact integer(int64_t v);
  /// The decimal the double prints as (shortest round trip): 0.1 → 1/10, 2.675 → 2675/1000.
  /// Precondition: finite.
  static Exact from_double(double v);
  /// `units` / 10^`scale`, e.g. (8634, 2) is 86.34.
  static Exact decimal(int64_t units, int scale);

  bool negative() const { return negative_; }
  bool is_zero() const { return num_.is_zero(); }
  int compare(const Exact& o) const;
  bool operator==(const Exact& o) const { return compare(o) == 0; }
  bool operator<(const Exact& o) const { return compare(o) < 0; }
  bool operator>(const Exact& o) const { return compare(o) > 0; }
  bool operator<=(const Exact& o) const { return compare(o) <= 0; }
  bool operator>=(const Exact& o) const { return compare(o) >= 0; }

  Exact operator-() const;
  Exact operator+(const Exact& o) const;
  Exact operator-(const Exact& o) const;
  Exact operator*(const Exact& o) const;
  /// Precondition: o is not zero.
  Exact operator/(const Exact& o) const;

  /// Rounded to `decimals` places, half away from zero, as (negative, digits) where digits
  /// is the magnitude times 10^decimals in decimal. A result of zero is never negative.
  struct Rounded {
    bool negative = false;
    std::string digits;
  };
  Rounded round(int decimals) const;
  /// The same rounding, as an exact value (so two figures can be compared as printed).
  Exact rounded(int decimals) const;
  double to_double() const;
  /// Exact decimal expansion when the denominator has only factors 2 and 5 ("86.34",
  /// "-0.5"); otherwise "num/den". Used for the JSON dump.
  std::string to_string() const;

 private:
  bool negative_ = false;
  BigUint num_, den_;
  Exact(bool negative, BigUint num, BigUint den);  // reduces
  struct Reduced {};
  /// Takes num/den as already reduced (the operators reduce with small gcds of their own).
  Exact(bool negative, BigUint num, BigUint den, Reduced);
  /// |value| × 10^decimals rounded half up: the digits of round().
  BigUint scaled_magnitude(int decimals) const;
};

}  // namespace lkjip::compute
