// `meshroute proxy` and `meshroute demo`: validate, compile, and run the routing on
// the local gateway until SIGINT/SIGTERM; SIGHUP or a change to the files re-applies.

#include "proxycommands.h"

#include "compile/compile.h"
#include "engine/engine.h"
#include "input.h"
#include "report.h"
#include "stats/promql.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

namespace meshroute::cli {
namespace {

namespace asio = boost::asio;
namespace fs = std::filesystem;

struct ProxyOptions
{
    InputOptions input;
    std::string gatewayLabels = "istio=ingressgateway";
    std::string gatewayApiGateways = "all";
    std::string target = gatewayapi::defaultTarget().spec();
    bool gatewayApiSample = false; // demo: the Gateway API form of the tutorial
    std::string bind = "127.0.0.1";
    int portOffset = 0;
    std::string admin;
    bool logPods = false;
    unsigned threads = 0;
    bool noPinThreads = false;
    unsigned busyPollMicros = 50;
    bool demo = false;
    bool printScrapeConfig = false;
};

// What --print-scrape-config prints: the job for the --admin address (or the usual one).
std::string scrapeJob(const ProxyOptions &options)
{
    return proxy::scrapeConfig(options.admin.empty() ? std::string("127.0.0.1:15000") : options.admin);
}

// What the watched paths look like now: every YAML file's path, size and modification time.
using Fingerprint = std::set<std::tuple<std::string, std::uintmax_t, fs::file_time_type>>;

// Nothing when the paths could not be looked at completely (out of descriptors, EMFILE, or
// any other error than a missing path): a folder that could not be listed is no change, and
// the next look decides. `why` says what failed.
std::optional<Fingerprint> fingerprint(const std::vector<std::string> &paths, std::string &why)
{
    Fingerprint out;
    bool complete = true;
    const auto failed = [&](const fs::path &p, const std::error_code &ec) {
        if (ec == std::errc::no_such_file_or_directory)
            return false; // gone: that is a change, recorded as such
        why = p.string() + ": " + ec.message();
        complete = false;
        return true;
    };
    const auto add = [&](const fs::path &p) {
        std::error_code ec;
        const auto size = fs::file_size(p, ec);
        if (ec && failed(p, ec))
            return;
        std::error_code timeError;
        const auto time = fs::last_write_time(p, timeError);
        if (timeError && failed(p, timeError))
            return;
        out.emplace(p.string(), ec ? 0 : size, timeError ? fs::file_time_type{} : time);
    };
    for (const std::string &path : paths) {
        if (path == "-")
            continue;
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            auto it = fs::recursive_directory_iterator(path, ec);
            for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                const auto ext = it->path().extension();
                std::error_code typeError;
                const bool file = it->is_regular_file(typeError);
                if (typeError && failed(it->path(), typeError))
                    break;
                if (file && (ext == ".yaml" || ext == ".yml"))
                    add(it->path());
            }
            if (ec && failed(path, ec))
                break;
        } else if (ec && failed(path, ec)) {
            break;
        } else {
            add(path);
        }
        if (!complete)
            break;
    }
    if (!complete)
        return std::nullopt;
    return out;
}

// Compile diagnostics that analysis already reported (same code, same place) are not repeated.
void mergeDiagnostics(Diagnostics &into, const Diagnostics &more)
{
    for (const Diagnostic &d : more) {
        const bool seen = std::any_of(into.begin(), into.end(), [&](const Diagnostic &e) {
            return e.code == d.code && e.file == d.file && e.position == d.position;
        });
        if (!seen)
            into.push_back(d);
    }
}

struct Loaded
{
    std::shared_ptr<const RouteTable> table;
    Diagnostics diagnostics;
    bool readFailed = false;
    bool errors = false;
};

Loaded load(const ProxyOptions &options)
{
    Loaded out;
    Input input = readInput(options.input);
    out.diagnostics = std::move(input.diagnostics);
    out.readFailed = input.readFailed;
    out.errors = input.readFailed || hasErrors(out.diagnostics);
    if (out.errors)
        return out;
    CompileOptions compileOptions;
    compileOptions.gatewayLabels = options.input.gatewayLabels;
    compileOptions.gatewayApiGateways = options.input.gatewayApiGateways;
    compileOptions.gatewayApiTarget = options.input.gatewayApiTarget; // the one analysis read
    CompileResult compiled = compile(input.set, compileOptions);
    mergeDiagnostics(out.diagnostics, compiled.diagnostics);
    out.errors = hasErrors(out.diagnostics);
    out.table = compiled.table;
    return out;
}

