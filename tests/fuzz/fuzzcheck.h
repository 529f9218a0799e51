#pragma once

// Shared by every fuzz target: an invariant that must hold for any input. A failure prints
// what broke (and, in the replay runner, which corpus file) and aborts, which libFuzzer
// reports as a crash and the replay test as a failure.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

// The entry point every target defines (libFuzzer's interface).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

// Set by the replay runner to the file being replayed; null under libFuzzer.
extern "C" const char *meshrouteFuzzInput;

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "%s:%d: invariant failed: %s%s%s%s\n", __FILE__, __LINE__, #condition,      \
                         meshrouteFuzzInput ? " (input " : "", meshrouteFuzzInput ? meshrouteFuzzInput : "", \
                         meshrouteFuzzInput ? ")" : "");                                                     \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

namespace fuzz {

// Takes typed values off the front of the input (a small FuzzedDataProvider that GCC builds too).
class Bytes
{
public:
    Bytes(const std::uint8_t *data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {}
    bool empty() const { return m_at >= m_size; }
    std::uint8_t byte() { return empty() ? 0 : m_data[m_at++]; }
    std::uint64_t number(int bytes)
    {
        std::uint64_t out = 0;
        for (int i = 0; i < bytes; ++i)
            out = (out << 8) | byte();
        return out;
    }
    // Up to `max` bytes: a length byte, then that many bytes.
    std::string text(std::size_t max)
    {
        const std::size_t n = std::min<std::size_t>(byte() % (max + 1), m_size - std::min(m_at, m_size));
        std::string out(reinterpret_cast<const char *>(m_data + m_at), n);
        m_at += n;
        return out;
    }
    std::string_view rest() const
    {
        return empty() ? std::string_view()
                       : std::string_view(reinterpret_cast<const char *>(m_data + m_at), m_size - m_at);
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
};

// Whether `text` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
inline bool validUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            n = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            n = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (text.size() - i <= n)
            return false;
        for (std::size_t k = 1; k <= n; ++k) {
            const auto d = static_cast<unsigned char>(text[i + k]);
            if ((d & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (d & 0x3f);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += n + 1;
    }
    return true;
}

} // namespace fuzz
