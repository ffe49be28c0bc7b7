// Installation: `cmake --install` puts the binary and its data under a prefix, and the
// installed binary finds share/lkjip relative to itself (also when the tree is moved);
// LKJIP_DATA_DIR overrides it; a layout kept in layouts/ beside a description comes first. The
// Debian package built by `cpack -G DEB` declares the libraries the binary links and the data
// it reads, unpacks into a tree that renders from another folder, and, when the tests run as
// root (CI), installs with `apt-get install ./lkjip_*.deb` and works as /usr/bin/lkjip.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "tools.h"

namespace lkjip::golden {
namespace {

const std::string kBuild = LKJIP_BUILD_DIR;

/// Copies tests/data/minimal.toml and its images into `dir`.
std::string copy_minimal(const fs::path& dir) {
  fs::create_directories(dir);
  fs::copy(kSrc / "tests/data/minimal.toml", dir / "minimal.toml");
  fs::copy(kSrc / "tests/data/images", dir / "images", fs::copy_options::recursive);
  return (dir / "minimal.toml").string();
}

/// Page size as pdfinfo prints it ("595.276 x 841.89").
std::string page_size(const std::string& pdf) {
  std::smatch m;
  const std::string info = run("pdfinfo " + quoted(pdf)).out;
  return std::regex_search(info, m, std::regex("Page size:\\s+([0-9.]+ x [0-9.]+)")) ? m[1].str()
                                                                                     : "";
}

/// An exclusive flock(2) on `path`, held for the object's lifetime (waits for it; released by
/// the kernel also when the test process dies).
class MachineLock {
 public:
  explicit MachineLock(const char* path) : fd_(::open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) ADD_FAILURE() << "cannot lock " << path;
  }
  ~MachineLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  MachineLock(const MachineLock&) = delete;
  MachineLock& operator=(const MachineLock&) = delete;

 private:
  int fd_;
};

/// Renders every installed example with `bin` from `cwd`, expecting success.
void render_examples(const std::string& bin, const fs::path& examples, const fs::path& cwd) {
  int rendered = 0;
  for (const auto& e : fs::directory_iterator(examples)) {
    if (e.path().extension() != ".toml") continue;
    const std::string pdf = (cwd / e.path().stem()).string() + ".pdf";
    const auto r = run("cd " + quoted(cwd.string()) + " && " + quoted(bin) + " render " +
                       quoted(e.path().string()) + " -o " + quoted(pdf));
    EXPECT_EQ(r.code, 0) << e.path() << "\n" << r.out;
    EXPECT_GT(page_count(pdf), 4) << pdf;
    ++rendered;
  }
  EXPECT_GT(rendered, 0) << "no examples in " << examples;
}

}  // namespace

TEST(Install, InstalledBinaryFindsItsDataRelativeToItself) {
  ScratchDir dir("install");
  const fs::path prefix = dir.path() / "opt";
  const auto inst = run("cmake --install " + quoted(kBuild) + " --prefix " + quoted(prefix));
  ASSERT_EQ(inst.code, 0) << inst.out;
  for (const char* f :
       {"bin/lkjip", "share/lkjip/layouts/lkjip.toml", "share/lkjip/fonts/fonts.toml",
        "share/lkjip/lkjip.schema.json", "share/lkjip/examples/lkjip.schema.json",
        "share/man/man1/lkjip.1.gz", "share/bash-completion/completions/lkjip",
        "share/doc/lkjip/SCHEMA.md", "share/doc/lkjip/layouts.md"})
    EXPECT_TRUE(fs::exists(prefix / f)) << f;

  // From another folder, and again after the whole tree moved.
  fs::create_directories(dir.path() / "elsewhere");
  render_examples((prefix / "bin/lkjip").string(), prefix / "share/lkjip/examples",
                  dir.path() / "elsewhere");
  const fs::path moved = dir.path() / "moved";
  fs::rename(prefix, moved);
  const auto layouts = run(quoted((moved / "bin/lkjip").string()) + " layouts");
  EXPECT_EQ(layouts.code, 0) << layouts.out;
  EXPECT_NE(layouts.out.find("tata-naskah-dinas"), std::string::npos) << layouts.out;
  const std::string in = copy_minimal(dir.path() / "report");
  const auto r = run(quoted((moved / "bin/lkjip").string()) + " render " + quoted(in) + " -o " +
                     quoted(dir / "moved.pdf"));
  EXPECT_EQ(r.code, 0) << r.out;

  // The binary alone, without its data, says where it looked and what to do.
  fs::copy(moved / "bin/lkjip", dir.path() / "lkjip");
  const auto alone =
      run(quoted(dir / "lkjip") + " render " + quoted(in) + " -o " + quoted(dir / "alone.pdf"));
  EXPECT_EQ(alone.code, 1) << alone.out;
  EXPECT_NE(alone.out.find("set LKJIP_DATA_DIR to the folder holding layouts/ and fonts/"),
            std::string::npos)
      << alone.out;
  // LKJIP_DATA_DIR overrides: the installed data, named explicitly, serves the lone binary.
  const auto env =
      run("LKJIP_DATA_DIR=" + quoted((moved / "share/lkjip").string()) + " " +
          quoted(dir / "lkjip") + " render " + quoted(in) + " -o " + quoted(dir / "env.pdf"));
  EXPECT_EQ(env.code, 0) << env.out;
}