void printProblems(const Diagnostics &diagnostics, bool withWarnings)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Error || (withWarnings && d.severity == Severity::Warning))
            std::cerr << textLine(d) << '\n';
    }
}

// "a.example.com, *.example.com → default/v tls[0]; * → default/v tls[1]"
std::string sniSummary(const RouteTable &table, const Listener &listener)
{
    std::string out;
    for (const SniRoute &sni : listener.sniRoutes) {
        if (!out.empty())
            out += "; ";
        for (std::size_t i = 0; i < sni.sniHosts.size(); ++i)
            out += (i ? ", " : "") + sni.sniHosts[i];
        out += " → " + (sni.route < table.routes.size() ? table.routes[sni.route].name : std::string("?"));
    }
    return out;
}

void printListeners(const proxy::ApplyResult &result, const RouteTable &table,
                    std::set<std::string> &announced)
{
    for (std::size_t i = 0; i < result.listeners.size(); ++i) {
        const auto &l = result.listeners[i];
        if (!l.listening) {
            // Busy ports are in result.errors; this is what is not served by design (e.g. SNI routing).
            const bool reported = std::any_of(result.errors.begin(), result.errors.end(),
                                              [&](const std::string &e) { return e == l.error; });
            const std::string line = "port " + std::to_string(l.port) + " of gateway " + l.gateway +
                                     " is not served locally: " + l.error;
            if (!reported && !l.error.empty() && announced.insert(line).second)
                std::cerr << "meshroute: " << line << std::endl;
            continue;
        }
        const std::string line = "listening " + l.address + " gateway " + l.gateway;
        if (announced.insert(line).second)
            std::cout << line << std::endl;
        if (i < table.listeners.size() && !table.listeners[i].sniRoutes.empty()) {
            const std::string sni =
                "  TLS passthrough on " + l.address + ", by SNI: " + sniSummary(table, table.listeners[i]);
            if (announced.insert(sni).second)
                std::cout << sni << std::endl;
        }
    }
    for (const std::string &error : result.errors)
        std::cerr << "meshroute: " << error << std::endl;
}

