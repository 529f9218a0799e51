#include "live/trafficgenerator.h"

#include <utility> // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it

#if defined(__GNUC__) && !defined(__clang__)
// GCC 12 with -fsanitize=address inlines Asio's coroutine frame allocator (recycled
// blocks from ::operator new) and its class operator delete into one function and then
// warns they do not match; they do (the frame's delete hands the block back to the same
// recycler). A false positive, silenced for this file only.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <string_view>
#include <unordered_set>

#include <sys/resource.h>

namespace meshroute::studio {

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kTick = std::chrono::milliseconds(5); // the pacer's period in rate runs
constexpr std::size_t kLivePercentileWindow = 20000; // latencies looked at while a run goes

// Percentiles by nearest rank over `values` (reordered).
double percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
    const auto at = values.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>(rank, 1) - 1);
    std::nth_element(values.begin(), at, values.end());
    return *at;
}

void setPercentiles(TrafficProgress &progress, std::vector<double> values)
{
    progress.p50Ms = percentile(values, 0.50);
    progress.p99Ms = percentile(values, 0.99);
    progress.maxMs = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

// The tutorial server greets with five lines, the last "Service <account>.\n".
enum class Greeting { None, Partial, Complete };
constexpr std::string_view kGreetingStart = "Welcome, you are connected to node ";

// Takes a complete demo greeting off the front of `buffer` and names its pod.
Greeting takeGreeting(std::string &buffer, std::string &pod)
{
    if (buffer.empty())
        return Greeting::None;
    const std::size_t n = std::min(buffer.size(), kGreetingStart.size());
    if (std::string_view(buffer).substr(0, n) != kGreetingStart.substr(0, n))
        return Greeting::None;
    const std::size_t service = buffer.find("\nService ");
    if (service == std::string::npos)
        return Greeting::Partial;
    const std::size_t end = buffer.find('\n', service + 1);
    if (end == std::string::npos)
        return Greeting::Partial;
    constexpr std::string_view kPod = "\nRunning on Pod ";
    const std::size_t at = buffer.find(kPod);
    if (at != std::string::npos && at < service) {
        const std::size_t from = at + kPod.size();
        std::size_t to = buffer.find('\n', from);
        if (to > from && buffer[to - 1] == '.')
            --to;
        pod = buffer.substr(from, to - from);
    }
    buffer.erase(0, end + 1);
    return Greeting::Complete;
}

// Whether what arrived so far agrees with the start of `line`.
bool startsLike(const std::string &received, const std::string &line)
{
    const std::size_t n = std::min(received.size(), line.size());
    return received.compare(0, n, line, 0, n) == 0;
}

// Bytes for a one-line message: control characters escaped.
std::string printable(const std::string &bytes)
{
    std::string out;
    for (const char ch : bytes) {
        if (ch == '\n')
            out += "\\n";
        else if (ch == '\r')
            out += "\\r";
        else if (static_cast<unsigned char>(ch) < 0x20)
            out += '?';
        else
            out += ch;
    }
    return out;
}

struct Connection
{
    explicit Connection(asio::io_context &io)
        : socket(io)
        , deadline(io)
        , quiet(io)
    {}

    void close()
    {
        error_code ignored;
        socket.close(ignored);
        deadline.cancel();
        quiet.cancel();
    }

    tcp::socket socket;
    asio::steady_timer deadline; // the whole conversation
    asio::steady_timer quiet;    // silence that ends a greeting
    std::uint64_t quietGeneration = 0;
    bool quietExpired = false;
    bool timedOut = false;
    bool cancelled = false;
};

struct Outcome
{
    bool ok = false;
    bool cancelled = false;
    TrafficFailure failure = TrafficFailure::Other;
    std::string detail;
    std::string pod;
    double ms = 0;
};

Outcome failed(const Connection &c, const error_code &ec, const char *when)
{
    Outcome o;
    if (c.cancelled) {
        o.cancelled = true;
        return o;
    }
    if (c.timedOut) {
        o.failure = TrafficFailure::Timeout;
        o.detail = std::string("no answer in time while ") + when;
        return o;
    }
    if (ec == asio::error::connection_refused)
        o.failure = TrafficFailure::Refused;
    else if (ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
             ec == asio::error::connection_aborted)
        o.failure = TrafficFailure::Reset;
    else if (ec == asio::error::eof)
        o.failure = TrafficFailure::Closed;
    else if (ec == asio::error::timed_out)
        o.failure = TrafficFailure::Timeout;
    o.detail = ec.message() + " while " + when;
    return o;
}

} // namespace

