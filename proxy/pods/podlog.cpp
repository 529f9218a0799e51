#include "pods/podlog.h"

#include <array>
#include <cstdio>
#include <ctime>
#include <random>

namespace meshroute::proxy {

namespace {
// Reads larger than this are shown cut short in the log, so that one line stays readable and bounded.
constexpr std::size_t kMaxLoggedBytes = 1024;
} // namespace

PodLog::PodLog(std::string pod, std::size_t capacity, std::atomic<std::uint64_t> &sequence)
    : m_pod(std::move(pod))
    , m_capacity(capacity == 0 ? 1 : capacity)
    , m_sequence(sequence)
{}

void PodLog::append(std::string text)
{
    std::lock_guard lock(m_mutex);
    // The sequence is taken under the lock so that one pod's lines are in sequence order.
    const std::uint64_t seq = m_sequence.fetch_add(1, std::memory_order_relaxed) + 1;
    if (m_lines.size() == m_capacity)
        m_lines.pop_front();
    m_lines.push_back(PodLogLine{seq, m_pod, std::move(text)});
}

void PodLog::since(std::uint64_t afterSeq, std::vector<PodLogLine> &out) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &line : m_lines) {
        if (line.seq > afterSeq)
            out.push_back(line);
    }
}

std::string logTimestamp()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::array<char, 32> text{};
    std::strftime(text.data(), text.size(), "%Y/%m/%d %H:%M:%S", &local);
    return text.data();
}

std::string rawDataText(std::span<const char> bytes)
{
    const std::size_t shown = std::min(bytes.size(), kMaxLoggedBytes);
    std::string out = "[";
    out.reserve(shown * 4 + 16);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0)
            out += ' ';
        out += std::to_string(static_cast<unsigned>(static_cast<unsigned char>(bytes[i])));
    }
    if (shown < bytes.size())
        out += " ...";
    out += ']';
    return out;
}

std::string convertedText(std::span<const char> bytes)
{
    std::size_t n = std::min(bytes.size(), kMaxLoggedBytes);
    std::string out(bytes.data(), n);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    if (n < bytes.size())
        out += " ...";
    return out;
}

std::string newConnectionId()
{
    thread_local std::mt19937_64 random{std::random_device{}()};
    const std::uint64_t hi = random();
    const std::uint64_t lo = random();
    std::array<unsigned char, 16> b{};
    for (int i = 0; i < 8; ++i) {
        b[static_cast<std::size_t>(i)] = static_cast<unsigned char>(hi >> (8 * i));
        b[static_cast<std::size_t>(8 + i)] = static_cast<unsigned char>(lo >> (8 * i));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40); // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80); // RFC 4122 variant
    std::array<char, 37> text{};
    std::snprintf(text.data(), text.size(),
                  "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2],
                  b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return text.data();
}

} // namespace meshroute::proxy
