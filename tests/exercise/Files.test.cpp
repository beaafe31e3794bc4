// Output files are never half-written: written under a temporary name, put in place on commit.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/exercise/Files.hpp"

using namespace samverkan;
namespace fs = std::filesystem;

namespace {
std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("an atomic file appears only when committed, and an uncommitted one leaves the old file alone", "[files]") {
    const auto dir = fs::temp_directory_path() / "samverkan-files-test";
    fs::create_directories(dir);
    const std::string path = (dir / "out.txt").string();
    std::string error;
    REQUIRE(exercise::writeFileAtomically(path, "old", error));
    {
        exercise::AtomicFile file(path);
        REQUIRE(file.open(error));
        file.stream() << "new, half";
        file.stream().flush();
        CHECK(contents(path) == "old");  // readers still see the whole old file
        CHECK(contents(file.temporaryPath()) == "new, half");
    }  // never committed: an interrupted writer
    CHECK(contents(path) == "old");
    CHECK(fs::exists(path + ".tmp"));  // what was written so far is kept
    exercise::AtomicFile file(path, ".partial");
    REQUIRE(file.open(error));
    file.stream() << "new";
    REQUIRE(file.commit(error));
    CHECK(contents(path) == "new");
    CHECK_FALSE(fs::exists(path + ".partial"));
    exercise::AtomicFile nowhere((dir / "no-such-folder" / "x.txt").string());
    CHECK_FALSE(nowhere.open(error));
    CHECK(error.find("cannot write") == 0);
    fs::remove_all(dir);
}