std::uint64_t descriptorsFor(unsigned concurrency)
{
    return 3 * static_cast<std::uint64_t>(concurrency) + 256;
}

std::uint64_t descriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return std::numeric_limits<std::uint64_t>::max();
    return static_cast<std::uint64_t>(limit.rlim_cur);
}

const char *trafficFailureName(TrafficFailure failure)
{
    switch (failure) {
    case TrafficFailure::Refused:
        return "refused";
    case TrafficFailure::Reset:
        return "reset";
    case TrafficFailure::Timeout:
        return "timeout";
    case TrafficFailure::Closed:
        return "closed";
    case TrafficFailure::Mismatch:
        return "mismatch";
    case TrafficFailure::Other:
        break;
    }
    return "other";
}

std::uint64_t TrafficPlan::planned() const
{
    if (mode == Mode::Count)
        return count;
    return static_cast<std::uint64_t>(std::llround(rate * durationSeconds));
}

std::string TrafficPlan::validate() const
{
    error_code ec;
    asio::ip::make_address(address, ec);
    if (ec)
        return "not an IP address: \"" + address + "\"";
    if (port == 0)
        return "no port to connect to";
    if (concurrency == 0 || concurrency > kMaxConcurrency)
        return "concurrency must be between 1 and " + std::to_string(kMaxConcurrency);
    if (mode == Mode::Rate) {
        if (!(rate > 0) || rate > kMaxRate)
            return "rate must be above 0 and at most " + std::to_string(static_cast<int>(kMaxRate)) +
                   " per second";
        if (!(durationSeconds > 0) || durationSeconds > kMaxDurationSeconds)
            return "duration must be above 0 and at most " +
                   std::to_string(static_cast<int>(kMaxDurationSeconds)) + " s";
    }
    const std::uint64_t n = planned();
    if (n == 0 || n > kMaxConnections)
        return "connections must be between 1 and " + std::to_string(kMaxConnections);
    if (message.find('\n') != std::string::npos)
        return "the message is one line";
    if (timeout.count() <= 0 || greetingWait.count() < 0 || runLimit.count() <= 0)
        return "timeouts must be positive";
    return {};
}

// One run: everything here lives on the generator's thread, except `cancelRequested`.
struct TrafficGenerator::Run
{
    Run(TrafficGenerator &generator, TrafficPlan p)
        : owner(generator)
        , plan(std::move(p))
        , pacer(io)
        , limit(io)
        , target(asio::ip::make_address(plan.address), plan.port)
        , line(plan.message + "\n")
        , total(plan.planned())
    {}

    void begin()
    {
        start = Clock::now();
        // However the peers behave, the run ends by its time limit.
        limit.expires_after(plan.runLimit);
        limit.async_wait([this](const error_code &ec) {
            if (ec)
                return;
            limitReached = true;
            stopAll();
        });
        if (plan.mode == TrafficPlan::Mode::Rate) {
            nextTick = start;
            tick();
        } else {
            pump();
        }
    }

    void tick()
    {
        pump();
        const double t = std::chrono::duration<double>(Clock::now() - start).count();
        if (stopped || launched >= total || t >= plan.durationSeconds) {
            rateEnded = true;
            maybeDone();
            return;
        }
        nextTick += kTick;
        pacer.expires_at(nextTick);
        pacer.async_wait([this](const error_code &ec) {
            if (!ec)
                tick();
        });
    }

    // Launches what is due now, within the concurrency bound.
    void pump()
    {
        if (stopped || cancelRequested.load())
            return;
        std::uint64_t due = total;
        if (plan.mode == TrafficPlan::Mode::Rate) {
            if (rateEnded)
                return;
            const double t = std::chrono::duration<double>(Clock::now() - start).count();
            due = std::min<std::uint64_t>(total, static_cast<std::uint64_t>(plan.rate * t) + 1);
        }
        while (launched < due && live.size() < plan.concurrency)
            launch();
    }

    void launch()
    {
        ++launched;
        auto c = std::make_shared<Connection>(io);
        live.insert(c);
        {
            std::lock_guard lock(owner.m_mutex);
            ++owner.m_progress.started;
            ++owner.m_progress.open;
        }
        asio::co_spawn(io, converse(c), [this, c](std::exception_ptr error, Outcome outcome) {
            if (error) {
                outcome = Outcome{};
                outcome.detail = "unexpected error";
            }
            c->close();
            live.erase(c);
            record(outcome);
            pump();
            maybeDone();
        });
    }

