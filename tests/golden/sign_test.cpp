// Signature-ready, archival output and safe regeneration, end to end on the real example
// (input/megaluh-2024.toml): the signature blocks as printed, the BSrE anchor, signing the empty
// field with pdfsig (PKCS#7 and PAdES) and podofosign, the sign-spots JSON, refusing to
// overwrite a signed original, byte determinism, the PDF/A-2b ingredients, atomic writes under
// failure and kill -9, and `lkjip diff` / `lkjip watch`.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <regex>
#include <thread>
#include <vector>

#include "tools.h"

extern char** environ;

namespace lkjip::golden {
namespace {

const std::string kMegaluh = (kSrc / "input/megaluh-2024.toml").string();
const std::string kMinimal = (kSrc / "tests/data/minimal.toml").string();

// ---------------------------------------------------------------------------------------------
// Reading PDFs back

/// A signature field as the PDF holds it: page (1-based) and widget /Rect in user space.
struct Field {
  std::string name;
  int page = 0;
  double llx = 0, lly = 0, urx = 0, ury = 0;
  int object = 0;  // the merged field/widget dictionary
};

/// Every signature field, from qpdf's AcroForm JSON and the widget objects it names.
std::vector<Field> signature_fields(const std::string& pdf) {
  const std::string json = run("qpdf --json=2 --json-key=acroform " + quoted(pdf)).out;
  static const std::regex entry(
      R"re("fieldtype": "/Sig",\s*"fullname": "([^"]*)"[^}]*?"object": "(\d+) 0 R",\s*"pageposfrom1": (\d+))re");
  static const std::regex rect(R"(/Rect \[ ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) \])");
  std::vector<Field> out;
  for (std::sregex_iterator it(json.begin(), json.end(), entry), end; it != end; ++it) {
    Field f{(*it)[1], std::stoi((*it)[3])};
    f.object = std::stoi((*it)[2]);
    const std::string obj = run("qpdf --show-object=" + (*it)[2].str() + " " + quoted(pdf)).out;
    std::smatch m;
    if (std::regex_search(obj, m, rect)) {
      f.llx = std::stod(m[1]), f.lly = std::stod(m[2]), f.urx = std::stod(m[3]);
      f.ury = std::stod(m[4]);
    }
    out.push_back(f);
  }
  return out;
}

/// A word as `pdftotext -bbox` gives it: points, origin top-left of the page.
struct Word {
  std::string text;
  double x0, y0, x1, y1;
};

std::vector<Word> words(const std::string& pdf, int page) {
  const std::string p = std::to_string(page);
  const std::string html =
      run("pdftotext -bbox -f " + p + " -l " + p + " " + quoted(pdf) + " -").out;
  static const std::regex word(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  std::vector<Word> out;
  for (std::sregex_iterator it(html.begin(), html.end(), word), end; it != end; ++it)
    out.push_back({(*it)[5], std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                   std::stod((*it)[4])});
  return out;
}

double page_height(const std::string& pdf, int page) {
  const std::string p = std::to_string(page);
  const auto info = run("pdfinfo -f " + p + " -l " + p + " " + quoted(pdf)).out;
  std::smatch m;
  if (!std::regex_search(info, m, std::regex(R"(size:\s+[\d.]+ x ([\d.]+) pts)"))) return 0;
  return std::stod(m[1]);
}

/// A gray raster of a rectangle of a page (points, top-left origin) at 144 dpi.
struct Gray {
  int width = 0, height = 0;
  std::string pixels;  // row-major, 0 = black, 255 = white
  unsigned char at(int x, int y) const { return static_cast<unsigned char>(pixels[y * width + x]); }
};

Gray raster(const std::string& pdf, int page, double x, double y, double w, double h,
            const std::string& scratch) {
  const double k = 2;  // 144 dpi
  const std::string p = std::to_string(page);
  auto px = [&](double v) { return std::to_string(static_cast<int>(std::lround(v * k))); };
  run("pdftoppm -r 144 -gray -singlefile -f " + p + " -l " + p + " -x " + px(x) + " -y " + px(y) +
      " -W " + px(w) + " -H " + px(h) + " " + quoted(pdf) + " " + quoted(scratch));
  const std::string pgm = slurp(scratch + ".pgm");
  Gray g;
  std::istringstream in(pgm);
  std::string magic;
  int maxval = 0;
  in >> magic >> g.width >> g.height >> maxval;
  in.get();
  if (magic != "P5" || maxval != 255) return {};
  g.pixels = pgm.substr(static_cast<size_t>(in.tellg()));
  if (g.pixels.size() != static_cast<size_t>(g.width) * g.height) return {};
  return g;
}

/// The PDF's objects one per line (`mutool show FILE grep`), for structural assertions.
std::vector<std::string> objects(const std::string& pdf) {
  std::istringstream in(run("mutool show " + quoted(pdf) + " grep").out);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (line.find(" 0 obj ") != std::string::npos) out.push_back(line);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Processes in the background (watch, a render to kill)

class Background {
 public:
  /// Starts `cmd` through /bin/sh; its output goes to `log`.
  Background(const std::string& cmd, const std::string& log) {
    const std::string line = "exec " + cmd + " >" + quoted(log) + " 2>&1";
    const char* argv[] = {"/bin/sh", "-c", line.c_str(), nullptr};
    if (posix_spawn(&pid_, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
      pid_ = -1;
  }
  ~Background() { stop(); }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  pid_t pid() const { return pid_; }
  /// SIGKILL and reap; returns the wait status (or -1 if it was not running).
  int stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

 private:
  pid_t pid_ = -1;
};

/// Polls `done` every 50 ms for at most `seconds`.
bool wait_until(const std::function<bool()>& done, double seconds) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

std::vector<std::string> temp_files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos)
      out.push_back(e.path().filename().string());
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shared fixture: the real report rendered once, the signing identities made once

/// `s` with the first `from` replaced by `to`; a failed expectation when `from` is absent.
std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

/// Signs field object `field` of `in` into `out` as PAdES: an incremental update with a
/// signature dictionary (/SubFilter /ETSI.CAdES.detached) as the field's /V, its /Contents
/// the CAdES-BES detached CMS `openssl cms -cades` makes over the /ByteRange. `scratch`
/// prefixes the temporary files.
bool pades_sign(const std::string& in, int field, const std::string& out,
                const std::string& scratch, const std::pair<std::string, std::string>& pem) {
  const std::string original = slurp(in);
  std::smatch m;
  const std::string tail = original.substr(original.rfind("trailer"));
  if (!std::regex_search(tail, m, std::regex(R"(/Size (\d+))"))) return false;
  const int sig = std::stoi(m[1]);
  std::string trailer = "/Size " + std::to_string(sig + 1);
  for (const char* key : {R"(/Root \d+ 0 R)", R"(/Info \d+ 0 R)", R"(/ID\s*\[[^\]]*\])"})
    if (std::regex_search(tail, m, std::regex(key))) trailer += " " + m[0].str();
  if (!std::regex_search(tail, m, std::regex(R"(startxref\s+(\d+))"))) return false;
  trailer += " /Prev " + m[1].str();
  std::string widget = run("qpdf --show-object=" + std::to_string(field) + " " + quoted(in)).out;
  const size_t close = widget.rfind(">>");
  if (close == std::string::npos) return false;
  widget.insert(close, "/V " + std::to_string(sig) + " 0 R ");

  const size_t hex_len = 16384;
  const std::string placeholder = "0000000000 0000000000 0000000000";
  std::string update = "\n";
  const size_t field_at = original.size() + update.size();
  update += std::to_string(field) + " 0 obj\n" + widget + "\nendobj\n";
  const size_t sig_at = original.size() + update.size();
  update += std::to_string(sig) +
            " 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached"
            " /M (D:20250103080000+07'00') /Reason (Disetujui) /ByteRange [0 " +
            placeholder + "] /Contents <";
  const size_t contents_at = original.size() + update.size() - 1;  // at '<'
  update += std::string(hex_len, '0') + "> >>\nendobj\n";
  const size_t xref_at = original.size() + update.size();
  char entry[64];
  update += "xref\n0 1\n0000000000 65535 f \n";
  std::snprintf(entry, sizeof entry, "%d 1\n%010zu 00000 n \n", field, field_at);
  update += entry;
  std::snprintf(entry, sizeof entry, "%d 1\n%010zu 00000 n \n", sig, sig_at);
  update += entry;
  update += "trailer\n<< " + trailer + " >>\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";

  std::string pdf = original + update;
  const size_t after = contents_at + hex_len + 2;
  char range[40];
  std::snprintf(range, sizeof range, "%010zu %010zu %010zu", contents_at, after,
                pdf.size() - after);
  pdf.replace(pdf.find(placeholder, sig_at), placeholder.size(), range);
  write_file(scratch + ".data", pdf.substr(0, contents_at) + pdf.substr(after));
  const auto cms = run("openssl cms -sign -binary -cades -md sha256 -outform DER -signer " +
                       quoted(pem.first) + " -inkey " + quoted(pem.second) + " -in " +
                       quoted(scratch + ".data") + " -out " + quoted(scratch + ".der"));
  const std::string der = slurp(scratch + ".der");
  if (cms.code != 0 || der.empty() || der.size() * 2 > hex_len) return false;
  static constexpr char digits[] = "0123456789abcdef";
  for (size_t i = 0; i < der.size(); ++i) {
    const auto b = static_cast<unsigned char>(der[i]);
    pdf[contents_at + 1 + 2 * i] = digits[b >> 4];
    pdf[contents_at + 2 + 2 * i] = digits[b & 15];
  }
  write_file(out, pdf);
  return true;
}

class Signing : public ::testing::Test {
 protected:
  /// Created on first use and shared by every test of the process (ctest runs one test per
  /// process, so each test pays only for what it uses).
  static ScratchDir& shared() {
    static ScratchDir dir("sign-shared");
    return dir;
  }

  /// input/megaluh-2024.toml rendered with its sign spots, never modified by a test.
  static const std::string& megaluh() {
    static const std::string pdf = [] {
      const std::string out = shared() / "megaluh.pdf";
      const auto r = run(kBin + " render " + quoted(kMegaluh) + " -o " + quoted(out) +
                         " --sign-spots " + quoted(shared() / "megaluh.json"));
      EXPECT_EQ(r.code, 0) << r.out;
      return out;
    }();
    return pdf;
  }

  /// An NSS database holding a self-signed signing certificate "lkjip-test".
  static const std::string& nss() {
    static const std::string db = [] {
      const std::string dir = shared() / "nss";
      fs::create_directories(dir);
      write_file(shared() / "noise", std::string(64, 'n') + std::to_string(::getpid()));
      const auto n = run("certutil -N -d sql:" + quoted(dir) + " --empty-password");
      EXPECT_EQ(n.code, 0) << n.out;
      const auto s = run("certutil -S -d sql:" + quoted(dir) +
                         " -n lkjip-test -s 'CN=Uji Tanda Tangan,O=Kecamatan Megaluh,C=ID' -x"
                         " -t CT,C,C -k rsa -g 2048 -Z SHA256 -v 12"
                         " --keyUsage digitalSignature,nonRepudiation -z " +
                         quoted(shared() / "noise"));
      EXPECT_EQ(s.code, 0) << s.out;
      return "sql:" + dir;
    }();
    return db;
  }

  /// A self-signed certificate and key as PEM files for podofosign: {cert, key}.
  static const std::pair<std::string, std::string>& pem() {
    static const std::pair<std::string, std::string> files = [] {
      const std::string cert = shared() / "cert.pem", key = shared() / "key.pem";
      const auto r =
          run("openssl req -x509 -newkey rsa:2048 -nodes -days 365 -sha256 -keyout " + quoted(key) +
              " -out " + quoted(cert) + " -subj '/CN=Uji Tanda Tangan/O=Kecamatan Megaluh/C=ID'");
      EXPECT_EQ(r.code, 0) << r.out;
      return std::pair{cert, key};
    }();
    return files;
  }

  /// pdfsig's verdict on the last signature of `pdf`, which must be valid and cover the file;
  /// the signature dictionary the signer appended says /SubFilter /`type`, and pdfsig agrees.
  static void expect_valid_total(const std::string& pdf, const std::string& type) {
    const auto v = run("pdfsig -nssdir " + nss() + " " + quoted(pdf));
    EXPECT_NE(v.out.find("Signature Type: " + type), std::string::npos) << v.out;
    const std::string appended = slurp(pdf).substr(slurp(megaluh()).size());
    std::smatch m;
    ASSERT_TRUE(std::regex_search(appended, m, std::regex(R"(/SubFilter\s*/([A-Za-z0-9.]+))")));
    EXPECT_EQ(m[1].str(), type);
    EXPECT_NE(v.out.find("Signature Validation: Signature is Valid."), std::string::npos) << v.out;
    EXPECT_NE(v.out.find("Total document signed"), std::string::npos) << v.out;
    // An incremental update: the unsigned original is a prefix of the signed file.
    const std::string original = slurp(megaluh()), signed_pdf = slurp(pdf);
    EXPECT_EQ(signed_pdf.compare(0, original.size(), original), 0);
  }

  void SetUp() override { dir_ = std::make_unique<ScratchDir>(tag()); }
  static std::string tag() {
    return std::string("sign-") + ::testing::UnitTest::GetInstance()->current_test_info()->name();
  }
  std::string path(const std::string& name) const { return *dir_ / name; }
  /// Writes a variant of tests/data/minimal.toml into the scratch folder, with the images it
  /// references; returns its path.
  std::string beside_minimal(const std::string& name, const std::string& text) const {
    if (!fs::exists(path("images")))
      fs::copy(kSrc / "tests/data/images", path("images"), fs::copy_options::recursive);
    write_file(path(name), text);
    return path(name);
  }
  std::unique_ptr<ScratchDir> dir_;
};

// ---------------------------------------------------------------------------------------------
// 1. The signature block as printed

/// Checks one printed block of the Megaluh signatory on `page` whose field is `f`.
void expect_camat_block(const std::string& pdf, const Field& f, const std::string& scratch) {
  const std::string text = page_text(pdf, f.page);
  for (const char* line :
       {"Jombang, 3 Januari 2025", "Pihak Pertama", "Plt. CAMAT MEGALUH,",
        "MOH. NURDIN PURWOKO, S.Pt., M.E.", "Pembina (IV/a)", "NIP. 19791024 200501 1 007"})
    EXPECT_NE(text.find(line), std::string::npos) << "page " << f.page << ": " << line;
  const double h = page_height(pdf, f.page);
  const double top = h - f.ury, bottom = h - f.lly;
  const auto ws = words(pdf, f.page);
  const Word* jabatan = nullptr;
  const Word* first = nullptr;
  const Word* last = nullptr;
  for (const auto& w : ws) {
    if (w.text == "MEGALUH,") jabatan = &w;
    if (w.text == "MOH.") first = &w;
    if (w.text == "M.E.") last = &w;
  }
  ASSERT_TRUE(jabatan && first && last);
  // Order: jabatan above the reserved space, the name below it.
  EXPECT_LE(jabatan->y1, top + 0.5);
  EXPECT_GE(first->y0, bottom - 0.5);
  // The reserved space prints nothing: no box, no text.
  const Gray space =
      raster(pdf, f.page, f.llx, top, f.urx - f.llx, bottom - top, scratch + "-space");
  ASSERT_GT(space.width, 0);
  int dark = 0;
  for (int y = 0; y < space.height; ++y)
    for (int x = 0; x < space.width; ++x) dark += space.at(x, y) < 250;
  EXPECT_EQ(dark, 0) << "page " << f.page << ": the signature space is not blank";
  // The name is underlined: one pixel row under the baseline dark across the whole name.
  const Gray under = raster(pdf, f.page, first->x0, first->y0 + (first->y1 - first->y0) * 0.6,
                            last->x1 - first->x0, (first->y1 - first->y0) * 0.6, scratch + "-name");
  ASSERT_GT(under.width, 0);
  bool rule = false;
  for (int y = 0; y < under.height && !rule; ++y) {
    int n = 0;
    for (int x = 0; x < under.width; ++x) n += under.at(x, y) < 128;
    rule = n >= under.width * 0.95;
  }
  EXPECT_TRUE(rule) << "page " << f.page << ": the name is not underlined";
}

/// Whether every character of `text` on `page` is set in a bold face (mutool's structured text
/// names the font of each character).
bool set_in_bold(const std::string& pdf, int page, const std::string& text) {
  std::istringstream in(
      run("mutool draw -F stext -o - " + quoted(pdf) + " " + std::to_string(page)).out);
  static const std::regex font_re(R"re(<font name="([^"]+)")re"), char_re(R"re( c="([^"]*)"/>)re");
  std::string chars, font;
  std::vector<std::string> font_of;  // per byte of `chars`
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    if (std::regex_search(line, m, font_re)) {
      font = m[1];
    } else if (std::regex_search(line, m, char_re)) {
      chars += m[1];
      font_of.resize(chars.size(), font);
    }
  }
  const size_t at = chars.find(text);
  if (at == std::string::npos) return false;
  for (size_t i = at; i < at + text.size(); ++i)
    if (font_of[i].find("Bold") == std::string::npos) return false;
  return true;
}

TEST_F(Signing, MegaluhBlocksPrintOfficeBlankSpaceUnderlinedBoldNameAndGroupedNip) {
  const auto fields = signature_fields(megaluh());
  ASSERT_EQ(fields.size(), 2u);
  // Kata Pengantar (front matter, page label i) and the close of BAB IV (the last page).
  EXPECT_EQ(fields[0].name, "ttd_camat");
  EXPECT_EQ(fields[0].page, 2);
  EXPECT_EQ(fields[1].page, page_count(megaluh()));
  EXPECT_NE(page_text(megaluh(), fields[1].page).find("Demikian Laporan Kinerja"),
            std::string::npos);
  for (const auto& f : fields) {
    SCOPED_TRACE(f.name);
    expect_camat_block(megaluh(), f, path("r"));
    EXPECT_TRUE(set_in_bold(megaluh(), f.page, "MOH. NURDIN PURWOKO, S.Pt., M.E."));
    EXPECT_FALSE(set_in_bold(megaluh(), f.page, "Pembina (IV/a)"));
  }
}

TEST_F(Signing, TwoPartyBlockAlignsBothSignaturesAndShowsTheElectronicWording) {
  // minimal.toml with its closing block signed by two parties, the first electronically.
  std::string desc = replaced(slurp(kMinimal), "@signature camat\n", "@signature camat bupati\n");
  desc = replaced(desc, "id = \"camat\"\n", "id = \"camat\"\nelectronic = true\n");
  const std::string pdf = path("two.pdf");
  const auto r =
      run(kBin + " render " + quoted(beside_minimal("two.toml", desc)) + " -o " + quoted(pdf));
  ASSERT_EQ(r.code, 0) << r.out;
  const auto fields = signature_fields(pdf);
  ASSERT_EQ(fields.size(), 3u);  // Kata Pengantar (camat), closing block (camat, bupati)
  const Field& left = fields[1];
  const Field& right = fields[2];
  EXPECT_EQ(right.name, "ttd_bupati");
  EXPECT_EQ(left.page, right.page);
  EXPECT_NEAR(left.ury, right.ury, 0.01);  // both spaces on the same lines
  EXPECT_NEAR(left.lly, right.lly, 0.01);
  EXPECT_LT(left.urx, right.llx);
  // The TTE wording heads the electronic party's column, above its office; the other party
  // has none. The names sit on one baseline, each under its own space.
  const auto ws = words(pdf, left.page);
  auto find = [&](const std::string& t) -> const Word* {
    for (const auto& w : ws)
      if (w.text == t) return &w;
    return nullptr;
  };
  const Word* tte = find("Ditandatangani");
  const Word* office = find("SUMBERJAYA,");
  const Word* a = find("BAMBANG");
  const Word* b = find("MUNDJIDAH");
  ASSERT_TRUE(tte && office && a && b);
  EXPECT_NE(page_text(pdf, left.page).find("Ditandatangani secara elektronik oleh:"),
            std::string::npos);
  EXPECT_LE(tte->y1, office->y0 + 0.5);
  EXPECT_LT(tte->x0, right.llx);
  EXPECT_EQ(
      std::count_if(ws.begin(), ws.end(), [](const Word& w) { return w.text == "Ditandatangani"; }),
      1);
  EXPECT_NEAR(a->y1, b->y1, 0.01);
  EXPECT_LT(a->x1, right.llx);
  EXPECT_GT(b->x0, left.urx);
}

TEST_F(Signing, BlockNeverSplitsNorLeavesTheTextItCloses) {
  // Chapters whose closing paragraph ends lower and lower on the page: some leave too little
  // room for the block below it. The paginator keeps the block with the closing paragraph (by
  // moving the paragraph's last lines along), so the paragraph's end marker is always on the
  // block's page.
  std::string desc = slurp(kMinimal);
  const int first = 16, last = 34;
  for (int k = first; k <= last; ++k) {
    desc += "\n[[chapter]]\nid = \"uji" + std::to_string(k) + "\"\ntitle = \"UJI " +
            std::to_string(k) + "\"\nbody = '''\n";
    for (int i = 0; i < k; ++i) desc += "Baris pengisi nomor " + std::to_string(i + 1) + ".\n\n";
    desc +=
        "Demikian laporan ini kami sampaikan sebagai bahan pertanggungjawaban kinerja dan "
        "sebagai dasar perbaikan perencanaan tahun berikutnya, agar dapat dipergunakan "
        "sebagaimana mestinya oleh semua pihak yang berkepentingan penutup" +
        std::to_string(k) + ".\n\n@signature camat\n'''\n";
  }
  const std::string pdf = path("keep.pdf");
  const auto r =
      run(kBin + " render " + quoted(beside_minimal("keep.toml", desc)) + " -o " + quoted(pdf));
  ASSERT_EQ(r.code, 0) << r.out;
  const auto fields = signature_fields(pdf);
  const int chapters = last - first + 1;
  ASSERT_GE(fields.size(), static_cast<size_t>(chapters));
  int moved = 0;  // chapters whose block went to a new page together with closing text
  for (int k = first; k <= last; ++k) {
    const Field& f = fields[fields.size() - chapters + (k - first)];
    const std::string text = page_text(pdf, f.page);
    const std::string marker = "penutup" + std::to_string(k) + ".";
    EXPECT_NE(text.find(marker), std::string::npos) << "chapter UJI " << k << ", page " << f.page;
    // Never split: the name, pangkat and NIP lines are on the field's page too.
    EXPECT_NE(text.find("NIP. 19700512 199403 1 006"), std::string::npos) << k;
    if (text.find("UJI " + std::to_string(k) + "\n") == std::string::npos) ++moved;
  }
  EXPECT_GT(moved, 0) << "no chapter's block reached a second page: the test proves nothing";
}

// ---------------------------------------------------------------------------------------------
// 2. The BSrE anchor character

TEST_F(Signing, AnchorCharacterSitsInvisiblyAtTheCentreOfEachField) {
  const std::string pdf = path("anchor.pdf");
  const auto r =
      run(kBin + " render " + quoted(kMegaluh) + " -o " + quoted(pdf) + " --sign-anchor '~'");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto fields = signature_fields(pdf);
  ASSERT_EQ(fields.size(), 2u);
  // One '~' per field and none elsewhere: the report's own text has none.
  EXPECT_EQ(run("pdftotext " + quoted(pdf) + " - | grep -o '~' | wc -l").out, "2\n");
  for (const auto& f : fields) {
    SCOPED_TRACE(f.name);
    const double h = page_height(pdf, f.page);
    std::vector<Word> found;
    for (const auto& w : words(pdf, f.page))
      if (w.text == "~") found.push_back(w);
    ASSERT_EQ(found.size(), 1u);
    const Word& a = found[0];
    EXPECT_GE(a.x0, f.llx);
    EXPECT_LE(a.x1, f.urx);
    EXPECT_GE(a.y0, h - f.ury);
    EXPECT_LE(a.y1, h - f.lly);
    EXPECT_NEAR((a.x0 + a.x1) / 2, (f.llx + f.urx) / 2, 0.5);
    EXPECT_NEAR((a.y0 + a.y1) / 2, h - (f.lly + f.ury) / 2, 0.5);
    // White, 1 pt: nothing shows on paper (the space stays blank, checked pixel by pixel).
    const std::string stext =
        run("mutool draw -F stext -o - " + quoted(pdf) + " " + std::to_string(f.page)).out;
    EXPECT_TRUE(
        std::regex_search(stext, std::regex(R"re(size="1">\s*<char [^>]*color="#ffffff" c="~")re")))
        << "the anchor is not white 1 pt text";
    expect_camat_block(pdf, f, path("r"));
  }
  // Only one visible character is accepted.
  EXPECT_EQ(
      run(kBin + " render " + quoted(kMegaluh) + " -o " + quoted(pdf) + " --sign-anchor ab").code,
      2);
  EXPECT_EQ(
      run(kBin + " render " + quoted(kMegaluh) + " -o " + quoted(pdf) + " --sign-anchor ' '").code,
      2);
}

TEST_F(Signing, AnchorComesFromTheLayoutAndTheCommandLineOverridesIt) {
  const std::string layout = slurp(kSrc / "layouts/lkjip.toml");
  write_file(path("anchor.toml"),
             replaced(layout, "[signature]\n", "[signature]\nanchor = \"^\"\n"));
  const std::string pdf = path("a.pdf");
  const std::string base = kBin + " render " + quoted(kMinimal) + " -o " + quoted(pdf) +
                           " --layout " + quoted(path("anchor.toml"));
  ASSERT_EQ(run(base).code, 0);
  EXPECT_EQ(run("pdftotext " + quoted(pdf) + " - | grep -o '\\^' | wc -l").out, "2\n");
  ASSERT_EQ(run(base + " --sign-anchor ''").code, 0);
  EXPECT_EQ(run("pdftotext " + quoted(pdf) + " - | grep -o '\\^' | wc -l").out, "0\n");
  write_file(path("bad.toml"), replaced(layout, "[signature]\n", "[signature]\nanchor = \"##\"\n"));
  const auto bad = run(kBin + " render " + quoted(kMinimal) + " -o " + quoted(pdf) + " --layout " +
                       quoted(path("bad.toml")));
  EXPECT_EQ(bad.code, 1);
  EXPECT_TRUE(std::regex_search(
      bad.out, std::regex(R"(bad\.toml:\d+:\d+: error: `anchor` must be one visible character)")))
      << bad.out;
}

// ---------------------------------------------------------------------------------------------
// 3. Signing the real report

TEST_F(Signing, PdfsigSignsTheEmptyFieldValidlyOverTheWholeDocument) {
  const std::string out = path("signed.pdf");
  const auto s = run("pdfsig -nssdir " + nss() +
                     " -nick lkjip-test -sign ttd_camat -reason "
                     "Disetujui " +
                     quoted(megaluh()) + " " + quoted(out));
  ASSERT_EQ(s.code, 0) << s.out;
  expect_valid_total(out, "adbe.pkcs7.detached");
  EXPECT_EQ(run("qpdf --check " + quoted(out)).code, 0);
}

TEST_F(Signing, DebianPdfsigWritesPkcs7EvenWhenAskedForEtsi) {
  // What README "Signing and archiving" states of poppler 22.12 (Debian 12): `-etsi -sign`
  // fills the field with an adbe.pkcs7.detached signature, not ETSI.CAdES.detached; `-etsi`
  // with `-add-signature` is refused; `-add-signature` adds a new field, adbe.pkcs7.detached.
  // When Debian's poppler changes, this test fails and the README must change with it.
  const std::string etsi = path("etsi.pdf");
  const auto s = run("pdfsig -nssdir " + nss() + " -nick lkjip-test -etsi -sign ttd_camat " +
                     quoted(megaluh()) + " " + quoted(etsi));
  ASSERT_EQ(s.code, 0) << s.out;
  expect_valid_total(etsi, "adbe.pkcs7.detached");

  const auto refused = run("pdfsig -nssdir " + nss() + " -nick lkjip-test -etsi -add-signature " +
                           quoted(megaluh()) + " " + quoted(path("refused.pdf")));
  EXPECT_NE(refused.code, 0) << refused.out;
  EXPECT_NE(refused.out.find("-etsi is not supported yet with -add-signature"), std::string::npos)
      << refused.out;
  EXPECT_FALSE(fs::exists(path("refused.pdf")));

  const std::string added = path("added.pdf");
  const auto a = run("pdfsig -nssdir " + nss() + " -nick lkjip-test -add-signature " +
                     quoted(megaluh()) + " " + quoted(added));
  ASSERT_EQ(a.code, 0) << a.out;
  expect_valid_total(added, "adbe.pkcs7.detached");
  // A new, third field: ours stay empty.
  const auto v = run("pdfsig -nssdir " + nss() + " " + quoted(added)).out;
  EXPECT_NE(v.find("ttd_camat\n  The signature form field is not signed."), std::string::npos) << v;
  EXPECT_NE(v.find("Signature #3"), std::string::npos) << v;
}

TEST_F(Signing, PadesSignatureOfTheEmptyFieldIsValid) {
  // BSrE signs PAdES (/SubFilter /ETSI.CAdES.detached). poppler 22.12's `pdfsig -etsi` still
  // writes adbe.pkcs7.detached into an existing field (and refuses -etsi with -add-signature),
  // and podofosign has no such option, so the test signs as a PAdES signer does: an incremental
  // update that fills the field's /V, with a CAdES-BES detached CMS from `openssl cms -cades`.
  const auto fields = signature_fields(megaluh());
  ASSERT_FALSE(fields.empty());
  ASSERT_EQ(fields[0].name, "ttd_camat");
  const std::string out = path("pades.pdf");
  ASSERT_TRUE(pades_sign(megaluh(), fields[0].object, out, path("cms"), pem()));
  expect_valid_total(out, "ETSI.CAdES.detached");
  EXPECT_EQ(run("qpdf --check " + quoted(out)).code, 0);
}

TEST_F(Signing, PodofosignFillsTheExistingFieldValidly) {
  const std::string out = path("podofo.pdf");
  const auto s = run("podofosign -in " + quoted(megaluh()) + " -out " + quoted(out) + " -cert " +
                     quoted(pem().first) + " -pkey " + quoted(pem().second) +
                     " -digest SHA256 -field-name ttd_camat -field-use-existing");
  ASSERT_EQ(s.code, 0) << s.out;
  expect_valid_total(out, "adbe.pkcs7.detached");
  // The field is the one we made, now signed; the second block's field is still empty.
  const auto v = run("pdfsig -nssdir " + nss() + " " + quoted(out)).out;
  EXPECT_TRUE(std::regex_search(v, std::regex(R"(Signature Field Name: ttd_camat\n[^\n]*Signer)")))
      << v;
  EXPECT_NE(v.find("ttd_camat_2\n  The signature form field is not signed."), std::string::npos)
      << v;
}

TEST_F(Signing, SignSpotsEqualTheFieldRectanglesInThePdf) {
  const auto fields = signature_fields(megaluh());  // renders megaluh.pdf and megaluh.json
  const std::string json = slurp(shared() / "megaluh.json");
  static const std::regex spot(
      R"re(\{"name": "([^"]+)", "page": (\d+), "page_label": "([^"]*)",\s*"rect_pt": \[([-\d.]+), ([-\d.]+), ([-\d.]+), ([-\d.]+)\],\s*"top_left_mm": \{"x": ([-\d.]+), "y": ([-\d.]+), "width": ([-\d.]+), "height": ([-\d.]+)\}\})re");
  size_t i = 0;
  for (std::sregex_iterator it(json.begin(), json.end(), spot), end; it != end; ++it, ++i) {
    const auto& m = *it;
    ASSERT_LT(i, fields.size()) << json;
    const Field& f = fields[i];
    SCOPED_TRACE(f.name);
    EXPECT_EQ(m[1], f.name);
    EXPECT_EQ(std::stoi(m[2]), f.page);
    const double r[4] = {std::stod(m[4]), std::stod(m[5]), std::stod(m[6]), std::stod(m[7])};
    // The JSON prints two decimals: equal to the PDF within its rounding (0.005) < 0.01 pt.
    EXPECT_NEAR(r[0], f.llx, 0.01);
    EXPECT_NEAR(r[1], f.lly, 0.01);
    EXPECT_NEAR(r[2], f.urx, 0.01);
    EXPECT_NEAR(r[3], f.ury, 0.01);
    // Millimetres from the top-left corner describe the same rectangle.
    const double mm = 25.4 / 72, h = page_height(megaluh(), f.page);
    EXPECT_NEAR(std::stod(m[8]), f.llx * mm, 0.01);
    EXPECT_NEAR(std::stod(m[9]), (h - f.ury) * mm, 0.01);
    EXPECT_NEAR(std::stod(m[10]), (f.urx - f.llx) * mm, 0.01);
    EXPECT_NEAR(std::stod(m[11]), (f.ury - f.lly) * mm, 0.01);
  }
  EXPECT_EQ(i, fields.size()) << json;
  EXPECT_NE(json.find("\"page_label\": \"i\""), std::string::npos);  // Kata Pengantar
}

TEST_F(Signing, RenderingOverTheSignedOriginalIsRefusedUnlessForced) {
  const std::string out = path("signed.pdf");
  ASSERT_EQ(run("pdfsig -nssdir " + nss() + " -nick lkjip-test -sign ttd_camat " +
                quoted(megaluh()) + " " + quoted(out))
                .code,
            0);
  const std::string before = slurp(out);
  const auto r = run(kBin + " render " + quoted(kMegaluh) + " -o " + quoted(out));
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("refusing to overwrite a signed PDF"), std::string::npos) << r.out;
  EXPECT_EQ(slurp(out), before);
  EXPECT_TRUE(temp_files(dir_->path()).empty());
  const auto forced = run(kBin + " render " + quoted(kMegaluh) + " -o " + quoted(out) + " --force");
  EXPECT_EQ(forced.code, 0) << forced.out;
  EXPECT_EQ(slurp(out), slurp(megaluh()));
}

// Every command path that writes a file goes through the one guarded writer: none replaces the
// signed original without --force, and a refused second output leaves no first one behind.
TEST_F(Signing, NoCommandReplacesTheSignedOriginalWithoutForce) {
  const std::string signed_pdf = path("s.pdf");
  ASSERT_EQ(run("pdfsig -nssdir " + nss() + " -nick lkjip-test -sign ttd_camat " +
                quoted(megaluh()) + " " + quoted(signed_pdf))
                .code,
            0);
  const std::string before = slurp(signed_pdf);
  const std::string od = path("od"), o = path("o.pdf");
  const std::vector<std::string> commands = {
      " render " + quoted(kMinimal) + " --out-dir " + quoted(od) + " --combine " +
          quoted(signed_pdf),
      " recap " + quoted(kMinimal) + " -o " + quoted(signed_pdf),
      " render " + quoted(kMinimal) + " -o " + quoted(o) + " --sign-spots " + quoted(signed_pdf),
  };
  for (const auto& command : commands) {
    SCOPED_TRACE(command);
    const auto r = run(kBin + command);
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_NE(r.out.find(signed_pdf + ": error: refusing to overwrite a signed PDF"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(slurp(signed_pdf), before);
    EXPECT_FALSE(fs::exists(o));                 // refused before rendering
    EXPECT_FALSE(fs::exists(od + "/minimal.pdf"));
    EXPECT_TRUE(temp_files(dir_->path()).empty());
  }
  // --force replaces it, in each command.
  for (const auto& command : commands) {
    SCOPED_TRACE(command);
    const auto r = run(kBin + command + " --force");
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(slurp(signed_pdf), before);
    write_file(signed_pdf, before);  // signed again for the next command
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Determinism

/// The two trailer /ID strings of a PDF file's bytes, concatenated.
std::string trailer_id(const std::string& bytes) {
  std::smatch m;
  const size_t at = bytes.rfind("/ID");
  const std::string tail = at == std::string::npos ? "" : bytes.substr(at, 100);
  return std::regex_search(tail, m, std::regex(R"(<([0-9A-F]{32})>\s*<([0-9A-F]{32})>)"))
             ? m[1].str() + m[2].str()
             : "";
}

TEST_F(Signing, SameInputGivesTheSameBytesAcrossRunsZonesAndEpochs) {
  const std::string render = " render " + quoted(kMegaluh) + " -o ";
  ASSERT_EQ(run("TZ=UTC " + kBin + render + quoted(path("utc.pdf"))).code, 0);
  ASSERT_EQ(run("TZ=Asia/Jakarta " + kBin + render + quoted(path("wib.pdf"))).code, 0);
  const std::string reference = slurp(megaluh());
  EXPECT_EQ(slurp(path("utc.pdf")), reference);
  EXPECT_EQ(slurp(path("wib.pdf")), reference);
  // Without SOURCE_DATE_EPOCH the description's date (3 Januari 2025) stamps the file.
  EXPECT_NE(run("pdfinfo -isodates " + quoted(megaluh())).out.find("2025-01-03T00:00:00"),
            std::string::npos);

  ASSERT_EQ(run("SOURCE_DATE_EPOCH=1700000000 " + kBin + render + quoted(path("e1.pdf"))).code, 0);
  ASSERT_EQ(
      run("SOURCE_DATE_EPOCH=1700000000 TZ=Asia/Jakarta " + kBin + render + quoted(path("e1b.pdf")))
          .code,
      0);
  ASSERT_EQ(run("SOURCE_DATE_EPOCH=1800000000 " + kBin + render + quoted(path("e2.pdf"))).code, 0);
  // Not whole seconds, or past year 9999: a usage error naming the value, nothing written.
  for (const std::string bad : {"1e9", "253402300800", "999999999999999"}) {
    const auto r = run("SOURCE_DATE_EPOCH=" + bad + " " + kBin + render + quoted(path("bad.pdf")));
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_NE(r.out.find("SOURCE_DATE_EPOCH"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(bad), std::string::npos) << r.out;
    EXPECT_FALSE(std::filesystem::exists(path("bad.pdf"))) << bad;
  }
  const std::string e1 = slurp(path("e1.pdf")), e2 = slurp(path("e2.pdf"));
  EXPECT_EQ(slurp(path("e1b.pdf")), e1);
  EXPECT_NE(e1, e2);
  EXPECT_NE(e1, reference);
  const auto d1 = run("pdfinfo -isodates " + quoted(path("e1.pdf"))).out;
  const auto d2 = run("pdfinfo -isodates " + quoted(path("e2.pdf"))).out;
  EXPECT_TRUE(std::regex_search(d1, std::regex(R"(CreationDate:\s+2023-11-14T22:13:20Z)"))) << d1;
  EXPECT_TRUE(std::regex_search(d2, std::regex(R"(CreationDate:\s+2027-01-15T08:00:00Z)"))) << d2;

  // /ID is content-derived: the MD5 of the file with both ID strings zeroed.
  for (const std::string* bytes : {&reference, &e1, &e2}) {
    const std::string id = trailer_id(*bytes);
    ASSERT_EQ(id.size(), 64u);
    EXPECT_EQ(id.substr(0, 32), id.substr(32));
    const size_t at = bytes->rfind("/ID");
    write_file(
        path("zeroed"),
        bytes->substr(0, at) + std::regex_replace(bytes->substr(at), std::regex("<[0-9A-F]{32}>"),
                                                  "<" + std::string(32, '0') + ">"));
    std::string md5 = run("md5sum " + quoted(path("zeroed")) + " | cut -c1-32").out;
    for (auto& c : md5) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(md5, id.substr(0, 32) + "\n");
  }
  EXPECT_NE(trailer_id(e1), trailer_id(e2));
}

// ---------------------------------------------------------------------------------------------
// 5. Safe regeneration

TEST_F(Signing, WriteFailureMidFileKeepsThePreviousPdf) {
  const std::string out = path("m.pdf");
  write_file(out, slurp(megaluh()));
  const std::string previous = slurp(out);
  // RLIMIT_FSIZE (which binds root too; dash counts 512-byte blocks) stops the write at 8 KiB; with
  // SIGXFSZ ignored, write() fails with EFBIG half-way through the temporary file.
  const auto r = run("sh -c " + quoted("trap '' XFSZ; ulimit -f 16; exec " + kBin + " render " +
                                       quoted(kMinimal) + " -o " + quoted(out)));
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("cannot write"), std::string::npos) << r.out;
  EXPECT_EQ(slurp(out), previous);
  EXPECT_TRUE(temp_files(dir_->path()).empty());
  // A target that is a folder: the rename fails, the folder and its content stay.
  fs::create_directories(path("dir.pdf"));
  write_file(path("dir.pdf") + "/keep", "x");
  const auto d = run(kBin + " render " + quoted(kMinimal) + " -o " + quoted(path("dir.pdf")));
  EXPECT_EQ(d.code, 3) << d.out;
  EXPECT_NE(d.out.find("cannot replace"), std::string::npos) << d.out;
  EXPECT_EQ(slurp(path("dir.pdf") + "/keep"), "x");
  // A parent that is a file: not even a temporary file can be made.
  const auto p = run(kBin + " render " + quoted(kMinimal) + " -o " + quoted(out + "/x.pdf"));
  EXPECT_EQ(p.code, 3) << p.out;
  EXPECT_EQ(slurp(out), previous);
  EXPECT_TRUE(temp_files(dir_->path()).empty());
}

TEST_F(Signing, KilledRenderLeavesThePreviousPdfAndStaleTemporariesAreSweptLater) {
  const std::string gen = (fs::path(kBin).parent_path() / "lkjip-gen").string();
  ASSERT_EQ(run(gen + " --count 1 --pages-scale 60 --out " + quoted(path("big"))).code, 0);
  std::string big;
  for (const auto& e : fs::directory_iterator(path("big"))) big = e.path().string();
  const std::string out = path("m.pdf");
  write_file(out, slurp(megaluh()));
  const std::string previous = slurp(out);

  Background render(kBin + " render " + quoted(big) + " -o " + quoted(out), path("log"));
  ASSERT_GT(render.pid(), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(250));  // ~400 pages take about 1 s
  const pid_t killed = render.pid();
  const int status = render.stop();
  ASSERT_TRUE(WIFSIGNALED(status)) << "the render finished before it could be killed";
  EXPECT_EQ(slurp(out), previous);
  EXPECT_TRUE(temp_files(dir_->path()).empty());

  // Killed inside the write itself, a render leaves its temporary file (named with its PID)
  // beside the target. The next successful write of that target removes it, but keeps the
  // file of a writer that is still running.
  const std::string stale =
      "." + fs::path(out).filename().string() + ".tmp-" + std::to_string(killed) + "-AbC123";
  const std::string live =
      "." + fs::path(out).filename().string() + ".tmp-" + std::to_string(::getpid()) + "-XyZ789";
  write_file(path(stale), previous.substr(0, 1000));
  write_file(path(live), "writing");
  const auto r = run(kBin + " render " + quoted(kMinimal) + " -o " + quoted(out));
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(slurp(out), previous);
  EXPECT_EQ(temp_files(dir_->path()), std::vector<std::string>{live});
}

// ---------------------------------------------------------------------------------------------
// 6. diff and watch

TEST_F(Signing, DiffListsTheChangedFiguresAndTableRows) {
  const std::string desc = slurp(kMegaluh);
  // The realisation of IKU "akip" (the first `realisasi` after its id) is corrected.
  const size_t real = desc.find("realisasi = 60.61", desc.find("id = \"akip\""));
  ASSERT_NE(real, std::string::npos);
  std::string edited = desc;
  edited.replace(real, 17, "realisasi = 66.50");
  write_file(path("old.toml"), desc);
  write_file(path("new.toml"), edited);
  const auto d = run(kBin + " diff " + quoted(path("old.toml")) + " " + quoted(path("new.toml")));
  EXPECT_EQ(d.code, 4) << d.out;
  EXPECT_TRUE(
      std::regex_search(d.out, std::regex(R"(figure iku\.akip\.realisasi: 60,61 -> 66,50)")))
      << d.out;
  EXPECT_NE(d.out.find("figure iku.akip.capaian: 86,34% -> 94,73%\n"), std::string::npos) << d.out;
  // The measurement table's row for the IKU, new and old, under the table it belongs to.
  EXPECT_TRUE(std::regex_search(
      d.out, std::regex(R"(@@ [^\n]*table #tabel-measurement[^\n]*\n)"
                        R"(\+ +row: [^\n]*Nilai Evaluasi AKIP \| 70,20 \| 66,50 \| 94,73% [^\n]*\n)"
                        R"(- +row: [^\n]*Nilai Evaluasi AKIP \| 70,20 \| 60,61 \| 86,34% )")))
      << d.out;
  EXPECT_TRUE(std::regex_search(d.out, std::regex(R"(\n\d+ changes\n$)"))) << d.out;

  const auto same = run(kBin + " diff " + quoted(kMegaluh) + " " + quoted(path("old.toml")));
  EXPECT_EQ(same.code, 0) << same.out;
  EXPECT_EQ(same.out, "0 changes\n");
}

TEST_F(Signing, WatchRerendersWhenTheDescriptionChanges) {
  // The description, its PDF and the PDF's temporaries share a folder, as an author keeps them.
  fs::create_directories(path("report"));
  const std::string in = path("report/megaluh.toml"), out = path("report/megaluh.pdf");
  const std::string desc = slurp(kMegaluh);
  write_file(in, desc);
  Background watch(kBin + " watch " + quoted(in) + " -o " + quoted(out), path("watch.log"));
  ASSERT_GT(watch.pid(), 0);
  auto wrote = [&](int n) {
    const std::string log = slurp(path("watch.log"));
    int count = 0;
    for (size_t at = 0; (at = log.find("watch: wrote", at)) != std::string::npos; ++at) ++count;
    return count >= n;
  };
  ASSERT_TRUE(wait_until([&] { return wrote(1); }, 60)) << slurp(path("watch.log"));
  const std::string first = slurp(out);
  EXPECT_EQ(first, slurp(megaluh()));
  // Writing the PDF beside the description is not a change: no second render.
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  EXPECT_FALSE(wrote(2)) << slurp(path("watch.log"));

  const size_t at = desc.find("Syukur Alhamdulillah");
  ASSERT_NE(at, std::string::npos);
  std::string edited = desc;
  edited.insert(at, "Tanda perubahan berkas. ");
  write_file(in, edited);
  ASSERT_TRUE(wait_until([&] { return wrote(2); }, 60)) << slurp(path("watch.log"));
  EXPECT_NE(page_text(out, 2).find("Tanda perubahan berkas."), std::string::npos);
  watch.stop();
  EXPECT_TRUE(temp_files(path("report")).empty());
}

// ---------------------------------------------------------------------------------------------
// 7. PDF/A-2b ingredients (README, "PDF/A-2b"): each requirement, checked as described there

TEST_F(Signing, MeetsThePdfA2bRequirementsWeCanCheckWithoutAValidator) {
  const std::string pdf = megaluh();
  const std::string bytes = slurp(pdf);
  // PDF 1.7 header followed by a binary comment line (4 bytes >= 128).
  ASSERT_GT(bytes.size(), 15u);
  EXPECT_EQ(bytes.substr(0, 9), "%PDF-1.7\n");
  EXPECT_EQ(bytes[9], '%');
  for (int i = 10; i < 14; ++i) EXPECT_GE(static_cast<unsigned char>(bytes[i]), 128) << i;

  // Every font embedded (pdffonts: emb = yes), as subset CID fonts.
  const auto fonts = run("pdffonts " + quoted(pdf)).out;
  std::istringstream lines(fonts);
  int rows = 0;
  for (std::string line; std::getline(lines, line);) {
    if (rows++ < 2) continue;
    EXPECT_TRUE(std::regex_search(line, std::regex(R"(CID TrueType\s+Identity-H\s+yes yes)")))
        << line;
  }
  EXPECT_GT(rows, 2);

  // No encryption; XMP metadata mirrors the Info dictionary.
  EXPECT_EQ(run("mutool show " + quoted(pdf) + " trailer").out.find("/Encrypt"), std::string::npos);
  const auto info = run("pdfinfo -isodates " + quoted(pdf)).out;
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Encrypted:\s+no\n)"))) << info;
  const auto meta = run("pdfinfo -meta " + quoted(pdf)).out;
  EXPECT_NE(meta.find("<pdfaid:part>2</pdfaid:part>"), std::string::npos);
  EXPECT_NE(meta.find("<pdfaid:conformance>B</pdfaid:conformance>"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(Title:\s+([^\n]+))")));
  EXPECT_NE(meta.find("<rdf:li xml:lang=\"x-default\">" + m[1].str() + "</rdf:li>"),
            std::string::npos)
      << m[1];
  ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(Author:\s+([^\n]+))")));
  EXPECT_NE(meta.find("<dc:creator><rdf:Seq><rdf:li>" + m[1].str()), std::string::npos) << m[1];
  ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(Producer:\s+([^\n]+))")));
  EXPECT_NE(meta.find("<pdf:Producer>" + m[1].str() + "</pdf:Producer>"), std::string::npos);
  ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(CreationDate:\s+(\S+?)Z?\n)")));
  EXPECT_NE(meta.find("<xmp:CreateDate>" + m[1].str()), std::string::npos) << m[1];
  ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(ModDate:\s+(\S+?)Z?\n)")));
  EXPECT_NE(meta.find("<xmp:ModifyDate>" + m[1].str()), std::string::npos) << m[1];

  // Catalog: /Lang, /Metadata, and an sRGB OutputIntent whose profile is an ICC stream, N 3
  // (mutool paths count array items from 1).
  const auto root = run("mutool show " + quoted(pdf) + " trailer/Root").out;
  EXPECT_NE(root.find("/Lang (id-ID)"), std::string::npos) << root;
  EXPECT_NE(root.find("/Metadata "), std::string::npos) << root;
  EXPECT_NE(root.find("/S /GTS_PDFA1"), std::string::npos) << root;
  EXPECT_NE(root.find("/OutputConditionIdentifier (sRGB IEC61966-2.1)"), std::string::npos);
  const auto profile =
      run("mutool show " + quoted(pdf) + " trailer/Root/OutputIntents/1/DestOutputProfile").out;
  EXPECT_NE(profile.find("/N 3"), std::string::npos) << profile.substr(0, 200);
  write_file(path("icc"), "");
  run("mutool show -b -o " + quoted(path("icc")) + " " + quoted(pdf) +
      " trailer/Root/OutputIntents/1/DestOutputProfile");
  const std::string icc = slurp(path("icc"));
  ASSERT_GT(icc.size(), 128u);
  EXPECT_EQ(icc.substr(36, 4), "acsp");
  EXPECT_NE(icc.find("sRGB"), std::string::npos);

  // Annotations print (/F 4, not hidden) and every widget has exactly a normal appearance;
  // no transparency group, soft mask or constant alpha anywhere.
  int widgets = 0, links = 0;
  for (const auto& obj : objects(pdf)) {
    EXPECT_EQ(obj.find("/S/Transparency"), std::string::npos) << obj;
    EXPECT_EQ(obj.find("/SMask"), std::string::npos) << obj;
    EXPECT_FALSE(std::regex_search(obj, std::regex(R"(/(CA|ca) ?0?\.)"))) << obj;
    if (obj.find("/Type/Annot") == std::string::npos) continue;
    EXPECT_NE(obj.find("/F 4"), std::string::npos) << obj;
    if (obj.find("/Subtype/Widget") != std::string::npos) {
      ++widgets;
      EXPECT_TRUE(std::regex_search(obj, std::regex(R"(/AP<</N \d+ 0 R>>)"))) << obj;
    } else if (obj.find("/Subtype/Link") != std::string::npos) {
      ++links;
    } else {
      ADD_FAILURE() << "unexpected annotation: " << obj;
    }
  }
  EXPECT_EQ(widgets, 2);
  EXPECT_GT(links, 0);
  EXPECT_EQ(run("qpdf --check " + quoted(pdf)).code, 0);
}

TEST_F(Signing, AnRgbaLogoIsTheOnlySoftMask) {
  // README's PDF/A-2b table: no transparency group and no constant alpha ever; a soft mask
  // only for an image with an alpha channel. A 48x48 RGBA PNG logo, alpha fading left to
  // right, made here with python3's zlib.
  const std::string png = path("images/logo-rgba.png");
  beside_minimal("unused.toml", "");
  const auto made =
      run("python3 -c \"import struct,sys,zlib\n"
          "def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d))\n"
          "rows=b''.join(b'\\\\0'+b''.join(bytes((200,30,30,x*5)) for x in range(48)) for y in "
          "range(48))\n"
          "sys.stdout.buffer.write(b'\\\\x89PNG\\\\r\\\\n\\\\x1a\\\\n'+chunk(b'IHDR',"
          "struct.pack('>IIBBBBB',48,48,8,6,0,0,0))+chunk(b'IDAT',zlib.compress(rows))+"
          "chunk(b'IEND',b''))\" > " +
          quoted(png));
  ASSERT_EQ(made.code, 0) << made.out;
  ASSERT_EQ(slurp(png).substr(25, 1), std::string(1, '\x06'));  // colour type 6: RGBA
  const std::string desc =
      replaced(slurp(kMinimal), "logo = \"images/logo.png\"", "logo = \"images/logo-rgba.png\"");
  const std::string pdf = path("rgba.pdf");
  const auto r =
      run(kBin + " render " + quoted(beside_minimal("rgba.toml", desc)) + " -o " + quoted(pdf));
  ASSERT_EQ(r.code, 0) << r.out;
  int masks = 0;
  for (const auto& obj : objects(pdf)) {
    EXPECT_EQ(obj.find("/S/Transparency"), std::string::npos) << obj;
    EXPECT_FALSE(std::regex_search(obj, std::regex(R"(/(CA|ca) ?0?\.)"))) << obj;
    if (obj.find("/SMask") == std::string::npos) continue;
    ++masks;
    EXPECT_NE(obj.find("/Subtype/Image"), std::string::npos) << obj;  // on the image only
  }
  EXPECT_EQ(masks, 1);
  // The same description with the RGB logo has none.
  const std::string rgb = path("rgb.pdf");
  ASSERT_EQ(run(kBin + " render " + quoted(beside_minimal("rgb.toml", slurp(kMinimal))) + " -o " +
                quoted(rgb))
                .code,
            0);
  for (const auto& obj : objects(rgb)) EXPECT_EQ(obj.find("/SMask"), std::string::npos) << obj;
}

}  // namespace
}  // namespace lkjip::golden
