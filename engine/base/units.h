// Strong length type and 2-D geometry shared by every stage. All lengths are PostScript
// points (1/72 inch); PDF user space uses the same unit, so no stage ever converts.
#pragma once

#include <algorithm>
#include <cmath>
#include <compare>

namespace lkjip {

/// A length in points. Explicit construction keeps raw doubles (font units, ratios,
/// millimetres) from slipping into geometry unnoticed.
struct Pt {
  double v = 0;
  constexpr Pt() = default;
  constexpr explicit Pt(double value) : v(value) {}
  constexpr Pt operator+(Pt o) const { return Pt(v + o.v); }
  constexpr Pt operator-(Pt o) const { return Pt(v - o.v); }
  constexpr Pt operator-() const { return Pt(-v); }
  constexpr Pt operator*(double k) const { return Pt(v * k); }
  constexpr Pt operator/(double k) const { return Pt(v / k); }
  constexpr double operator/(Pt o) const { return v / o.v; }
  constexpr Pt& operator+=(Pt o) { v += o.v; return *this; }
  constexpr Pt& operator-=(Pt o) { v -= o.v; return *this; }
  constexpr Pt& operator*=(double k) { v *= k; return *this; }
  constexpr auto operator<=>(const Pt&) const = default;
};
constexpr Pt operator*(double k, Pt p) { return Pt(k * p.v); }
constexpr Pt mm(double millimetres) { return Pt(millimetres * 72.0 / 25.4); }
constexpr double to_mm(Pt p) { return p.v * 25.4 / 72.0; }
inline Pt max(Pt a, Pt b) { return a.v >= b.v ? a : b; }
inline Pt min(Pt a, Pt b) { return a.v <= b.v ? a : b; }
inline Pt abs(Pt a) { return Pt(std::fabs(a.v)); }

namespace literals {
constexpr Pt operator""_pt(long double v) { return Pt(static_cast<double>(v)); }
constexpr Pt operator""_pt(unsigned long long v) { return Pt(static_cast<double>(v)); }
}  // namespace literals

struct Point {
  Pt x, y;
  constexpr Point operator+(Point o) const { return {x + o.x, y + o.y}; }
  constexpr Point operator-(Point o) const { return {x - o.x, y - o.y}; }
  constexpr bool operator==(const Point&) const = default;
};

struct Size {
  Pt width, height;
  constexpr bool operator==(const Size&) const = default;
};

/// An axis-aligned rectangle. In frames the origin is the top-left corner and y grows
/// downwards (reading order); pdf/ flips to PDF's bottom-left origin when it writes.
struct Rect {
  Pt x, y, width, height;
  constexpr Pt right() const { return x + width; }
  constexpr Pt bottom() const { return y + height; }
  constexpr bool operator==(const Rect&) const = default;
};

/// sRGB colour, components 0..1.
struct Color {
  double r = 0, g = 0, b = 0;
  constexpr bool operator==(const Color&) const = default;
  static constexpr Color black() { return {0, 0, 0}; }
  static constexpr Color white() { return {1, 1, 1}; }
  static constexpr Color gray(double v) { return {v, v, v}; }
};

}  // namespace lkjip
