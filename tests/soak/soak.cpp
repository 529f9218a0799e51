// meshroute_soak: `meshroute proxy` under everything at once, for a while, checked.
//
//   meshroute_soak --meshroute build/default/app/cli/meshroute [--seconds 600] [--report 60]
//
// At once, on 127.0.0.1 only: a steady connection rate (echo, verified byte for byte, some
// clients half-closing), bulk streams, long idle connections, a backend that dies (its
// connections reset) and comes back, a backend that accepts and never reads, clients that
// vanish (RST), the configuration rewritten with other weights and subsets and SIGHUP'd every
// 100 ms, and bursts of SIGHUP. Each report period it prints connections handled, errors by
// kind, and the proxy's RSS, descriptors, threads and CPU. It fails (exit 1) on: a completed
// connection whose bytes came back lost or reordered, an idle connection dropped (by an apply),
// a hang (an operation past its deadline on a live backend), RSS or descriptors grown after
// warm-up (measured at rest: load paused), or the proxy exiting. Bounded: every client
// operation has a deadline, the connection count is capped, the run ends after --seconds.

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr auto kDeadline = 5s; // any one read or write past this on a live backend is a hang

std::atomic<bool> g_stop{false};
std::atomic<bool> g_paused{false}; // load paused, for measuring at rest

// ---------------------------------------------------------------- counters

struct Tally
{
    std::mutex mutex;
    std::map<std::string, std::uint64_t> counts; // "ok", "refused", "reset", ...
    std::vector<std::string> failures;           // what fails the run
    void add(const std::string &what, std::uint64_t n = 1)
    {
        std::lock_guard lock(mutex);
        counts[what] += n;
    }
    void fail(const std::string &why)
    {
        std::lock_guard lock(mutex);
        if (failures.size() < 50)
            failures.push_back(why);
        counts["FAILED"]++;
    }
    std::map<std::string, std::uint64_t> take()
    {
        std::lock_guard lock(mutex);
        return std::exchange(counts, {});
    }
};
Tally g_tally;

// ---------------------------------------------------------------- sockets

int listenOn(std::uint16_t port, std::uint16_t &bound)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(fd, 512) != 0) {
        ::close(fd);
        return -1;
    }
    socklen_t length = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &length);
    bound = ntohs(a.sin_port);
    return fd;
}

std::uint16_t freePort()
{
    std::uint16_t port = 0;
    const int fd = listenOn(0, port);
    ::close(fd);
    return port;
}

int connectTo(std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    timeval tv{static_cast<time_t>(kDeadline.count()), 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    return fd;
}

void resetAndClose(int fd)
{
    const linger l{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
}

enum class Io { Ok, Eof, Reset, Timeout };

Io sendAll(int fd, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n > 0) {
            data += n;
            size -= static_cast<std::size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) ? Io::Timeout : Io::Reset;
        }
    }
    return Io::Ok;
}

Io readAll(int fd, char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::recv(fd, data, size, 0);
        if (n > 0) {
            data += n;
            size -= static_cast<std::size_t>(n);
        } else if (n == 0) {
            return Io::Eof;
        } else if (errno == EINTR) {
            continue;
        } else {
            return (errno == EAGAIN || errno == EWOULDBLOCK) ? Io::Timeout : Io::Reset;
        }
    }
    return Io::Ok;
}

// Bytes that encode their own position and stream: a lost or reordered byte cannot match.
void pattern(std::uint64_t stream, std::uint64_t offset, char *out, std::size_t size)
{
    for (std::size_t i = 0; i < size; ++i) {
        const std::uint64_t at = offset + i;
        out[i] = static_cast<char>((at * 131 + stream * 7 + (at >> 8)) & 0xff);
    }
}

// ---------------------------------------------------------------- backends

