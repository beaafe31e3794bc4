#include "sim/exercise/Files.hpp"

#include <cstdlib>
#include <filesystem>

#include <unistd.h>

namespace samverkan::exercise {

AtomicFile::AtomicFile(std::string path, std::string suffix) : m_path(std::move(path)), m_temporary(m_path + suffix) {}

bool AtomicFile::open(std::string& error) {
    m_out.open(m_temporary, std::ios::binary | std::ios::trunc);
    if (!m_out) {
        error = "cannot write " + m_temporary;
        return false;
    }
    return true;
}

bool AtomicFile::commit(std::string& error) {
    if (m_out.is_open()) {
        m_out.flush();
        const bool written = static_cast<bool>(m_out);
        m_out.close();
        if (!written || !m_out) {
            error = "cannot write " + m_temporary;
            return false;
        }
    }
    return rename(error);
}

bool AtomicFile::putInPlace(std::string& error) {
    m_out.flush();
    if (!m_out) {
        error = "cannot write " + m_temporary;
        return false;
    }
    return rename(error);
}

bool AtomicFile::rename(std::string& error) {
    std::error_code ec;
    std::filesystem::rename(m_temporary, m_path, ec);
    if (ec) {
        error = "cannot write " + m_path + ": " + ec.message();
        return false;
    }
    return true;
}

void AtomicFile::discard() {
    if (m_out.is_open()) m_out.close();
    std::error_code ec;
    std::filesystem::remove(m_temporary, ec);
}

bool ScratchFile::open(std::string& error) {
    const char* dir = std::getenv("TMPDIR");
    std::string name = std::string(dir && *dir ? dir : "/tmp") + "/samverkan-XXXXXX";
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
        error = "cannot make a temporary file in " + name.substr(0, name.rfind('/'));
        return false;
    }
    m_file.open(name, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc);
    ::close(fd);
    std::error_code ec;
    std::filesystem::remove(name, ec);  // open, it lives on until closed
    if (!m_file) {
        error = "cannot write " + name;
        return false;
    }
    return true;
}

bool ScratchFile::copyTo(std::ostream& out, std::string& error) {
    m_file.flush();
    const auto size = m_file.tellp();
    if (!m_file || size < 0) {
        error = "cannot write a temporary file";
        return false;
    }
    if (size == 0) return true;  // (copying no characters would set failbit on `out`)
    m_file.seekg(0);
    out << m_file.rdbuf();
    m_file.clear();
    m_file.seekp(0, std::ios::end);
    if (!out) {
        error = "cannot write the output";
        return false;
    }
    return true;
}

bool writeFileAtomically(const std::string& path, const std::string& text, std::string& error) {
    AtomicFile file(path);
    if (!file.open(error)) return false;
    file.stream() << text;
    return file.commit(error);
}

}  // namespace samverkan::exercise