int run(ProxyOptions options)
{
    if (options.printScrapeConfig) {
        std::cout << scrapeJob(options);
        return 0;
    }
    if (!parseLabels(options.gatewayLabels, options.input.gatewayLabels)) {
        std::cerr << "meshroute: --gateway-labels \"" << options.gatewayLabels
                  << "\" is not a list of key=value pairs\n";
        return 2;
    }
    if (!parseGatewayApiGateways(options.gatewayApiGateways, options.input.defaultNamespace,
                                 options.input.gatewayApiGateways)) {
        std::cerr << "meshroute: --gateway-api-gateways \"" << options.gatewayApiGateways
                  << "\" is not all, none or a list of [namespace/]name\n";
        return 2;
    }
    options.input.gatewayApiTarget = targetOf(options.target);
    if (options.portOffset < -65535 || options.portOffset > 65535) {
        std::cerr << "meshroute: --port-offset " << options.portOffset << " is out of range\n";
        return 2;
    }

    // Taken before reading, so that a change made while starting is not missed.
    std::string unreadable; // why the last look at the paths failed; reported once per failure
    const auto look = [&]() -> std::optional<Fingerprint> {
        std::string why;
        auto now = fingerprint(options.input.paths, why);
        if (!now && why != unreadable)
            std::cerr << "meshroute: cannot look at the configuration (" << why
                      << "); not a change, looking again" << std::endl;
        unreadable = now ? std::string() : why;
        return now;
    };
    Fingerprint watched = look().value_or(Fingerprint{});
    Loaded loaded = load(options);
    if (loaded.errors) {
        printDiagnostics(std::cerr, loaded.diagnostics, false);
        std::cerr << "meshroute: not starting: the configuration has errors\n";
        return loaded.readFailed ? 2 : 1;
    }
    printProblems(loaded.diagnostics, !options.demo);

    proxy::EngineOptions engineOptions;
    engineOptions.bindAddress = options.bind;
    engineOptions.portOffset = options.portOffset;
    engineOptions.admin = options.admin;
    engineOptions.threads = options.threads;
    engineOptions.pinThreads = !options.noPinThreads;
    engineOptions.busyPoll = std::chrono::microseconds(options.busyPollMicros);
    // Signals are caught from before the first "listening" line: a script that waits for it and
    // then sends SIGTERM or SIGHUP gets a drain or a reload, never the default (termination).
    asio::io_context io;
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.add(SIGHUP);
    proxy::Engine engine(engineOptions);
    const proxy::ApplyResult started = engine.start(loaded.table);
    std::set<std::string> announced;
    printListeners(started, *loaded.table, announced);
    const bool anyListening = std::any_of(started.listeners.begin(), started.listeners.end(),
                                          [](const proxy::ListenerStatus &l) { return l.listening; });
    if (!anyListening) {
        std::cerr << "meshroute: no listener could start" << std::endl;
        engine.stop(std::chrono::milliseconds(0));
        return 1;
    }
    if (!options.admin.empty() && !engine.adminAddress().empty())
        std::cout << "admin http://" << engine.adminAddress() << "/stats" << std::endl;

    if (options.demo) {
        std::cout << "\nThe tutorial's tcp-echo demo runs on the local gateway. Try:\n";
        for (std::size_t i = 0; i < started.listeners.size() && i < loaded.table->listeners.size(); ++i) {
            const auto &status = started.listeners[i];
            const Listener &listener = loaded.table->listeners[i];
            if (!status.listening || !listener.route)
                continue;
            std::string subsets;
            for (const auto &d : loaded.table->routes[*listener.route].destinations) {
                const Cluster &cluster = loaded.table->clusters[d.cluster];
                subsets += (subsets.empty() ? "" : ", ") +
                           (cluster.subset.empty() ? cluster.host : "subset " + cluster.subset);
            }
            const auto colon = status.address.rfind(':');
            std::cout << "  nc " << status.address.substr(0, colon) << " " << status.address.substr(colon + 1)
                      << "    greets you from a pod of " << subsets << ", then echoes every line\n";
        }
        std::cout << "Press Ctrl+C to stop." << std::endl;
    }

    asio::steady_timer tick(io);
    std::uint64_t lastLogSeq = 0;
    int ticks = 0;

    const auto reapply = [&](const char *why) {
        Loaded next = load(options);
        if (next.errors) {
            printDiagnostics(std::cerr, next.diagnostics, false);
            std::cerr << "meshroute: " << why << ": the new configuration has errors; keeping the running one"
                      << std::endl;
            return;
        }
        printProblems(next.diagnostics, !options.demo);
        const proxy::ApplyResult applied = engine.apply(next.table);
        printListeners(applied, *next.table, announced);
        std::cout << "applied configuration (" << why << ", generation " << applied.generation << ")"
                  << std::endl;
    };

    std::function<void()> waitSignal = [&] {
        signals.async_wait([&](const boost::system::error_code &ec, int signal) {
            if (ec)
                return;
            if (signal == SIGHUP) {
                if (auto now = look())
                    watched = std::move(*now);
                reapply("SIGHUP");
                waitSignal();
                return;
            }
            std::cout << "draining connections..." << std::endl;
            tick.cancel();
            engine.stop(std::chrono::seconds(5));
            io.stop();
        });
    };
    std::function<void()> waitTick = [&] {
        tick.expires_after(std::chrono::milliseconds(200));
        tick.async_wait([&](const boost::system::error_code &ec) {
            if (ec)
                return;
            if (options.logPods) {
                for (const auto &line : engine.podLog({}, lastLogSeq)) {
                    std::cout << "[" << line.pod << "] " << line.text << '\n';
                    lastLogSeq = line.seq;
                }
                std::cout.flush();
            }
            if (++ticks % 5 == 0) { // files: once a second
                std::optional<Fingerprint> now = look();
                if (now && *now != watched) {
                    watched = std::move(*now); // before reading, as above
                    reapply("files changed");
                }
            }
            waitTick();
        });
    };
    waitSignal();
    waitTick();
    io.run();
    engine.stop(std::chrono::seconds(5));
    return 0;
}

