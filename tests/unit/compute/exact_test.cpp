#include "compute/exact.h"

#include <gtest/gtest.h>

#include <random>

#include "base/diagnostic.h"
#include "compute/formulas.h"

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

/// Euclid by long division: slow and obviously right, the reference for Lehmer's gcd.
BigUint euclid(BigUint a, BigUint b) {
  while (!b.is_zero()) {
    BigUint q, r;
    BigUint::divmod(a, b, q, r);
    a = std::move(b);
    b = std::move(r);
  }
  return a;
}

BigUint random_big(std::mt19937_64& rng, int limbs) {
  BigUint v;
  const BigUint base(static_cast<unsigned __int128>(1) << 32);
  for (int i = 0; i < limbs; ++i) v = v * base + BigUint(static_cast<uint32_t>(rng()));
  return v;
}

TEST(BigUint, LehmerGcdAgreesWithEuclid) {
  std::mt19937_64 rng(13);
  for (int trial = 0; trial < 300; ++trial) {
    // A shared factor, then cofactors of every length mix: long/long, long/short, equal.
    const BigUint g = random_big(rng, 1 + trial % 5);
    const BigUint a = g * random_big(rng, 1 + trial % 23), b = g * random_big(rng, 1 + trial % 7);
    const BigUint expected = euclid(a, b);
    ASSERT_EQ(BigUint::gcd(a, b), expected) << a.to_string() << " " << b.to_string();
    ASSERT_EQ(BigUint::gcd(b, a), expected);
  }
  const BigUint big = random_big(rng, 40);
  EXPECT_EQ(BigUint::gcd(big, big), big);
  EXPECT_EQ(BigUint::gcd(big, BigUint()), big);
  EXPECT_EQ(BigUint::gcd(BigUint(), big), big);
  // Consecutive Fibonacci numbers: Euclid's worst case, every quotient 1.
  BigUint f0(0u), f1(1u);
  for (int i = 0; i < 2000; ++i) {
    BigUint f2 = f0 + f1;
    f0 = std::move(f1);
    f1 = std::move(f2);
  }
  EXPECT_EQ(BigUint::gcd(f1, f0), BigUint(1u));
  EXPECT_EQ(BigUint::gcd(f1 * BigUint(6u), f0 * BigUint(4u)),
            euclid(f1 * BigUint(6u), f0 * BigUint(4u)));
}

/// True unless `x` prints as "num/den" with a common factor.
bool reduced(const Exact& x) {
  const std::string s = x.to_string();
  const size_t slash = s.find('/');
  if (slash == std::string::npos) return true;
  auto parse = [](std::string_view digits) {
    BigUint v;
    for (char c : digits)
      if (c != '-') v = v * BigUint(10u) + BigUint(static_cast<unsigned>(c - '0'));
    return v;
  };
  return euclid(parse(std::string_view(s).substr(0, slash)),
                parse(std::string_view(s).substr(slash + 1))) == BigUint(1u);
}

TEST(Exact, OperatorsKeepValuesReduced) {
  // The shortcut reductions of +, * and / (gcds of parts only) leave no common factor.
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 500; ++trial) {
    auto pick = [&] {
      return Exact::decimal(static_cast<int64_t>(rng() % 2000000) - 1000000,
                            static_cast<int>(rng() % 7)) /
             Exact::integer(static_cast<int64_t>(rng() % 360) + 1);
    };
    const Exact a = pick(), b = pick();
    const Exact sum = a + b, product = a * b;
    ASSERT_EQ(sum - b, a);
    ASSERT_EQ(product.to_string(), (b * a).to_string());
    if (!b.is_zero()) {
      ASSERT_EQ(product / b, a);
    }
    ASSERT_TRUE(reduced(sum)) << sum.to_string();
    ASSERT_TRUE(reduced(sum - a - a)) << (sum - a - a).to_string();
    ASSERT_TRUE(reduced(product)) << product.to_string();
    if (!b.is_zero()) {
      ASSERT_TRUE(reduced(a / b)) << (a / b).to_string();
    }
  }
  EXPECT_EQ((Exact::integer(1) / Exact::integer(6) + Exact::integer(1) / Exact::integer(3))
                .to_string(),
            "0.5");
  EXPECT_EQ((Exact::integer(4) / Exact::integer(9) * (Exact::integer(3) / Exact::integer(8)))
                .to_string(),
            "1/6");
}

/// A mean that is exactly a rounding tie although its terms have 17-digit coprime
/// denominators: pairs of capaian 100·r/t and 100·(t − r)/t add up to 100, and `last` makes the
/// mean of 101 figures exactly 50.005 (tie, rounds to 50.01) or a hair below or above it.
Exact tie_mean(const Exact& last) {
  std::vector<Exact> values;
  const Exact hundred = Exact::integer(100);
  for (int64_t i = 0; i < 50; ++i) {
    const Exact t = Exact::integer(10000000000000061 + 2 * i * 1000003);
    const Exact r = Exact::integer(3000000000000000 + i * 7919);
    values.push_back(r / t * hundred);
    values.push_back((t - r) / t * hundred);
  }
  values.push_back(last);
  return *mean(values);
}

TEST(Exact, TiesOfLongDenominatorsRoundExactly) {
  const Exact c = Exact::decimal(50505, 3);  // 50.505: (50 · 100 + 50.505) / 101 = 50.005
  EXPECT_EQ(tie_mean(c), Exact::decimal(50005, 3));
  EXPECT_EQ(tie_mean(c).round(2).digits, "5001");
  const Exact hair = Exact::integer(1) / Exact::integer(10000000000000061);
  EXPECT_EQ(tie_mean(c - hair).round(2).digits, "5000");
  EXPECT_EQ(tie_mean(c + hair).round(2).digits, "5001");
  EXPECT_EQ(tie_mean(c - hair).rounded(3), Exact::decimal(50005, 3));
}

TEST(Exact, ToDoubleIsNearest) {
  EXPECT_DOUBLE_EQ(Exact::from_double(86.34).to_double(), 86.34);
  EXPECT_DOUBLE_EQ((Exact::integer(1) / Exact::integer(3)).to_double(), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(Exact::integer(-3023722086).to_double(), -3023722086.0);
}

}  // namespace
}  // namespace lkjip::compute