// An echo server; die() resets every connection and closes the listener, revive() listens on
// the same port again.
class EchoBackend
{
public:
    explicit EchoBackend(bool readsNothing = false)
        : m_blackhole(readsNothing)
    {
        m_listener = listenOn(0, m_port);
        m_thread = std::thread([this] { run(); });
    }
    ~EchoBackend()
    {
        m_stopping = true;
        die();
        m_thread.join();
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [this] { return m_live.empty() && m_workers == 0; });
    }
    std::uint16_t port() const { return m_port; }
    void die()
    {
        std::lock_guard lock(m_mutex);
        if (m_listener >= 0) {
            ::shutdown(m_listener, SHUT_RDWR);
            ::close(m_listener);
            m_listener = -1;
        }
        for (int fd : m_live)
            ::shutdown(fd, SHUT_RDWR); // the worker sees it and closes with a reset
        m_dead = true;
    }
    void revive()
    {
        std::lock_guard lock(m_mutex);
        std::uint16_t bound = 0;
        m_listener = listenOn(m_port, bound);
        m_dead = m_listener < 0;
    }
    bool dead()
    {
        std::lock_guard lock(m_mutex);
        return m_dead;
    }

private:
    void run()
    {
        while (!m_stopping) {
            int listener;
            {
                std::lock_guard lock(m_mutex);
                listener = m_listener;
            }
            if (listener < 0) {
                std::this_thread::sleep_for(20ms);
                continue;
            }
            pollfd p{listener, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            const int fd = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0)
                continue;
            std::lock_guard lock(m_mutex);
            if (m_dead) {
                resetAndClose(fd);
                continue;
            }
            m_live.insert(fd);
            ++m_workers;
            std::thread([this, fd] { serve(fd); }).detach();
        }
    }
    void serve(int fd)
    {
        char buffer[16384];
        timeval tv{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        bool clean = false;
        const auto started = Clock::now();
        while (!m_stopping) {
            if (m_blackhole) { // accepts and never reads: held until it has been 6 s, or the peer goes
                if (Clock::now() - started > 6s)
                    break;
                pollfd p{fd, POLLRDHUP, 0};
                if (::poll(&p, 1, 100) > 0)
                    break;
                continue;
            }
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n == 0) {
                clean = true;
                break;
            }
            if (n < 0 && (errno == EAGAIN || errno == EINTR))
                continue;
            if (n < 0 || sendAll(fd, buffer, static_cast<std::size_t>(n)) != Io::Ok)
                break;
        }
        if (clean)
            ::shutdown(fd, SHUT_WR);
        std::lock_guard lock(m_mutex);
        m_live.erase(fd);
        if (clean)
            ::close(fd);
        else
            resetAndClose(fd);
        --m_workers;
        m_done.notify_all();
    }

    bool m_blackhole;
    std::uint16_t m_port = 0;
    int m_listener = -1;
    bool m_dead = false;
    std::atomic<bool> m_stopping{false};
    std::mutex m_mutex;
    std::condition_variable_any m_done;
    std::set<int> m_live;
    int m_workers = 0;
    std::thread m_thread;
};

// ---------------------------------------------------------------- the proxy

struct Ports
{
    std::uint16_t mix = 0, idle = 0, stuck = 0, admin = 0;
};