TEST(Install, LayoutBesideTheDescriptionComesFirst) {
  ScratchDir dir("beside");
  const std::string in = copy_minimal(dir.path());
  ASSERT_EQ(run(kBin + " render " + quoted(in) + " -o " + quoted(dir / "a4.pdf")).code, 0);
  EXPECT_EQ(page_size(dir / "a4.pdf"), "595.276 x 841.89");
  // layouts/lkjip.toml beside the description: the same name now means the local file (F4).
  fs::create_directories(dir.path() / "layouts");
  std::string layout = slurp(kSrc / "layouts/lkjip.toml");
  layout = std::regex_replace(layout, std::regex("paper = \"A4\""), "paper = \"F4\"");
  write_file(dir / "layouts/lkjip.toml", layout);
  const auto r = run(kBin + " render " + quoted(in) + " -o " + quoted(dir / "f4.pdf"));
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(page_size(dir / "f4.pdf"), "609.449 x 935.433");
  // --layout NAME looks beside the description first too.
  const auto r2 =
      run(kBin + " render " + quoted(in) + " --layout lkjip -o " + quoted(dir / "opt.pdf"));
  ASSERT_EQ(r2.code, 0) << r2.out;
  EXPECT_EQ(page_size(dir / "opt.pdf"), "609.449 x 935.433");
  // Another folder's description does not see this layouts/ folder.
  const std::string other = copy_minimal(dir.path() / "other");
  ASSERT_EQ(run(kBin + " render " + quoted(other) + " -o " + quoted(dir / "other.pdf")).code, 0);
  EXPECT_EQ(page_size(dir / "other.pdf"), "595.276 x 841.89");
}

