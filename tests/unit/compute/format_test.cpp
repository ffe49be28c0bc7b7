#include "compute/format.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "base/diagnostic.h"

namespace lkjip::compute {
namespace {

TEST(FormatNumber, GroupsThousandsAndUsesDecimalComma) {
  EXPECT_EQ(format_number(1234.5, 2), "1.234,50");
  EXPECT_EQ(format_number(70.2, 2), "70,20");
  EXPECT_EQ(format_number(3025.0, 0), "3.025");
  EXPECT_EQ(format_number(123.0, 0), "123");
  EXPECT_EQ(format_number(1000000.0, 0), "1.000.000");
  EXPECT_EQ(format_number(0.0, 2), "0,00");
  EXPECT_EQ(format_number(0.05, 3), "0,050");
}

TEST(FormatNumber, RoundsHalfUpOnTheDecimalAsWritten) {
  // As binary doubles these are 1.00499999…, 2.67499999… and 0.35499999…: a printf-style
  // formatter prints 1,00 / 2,67 / 0,35. The decimal as written is exactly on the half.
  EXPECT_EQ(format_number(1.005, 2), "1,01");
  EXPECT_EQ(format_number(2.675, 2), "2,68");
  EXPECT_EQ(format_number(0.355, 2), "0,36");
  EXPECT_EQ(format_number(1.0049, 2), "1,00");
  EXPECT_EQ(format_number(0.5, 0), "1");
  EXPECT_EQ(format_number(1.25, 1), "1,3");
  EXPECT_EQ(format_number(999.995, 2), "1.000,00");  // carry through the grouping
}

TEST(FormatNumber, NegativesRoundAwayFromZeroAndNeverPrintMinusZero) {
  EXPECT_EQ(format_number(-1.005, 2), "−1,01");
  EXPECT_EQ(format_number(-0.5, 0), "−1");
  EXPECT_EQ(format_number(-1234.5, 1), "−1.234,5");
  EXPECT_EQ(format_number(-0.004, 2), "0,00");
  EXPECT_EQ(format_number(-0.0, 2), "0,00");
}

TEST(FormatNumber, RejectsNegativeDecimals) { EXPECT_THROW(format_number(1.0, -1), InternalError); }

TEST(FormatInteger, Extremes) {
  EXPECT_EQ(format_integer(3023722086), "3.023.722.086");
  EXPECT_EQ(format_integer(-1500), "−1.500");
  EXPECT_EQ(format_integer(0), "0");
  EXPECT_EQ(format_integer(999), "999");
  EXPECT_EQ(format_integer(std::numeric_limits<int64_t>::max()), "9.223.372.036.854.775.807");
  EXPECT_EQ(format_integer(std::numeric_limits<int64_t>::min()), "−9.223.372.036.854.775.808");
}

TEST(FormatPercent, AppendsPercentSign) {
  EXPECT_EQ(format_percent(Exact::decimal(8634, 2), 2), "86,34%");
  EXPECT_EQ(format_percent(Exact::integer(100), 2), "100,00%");
  EXPECT_EQ(format_percent(Exact::integer(100), 0), "100%");
}

TEST(FormatMoney, PuebiAndRpDot) {
  using M = report::Settings::Money;
  EXPECT_EQ(format_money(3023722086, M::puebi), "Rp3.023.722.086");
  EXPECT_EQ(format_money(3023722086, M::rp_dot), "Rp. 3.023.722.086,-");
  EXPECT_EQ(format_money(0, M::puebi), "Rp0");
  EXPECT_EQ(format_money(-330167530, M::puebi), "−Rp330.167.530");
  EXPECT_EQ(format_money(-5, M::rp_dot), "−Rp. 5,-");
  EXPECT_EQ(format_money(std::numeric_limits<int64_t>::min(), M::puebi),
            "−Rp9.223.372.036.854.775.808");
}

TEST(FormatQuantity, UnitsAndPercent) {
  EXPECT_EQ(format_quantity(Exact::integer(3), 0, "dokumen"), "3 dokumen");
  EXPECT_EQ(format_quantity(Exact::integer(1100), 0, "lembar"), "1.100 lembar");
  EXPECT_EQ(format_quantity(Exact::integer(100), 0, "%"), "100%");
  EXPECT_EQ(format_quantity(Exact::from_double(70.2), 2, ""), "70,20");
}

TEST(FormatDate, IndonesianMonthNames) {
  const char* months[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                          "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  for (int m = 1; m <= 12; ++m) EXPECT_EQ(month_name(m), months[m - 1]);
  EXPECT_EQ(format_date({2025, 1, 3}), "3 Januari 2025");
  EXPECT_EQ(format_date({2024, 12, 31}), "31 Desember 2024");
  EXPECT_THROW(month_name(13), InternalError);
  EXPECT_THROW(month_name(0), InternalError);
}

TEST(FormatNip, Groups8613) {
  EXPECT_EQ(format_nip("197910242005011007"), "19791024 200501 1 007");
  EXPECT_EQ(format_nip("19791024200501100"), "19791024200501100");    // 17 digits: as is
  EXPECT_EQ(format_nip("19791024200501100x"), "19791024200501100x");  // not digits: as is
}

TEST(Roman, LowerAndUpper) {
  EXPECT_EQ(roman(1, false), "i");
  EXPECT_EQ(roman(2, false), "ii");
  EXPECT_EQ(roman(4, false), "iv");
  EXPECT_EQ(roman(9, false), "ix");
  EXPECT_EQ(roman(14, false), "xiv");
  EXPECT_EQ(roman(40, false), "xl");
  EXPECT_EQ(roman(1999, false), "mcmxcix");
  EXPECT_EQ(roman(3, true), "III");
  EXPECT_EQ(roman(3999, true), "MMMCMXCIX");
  EXPECT_THROW(roman(0, true), InternalError);
  EXPECT_THROW(roman(4000, true), InternalError);
}

TEST(Alpha, BijectiveBase26) {
  EXPECT_EQ(alpha(1, false), "a");
  EXPECT_EQ(alpha(26, false), "z");
  EXPECT_EQ(alpha(27, false), "aa");
  EXPECT_EQ(alpha(28, false), "ab");
  EXPECT_EQ(alpha(52, false), "az");
  EXPECT_EQ(alpha(53, false), "ba");
  EXPECT_EQ(alpha(702, false), "zz");
  EXPECT_EQ(alpha(703, false), "aaa");
  EXPECT_EQ(alpha(3, true), "C");
  EXPECT_THROW(alpha(0, false), InternalError);
}

}  // namespace
}  // namespace lkjip::compute