std::string config(const Ports &ports, std::uint16_t v1, std::uint16_t v2, std::uint16_t hole, unsigned turn)
{
    // Weights move every turn; every fourth turn the mixed route loses its v2 subset entirely.
    const unsigned w = 10 + (turn * 7) % 81;
    std::ostringstream out;
    out << "# written by meshroute_soak, turn " << turn << "\n"
        << "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: soak}\nspec:\n"
        << "  selector: {istio: ingressgateway}\n  servers:\n";
    for (const auto &[name, port] :
         {std::pair{"mix", ports.mix}, std::pair{"idle", ports.idle}, std::pair{"stuck", ports.stuck}})
        out << "  - {port: {number: " << port << ", name: tcp-" << name
            << ", protocol: TCP}, hosts: ['*']}\n";
    out << "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: echo}\nspec:\n"
        << "  hosts: [echo.soak.local]\n  location: MESH_EXTERNAL\n  resolution: STATIC\n"
        << "  ports: [{number: 7000, name: tcp, protocol: TCP}]\n  endpoints:\n"
        << "  - {address: 127.0.0.1, ports: {tcp: " << v1 << "}, labels: {version: v1}}\n"
        << "  - {address: 127.0.0.1, ports: {tcp: " << v2 << "}, labels: {version: v2}}\n"
        << "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: hole}\nspec:\n"
        << "  hosts: [hole.soak.local]\n  location: MESH_EXTERNAL\n  resolution: STATIC\n"
        << "  ports: [{number: 7001, name: tcp, protocol: TCP}]\n  endpoints:\n"
        << "  - {address: 127.0.0.1, ports: {tcp: " << hole << "}}\n"
        << "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: echo}\nspec:\n"
        << "  host: echo.soak.local\n  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: "
           "{version: v2}}"
        << (turn % 3 == 0 ? ", {name: all, labels: {}}" : "") << "]\n"
        << "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: soak}\nspec:\n"
        << "  hosts: ['*']\n  gateways: [soak]\n  tcp:\n"
        << "  - match: [{port: " << ports.mix << "}]\n    route:\n"
        << "    - {destination: {host: echo.soak.local, subset: v1, port: {number: 7000}}, weight: "
        << (turn % 4 == 0 ? 100 : w) << "}\n";
    if (turn % 4 != 0)
        out << "    - {destination: {host: echo.soak.local, subset: v2, port: {number: 7000}}, weight: "
            << 100 - w << "}\n";
    out << "  - match: [{port: " << ports.idle << "}]\n"
        << "    route: [{destination: {host: echo.soak.local, subset: v1, port: {number: 7000}}}]\n"
        << "  - match: [{port: " << ports.stuck << "}]\n"
        << "    route: [{destination: {host: hole.soak.local, port: {number: 7001}}}]\n";
    return out.str();
}

void writeAtomically(const std::string &path, const std::string &text)
{
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << text;
    }
    std::filesystem::rename(temporary, path);
}

struct ProcessFigures
{
    long rssKiB = 0;
    long descriptors = 0;
    long threads = 0;
    double cpuSeconds = 0;
};

