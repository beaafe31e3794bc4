#pragma once
/// The project's one content hash: 64-bit FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/), for
/// seeding named random streams and fingerprinting scenario files. Not for security.

#include <cstdint>
#include <string_view>

namespace samverkan::engine {

/// Hashes bytes as they are added; the same bytes in the same order give the same value everywhere.
class Fnv1a {
public:
    void add(unsigned char byte) {
        m_value ^= byte;
        m_value *= kPrime;
    }
    void add(std::string_view bytes) {
        for (const char c : bytes) add(static_cast<unsigned char>(c));
    }
    [[nodiscard]] std::uint64_t value() const { return m_value; }

private:
    static constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;
    static constexpr std::uint64_t kPrime = 0x100000001b3ULL;
    std::uint64_t m_value = kOffsetBasis;
};

/// The hash of one string.
inline std::uint64_t fnv1a(std::string_view bytes) {
    Fnv1a h;
    h.add(bytes);
    return h.value();
}

}  // namespace samverkan::engine
