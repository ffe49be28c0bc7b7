#include "compute/json.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "example_report.h"

namespace lkjip::compute {
namespace {

/// Runs a python3 one-liner on `json` (through a temporary file) and returns its stdout.
std::string python_on(const std::string& json, const std::string& script) {
  std::string path = ::testing::TempDir() + "lkjip_compute_json_test.json";
  {
    std::ofstream f(path, std::ios::binary);
    f << json;
  }
  std::string cmd = "python3 -c '" + script + "' < " + path;
  std::FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return "<popen failed>";
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = pclose(p);
  std::remove(path.c_str());
  return rc == 0 ? out : "<python3 failed: " + out + ">";
}

TEST(Json, QuoteEscapes) {
  EXPECT_EQ(json_quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_quote("x\ny\tz\r"), "\"x\\ny\\tz\\r\"");
  EXPECT_EQ(json_quote(std::string("\x01", 1)), "\"\\u0001\"");
  EXPECT_EQ(json_quote("Rp3.023.722.086 \u2212 86,34%"), "\"Rp3.023.722.086 \u2212 86,34%\"");
}

TEST(Json, ExampleIsValidAndStable) {
  report::Report r = testing::megaluh();
  r.iku[0].name = "Nilai \"AKIP\"\n\\ Megaluh";  // needs escaping
  ComputedTables t = compute(r);
  std::string json = to_json(t);
  EXPECT_EQ(json, to_json(compute(r)));  // deterministic
  EXPECT_EQ(python_on(json, "import json,sys; d=json.load(sys.stdin); print(\",\".join(d.keys()))"),
            "iku,sasaran,overall,activities,budget,components,surveys,tables,refs\n");
  EXPECT_EQ(python_on(json,
                      "import json,sys; d=json.load(sys.stdin); k=d[\"iku\"][0]; "
                      "print(k[\"id\"], k[\"capaian\"][\"text\"], k[\"capaian\"][\"value\"], "
                      "k[\"capaian\"][\"exact\"], \",\".join(list(k)[:6]))"),
            "akip 86,34% 86.33903133903134 30305/351 id,sasaran,target,realisasi,capaian,"
            "capaian_capped\n");
  EXPECT_EQ(
      python_on(json,
                "import json,sys; d=json.load(sys.stdin); r=d[\"refs\"]; "
                "print(r[\"iku.akip.name\"][\"text\"] == \"Nilai \\\"AKIP\\\"\\n\\\\ Megaluh\", "
                "r[\"program.p1.serapan\"][\"value\"], r[\"program.p1.serapan\"][\"text\"], "
                "r[\"anggaran.total\"][\"exact\"], list(r) == sorted(r))"),
      "True None t.a.d. 3023722086 True\n");
}

}  // namespace
}  // namespace lkjip::compute