ProcessFigures figures(pid_t pid)
{
    ProcessFigures f;
    const std::string base = "/proc/" + std::to_string(pid);
    std::ifstream status(base + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0)
            f.rssKiB = std::stol(line.substr(6));
        if (line.rfind("Threads:", 0) == 0)
            f.threads = std::stol(line.substr(8));
    }
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(base + "/fd", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
        ++f.descriptors;
    std::ifstream statFile(base + "/stat");
    std::string stat((std::istreambuf_iterator<char>(statFile)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    if (close != std::string::npos) {
        std::istringstream fields(stat.substr(close + 2));
        std::string field;
        unsigned long ticks = 0;
        for (int i = 3; i <= 15 && fields >> field; ++i)
            if (i == 14 || i == 15)
                ticks += std::stoul(field);
        f.cpuSeconds = static_cast<double>(ticks) / static_cast<double>(::sysconf(_SC_CLK_TCK));
    }
    return f;
}

// The proxy's own view, from its admin endpoint: per close reason, summed over its listeners,
// and the engine's error counts ("" when it does not answer).
std::string httpGet(std::uint16_t port, const char *target)
{
    const int fd = connectTo(port);
    if (fd < 0)
        return {};
    const std::string request = std::string("GET ") + target + " HTTP/1.0\r\n\r\n";
    sendAll(fd, request.data(), request.size());
    std::string out;
    char buffer[16384];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
        out.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    return out;
}

std::map<std::string, std::uint64_t> proxyCounts(std::uint16_t admin)
{
    std::map<std::string, std::uint64_t> out;
    const std::string json = httpGet(admin, "/stats");
    const auto from = json.find("\"listeners\":[");
    const auto to = json.find("],\"routes\"");
    const auto errors = json.find("\"errors\":{");
    if (from == std::string::npos || to == std::string::npos || errors == std::string::npos)
        return out;
    const std::string listeners = json.substr(from, to - from);
    for (const char *key : {"connections_closed", "no_route", "overflow", "no_healthy_upstream",
                            "connect_failures", "connect_timeouts", "idle_timeouts"}) {
        const std::string needle = std::string("\"") + key + "\":";
        for (auto at = listeners.find(needle); at != std::string::npos; at = listeners.find(needle, at + 1))
            out[key] += std::stoull(listeners.substr(at + needle.size()));
    }
    for (const char *key : {"accept_failures", "handler_exceptions"}) {
        const std::string needle = std::string("\"") + key + "\":";
        const auto at = json.find(needle, errors);
        if (at != std::string::npos)
            out[key] = std::stoull(json.substr(at + needle.size()));
    }
    return out;
}

// ---------------------------------------------------------------- the load

void whilePaused()
{
    while (g_paused && !g_stop)
        std::this_thread::sleep_for(10ms);
}

// One echo exchange on the mixed port, verified. Some clients half-close instead of closing.
void oneExchange(std::uint16_t port, std::uint64_t stream, std::mt19937 &random, EchoBackend &v2)
{
    const bool v2Dead = v2.dead();
    const int fd = connectTo(port);
    if (fd < 0) {
        g_tally.add("connect-refused");
        return;
    }
    const std::size_t size = 256 + random() % 8192;
    std::vector<char> out(size), in(size);
    pattern(stream, 0, out.data(), size);
    const bool halfClose = random() % 4 == 0;
    Io io = sendAll(fd, out.data(), size);
    if (io == Io::Ok && halfClose)
        ::shutdown(fd, SHUT_WR);
    if (io == Io::Ok)
        io = readAll(fd, in.data(), size);
    char extra = 0;
    if (io == Io::Ok) {
        if (in != out) {
            g_tally.fail("bytes lost or reordered on mixed connection " + std::to_string(stream));
        } else if (halfClose && ::recv(fd, &extra, 1, 0) != 0) {
            g_tally.fail("no EOF after a half-close on connection " + std::to_string(stream));
        } else {
            g_tally.add(halfClose ? "ok-half-closed" : "ok");
        }
    } else if (io == Io::Timeout) {
        g_tally.fail("hang on mixed connection " + std::to_string(stream));
    } else {
        // Closed before the echo: the dying backend (its connections reset), or no endpoint.
        g_tally.add(v2Dead || v2.dead() ? "closed-backend-down" : "closed-early");
    }
    ::close(fd);
}

void rateLoad(std::uint16_t port, unsigned perSecond, unsigned seed, EchoBackend &v2)
{
    std::mt19937 random(seed);
    std::uint64_t stream = std::uint64_t(seed) << 40;
    const auto gap = std::chrono::microseconds(1000000 / perSecond);
    auto next = Clock::now();
    while (!g_stop) {
        whilePaused();
        oneExchange(port, ++stream, random, v2);
        next += gap;
        if (next > Clock::now())
            std::this_thread::sleep_until(next);
        else
            next = Clock::now();
    }
}

void bulkLoad(std::uint16_t port, unsigned seed)
{
    std::uint64_t stream = (std::uint64_t(seed) << 40) | (1ull << 39);
    std::vector<char> out(256 * 1024), in(out.size());
    while (!g_stop) {
        whilePaused();
        const int fd = connectTo(port);
        if (fd < 0) {
            g_tally.add("bulk-connect-refused");
            std::this_thread::sleep_for(100ms);
            continue;
        }
        ++stream;
        std::uint64_t offset = 0;
        bool good = true;
        for (int chunk = 0; chunk < 32 && good && !g_stop; ++chunk) { // 8 MiB each way
            pattern(stream, offset, out.data(), out.size());
            std::thread writer([&] { good = sendAll(fd, out.data(), out.size()) == Io::Ok && good; });
            const Io io = readAll(fd, in.data(), in.size());
            writer.join();
            if (io == Io::Timeout) {
                g_tally.fail("hang on bulk stream " + std::to_string(stream));
                good = false;
            } else if (io != Io::Ok) {
                good = false;
                g_tally.add("bulk-closed-early");
            } else if (in != out) {
                g_tally.fail("bulk stream " + std::to_string(stream) + " lost or reordered bytes");
                good = false;
            }
            offset += out.size();
        }
        if (good)
            g_tally.add("bulk-8MiB-ok");
        ::close(fd);
    }
}

void vanishingLoad(std::uint16_t port)
{
    char bytes[512] = {1};
    while (!g_stop) {
        whilePaused();
        const int fd = connectTo(port);
        if (fd >= 0) {
            sendAll(fd, bytes, sizeof bytes);
            resetAndClose(fd); // gone without a FIN
            g_tally.add("client-reset");
        }
        std::this_thread::sleep_for(50ms);
    }
}

void stuckLoad(std::uint16_t port)
{
    std::vector<char> bytes(64 * 1024, 'x');
    while (!g_stop) {
        whilePaused();
        const int fd = connectTo(port);
        if (fd < 0) {
            std::this_thread::sleep_for(200ms);
            continue;
        }
        timeval tv{0, 200000};
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        std::size_t sent = 0;
        for (int i = 0; i < 64 && !g_stop; ++i) { // until the backend that never reads stops us
            if (sendAll(fd, bytes.data(), bytes.size()) != Io::Ok)
                break;
            sent += bytes.size();
        }
        g_tally.add("stuck-backend-held");
        std::this_thread::sleep_for(1s);
        ::close(fd);
    }
}

// Long idle connections on a backend that never dies: every one must stay up through every apply.
class IdleConnections
{
public:
    bool open(std::uint16_t port, int count)
    {
        for (int i = 0; i < count; ++i) {
            const int fd = connectTo(port);
            if (fd < 0)
                return false;
            m_fds.push_back(fd);
        }
        return ping();
    }
    bool ping()
    {
        bool all = true;
        for (std::size_t i = 0; i < m_fds.size(); ++i) {
            char out[16], in[16];
            pattern(0xfeed0000 + i, m_pings * 16, out, sizeof out);
            if (sendAll(m_fds[i], out, sizeof out) != Io::Ok || readAll(m_fds[i], in, sizeof in) != Io::Ok ||
                std::memcmp(in, out, sizeof in) != 0) {
                g_tally.fail("idle connection " + std::to_string(i) + " dropped or corrupted");
                all = false;
            }
        }
        ++m_pings;
        return all;
    }
    ~IdleConnections()
    {
        for (int fd : m_fds)
            ::close(fd);
    }

private:
    std::vector<int> m_fds;
    std::uint64_t m_pings = 0;
};

} // namespace

int main(int argc, char **argv)
{
    std::string meshroute;
    int seconds = 600, report = 60, warmup = -1;
    bool checkRss = true;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--meshroute")
            meshroute = argv[i + 1];
        else if (flag == "--seconds")
            seconds = std::atoi(argv[i + 1]);
        else if (flag == "--report")
            report = std::atoi(argv[i + 1]);
        else if (flag == "--warmup")
            warmup = std::atoi(argv[i + 1]);
        else if (flag == "--check-rss")
            checkRss = std::string(argv[i + 1]) != "no"; // "no" under sanitizers: ASan's quarantine grows
    }
    if (meshroute.empty() || seconds <= 0 || report <= 0) {
        std::fprintf(stderr, "usage: meshroute_soak --meshroute PATH [--seconds 600] [--report 60] [--warmup "
                             "S] [--check-rss no]\n");
        return 2;
    }
    if (warmup < 0)
        warmup = std::min(report, std::max(5, seconds / 10));
    std::signal(SIGPIPE, SIG_IGN);

    EchoBackend v1, v2, hole(true);
    Ports ports{freePort(), freePort(), freePort(), freePort()};
    char folderTemplate[] = "/tmp/meshroute-soak-XXXXXX";
    const std::string folder = ::mkdtemp(folderTemplate);
    const std::string path = folder + "/soak.yaml";
    writeAtomically(path, config(ports, v1.port(), v2.port(), hole.port(), 1));

    const std::string log = folder + "/proxy.log";
    const pid_t proxy = ::fork();
    if (proxy == 0) {
        std::freopen(log.c_str(), "w", stdout);
        std::freopen(log.c_str(), "a", stderr);
        const std::string admin = "127.0.0.1:" + std::to_string(ports.admin);
        ::execl(meshroute.c_str(), meshroute.c_str(), "proxy", path.c_str(), "--threads", "2", "--admin",
                admin.c_str(), static_cast<char *>(nullptr));
        std::_Exit(127);
    }
    // Ready when the three ports and the admin endpoint accept.
    const auto ready = Clock::now() + 10s;
    for (bool up = false; !up;) {
        up = true;
        for (std::uint16_t p : {ports.mix, ports.idle, ports.stuck}) {
            const int fd = connectTo(p);
            up = up && fd >= 0;
            if (fd >= 0)
                ::close(fd);
        }
        if (!up && Clock::now() > ready) {
            std::fprintf(stderr, "meshroute proxy did not start (see %s)\n", log.c_str());
            ::kill(proxy, SIGKILL);
            return 1;
        }
        if (!up)
            std::this_thread::sleep_for(100ms);
    }

    IdleConnections idle;
    if (!idle.open(ports.idle, 64)) {
        std::fprintf(stderr, "could not open the idle connections\n");
        ::kill(proxy, SIGKILL);
        return 1;
    }

    std::vector<std::thread> load;
    for (unsigned i = 0; i < 3; ++i)
        load.emplace_back(rateLoad, ports.mix, 40u, 11u + i, std::ref(v2));
    for (unsigned i = 0; i < 2; ++i)
        load.emplace_back(bulkLoad, ports.mix, 21u + i);
    load.emplace_back(vanishingLoad, ports.mix);
    load.emplace_back(stuckLoad, ports.stuck);

    // Configuration churn: rewritten and SIGHUP'd every 100 ms; a burst of 20 SIGHUPs every 10 s.
    std::atomic<unsigned> applies{0};
    std::thread churn([&] {
        unsigned turn = 1;
        auto next = Clock::now();
        while (!g_stop) {
            next += 100ms;
            writeAtomically(path, config(ports, v1.port(), v2.port(), hole.port(), ++turn));
            ::kill(proxy, SIGHUP);
            ++applies;
            if (turn % 100 == 0)
                for (int i = 0; i < 20; ++i)
                    ::kill(proxy, SIGHUP);
            std::this_thread::sleep_until(next);
        }
    });
    // The v2 backend dies for 2 s every 7 s, its connections reset.
    std::thread chaos([&] {
        while (!g_stop) {
            for (int i = 0; i < 50 && !g_stop; ++i)
                std::this_thread::sleep_for(100ms);
            v2.die();
            for (int i = 0; i < 20 && !g_stop; ++i)
                std::this_thread::sleep_for(100ms);
            v2.revive();
        }
    });

    // Measures at rest: load paused, in-flight connections given 1.5 s to finish.
    const auto atRest = [&] {
        g_paused = true;
        std::this_thread::sleep_for(1500ms);
        const ProcessFigures f = figures(proxy);
        g_paused = false;
        return f;
    };

    std::printf("%-6s %8s %8s %8s %7s %6s %7s %6s  %s\n", "at_s", "handled", "failed", "rss_kib", "fds",
                "thr", "cpu_s", "apply", "by kind");
    const auto start = Clock::now();
    ProcessFigures baseline{}, last = figures(proxy);
    bool baselined = false;
    int status = 0;
    bool exited = false;
    for (int elapsed = 0; elapsed < seconds && !exited;) {
        const int step = std::min({report, seconds - elapsed, !baselined ? warmup - elapsed : report});
        for (int i = 0; i < step * 10 && !exited; ++i) {
            std::this_thread::sleep_for(100ms);
            exited = ::waitpid(proxy, &status, WNOHANG) == proxy;
        }
        elapsed += step;
        if (exited)
            break;
        if (!baselined && elapsed >= warmup) {
            baseline = atRest();
            baselined = true;
            std::printf("warm-up over at %d s: at rest rss %ld KiB, %ld descriptors, %ld threads\n", elapsed,
                        baseline.rssKiB, baseline.descriptors, baseline.threads);
            continue;
        }
        if (!idle.ping())
            g_tally.fail("idle connections dropped by the applies");
        const ProcessFigures now = figures(proxy);
        const auto counts = g_tally.take();
        std::uint64_t handled = 0, failed = 0;
        std::string kinds;
        for (const auto &[kind, n] : counts) {
            if (kind == "FAILED")
                failed += n;
            else
                handled += n;
            kinds += kind + "=" + std::to_string(n) + " ";
        }
        std::printf("%-6d %8llu %8llu %8ld %7ld %6ld %7.2f %6u  %s\n", elapsed,
                    static_cast<unsigned long long>(handled), static_cast<unsigned long long>(failed),
                    now.rssKiB, now.descriptors, now.threads, now.cpuSeconds - last.cpuSeconds,
                    applies.exchange(0), kinds.c_str());
        std::string proxyView;
        for (const auto &[kind, n] : proxyCounts(ports.admin))
            proxyView += kind + "=" + std::to_string(n) + " ";
        std::printf("       proxy, so far: %s\n", proxyView.c_str());
        std::fflush(stdout);
        last = now;
    }
    const auto took = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - start).count();

    std::vector<std::string> failures;
    if (exited) {
        failures.push_back("meshroute proxy exited (status " + std::to_string(status) + ")");
    } else {
        const ProcessFigures end = atRest();
        std::printf("end at %lld s: at rest rss %ld KiB, %ld descriptors, %ld threads\n",
                    static_cast<long long>(took), end.rssKiB, end.descriptors, end.threads);
        // Descriptors: exactly back (two of slack for a connection the kernel is still closing).
        if (baselined && end.descriptors > baseline.descriptors + 2)
            failures.push_back("descriptors grew after warm-up: " + std::to_string(baseline.descriptors) +
                               " -> " + std::to_string(end.descriptors));
        // Memory: allocators keep some pages; growth past 10 % + 8 MiB is a leak.
        if (checkRss && baselined && end.rssKiB > baseline.rssKiB + baseline.rssKiB / 10 + 8192)
            failures.push_back("RSS grew after warm-up: " + std::to_string(baseline.rssKiB) + " -> " +
                               std::to_string(end.rssKiB) + " KiB");
        if (baselined && end.threads != baseline.threads)
            failures.push_back("threads changed after warm-up");
        if (!idle.ping())
            failures.push_back("idle connections dropped at the end");
        const auto counts = proxyCounts(ports.admin);
        if (counts.empty())
            failures.push_back("the admin endpoint did not answer");
        else if (counts.at("handler_exceptions") != 0)
            failures.push_back("the engine caught " + std::to_string(counts.at("handler_exceptions")) +
                               " exceptions in handlers");
    }
    g_stop = true;
    churn.join();
    chaos.join();
    for (auto &t : load)
        t.join();
    {
        std::lock_guard lock(g_tally.mutex);
        failures.insert(failures.end(), g_tally.failures.begin(), g_tally.failures.end());
    }
    if (!exited) {
        ::kill(proxy, SIGTERM);
        pid_t waited = 0;
        for (int i = 0; i < 100 && (waited = ::waitpid(proxy, &status, WNOHANG)) == 0; ++i)
            std::this_thread::sleep_for(100ms);
        if (waited == 0) {
            failures.push_back("meshroute proxy did not stop on SIGTERM within 10 s");
            ::kill(proxy, SIGKILL);
            ::waitpid(proxy, &status, 0);
        } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) { // e.g. LeakSanitizer's report
            failures.push_back("meshroute proxy did not exit cleanly after SIGTERM (status " +
                               std::to_string(status) + ")");
        }
    }
    for (const auto &f : failures)
        std::printf("FAIL: %s\n", f.c_str());
    if (failures.empty()) {
        std::printf("PASS: %lld s, no loss, no reorder, no drop by an apply, no hang, no growth\n",
                    static_cast<long long>(took));
        std::filesystem::remove_all(folder);
        return 0;
    }
    std::printf("proxy log kept in %s\n", log.c_str());
    return 1;
}