    // Nothing more to launch and nothing open: let io.run() return.
    void maybeDone()
    {
        const bool launching =
            !stopped && launched < total && !(plan.mode == TrafficPlan::Mode::Rate && rateEnded);
        if (!launching && live.empty())
            limit.cancel();
    }

    void record(const Outcome &o)
    {
        std::lock_guard lock(owner.m_mutex);
        TrafficProgress &p = owner.m_progress;
        --p.open;
        if (o.cancelled) {
            ++p.cancelled;
        } else if (o.ok) {
            ++p.succeeded;
            ++p.byPod[o.pod];
            owner.m_latencies.push_back(o.ms);
        } else {
            ++p.failed;
            const auto kind = static_cast<std::size_t>(o.failure);
            if (p.failures[kind]++ == 0)
                p.failureDetail[kind] = o.detail;
        }
    }

    void stopAll()
    {
        stopped = true;
        pacer.cancel();
        for (const auto &c : live) {
            c->cancelled = true;
            c->close();
        }
        maybeDone();
    }

    // Arms the silence timer: when it fires, the pending read ends with operation_aborted.
    void armQuiet(const std::shared_ptr<Connection> &c)
    {
        const std::uint64_t generation = ++c->quietGeneration;
        c->quietExpired = false;
        c->quiet.expires_after(plan.greetingWait);
        c->quiet.async_wait([c, generation](const error_code &ec) {
            if (ec || generation != c->quietGeneration)
                return;
            c->quietExpired = true;
            error_code ignored;
            c->socket.cancel(ignored);
        });
    }

    asio::awaitable<Outcome> converse(std::shared_ptr<Connection> c)
    {
        const Clock::time_point begun = Clock::now();
        c->deadline.expires_after(plan.timeout);
        c->deadline.async_wait([c](const error_code &ec) {
            if (ec)
                return;
            c->timedOut = true;
            error_code ignored;
            c->socket.close(ignored);
        });
        error_code ec;
        co_await c->socket.async_connect(target, asio::redirect_error(asio::use_awaitable, ec));
        if (ec)
            co_return failed(*c, ec, "connecting");
        c->socket.set_option(tcp::no_delay(true), ec);

        Outcome outcome;
        std::string received;
        char chunk[4096];
        // The greeting: the demo pods' five lines, or whatever comes before a short silence.
        bool greeted = false;
        for (;;) {
            const Greeting g = takeGreeting(received, outcome.pod);
            if (g == Greeting::Complete) {
                greeted = true;
                break;
            }
            armQuiet(c);
            const std::size_t n = co_await c->socket.async_read_some(
                asio::buffer(chunk), asio::redirect_error(asio::use_awaitable, ec));
            if (ec == asio::error::operation_aborted && c->quietExpired && !c->cancelled && !c->timedOut) {
                if (g == Greeting::Partial)
                    continue;     // a demo greeting on its way: wait for the rest
                received.clear(); // someone else's greeting (or none)
                break;
            }
            if (ec)
                co_return failed(*c, ec, "reading the greeting");
            received.append(chunk, n);
        }
        ++c->quietGeneration;
        c->quiet.cancel();

        co_await asio::async_write(c->socket, asio::buffer(line),
                                   asio::redirect_error(asio::use_awaitable, ec));
        if (ec)
            co_return failed(*c, ec, "sending");
        for (;;) {
            if (!greeted) {
                // A demo greeting that came after the silence: take it, then the echo.
                const Greeting g = takeGreeting(received, outcome.pod);
                greeted = g == Greeting::Complete;
                if (g == Greeting::Partial && !startsLike(received, line)) {
                    const std::size_t n = co_await c->socket.async_read_some(
                        asio::buffer(chunk), asio::redirect_error(asio::use_awaitable, ec));
                    if (ec)
                        co_return failed(*c, ec, "reading the greeting");
                    received.append(chunk, n);
                    continue;
                }
            }
            if (!startsLike(received, line)) {
                c->deadline.cancel();
                outcome.failure = TrafficFailure::Mismatch;
                outcome.detail =
                    "sent \"" + plan.message + "\", got \"" + printable(received.substr(0, 60)) + "\"";
                co_return outcome;
            }
            if (received.size() >= line.size())
                break;
            const std::size_t n = co_await c->socket.async_read_some(
                asio::buffer(chunk), asio::redirect_error(asio::use_awaitable, ec));
            if (ec)
                co_return failed(*c, ec, "reading the echo");
            received.append(chunk, n);
        }
        c->deadline.cancel();
        outcome.ok = true;
        outcome.ms = std::chrono::duration<double, std::milli>(Clock::now() - begun).count();
        co_return outcome;
    }

