// The resource loader on a real file system: confinement after resolving links (files and
// folders linked out of the description's folder), and bounded reads.
#include "io/world.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace lkjip::io {
namespace {

namespace fs = std::filesystem;

class WorldTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) / ("lkjip_world_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "desc" / "images");
    fs::create_directories(root_ / "outside");
    write(root_ / "desc" / "images" / "in.png", "inside");
    write(root_ / "outside" / "secret.png", "secret");
  }
  void TearDown() override { fs::remove_all(root_); }

  static void write(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
  }
  std::string desc() const { return (root_ / "desc").string(); }
  std::string confine(const std::string& written, bool allow_outside = false) {
    problem_ = {};
    return disk().confine(desc(), written, allow_outside, problem_);
  }

  fs::path root_;
  FileProblem problem_;
};

TEST_F(WorldTest, FileInsideTheFolderIsFoundByItsRealPath) {
  EXPECT_EQ(confine("images/in.png"), fs::canonical(root_ / "desc/images/in.png").string());
  EXPECT_TRUE(problem_.message.empty());
}

TEST_F(WorldTest, LinkedFileLeavingTheFolderIsRefused) {
  fs::create_symlink(root_ / "outside" / "secret.png", root_ / "desc" / "images" / "a.png");
  EXPECT_EQ(confine("images/a.png"), "");
  EXPECT_NE(problem_.message.find("leads through a link to"), std::string::npos)
      << problem_.message;
  EXPECT_NE(problem_.message.find("outside the description's folder"), std::string::npos);
}

TEST_F(WorldTest, RelativeLinkClimbingOutIsRefused) {
  fs::create_symlink("../../outside/secret.png", root_ / "desc" / "images" / "b.png");
  EXPECT_EQ(confine("images/b.png"), "");
  EXPECT_NE(problem_.message.find("outside the description's folder"), std::string::npos);
}

TEST_F(WorldTest, LinkedFolderLeavingTheFolderIsRefused) {
  fs::create_directory_symlink(root_ / "outside", root_ / "desc" / "linked");
  EXPECT_EQ(confine("linked/secret.png"), "");
  EXPECT_NE(problem_.message.find("outside the description's folder"), std::string::npos);
}

TEST_F(WorldTest, LinkStayingInsideIsFollowed) {
  fs::create_symlink("in.png", root_ / "desc" / "images" / "alias.png");
  EXPECT_EQ(confine("images/alias.png"), fs::canonical(root_ / "desc/images/in.png").string());
}

TEST_F(WorldTest, FolderReachedThroughALinkKeepsItsFilesInside) {
  fs::create_directory_symlink(root_ / "desc", root_ / "desc-link");
  FileProblem p;
  EXPECT_EQ(disk().confine((root_ / "desc-link").string(), "images/in.png", false, p),
            fs::canonical(root_ / "desc/images/in.png").string())
      << p.message;
}

TEST_F(WorldTest, AllowOutsideFollowsLinksAnywhere) {
  fs::create_symlink(root_ / "outside" / "secret.png", root_ / "desc" / "images" / "a.png");
  EXPECT_EQ(confine("images/a.png", true), fs::canonical(root_ / "outside/secret.png").string());
}

TEST_F(WorldTest, DotDotAbsoluteMissingAndFolderAreRefused) {
  EXPECT_EQ(confine("../outside/secret.png"), "");
  EXPECT_NE(problem_.message.find("leaves the description's folder"), std::string::npos);
  EXPECT_EQ(confine((root_ / "outside/secret.png").string()), "");
  EXPECT_NE(problem_.message.find("absolute path"), std::string::npos);
  EXPECT_EQ(confine("images/none.png"), "");
  EXPECT_NE(problem_.message.find("file not found"), std::string::npos);
  EXPECT_EQ(confine("images"), "");
  EXPECT_NE(problem_.message.find("file not found"), std::string::npos);
}

TEST_F(WorldTest, DanglingLinkIsNotFound) {
  fs::create_symlink(root_ / "outside" / "gone.png", root_ / "desc" / "images" / "d.png");
  EXPECT_EQ(confine("images/d.png"), "");
  EXPECT_NE(problem_.message.find("file not found"), std::string::npos);
}

TEST_F(WorldTest, ReadIsBoundedAndPrefixReadsOnlyTheHead) {
  const std::string path = (root_ / "desc/images/in.png").string();
  FileProblem p;
  EXPECT_EQ(disk().read(path, 6, p), "inside");
  EXPECT_FALSE(disk().read(path, 5, p));
  EXPECT_EQ(p.reason, "file is 6 bytes, more than the limit of 5 bytes");
  EXPECT_EQ(p.message, path + ": " + p.reason);
  EXPECT_EQ(disk().read_prefix(path, 3, p), "ins");
  EXPECT_EQ(disk().read_prefix(path, 100, p), "inside");
  EXPECT_EQ(disk().read_range(path, 2, 3, p), "sid");
  EXPECT_EQ(disk().read_range(path, 4, 100, p), "de");
  EXPECT_EQ(disk().read_range(path, 6, 100, p), "");
  EXPECT_EQ(disk().read_range(path, uint64_t{1} << 40, 100, p), "");
  EXPECT_FALSE(disk().read(desc(), 100, p));
  EXPECT_EQ(p.reason, "not a regular file");
  EXPECT_FALSE(disk().read_prefix(desc() + "/none", 4, p));
  EXPECT_EQ(p.reason, "No such file or directory");
}

}  // namespace
}  // namespace lkjip::io