void addRunOptions(CLI::App &command, ProxyOptions &options)
{
    command.add_option("--bind", options.bind, "Address to listen on (loopback unless you ask otherwise)")
        ->capture_default_str();
    command.add_option("--port-offset", options.portOffset, "Add N to every gateway port, for busy machines")
        ->capture_default_str();
    command.add_option(
        "--admin", options.admin,
        "Serve /stats and /stats/prometheus on ADDR:PORT (loopback only), e.g. 127.0.0.1:15000");
    command.add_flag("--print-scrape-config", options.printScrapeConfig,
                     "Print a prometheus.yml scrape job for the --admin address, then exit");
    command.add_flag("--log-pods", options.logPods, "Print the demo pods' logs as they are written");
    command.add_option("--threads", options.threads, "Engine threads (0: one per CPU this process may use)")
        ->capture_default_str();
    command.add_flag("--no-pin-threads", options.noPinThreads,
                     "Let the scheduler place the engine threads (by default each is pinned to its own CPU "
                     "when there are as many CPUs as threads)");
    command
        .add_option("--busy-poll", options.busyPollMicros,
                    "Microseconds an engine thread keeps polling after work before it sleeps; it yields "
                    "the CPU to anyone who needs it (0: sleep at once)")
        ->capture_default_str();
}

} // namespace

void addProxyCommands(CLI::App &app, int &exitCode)
{
    auto proxyOptions = std::make_shared<ProxyOptions>();
    CLI::App *proxyCommand = app.add_subcommand(
        "proxy",
        "Run the routing on the local gateway (exit 1: configuration errors or no listener could start)");
    proxyCommand->add_option(
        "paths", proxyOptions->input.paths,
        "YAML files or folders (every .yaml/.yml inside; required unless --print-scrape-config)");
    proxyCommand
        ->add_option("-n,--namespace", proxyOptions->input.defaultNamespace,
                     "Namespace of resources that do not name one")
        ->capture_default_str();
    proxyCommand
        ->add_option("--gateway-labels", proxyOptions->gatewayLabels,
                     "Labels of the local gateway workload, k=v[,k=v...]")
        ->capture_default_str();
    proxyCommand
        ->add_option("--gateway-api-gateways", proxyOptions->gatewayApiGateways,
                     "Gateway API Gateways (of Istio's class) the local gateway also plays: all, none, or "
                     "[namespace/]name[,...]")
        ->capture_default_str();
    addTargetOption(*proxyCommand, proxyOptions->target);
    addRunOptions(*proxyCommand, *proxyOptions);
    proxyCommand->footer(
        "Prometheus: with --admin 127.0.0.1:15000 this scrape job reads the metrics (Istio's\n"
        "names and labels; in Istio's Grafana dashboards pick reporter \"source\"):\n\n" +
        proxy::scrapeConfig("127.0.0.1:15000"));
    proxyCommand->callback([proxyOptions, &exitCode] {
        if (proxyOptions->input.paths.empty() && !proxyOptions->printScrapeConfig)
            throw CLI::RequiredError("paths");
        exitCode = run(*proxyOptions);
    });

    auto demoOptions = std::make_shared<ProxyOptions>();
    demoOptions->demo = true;
    CLI::App *demo = app.add_subcommand("demo", "Run the tutorial's tcp-echo demo: nc 127.0.0.1 31400");
    addTargetOption(*demo, demoOptions->target);
    addRunOptions(*demo, *demoOptions);
    demo->add_flag(
        "--gateway-api", demoOptions->gatewayApiSample,
        "The tutorial written with the Kubernetes Gateway API (Gateway, TCPRoutes, one Service per "
        "version)");
    demo->callback([demoOptions, &exitCode] {
        demoOptions->input.paths = {
            bundledDemoPath(demoOptions->gatewayApiSample ? "tcp-echo-gateway-api" : "tcp-echo")};
        exitCode = run(*demoOptions);
    });
}

} // namespace meshroute::cli