    TrafficGenerator &owner;
    const TrafficPlan plan;
    asio::io_context io{1};
    asio::steady_timer pacer;
    asio::steady_timer limit; // the run's time limit
    const tcp::endpoint target;
    const std::string line;
    const std::uint64_t total;
    std::atomic<bool> cancelRequested{false};
    // The generator thread's own state.
    Clock::time_point start;
    Clock::time_point nextTick;
    std::uint64_t launched = 0;
    bool rateEnded = false;
    bool limitReached = false;
    bool stopped = false;
    std::unordered_set<std::shared_ptr<Connection>> live;
};

TrafficGenerator::TrafficGenerator() = default;

TrafficGenerator::~TrafficGenerator()
{
    cancel();
    join();
}

std::string TrafficGenerator::start(const TrafficPlan &plan)
{
    if (m_running.load())
        return "a run is still going";
    if (std::string error = plan.validate(); !error.empty())
        return error;
    // Each open connection costs this process three descriptors (ours, and the gateway's
    // two when it runs here too): refuse what would starve the gateway of descriptors.
    if (const std::uint64_t limit = descriptorLimit(); descriptorsFor(plan.concurrency) > limit) {
        return "a concurrency of " + std::to_string(plan.concurrency) + " needs about " +
               std::to_string(descriptorsFor(plan.concurrency)) +
               " file descriptors; this process may open " + std::to_string(limit) + " (ulimit -n)";
    }
    join();
    {
        std::lock_guard lock(m_mutex);
        m_progress = TrafficProgress{};
        m_progress.planned = plan.planned();
        m_progress.running = true;
        m_latencies.clear();
        m_latencies.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(m_progress.planned, 1u << 20)));
        m_startedAt = Clock::now();
    }
    m_run = std::make_unique<Run>(*this, plan);
    m_finished.store(false);
    m_running.store(true);
    Run *run = m_run.get();
    m_thread = std::thread([this, run] {
        try {
            run->begin();
            run->io.run();
        } catch (const std::exception &) {
            // Nothing in the run throws; if something did, the run ends with what it counted.
        }
        // Every connection is over: the counts are final; add the percentiles and say so.
        std::vector<double> latencies;
        {
            std::lock_guard lock(m_mutex);
            latencies = m_latencies;
        }
        TrafficProgress percentiles;
        setPercentiles(percentiles, std::move(latencies));
        {
            std::lock_guard lock(m_mutex);
            TrafficProgress &p = m_progress;
            p.skipped = p.planned - std::min(p.planned, p.started);
            p.open = 0;
            p.p50Ms = percentiles.p50Ms;
            p.p99Ms = percentiles.p99Ms;
            p.maxMs = percentiles.maxMs;
            p.elapsedSeconds = std::chrono::duration<double>(Clock::now() - m_startedAt).count();
            p.wasCancelled = run->cancelRequested.load();
            p.hitTimeLimit = run->limitReached;
            p.running = false;
            p.finished = true;
        }
        m_running.store(false);
        m_finished.store(true);
    });
    return {};
}

void TrafficGenerator::cancel()
{
    if (!m_run || !m_running.load())
        return;
    m_run->cancelRequested.store(true);
    Run *run = m_run.get();
    asio::post(run->io, [run] { run->stopAll(); });
}

bool TrafficGenerator::wait(std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (m_running.load()) {
        if (Clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    join();
    return true;
}

void TrafficGenerator::join()
{
    if (m_thread.joinable())
        m_thread.join();
    m_run.reset();
}

TrafficProgress TrafficGenerator::progress() const
{
    std::vector<double> window;
    TrafficProgress p;
    {
        std::lock_guard lock(m_mutex);
        p = m_progress;
        if (!p.running)
            return p;
        p.elapsedSeconds = std::chrono::duration<double>(Clock::now() - m_startedAt).count();
        const std::size_t from =
            m_latencies.size() > kLivePercentileWindow ? m_latencies.size() - kLivePercentileWindow : 0;
        window.assign(m_latencies.begin() + static_cast<std::ptrdiff_t>(from), m_latencies.end());
    }
    setPercentiles(p, std::move(window));
    return p;
}

} // namespace meshroute::studio
