#include "engine/engine.h"

#include "admin/adminserver.h"
#include "engine/plan.h"
#include "engine/reason.h"
#include "engine/session.h"
#include "engine/worker.h"
#include "pods/demopod.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <future>
#include <map>
#include <mutex>
#include <pthread.h>
#include <sys/socket.h>

namespace meshroute::proxy {

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

namespace {

// One served port: one listening socket per worker, bound to the same address with
// SO_REUSEPORT, so that the kernel spreads new connections over the threads and each
// thread accepts and runs its own (no thundering herd, no hand-off).
struct ListenerRuntime
{
    std::uint32_t port = 0; // the Gateway port (the key across applies)
    tcp::endpoint bound;
    std::vector<std::unique_ptr<tcp::acceptor>> acceptors; // per worker
    // Per worker, touched only on that worker's thread: the plan new connections start under.
    struct Current
    {
        std::shared_ptr<const Plan> plan;
        std::size_t index = 0;
    };
    std::vector<Current> current;
};

std::string endpointText(const tcp::endpoint &endpoint)
{
    return endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

// The identity of a route's destination across applies: route name and cluster name.
std::string destinationKey(const RouteTable &table, const Route &route, std::size_t d)
{
    const std::size_t cluster = route.destinations[d].cluster;
    return route.name + "|" +
           (cluster < table.clusters.size() ? table.clusters[cluster].name : std::string());
}

template <typename Map, typename Key, typename Make> auto reuse(Map &old, const Key &key, Make make)
{
    const auto it = old.find(key);
    return it != old.end() ? it->second : make();
}

// Accepts on one worker's socket of a listener and starts a session per connection.
// Callback-driven: after each connection it accepts again at once (the accept is tried
// before waiting, so a burst costs one wake-up).
class AcceptLoop : public std::enable_shared_from_this<AcceptLoop>
{
public:
    AcceptLoop(std::shared_ptr<ListenerRuntime> runtime, Worker &owner, unsigned workerCount)
        : listener(std::move(runtime))
        , worker(owner)
        , workers(workerCount)
        , socket(owner.io.get_executor())
        , pause(owner.io)
    {}

    void next()
    {
        tcp::acceptor &acceptor = *listener->acceptors[worker.index];
        acceptor.async_accept(socket, peer,
                              [self = shared_from_this()](const error_code &ec) { self->accepted(ec); });
    }

private:
    void accepted(const error_code &ec)
    {
        const tcp::acceptor &acceptor = *listener->acceptors[worker.index];
        if (!acceptor.is_open() || ec == asio::error::operation_aborted)
            return;
        if (ec) {
            // Out of descriptors or memory (EMFILE, ENFILE, ENOBUFS...): the connection stays in
            // the kernel's backlog. Back off instead of spinning, longer while it lasts; counted,
            // logged once per burst. Established connections are not touched.
            Worker::bump(worker.acceptFailures);
            if (failures++ == 0) {
                Worker::bump(worker.acceptPauses);
                worker.log("accepting on " + endpointText(listener->bound) + " failed (" + ec.message() +
                           "); pausing new connections until it works again");
            }
            pause.expires_after(backoff.take());
            pause.async_wait([self = shared_from_this()](const error_code &) { self->next(); });
            return;
        }
        if (failures > 0) {
            worker.log("accepting on " + endpointText(listener->bound) + " again, after " +
                       std::to_string(failures) + " failed attempts");
            failures = 0;
            backoff.reset();
        }
        const auto &current = listener->current[worker.index];
        if (current.plan) {
            const std::uint64_t id = (++nextId) * workers + worker.index;
            startGatewaySession(worker, current.plan, current.index, std::move(socket), peer, id);
        } else {
            error_code ignored;
            socket.close(ignored);
        }
        next();
    }

    std::shared_ptr<ListenerRuntime> listener;
    Worker &worker;
    unsigned workers;
    RelaySocket socket; // the next connection; moved out to its session
    tcp::endpoint peer;
    asio::steady_timer pause;
    std::uint64_t nextId = 0;
    Worker::AcceptBackoff backoff;
    std::uint64_t failures = 0; // in the current burst
};

// Runs `work` on every worker's thread and waits until all have run it.
template <typename Work> void onEveryWorker(std::vector<std::unique_ptr<Worker>> &workers, Work work)
{
    std::vector<std::future<void>> done;
    for (auto &w : workers) {
        auto promise = std::make_shared<std::promise<void>>();
        done.push_back(promise->get_future());
        asio::post(w->io, [promise, &work, worker = w.get()] {
            work(*worker);
            promise->set_value();
        });
    }
    for (auto &f : done)
        f.wait();
}

std::int64_t steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

const char *closeReasonName(CloseReason reason)
{
    switch (reason) {
    case CloseReason::Finished:
        return "finished";
    case CloseReason::NoRoute:
        return "no-route";
    case CloseReason::Overflow:
        return "overflow";
    case CloseReason::NoHealthyUpstream:
        return "no-healthy-upstream";
    case CloseReason::ConnectFailed:
        return "connect-failed";
    case CloseReason::IdleTimeout:
        return "idle-timeout";
    case CloseReason::ClientError:
        return "client-error";
    case CloseReason::UpstreamError:
        return "upstream-error";
    case CloseReason::Stopped:
        return "stopped";
    }
    return "unknown";
}

struct Engine::Impl
{
    explicit Impl(EngineOptions o)
        : options(std::move(o))
    {}

    EngineOptions options;
    std::vector<std::unique_ptr<Worker>> workers;
    std::atomic<std::uint64_t> podSequence{0};

    std::mutex control; // start/apply/stop, one at a time
    bool started = false;
    bool stopped = false;
    std::map<std::uint32_t, std::shared_ptr<ListenerRuntime>> listeners; // control only
    std::map<std::string, std::shared_ptr<PodRuntime>> podsByKey;        // control only
    unsigned nextPodWorker = 0;
    AdminServer admin;

    // What readers see; never held while waiting for a worker.
    mutable std::mutex state;
    std::shared_ptr<const Plan> plan;
    std::vector<ListenerStatus> listenerStatus;
    std::vector<std::shared_ptr<PodRuntime>> pods;
    std::uint64_t generation = 0;

    unsigned threadCount() const
    {
        if (options.threads > 0)
            return options.threads;
        return usableCpuCount();
    }

    void startThreads()
    {
        const unsigned n = threadCount();
        for (unsigned i = 0; i < n; ++i) {
            auto worker = std::make_unique<Worker>(i, options.recentConnections);
            worker->splice = options.splice;
            worker->clientHelloTimeout = options.clientHelloTimeout;
            worker->log = options.log ? options.log : [](const std::string &line) {
                std::fprintf(stderr, "meshroute: %s\n", line.c_str());
            };
            worker->guard.emplace(worker->io.get_executor());
            workers.push_back(std::move(worker));
        }
        const std::vector<int> cpus = options.pinThreads ? workerCpus(n) : std::vector<int>{};
        BusyPoll busyPoll;
        busyPoll.window = options.busyPoll;
        for (auto &w : workers) {
            Worker *worker = w.get();
            const int cpu = cpus.empty() ? -1 : cpus[worker->index];
            worker->thread = std::thread([worker, cpu, busyPoll] {
                if (cpu >= 0 && pinThisThread(cpu))
                    worker->loop.cpu.store(cpu, std::memory_order_relaxed);
                // splice(2) into a socket whose peer has gone raises SIGPIPE (it has no
                // MSG_NOSIGNAL): blocked on the engine's threads, the call just fails with EPIPE.
                sigset_t pipeSignal;
                sigemptyset(&pipeSignal);
                sigaddset(&pipeSignal, SIGPIPE);
                pthread_sigmask(SIG_BLOCK, &pipeSignal, nullptr);
                for (;;) {
                    try {
                        runWorkerLoop(worker->io, busyPoll, worker->loop);
                        return;
                    } catch (...) {
                        // A handler must never throw; if one does, count it and keep serving.
                        Worker::bump(worker->handlerExceptions);
                    }
                }
            });
        }
    }

    ApplyResult applyTable(std::shared_ptr<const RouteTable> table)
    {
        ApplyResult result;
        if (!table)
            table = std::make_shared<RouteTable>();

        // 1. Demo pods: keep the ones that stay, start new ones, stop removed ones.
        std::map<std::string, std::shared_ptr<PodRuntime>> nextPods;
        std::vector<std::shared_ptr<PodRuntime>> podByIndex(table->pods.size());
        for (std::size_t i = 0; i < table->pods.size(); ++i) {
            const DemoPod &pod = table->pods[i];
            const std::string key = pod.ns + "/" + pod.name;
            auto it = podsByKey.find(key);
            std::shared_ptr<PodRuntime> runtime;
            if (it != podsByKey.end()) {
                runtime = it->second;
            } else {
                runtime = std::make_shared<PodRuntime>(pod, options.podLogLines, podSequence);
                Message error;
                Worker &worker = *workers[nextPodWorker++ % workers.size()];
                if (openPod(*runtime, worker, error)) {
                    startPod(runtime);
                } else {
                    result.fail(std::move(error));
                    podByIndex[i] = runtime; // its endpoints stay unresolved; the next apply tries again
                    continue;
                }
            }
            nextPods[key] = runtime;
            podByIndex[i] = runtime;
        }
        for (auto &[key, runtime] : podsByKey) {
            if (!nextPods.count(key))
                stopPod(runtime);
        }
        podsByKey = nextPods;

        // 2. The runnable plan, reusing counters and state by name.
        auto next = buildPlan(table, podByIndex);

        // 3. Listeners.
        std::map<std::uint32_t, std::shared_ptr<ListenerRuntime>> kept;
        std::map<std::uint32_t, std::size_t> indexOf;
        std::vector<std::shared_ptr<ListenerRuntime>> fresh;
        for (std::size_t i = 0; i < table->listeners.size(); ++i) {
            const Listener &l = table->listeners[i];
            ListenerStatus status;
            status.gateway = l.gateway;
            status.port = l.port;
            if (!l.route && l.sniRoutes.empty()) {
                status.why = {"engine-no-tcp-route", {}};
                status.error = render(status.why);
                result.listeners.push_back(status);
                continue;
            }
            if (!l.tlsMode.empty() && l.tlsMode != "PASSTHROUGH") {
                // Relaying a terminating server's bytes raw would hand TLS records to a plaintext backend.
                status.why = {"engine-tls-termination", {l.tlsMode}};
                status.error = render(status.why);
                result.listeners.push_back(status);
                continue;
            }
            std::shared_ptr<ListenerRuntime> runtime;
            if (auto it = listeners.find(l.port); it != listeners.end() && !kept.count(l.port)) {
                runtime = it->second;
            } else if (!kept.count(l.port)) {
                runtime = bind(l, status.why);
                if (runtime) {
                    fresh.push_back(runtime);
                } else {
                    status.error = render(status.why);
                    result.fail(status.why);
                }
            } else {
                status.why = {"engine-port-already-served", {std::to_string(l.port)}};
                status.error = render(status.why);
                result.fail(status.why);
            }
            if (runtime) {
                kept[l.port] = runtime;
                indexOf[l.port] = i;
                status.listening = true;
                status.boundPort = runtime->bound.port();
                status.address = endpointText(runtime->bound);
            }
            result.listeners.push_back(status);
        }
        std::vector<std::shared_ptr<ListenerRuntime>> removed;
        for (auto &[port, runtime] : listeners) {
            if (!kept.count(port))
                removed.push_back(runtime);
        }

        // 4. Switch every worker at once: from now on, new connections start under `next`.
        const auto workerCount = static_cast<unsigned>(workers.size());
        onEveryWorker(workers, [&](Worker &w) {
            for (auto &[port, runtime] : kept)
                runtime->current[w.index] = {next, indexOf.at(port)};
            for (auto &runtime : fresh)
                std::make_shared<AcceptLoop>(runtime, w, workerCount)->next();
            for (auto &runtime : removed) {
                error_code ignored;
                runtime->acceptors[w.index]->close(ignored);
                runtime->current[w.index] = {};
            }
        });
        listeners = kept;

        std::lock_guard lock(state);
        plan = next;
        listenerStatus = result.listeners;
        pods.clear();
        for (auto &[key, runtime] : podsByKey)
            pods.push_back(runtime);
        result.generation = ++generation;
        return result;
    }

    std::shared_ptr<ListenerRuntime> bind(const Listener &l, Message &error)
    {
        const std::string where = options.bindAddress + ":" + std::to_string(l.port);
        const auto fail = [&](MessageArg why) {
            error = Message{"engine-listen-failed", {where, l.gateway, std::move(why)}};
            return nullptr;
        };
        error_code ec;
        const auto address = asio::ip::make_address(options.bindAddress, ec);
        if (ec)
            return fail(MessageArg::fragmentOf("fragment-bad-bind-address"));
        const long port = options.ephemeralPorts ? 0 : static_cast<long>(l.port) + options.portOffset;
        if (port < 0 || port > 65535)
            return fail(MessageArg::fragmentOf("fragment-port-out-of-range", {std::to_string(port)}));
        const tcp::endpoint endpoint(address, static_cast<std::uint16_t>(port));

        auto runtime = std::make_shared<ListenerRuntime>();
        runtime->port = l.port;
        runtime->current.resize(workers.size());
        const auto failed = [&](const tcp::endpoint &at, const error_code &why) {
            if (options.portOffset != 0 && !options.ephemeralPorts)
                error = Message{"engine-listen-failed-offset",
                                {endpointText(at), std::to_string(l.port), std::to_string(options.portOffset),
                                 l.gateway, systemReason(why)}};
            else
                error = Message{"engine-listen-failed", {endpointText(at), l.gateway, systemReason(why)}};
            error_code ignored;
            for (auto &a : runtime->acceptors)
                a->close(ignored);
            return nullptr;
        };

        // The claim: a socket bound without SO_REUSEPORT. It fails when anyone else holds the
        // port, even a process that shares it by SO_REUSEPORT, so a busy port is reported as
        // before; with port 0 it picks the port. It holds the port (bound, not listening, so
        // SO_REUSEADDR lets the workers' sockets bind beside it) until they all listen.
        tcp::acceptor claim(workers[0]->io);
        claim.open(endpoint.protocol(), ec);
        if (!ec)
            claim.set_option(tcp::acceptor::reuse_address(true), ec);
        if (!ec)
            claim.bind(endpoint, ec);
        tcp::endpoint bound = endpoint;
        if (!ec)
            bound = claim.local_endpoint(ec);
        if (ec)
            return failed(endpoint, ec);
        runtime->bound = bound;

        // One listening socket per worker on that port, each served by its own thread.
        for (std::size_t i = 0; i < workers.size(); ++i) {
            auto acceptor = std::make_unique<tcp::acceptor>(workers[i]->io);
            acceptor->open(bound.protocol(), ec);
            if (!ec)
                acceptor->set_option(tcp::acceptor::reuse_address(true), ec);
            if (!ec && workers.size() > 1) {
                const int one = 1;
                if (::setsockopt(acceptor->native_handle(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0)
                    ec.assign(errno, boost::system::system_category());
            }
            if (!ec) // accepted sockets inherit it: no setsockopt per connection
                acceptor->set_option(tcp::no_delay(true), ec);
            if (!ec)
                acceptor->bind(bound, ec);
            if (!ec)
                acceptor->listen(asio::socket_base::max_listen_connections, ec);
            runtime->acceptors.push_back(std::move(acceptor));
            if (ec)
                return failed(bound, ec);
        }
        return runtime;
    }

    std::shared_ptr<const Plan> buildPlan(const std::shared_ptr<const RouteTable> &table,
                                          const std::vector<std::shared_ptr<PodRuntime>> &podByIndex)
    {
        const unsigned shards = static_cast<unsigned>(workers.size());
        std::shared_ptr<const Plan> previous;
        {
            std::lock_guard lock(state);
            previous = plan;
        }
        // What the previous plan had, by name.
        std::map<std::string, std::shared_ptr<CounterBlock>> oldListeners, oldRoutes, oldClusters,
            oldEndpoints, oldRouteDestinations;
        std::map<std::string, std::shared_ptr<ClusterState>> oldClusterStates;
        std::map<std::string, std::shared_ptr<EndpointState>> oldEndpointStates;
        if (previous) {
            for (const auto &l : previous->listeners)
                oldListeners[l.name] = l.counters;
            for (const auto &r : previous->routes) {
                oldRoutes[r.model->name] = r.counters;
                for (std::size_t d = 0; d < r.destinations.size(); ++d)
                    oldRouteDestinations[destinationKey(*previous->table, *r.model, d)] = r.destinations[d];
            }
            for (const auto &c : previous->clusters) {
                oldClusters[c.model->name] = c.counters;
                oldClusterStates[c.model->name] = c.state;
                for (const auto &e : c.endpoints) {
                    oldEndpoints[e.key] = e.counters;
                    oldEndpointStates[e.key] = e.state;
                }
            }
        }
        const auto newBlock = [shards] { return std::make_shared<CounterBlock>(shards); };

        auto next = std::make_shared<Plan>();
        next->table = table;
        std::map<std::string, std::shared_ptr<CounterBlock>> routeBlocks; // one block per route name
        std::map<std::string, std::shared_ptr<CounterBlock>> routeDestinationBlocks;
        std::map<std::string, std::shared_ptr<CounterBlock>> clusterBlocks;
        std::map<std::string, std::shared_ptr<ClusterState>> clusterStates;

        for (const Cluster &cluster : table->clusters) {
            ClusterPlan cp;
            cp.model = &cluster;
            cp.counters = reuse(clusterBlocks, cluster.name,
                                [&] { return reuse(oldClusters, cluster.name, newBlock); });
            cp.state = reuse(clusterStates, cluster.name, [&] {
                return reuse(oldClusterStates, cluster.name, [] { return std::make_shared<ClusterState>(); });
            });
            clusterBlocks[cluster.name] = cp.counters;
            clusterStates[cluster.name] = cp.state;
            for (const Endpoint &endpoint : cluster.endpoints) {
                EndpointPlan ep;
                ep.model = &endpoint;
                ep.name = endpoint.name;
                ep.key = cluster.name + "|" + endpoint.name;
                ep.counters = reuse(oldEndpoints, ep.key, newBlock);
                ep.state = reuse(oldEndpointStates, ep.key, [] { return std::make_shared<EndpointState>(); });
                resolve(endpoint, podByIndex, ep);
                cp.endpoints.push_back(std::move(ep));
            }
            next->clusters.push_back(std::move(cp));
        }
        for (const Route &route : table->routes) {
            RoutePlan rp;
            rp.model = &route;
            rp.counters =
                reuse(routeBlocks, route.name, [&] { return reuse(oldRoutes, route.name, newBlock); });
            routeBlocks[route.name] = rp.counters;
            for (std::size_t d = 0; d < route.destinations.size(); ++d) {
                const std::string key = destinationKey(*table, route, d);
                rp.destinations.push_back(reuse(routeDestinationBlocks, key,
                                                [&] { return reuse(oldRouteDestinations, key, newBlock); }));
                routeDestinationBlocks[key] = rp.destinations.back();
                if (route.destinations[d].cluster < table->clusters.size())
                    rp.totalWeight += route.destinations[d].weight;
            }
            next->routes.push_back(std::move(rp));
        }
        for (const Listener &listener : table->listeners) {
            ListenerPlan lp;
            lp.model = &listener;
            lp.name = listener.gateway + ":" + std::to_string(listener.port);
            lp.counters = reuse(oldListeners, lp.name, newBlock);
            if (listener.route && *listener.route < table->routes.size())
                lp.route = listener.route;
            next->listeners.push_back(std::move(lp));
        }
        return next;
    }

    static void resolve(const Endpoint &endpoint, const std::vector<std::shared_ptr<PodRuntime>> &podByIndex,
                        EndpointPlan &ep)
    {
        if (endpoint.pod >= 0) {
            const auto index = static_cast<std::size_t>(endpoint.pod);
            if (index < podByIndex.size() && podByIndex[index] && podByIndex[index]->acceptor)
                ep.address = podByIndex[index]->address;
            else
                ep.problem = "demo pod is not running";
            return;
        }
        if (endpoint.port == 0 || endpoint.port > 65535) {
            ep.problem = "no port";
            return;
        }
        const auto port = static_cast<std::uint16_t>(endpoint.port);
        error_code ec;
        const auto address = asio::ip::make_address(endpoint.address, ec);
        if (!ec) {
            ep.address = tcp::endpoint(address, port);
            return;
        }
        // A host name (ServiceEntry resolution DNS): resolved once per apply.
        asio::io_context io;
        tcp::resolver resolver(io);
        const auto results = resolver.resolve(endpoint.address, std::to_string(port), ec);
        if (ec || results.empty()) {
            ep.problem = "cannot resolve " + endpoint.address;
            return;
        }
        ep.address = results.begin()->endpoint();
    }

    StatsSnapshot snapshot() const
    {
        StatsSnapshot s;
        s.taken = std::chrono::system_clock::now();
        std::shared_ptr<const Plan> current;
        std::vector<ListenerStatus> statuses;
        {
            std::lock_guard lock(state);
            current = plan;
            statuses = listenerStatus;
            s.generation = generation;
        }
        for (const auto &w : workers) {
            s.errors.acceptFailures += w->acceptFailures.load(std::memory_order_relaxed);
            s.errors.acceptPauses += w->acceptPauses.load(std::memory_order_relaxed);
            s.errors.handlerExceptions += w->handlerExceptions.load(std::memory_order_relaxed);
        }
        if (!current)
            return s;
        const RouteTable &table = *current->table;
        s.gatewayNamespace = table.gatewayNamespace;
        s.gatewayWorkload = table.gatewayWorkload;
        s.gatewayLabels = table.gatewayLabels;
        const std::int64_t now = steadyNowNs();
        for (std::size_t i = 0; i < current->listeners.size(); ++i) {
            const auto &l = current->listeners[i];
            ListenerStats ls;
            ls.gateway = l.model->gateway;
            ls.port = l.model->port;
            if (i < statuses.size()) {
                ls.address = statuses[i].address;
                ls.listening = statuses[i].listening;
                ls.error = statuses[i].error;
                ls.why = statuses[i].why;
            }
            ls.values = l.counters->read();
            s.listeners.push_back(std::move(ls));
        }
        std::map<std::string, bool> seenRoutes;
        for (const auto &r : current->routes) {
            if (seenRoutes[r.model->name])
                continue;
            seenRoutes[r.model->name] = true;
            RouteStats rs{r.model->name, r.model->virtualService, r.counters->read(), {}};
            for (std::size_t d = 0; d < r.destinations.size(); ++d) {
                const auto &wc = r.model->destinations[d];
                const bool known = wc.cluster < table.clusters.size();
                rs.destinations.push_back(
                    RouteDestinationStats{known ? table.clusters[wc.cluster].name : std::string(),
                                          known ? table.clusters[wc.cluster].subset : std::string(),
                                          wc.weight, r.destinations[d]->read()});
            }
            s.routes.push_back(std::move(rs));
        }
        std::map<std::string, bool> seenClusters;
        for (const auto &c : current->clusters) {
            if (seenClusters[c.model->name])
                continue;
            seenClusters[c.model->name] = true;
            ClusterStats cs;
            cs.name = c.model->name;
            cs.host = c.model->host;
            cs.subset = c.model->subset;
            cs.port = c.model->port;
            cs.serviceName = c.model->serviceName;
            cs.serviceNamespace = c.model->serviceNamespace;
            cs.values = c.counters->read();
            s.clusters.push_back(std::move(cs));
            for (const auto &e : c.endpoints) {
                EndpointStats es;
                es.cluster = c.model->name;
                es.name = e.name;
                es.address = e.address ? endpointText(*e.address) : std::string();
                es.pod = e.model->pod >= 0;
                es.ejected = e.state->ejectedAt(now);
                es.workload = e.model->workload;
                es.workloadNamespace = e.model->workloadNamespace;
                es.serviceAccount = e.model->serviceAccount;
                es.labels = e.model->labels;
                es.values = e.counters->read();
                s.endpoints.push_back(std::move(es));
            }
        }
        return s;
    }

    void stop(std::chrono::milliseconds drain)
    {
        std::lock_guard lock(control);
        if (!started || stopped)
            return;
        stopped = true;

        // Stop accepting.
        onEveryWorker(workers, [&](Worker &w) {
            for (auto &[port, runtime] : listeners) {
                error_code ignored;
                runtime->acceptors[w.index]->close(ignored);
                runtime->current[w.index] = {};
            }
        });
        listeners.clear();
        admin.stop();

        // Drain: let live gateway connections finish until the deadline.
        const auto deadline = std::chrono::steady_clock::now() + drain;
        while (liveGatewayConnections() > 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));

        // Close what is left (gateway connections, pods, admin) and let it unwind.
        for (auto &[key, runtime] : podsByKey)
            stopPod(runtime);
        const auto unwindDeadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        for (;;) {
            std::atomic<std::size_t> left{0}; // summed from every worker thread
            onEveryWorker(workers, [](Worker &w) {
                for (auto *a : w.everyLive())
                    a->abort(CloseReason::Stopped);
            });
            onEveryWorker(workers, [&left](Worker &w) { left.fetch_add(w.live.size() + w.gatewayCount); });
            if (left == 0 || std::chrono::steady_clock::now() > unwindDeadline)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        for (auto &w : workers) {
            w->guard.reset();
            w->io.stop();
        }
        for (auto &w : workers) {
            if (w->thread.joinable())
                w->thread.join();
        }
    }

    std::int64_t liveGatewayConnections() const
    {
        std::int64_t n = 0;
        for (const auto &w : workers)
            n += w->gatewayConnections.load(std::memory_order_relaxed);
        return n;
    }
};

Engine::Engine(EngineOptions options)
    : d(std::make_unique<Impl>(std::move(options)))
{}

Engine::~Engine()
{
    stop(std::chrono::milliseconds(0));
}

ApplyResult Engine::start(std::shared_ptr<const RouteTable> table)
{
    std::lock_guard lock(d->control);
    if (d->started) {
        ApplyResult result;
        result.fail({"engine-already-started", {}});
        return result;
    }
    d->started = true;
    d->startThreads();
    ApplyResult result = d->applyTable(std::move(table));
    if (!d->options.admin.empty()) {
        Message error;
        if (d->admin.open(
                *d->workers[0], d->options.admin, [impl = d.get()] { return impl->snapshot(); }, error))
            d->admin.start();
        else
            result.fail(std::move(error));
    }
    return result;
}

ApplyResult Engine::apply(std::shared_ptr<const RouteTable> table)
{
    std::lock_guard lock(d->control);
    if (!d->started || d->stopped) {
        ApplyResult result;
        result.fail({"engine-not-running", {}});
        return result;
    }
    return d->applyTable(std::move(table));
}

void Engine::stop(std::chrono::milliseconds drain)
{
    d->stop(drain);
}

bool Engine::running() const
{
    std::lock_guard lock(d->control);
    return d->started && !d->stopped;
}

StatsSnapshot Engine::snapshot() const
{
    return d->snapshot();
}

std::vector<ConnectionRecord> Engine::recentConnections() const
{
    std::vector<ConnectionRecord> out;
    for (const auto &w : d->workers)
        w->recent.copyTo(out);
    std::stable_sort(out.begin(), out.end(),
                     [](const ConnectionRecord &a, const ConnectionRecord &b) { return a.start < b.start; });
    return out;
}

std::vector<ConnectionRecord> Engine::openConnections(std::chrono::milliseconds wait) const
{
    if (!running())
        return {};
    // Each worker walks its own list on its own thread; this thread only waits for the answers.
    struct Answers
    {
        std::mutex mutex;
        std::condition_variable done;
        std::vector<ConnectionRecord> records;
        std::size_t pending = 0;
    };
    auto answers = std::make_shared<Answers>();
    answers->pending = d->workers.size();
    for (const auto &w : d->workers) {
        Worker *worker = w.get();
        asio::post(worker->io, [answers, worker] {
            std::vector<ConnectionRecord> mine;
            mine.reserve(worker->gatewayCount);
            for (const LiveLink *c = worker->gateway; c; c = c->next) {
                mine.emplace_back();
                c->describe(mine.back());
            }
            std::lock_guard lock(answers->mutex);
            for (ConnectionRecord &r : mine)
                answers->records.push_back(std::move(r));
            --answers->pending;
            answers->done.notify_all();
        });
    }
    std::unique_lock lock(answers->mutex);
    answers->done.wait_for(lock, wait, [&] { return answers->pending == 0; });
    std::vector<ConnectionRecord> out = std::move(answers->records);
    answers->records.clear(); // late answers land in a vector nobody reads
    lock.unlock();
    std::stable_sort(out.begin(), out.end(),
                     [](const ConnectionRecord &a, const ConnectionRecord &b) { return a.start < b.start; });
    return out;
}

std::vector<ListenerStatus> Engine::listeners() const
{
    std::lock_guard lock(d->state);
    return d->listenerStatus;
}

std::vector<PodStatus> Engine::pods() const
{
    std::lock_guard lock(d->state);
    std::vector<PodStatus> out;
    for (const auto &p : d->pods) {
        PodStatus status;
        status.name = p->pod.name;
        status.ns = p->pod.ns;
        status.serving = p->acceptor != nullptr;
        if (status.serving)
            status.address = endpointText(p->address);
        out.push_back(std::move(status));
    }
    return out;
}

std::vector<PodLogLine> Engine::podLog(const std::string &pod, std::uint64_t afterSeq) const
{
    std::vector<std::shared_ptr<PodRuntime>> pods;
    {
        std::lock_guard lock(d->state);
        pods = d->pods;
    }
    std::vector<PodLogLine> out;
    for (const auto &p : pods) {
        if (pod.empty() || p->pod.name == pod)
            p->log.since(afterSeq, out);
    }
    std::sort(out.begin(), out.end(), [](const PodLogLine &a, const PodLogLine &b) { return a.seq < b.seq; });
    return out;
}

std::int64_t Engine::activeConnections() const
{
    return d->liveGatewayConnections();
}

std::string Engine::adminAddress() const
{
    return d->admin.address();
}

std::string Engine::adminError() const
{
    return d->admin.error();
}

std::vector<WorkerLoopStats> Engine::workerLoops() const
{
    std::vector<WorkerLoopStats> out;
    for (const auto &w : d->workers) {
        WorkerLoopStats s;
        s.cpu = w->loop.cpu.load(std::memory_order_relaxed);
        s.sleeps = w->loop.sleeps.load(std::memory_order_relaxed);
        s.emptyPolls = w->loop.emptyPolls.load(std::memory_order_relaxed);
        s.pollsWithWork = w->loop.pollsWithWork.load(std::memory_order_relaxed);
        s.gaveWay = w->loop.gaveWay.load(std::memory_order_relaxed);
        out.push_back(s);
    }
    return out;
}

} // namespace meshroute::proxy
