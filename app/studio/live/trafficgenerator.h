#pragma once

// A traffic generator for the local gateway: N connections, or a rate for a
// duration, to 127.0.0.1:<port>, each doing what a person with `nc` does on the
// tutorial demo: read the pod's greeting, send a line, read its echo, close.
// It tallies which pod answered, what failed and why, and how long each took.
//
//   TrafficGenerator gen;
//   TrafficPlan plan;
//   plan.port = live.boundPort(31400);
//   plan.mode = TrafficPlan::Mode::Rate; plan.rate = 1000; plan.durationSeconds = 5;
//   if (const std::string error = gen.start(plan); !error.empty()) ...
//   TrafficProgress p = gen.progress();      // any time, from any thread
//   gen.cancel();                            // stops launching, closes what is open
//
// The connections run on the generator's own thread (Boost.Asio, one io_context):
// nothing here knows Qt, and the GUI reads progress() on a QTimer. Launches are
// paced by one steady timer; a concurrency bound caps the open connections.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace meshroute::studio {

struct TrafficPlan
{
    enum class Mode { Count, Rate };

    std::string address = "127.0.0.1"; // an IPv4 or IPv6 address (the gateway's bind address)
    std::uint16_t port = 0;
    Mode mode = Mode::Count;
    std::uint64_t count = 100;                   // Count: connections in all
    double rate = 100;                           // Rate: new connections per second ...
    double durationSeconds = 10;                 // ... for this long
    unsigned concurrency = 100;                  // connections open at once, at most
    std::string message = "hello";               // sent as one line, "\n" added
    std::chrono::milliseconds greetingWait{250}; // silence that ends a greeting other than the demo pods'
    std::chrono::milliseconds timeout{5000};     // per connection, connect to echo
    std::chrono::milliseconds runLimit{std::chrono::hours(1) + std::chrono::minutes(1)}; // the whole run

    // Bounds that keep one run finite.
    static constexpr std::uint64_t kMaxConnections = 1'000'000;
    static constexpr double kMaxRate = 20'000;
    static constexpr double kMaxDurationSeconds = 3600;
    static constexpr unsigned kMaxConcurrency = 10'000;

    std::uint64_t planned() const; // connections the plan asks for
    std::string validate() const;  // empty when the plan can run, else why not
};

enum class TrafficFailure {
    Refused,  // nothing listens there
    Reset,    // the peer reset the connection
    Timeout,  // no connection, greeting or echo before the deadline
    Closed,   // the peer closed before the echo came back
    Mismatch, // something came back, not the line sent
    Other,    // any other socket error
};
inline constexpr std::size_t kTrafficFailureKinds = 6;
const char *trafficFailureName(TrafficFailure failure); // "refused", "reset", ...

// File descriptors a run with `concurrency` open connections may need in this process,
// and how many the process may open (RLIMIT_NOFILE). start() refuses a run above it.
std::uint64_t descriptorsFor(unsigned concurrency);
std::uint64_t descriptorLimit();

struct TrafficProgress
{
    std::uint64_t planned = 0;
    std::uint64_t started = 0;   // connections attempted
    std::uint64_t succeeded = 0; // echo received
    std::uint64_t failed = 0;
    std::uint64_t cancelled = 0; // closed by cancel() while open
    std::uint64_t skipped = 0;   // never started: cancelled, or the rate run ended with the bound full
    std::uint64_t open = 0;      // connections open now
    // Successful connections by the pod named in the greeting ("Running on Pod <name>.");
    // "" for backends without the demo's greeting.
    std::map<std::string, std::uint64_t> byPod;
    std::array<std::uint64_t, kTrafficFailureKinds> failures{};  // by TrafficFailure
    std::array<std::string, kTrafficFailureKinds> failureDetail; // the first error message of each kind
    double p50Ms = 0; // latency of successful connections, connect to echo
    double p99Ms = 0;
    double maxMs = 0;
    double elapsedSeconds = 0;
    bool running = false;
    bool finished = false;
    bool wasCancelled = false; // by cancel()
    bool hitTimeLimit = false; // stopped by the plan's runLimit

    std::uint64_t done() const { return succeeded + failed + cancelled + skipped; }
    std::uint64_t failuresOf(TrafficFailure f) const { return failures[static_cast<std::size_t>(f)]; }
};

class TrafficGenerator
{
public:
    TrafficGenerator();
    ~TrafficGenerator(); // cancels and joins
    TrafficGenerator(const TrafficGenerator &) = delete;
    TrafficGenerator &operator=(const TrafficGenerator &) = delete;

    // Starts a run on the generator's thread. Returns why not (empty: started):
    // an invalid plan, or a run still going.
    std::string start(const TrafficPlan &plan);
    // Stops launching and closes the open connections; finished() follows shortly.
    void cancel();
    // Waits until the run is over (tests, shutdown); true when it is.
    bool wait(std::chrono::milliseconds timeout);

    bool running() const { return m_running.load(); }
    bool finished() const { return m_finished.load(); }
    TrafficProgress progress() const; // a consistent copy, safe from any thread

private:
    struct Run;
    void join();

    std::shared_ptr<Run> m_run; // touched only by the owner's thread (start/cancel/join)
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_finished{false};
    mutable std::mutex m_mutex; // guards m_progress and m_latencies
    TrafficProgress m_progress;
    std::vector<double> m_latencies; // ms, successful connections
    std::chrono::steady_clock::time_point m_startedAt;
};

} // namespace meshroute::studio
