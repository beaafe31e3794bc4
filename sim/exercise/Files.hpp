#pragma once
/// Output files are written to a temporary name and renamed (DESIGN.md, contract 6), so none is
/// ever half-written. AtomicFile is the one way the program writes a file.

#include <fstream>
#include <string>

namespace samverkan::exercise {

/// A file written under a temporary name (`path` + `suffix`) and put in place by commit(). If it is
/// never committed the temporary file stays, with everything written so far (an interrupted run's
/// journal, for instance), and the file at `path` is untouched.
class AtomicFile {
public:
    explicit AtomicFile(std::string path, std::string suffix = ".tmp");
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    AtomicFile(AtomicFile&&) = default;  ///< a stream handed to a run must not move while the run writes
    AtomicFile& operator=(AtomicFile&&) = default;

    /// Opens the temporary file for writing; false (and why, in `error`) if it cannot be.
    bool open(std::string& error);
    /// The stream to write to, once open.
    [[nodiscard]] std::ostream& stream() { return m_out; }
    /// Where the content goes until commit(), for writers that take a file name (e.g. cairo's PNG).
    [[nodiscard]] const std::string& temporaryPath() const { return m_temporary; }
    [[nodiscard]] const std::string& path() const { return m_path; }
    /// Flushes, closes and renames the temporary file to `path`; false (and why) on any failure.
    bool commit(std::string& error);
    /// Flushes and renames the temporary file to `path` but keeps writing: for a journal that is
    /// put in place once it has caught up and then goes on growing as the exercise runs.
    bool putInPlace(std::string& error);
    /// Closes and removes the temporary file, leaving the file at `path` as it was: for output
    /// that must be written whole or not at all (an interrupted sweep's).
    void discard();

private:
    bool rename(std::string& error);  ///< the temporary file to `path`
    std::string m_path, m_temporary;
    std::ofstream m_out;
};

/// A file for this process alone, for data too large to hold in memory until it can be written
/// out: made in $TMPDIR (else /tmp) and removed from the folder as soon as it is open, so it is gone
/// when closed, however the program ends.
class ScratchFile {
public:
    ScratchFile() = default;
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    /// Makes and opens the file; false (and why, in `error`) if it cannot be.
    bool open(std::string& error);
    /// The stream to write to, once open.
    [[nodiscard]] std::ostream& stream() { return m_file; }
    /// Copies everything written so far to `out`; false (and why) on a failure to read or write.
    bool copyTo(std::ostream& out, std::string& error);

private:
    std::fstream m_file;
};

/// Writes `text` to `path` through `path.tmp`; on failure returns false and says why in `error`.
bool writeFileAtomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace samverkan::exercise
