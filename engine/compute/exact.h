// Exact arithmetic for derived figures: arbitrary-precision rationals, so that a figure is
// rounded once, at print time, and binary noise in the inputs never flips a printed digit.
// Inputs enter through their shortest round-trip decimal string (70.2 is exactly 702/10).
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
  static BigUint gcd(BigUint a, BigUint b);
  static BigUint pow10(int e);
  /// Decimal digits, "0" for zero.
  std::string to_string() const;
  /// Nearest double (used only for charts and layout, never for printed figures).
  double to_double() const;

 private:
  std::vector<uint32_t> limbs_;
  void trim();
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
  /// |value| × 10^decimals rounded half up: the digits of round().
  BigUint scaled_magnitude(int decimals) const;
};

}  // namespace lkjip::compute
