#include "sim/scenario/InputFile.hpp"

#include <filesystem>
#include <fstream>

namespace samverkan::scenario {

bool pathExists(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(path, ec);
    return !ec && std::filesystem::exists(status);
}

bool isRegularInputFile(const std::string& path, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);  // follows links; a loop or a dangling link is an error here
    if (ec) {
        error = "cannot read the file: " + ec.message();
        return false;
    }
    switch (status.type()) {
        case fs::file_type::regular: return true;
        case fs::file_type::directory: error = "cannot read the file: it is a directory"; return false;
        case fs::file_type::fifo: error = "cannot read the file: it is a pipe (FIFO), not a regular file"; return false;
        case fs::file_type::character:
        case fs::file_type::block: error = "cannot read the file: it is a device, not a regular file"; return false;
        case fs::file_type::socket: error = "cannot read the file: it is a socket, not a regular file"; return false;
        default: error = "cannot read the file: it is not a regular file"; return false;
    }
}

bool readInputFile(const std::string& path, std::size_t maxBytes, std::string& text, std::string& error) {
    namespace fs = std::filesystem;
    if (!isRegularInputFile(path, error)) return false;
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        error = "cannot read the file: " + ec.message();
        return false;
    }
    if (size > maxBytes) {
        error = "the file is " + std::to_string(size) + " bytes; the limit is " + std::to_string(maxBytes);
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read the file";
        return false;
    }
    // Read no more than the limit allows, even if the file grew since it was measured.
    text.assign(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        error = "cannot read the file";
        return false;
    }
    return true;
}

}  // namespace samverkan::scenario
