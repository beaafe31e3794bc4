#include "sim/exercise/Files.hpp"

#include <filesystem>

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

bool writeFileAtomically(const std::string& path, const std::string& text, std::string& error) {
    AtomicFile file(path);
    if (!file.open(error)) return false;
    file.stream() << text;
    return file.commit(error);
}

}  // namespace samverkan::exercise
