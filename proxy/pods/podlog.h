#pragma once

// A demo pod's log, bounded: the oldest lines go when it is full. Lines carry an
// engine-wide sequence number so that a reader can ask for what is new since the
// last line it saw. Thread-safe.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace meshroute::proxy {

struct PodLogLine
{
    std::uint64_t seq = 0;
    std::string pod;  // pod name
    std::string text; // "2018/10/17 07:32:29 6c7f4971-... - Received Raw Data: [104 101 108 108 111 10]"
};

class PodLog
{
public:
    PodLog(std::string pod, std::size_t capacity, std::atomic<std::uint64_t> &sequence);

    void append(std::string text);
    // Lines with seq > afterSeq, oldest first.
    void since(std::uint64_t afterSeq, std::vector<PodLogLine> &out) const;

private:
    std::string m_pod;
    std::size_t m_capacity;
    std::atomic<std::uint64_t> &m_sequence;
    mutable std::mutex m_mutex;
    std::deque<PodLogLine> m_lines;
};

// The pieces of the tutorial server's log lines.
std::string logTimestamp();                             // "2018/10/17 07:32:29", local time
std::string rawDataText(std::span<const char> bytes);   // "[104 101 108 108 111 10]"
std::string convertedText(std::span<const char> bytes); // the bytes as text, trailing newline removed
std::string newConnectionId();                          // a random UUID, 8-4-4-4-12 lowercase hex

} // namespace meshroute::proxy