TEST(Package, DebDeclaresItsDependenciesAndRendersFromAnotherFolder) {
  ScratchDir dir("deb");
  const auto pack = run("cpack --config " + quoted(kBuild + "/CPackConfig.cmake") + " -G DEB -B " +
                        quoted(dir / "out"));
  ASSERT_EQ(pack.code, 0) << pack.out;
  std::string deb;
  for (const auto& e : fs::directory_iterator(dir.path() / "out"))
    if (e.path().extension() == ".deb") deb = e.path().string();
  ASSERT_TRUE(std::regex_search(fs::path(deb).filename().string(),
                                std::regex("^lkjip_[0-9.]+_[a-z0-9]+\\.deb$")))
      << deb;
  std::printf("package: %s, %ju bytes\n", fs::path(deb).filename().c_str(),
              static_cast<uintmax_t>(fs::file_size(deb)));

  // Depends names the package of every library the binary links (dpkg-shlibdeps) and the
  // data lkjip reads at run time.
  const std::string depends = run("dpkg-deb -f " + quoted(deb) + " Depends").out;
  for (const char* data :
       {"fonts-liberation2", "fonts-crosextra-carlito", "hyphen-id", "icc-profiles-free"})
    EXPECT_NE(depends.find(data), std::string::npos) << data << " in " << depends;
  std::map<std::string, std::string> path_of;  // soname -> file, as the loader resolves it
  std::istringstream ldd(run("ldd " + quoted(kBin)).out);
  for (std::string line; std::getline(ldd, line);) {
    std::smatch m;
    if (std::regex_search(line, m, std::regex("^\\s*(\\S+) => (/\\S+)"))) path_of[m[1]] = m[2];
  }
  std::istringstream needed(run("readelf -d " + quoted(kBin)).out);
  int libraries = 0;
  for (std::string line; std::getline(needed, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, std::regex("\\(NEEDED\\).*\\[(.+)\\]"))) continue;
    ASSERT_TRUE(path_of.count(m[1])) << m[1] << " not resolved by ldd";
    // dpkg knows a file by the path its package ships, with or without the /usr merge.
    std::string package;
    const std::string real = fs::canonical(path_of[m[1]]).string();
    for (const std::string& file :
         {path_of[m[1]], real, std::regex_replace(real, std::regex("^/usr/"), "/")}) {
      const auto owner = run("dpkg -S " + quoted(file) + " 2>/dev/null");
      if (owner.code == 0) {
        package = owner.out.substr(0, owner.out.find(':'));
        break;
      }
    }
    ++libraries;
    EXPECT_NE(depends.find(package + " "), std::string::npos)
        << m[1] << " (" << package << ") in " << depends;
  }
  EXPECT_GT(libraries, 5);

  // Unpacked into a root of its own, it renders the shipped examples from another folder and
  // its man page and completion are where man and bash-completion look.
  const fs::path root = dir.path() / "root";
  ASSERT_EQ(run("dpkg -x " + quoted(deb) + " " + quoted(root)).code, 0);
  fs::create_directories(dir.path() / "elsewhere");
  render_examples((root / "usr/bin/lkjip").string(), root / "usr/share/lkjip/examples",
                  dir.path() / "elsewhere");
  EXPECT_EQ(run("man -M " + quoted((root / "usr/share/man").string()) + " -w lkjip").out,
            (root / "usr/share/man/man1/lkjip.1.gz").string() + "\n");
  EXPECT_TRUE(fs::exists(root / "usr/share/bash-completion/completions/lkjip"));

  if (::geteuid() != 0) GTEST_SKIP() << "not root: apt-get install ./" << deb << " not tried";
  // As root (CI): really install it with apt-get, as an office would, use it as /usr/bin/lkjip,
  // and leave the system as found. Every checkout of lkjip on the machine runs this test against
  // the same /usr/bin/lkjip and dpkg database, so the whole install-use-remove sequence is one
  // critical section: with the lock taken only around apt-get and dpkg -r, one run removed the
  // package while another was rendering with it.
  const MachineLock lock("/tmp/lkjip-package-test.lock");
  const bool was_installed =
      run("dpkg-query -W -f='${Status}' lkjip 2>/dev/null | grep -q 'install ok installed'").code ==
      0;
  const auto apt = run("apt-get install -y -q --reinstall -o DPkg::Lock::Timeout=120 "
                       "--no-install-recommends " +
                       quoted(deb));
  ASSERT_EQ(apt.code, 0) << apt.out;
  // The minimal description is enough here: the unpacked tree above rendered every example with
  // these bytes; this proves the package resolves, installs and finds /usr/share/lkjip.
  const std::string in = copy_minimal(dir.path() / "system");
  const auto r = run("/usr/bin/lkjip render " + quoted(in) + " -o " + quoted(dir / "system.pdf"));
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_GT(page_count(dir / "system.pdf"), 0);
  EXPECT_EQ(run("man -w lkjip").out, "/usr/share/man/man1/lkjip.1.gz\n");
  EXPECT_EQ(run("bash -c 'source /usr/share/bash-completion/completions/lkjip && "
                "COMP_WORDS=(lkjip rend) COMP_CWORD=1 && _lkjip lkjip && echo ${COMPREPLY[*]}'")
                .out,
            "render\n");
  if (!was_installed) {
    EXPECT_EQ(run("dpkg -r lkjip").code, 0);
  }
}

}  // namespace lkjip::golden
