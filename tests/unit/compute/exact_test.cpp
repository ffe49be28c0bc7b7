#include "compute/exact.h"

#include <gtest/gtest.h>

#include "base/diagnostic.h"

namespace lkjip::compute {
namespace {

TEST(Exact, FromDoubleTakesTheShortestDecimal) {
  EXPECT_EQ(Exact::from_double(0.1).to_string(), "0.1");
  EXPECT_EQ(Exact::from_double(2.675).to_string(), "2.675");
  EXPECT_EQ(Exact::from_double(70.2).to_string(), "70.2");
  EXPECT_EQ(Exact::from_double(-3.5).to_string(), "-3.5");
  EXPECT_EQ(Exact::from_double(1e20).to_string(), "100000000000000000000");
  EXPECT_EQ(Exact::from_double(1.5e-7).to_string(), "0.00000015");
  EXPECT_EQ(Exact::from_double(3023722086.0).to_string(), "3023722086");
  EXPECT_FALSE(Exact::from_double(-0.0).negative());
  EXPECT_TRUE(Exact::from_double(-0.0).is_zero());
}

TEST(Exact, ArithmeticIsExact) {
  EXPECT_EQ(Exact::from_double(0.1) + Exact::from_double(0.2), Exact::from_double(0.3));
  Exact third = Exact::integer(1) / Exact::integer(3);
  EXPECT_EQ(third.to_string(), "1/3");
  EXPECT_EQ(third + third + third, Exact::integer(1));
  EXPECT_EQ((Exact::integer(2) - Exact::integer(5)).to_string(), "-3");
  EXPECT_EQ((Exact::integer(-2) * Exact::integer(-3)).to_string(), "6");
  EXPECT_EQ((Exact::integer(7) / Exact::integer(-2)).to_string(), "-3.5");
  EXPECT_EQ(Exact::decimal(8634, 2).to_string(), "86.34");
  EXPECT_EQ(Exact::decimal(5, 3).to_string(), "0.005");
  EXPECT_THROW(Exact::integer(1) / Exact(), InternalError);
}

TEST(Exact, CompareAcrossSigns) {
  EXPECT_LT(Exact::integer(-2), Exact::integer(-1));
  EXPECT_LT(Exact::integer(-1), Exact());
  EXPECT_GT(Exact::from_double(0.3), Exact::integer(1) / Exact::integer(4));
  EXPECT_EQ(Exact::integer(2) / Exact::integer(4), Exact::from_double(0.5));
}

TEST(Exact, RoundingOfATieBuiltFromThirds) {
  // 100 + 1/300 and 100 + 2/300 average to exactly 100,005: any fixed-precision intermediate
  // (1/300 = 0,00333…) truncates the mean below the half and prints 100,00.
  Exact a = Exact::integer(100) + Exact::integer(1) / Exact::integer(300);
  Exact b = Exact::integer(100) + Exact::integer(2) / Exact::integer(300);
  Exact mean = (a + b) / Exact::integer(2);
  EXPECT_EQ(mean.round(2).digits, "10001");
  EXPECT_EQ(mean.rounded(2), Exact::decimal(10001, 2));
}

TEST(Exact, RoundHalfAwayFromZero) {
  EXPECT_EQ(Exact::from_double(-2.5).round(0).digits, "3");
  EXPECT_TRUE(Exact::from_double(-2.5).round(0).negative);
  EXPECT_FALSE(Exact::from_double(-0.004).round(2).negative);  // no "-0,00"
  EXPECT_EQ(Exact::from_double(-0.004).rounded(2), Exact());
  EXPECT_EQ(Exact::from_double(0.004).round(2).digits, "0");
}

TEST(Exact, LargeValuesBeyond128Bits) {
  // (10^40 + 7)(10^30 + 3) needs ~233 bits; dividing back must give the exact factor.
  Exact a = Exact::integer(1);
  for (int i = 0; i < 40; ++i) a = a * Exact::integer(10);
  a = a + Exact::integer(7);
  Exact b = Exact::integer(1);
  for (int i = 0; i < 30; ++i) b = b * Exact::integer(10);
  b = b + Exact::integer(3);
  Exact p = a * b;
  // 10^70 + 3·10^40 + 7·10^30 + 21
  EXPECT_EQ(p.to_string(),
            "10000000000000000000000000000030000000007000000000000000000000000000021");
  EXPECT_EQ(p / b, a);
  EXPECT_EQ(p / a, b);
  EXPECT_EQ((p / b).to_string(), "10000000000000000000000000000000000000007");
}

TEST(BigUint, DivmodAndStrings) {
  BigUint two128 = BigUint(static_cast<unsigned __int128>(1) << 64) *
                   BigUint(static_cast<unsigned __int128>(1) << 64);
  EXPECT_EQ(two128.to_string(), "340282366920938463463374607431768211456");
  BigUint q, r;
  BigUint::divmod(two128 + BigUint(5u), BigUint(static_cast<unsigned __int128>(1) << 64), q, r);
  EXPECT_EQ(q.to_string(), "18446744073709551616");
  EXPECT_EQ(r.to_string(), "5");
  EXPECT_EQ(BigUint::gcd(BigUint(84u), BigUint(36u)).to_string(), "12");
  EXPECT_EQ(BigUint::pow10(20).to_string(), "100000000000000000000");
  EXPECT_EQ(BigUint().to_string(), "0");
  EXPECT_THROW(BigUint(1u) - BigUint(2u), InternalError);
}

TEST(BigUint, LongDivisionOnEdgeLimbs) {
  // Limbs at the edges of Knuth's quotient estimate (0, 1, 2^31 − 1, 2^31, 2^32 − 2,
  // 2^32 − 1) for 3–4 limb dividends and 2–3 limb divisors: q·d + r = n and r < d.
  const uint32_t edge[] = {0u, 1u, 0x7fffffffu, 0x80000000u, 0xfffffffeu, 0xffffffffu};
  auto make = [&](std::initializer_list<int> idx) {  // little-endian limbs
    BigUint v, scale(1u);
    for (int i : idx) {
      v = v + BigUint(edge[i]) * scale;
      scale = scale * BigUint(static_cast<unsigned __int128>(1) << 32);
    }
    return v;
  };
  int checked = 0;
  for (int a = 0; a < 6; ++a)
    for (int b = 0; b < 6; ++b)
      for (int c = 0; c < 6; ++c)
        for (int e = 1; e < 6; ++e) {
          BigUint n = make({a, b, c, e});
          for (int x = 0; x < 6; ++x)
            for (int y = 0; y < 6; ++y)
              for (int z = 0; z < 6; ++z) {
                BigUint d = z == 0 ? make({x, y == 0 ? 1 : y}) : make({x, y, z});
                BigUint q, r;
                BigUint::divmod(n, d, q, r);
                ASSERT_EQ(q * d + r, n) << n.to_string() << " / " << d.to_string();
                ASSERT_LT(r.compare(d), 0);
                ++checked;
              }
        }
  EXPECT_EQ(checked, 6 * 6 * 6 * 5 * 216);
}

TEST(Exact, ToDoubleIsNearest) {
  EXPECT_DOUBLE_EQ(Exact::from_double(86.34).to_double(), 86.34);
  EXPECT_DOUBLE_EQ((Exact::integer(1) / Exact::integer(3)).to_double(), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(Exact::integer(-3023722086).to_double(), -3023722086.0);
}

}  // namespace
}  // namespace lkjip::compute
