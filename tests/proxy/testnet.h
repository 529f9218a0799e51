#pragma once

// Blocking loopback sockets with deadlines, and small backends, for the engine tests.
// Everything binds 127.0.0.1; every wait is bounded.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace testnet {

using Clock = std::chrono::steady_clock;

inline int remainingMs(Clock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

// A port nothing listens on (bound, read back, closed).
inline std::uint16_t closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

// A listening socket on 127.0.0.1 (port 0 = any), for busy-port tests and backends.
inline int listenOn(std::uint16_t port, int backlog, std::uint16_t &bound)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int on = 1; // as the engine does: a port whose old connections linger in TIME_WAIT is free
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(fd, backlog) != 0) {
        ::close(fd);
        return -1;
    }
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    bound = ntohs(a.sin_port);
    return fd;
}

// A port below Linux's ephemeral range that can be listened on now. Ephemeral ports may be
// held by other programs' outgoing connections, which no bind can take over.
inline std::uint16_t freeListenPort()
{
    static std::uint32_t state = static_cast<std::uint32_t>(::getpid()) * 2654435761u;
    for (int attempt = 0; attempt < 200; ++attempt) {
        state = state * 1664525u + 1013904223u;
        const auto port = static_cast<std::uint16_t>(12000 + (state >> 8) % 18000);
        std::uint16_t bound = 0;
        const int fd = listenOn(port, 1, bound);
        if (fd >= 0) {
            ::close(fd);
            return port;
        }
    }
    return 0;
}

class Client
{
public:
    Client() = default;
    ~Client() { close(); }
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;
    Client(Client &&other) noexcept
        : m_fd(std::exchange(other.m_fd, -1))
    {}

    bool connect(std::uint16_t port, int timeoutMs = 2000)
    {
        close();
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(port);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 && errno != EINPROGRESS)
            return false;
        pollfd p{m_fd, POLLOUT, 0};
        if (::poll(&p, 1, timeoutMs) != 1)
            return false;
        int error = 0;
        socklen_t len = sizeof error;
        ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &len);
        return error == 0;
    }

    bool send(std::string_view data, int timeoutMs = 5000)
    {
        const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
        std::size_t sent = 0;
        while (sent < data.size()) {
            const ssize_t n = ::send(m_fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n > 0) {
                sent += static_cast<std::size_t>(n);
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                pollfd p{m_fd, POLLOUT, 0};
                if (::poll(&p, 1, remainingMs(deadline)) != 1)
                    return false;
                continue;
            }
            return false;
        }
        return true;
    }

    // Reads until `n` bytes, EOF, an error or the deadline; returns what arrived.
    std::string read(std::size_t n, int timeoutMs = 3000)
    {
        std::string out;
        const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
        char buffer[65536];
        m_eof = false;
        while (out.size() < n) {
            const ssize_t got = ::recv(m_fd, buffer, std::min(sizeof buffer, n - out.size()), 0);
            if (got > 0) {
                out.append(buffer, static_cast<std::size_t>(got));
                continue;
            }
            if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                m_eof = true;
                break;
            }
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, remainingMs(deadline)) != 1)
                break;
        }
        return out;
    }

    std::string readUntil(std::string_view marker, int timeoutMs = 3000)
    {
        std::string out;
        const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
        while (out.find(marker) == std::string::npos && Clock::now() < deadline) {
            std::string more = read(1, remainingMs(deadline));
            if (more.empty())
                break;
            out += more;
        }
        return out;
    }

    // Reads everything until EOF or the deadline; `eof` tells which.
    std::string readToEof(int timeoutMs, bool &eof)
    {
        std::string out = read(std::string::npos, timeoutMs);
        eof = m_eof;
        return out;
    }

    void shutdownWrite() { ::shutdown(m_fd, SHUT_WR); }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    int fd() const { return m_fd; }

private:
    int m_fd = -1;
    bool m_eof = false;
};

// A backend on 127.0.0.1: accepts in a thread and runs `handler(fd)` per connection in
// its own thread. Stops (and joins everything) on destruction.
class Backend
{
public:
    using Handler = std::function<void(int fd, Backend &self)>;

    explicit Backend(Handler handler, int backlog = 128)
        : m_handler(std::move(handler))
    {
        m_listen = listenOn(0, backlog, m_port);
        ::fcntl(m_listen, F_SETFL, O_NONBLOCK);
        m_thread = std::thread([this] { acceptLoop(); });
    }
    ~Backend() { stop(); }

    void stop()
    {
        if (m_stopping.exchange(true))
            return;
        m_thread.join();
        std::vector<std::thread> threads;
        {
            std::lock_guard lock(m_mutex);
            threads.swap(m_threads);
        }
        for (auto &t : threads)
            t.join();
        ::close(m_listen);
    }

    std::uint16_t port() const { return m_port; }
    int accepted() const { return m_accepted.load(); }
    bool stopping() const { return m_stopping.load(); }

    // Helpers for handlers: wait for readability up to the backend's stop.
    bool waitReadable(int fd, int timeoutMs = 10000) const
    {
        const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
        while (!m_stopping.load() && Clock::now() < deadline) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 20) == 1)
                return true;
        }
        return false;
    }
    static bool sendAll(int fd, std::string_view data)
    {
        std::size_t sent = 0;
        while (sent < data.size()) {
            const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }

    // Common behaviours.
    static Handler echo()
    {
        return [](int fd, Backend &self) {
            char buffer[16384];
            while (self.waitReadable(fd)) {
                const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
                if (n <= 0 || !sendAll(fd, std::string_view(buffer, static_cast<std::size_t>(n))))
                    break;
            }
        };
    }
    // Writes `text` and closes.
    static Handler say(std::string text)
    {
        return [text](int fd, Backend &) { sendAll(fd, text); };
    }
    // Writes `text`, then holds the connection until the peer closes.
    static Handler sayAndHold(std::string text)
    {
        return [text](int fd, Backend &self) {
            sendAll(fd, text);
            char buffer[4096];
            while (self.waitReadable(fd)) {
                if (::recv(fd, buffer, sizeof buffer, 0) <= 0)
                    break;
            }
        };
    }

private:
    void acceptLoop()
    {
        while (!m_stopping.load()) {
            pollfd p{m_listen, POLLIN, 0};
            if (::poll(&p, 1, 20) != 1)
                continue;
            const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0)
                continue;
            ++m_accepted;
            std::lock_guard lock(m_mutex);
            m_threads.emplace_back([this, fd] {
                m_handler(fd, *this);
                ::close(fd);
            });
        }
    }

    Handler m_handler;
    int m_listen = -1;
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_accepted{0};
    std::thread m_thread;
    std::mutex m_mutex;
    std::vector<std::thread> m_threads;
};

// Polls `condition` until it holds or the deadline passes.
template <typename Condition> bool waitFor(Condition condition, int timeoutMs = 3000)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!condition()) {
        if (Clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

inline long rssKiB()
{
    FILE *f = std::fopen("/proc/self/status", "r");
    if (!f)
        return 0;
    char line[256];
    long kib = 0;
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, "VmRSS:", 6) == 0)
            kib = std::strtol(line + 6, nullptr, 10);
    }
    std::fclose(f);
    return kib;
}

} // namespace testnet
