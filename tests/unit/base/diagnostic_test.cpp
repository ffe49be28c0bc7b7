#include "base/diagnostic.h"

#include <gtest/gtest.h>

#include <string>

namespace lkjip {
namespace {

TEST(DiagnosticSink, PastTheErrorLimitErrorsAreCountedAndSaidToBeTooMany) {
  DiagnosticSink sink;
  sink.warning({"a.toml", 1, 1}, "a warning");
  for (size_t i = 0; i < kErrorLimit + 250; ++i) {
    EXPECT_EQ(sink.at_error_limit(), i >= kErrorLimit) << i;
    sink.error({"a.toml", static_cast<int>(i + 2), 1}, "error " + std::to_string(i));
  }
  sink.warning({"a.toml", 9999, 1}, "a later warning is kept");
  EXPECT_EQ(sink.error_count(), kErrorLimit + 250);
  const auto all = sink.all();
  ASSERT_EQ(all.size(), 1 + kErrorLimit + 1 + 1);
  EXPECT_EQ(all[kErrorLimit].message, "error " + std::to_string(kErrorLimit - 1));
  EXPECT_EQ(all[kErrorLimit + 1].message, "a later warning is kept");
  EXPECT_EQ(format_diagnostic(all.back()),
            "error: too many errors: 350 in all, the first 100 shown above\n"
            "  hint: fix these and run lkjip again");
}

TEST(DiagnosticSink, UnderTheLimitNothingIsAdded) {
  DiagnosticSink sink;
  for (size_t i = 0; i < kErrorLimit; ++i) sink.error({}, "e");
  EXPECT_TRUE(sink.at_error_limit());
  EXPECT_EQ(sink.all().size(), kErrorLimit);
}

}  // namespace
}  // namespace lkjip
