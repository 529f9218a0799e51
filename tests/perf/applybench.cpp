// meshroute_applybench: how long the local gateway takes to take a new configuration,
// for the benchmark's "apply 1,000 routes" figure (tests/perf/run-benchmark.sh).
//
//   meshroute_applybench A.yaml B.yaml [--applies 100]
//
// Loads, analyses and compiles both configurations (as `meshroute proxy` does on SIGHUP),
// starts an engine on A, then alternates Engine::apply(B), Engine::apply(A), ... and
// prints one JSON line: the median and maximum of each stage, in milliseconds.

#include "analysis/analyzer.h"
#include "compile/compile.h"
#include "engine/engine.h"
#include "yaml/loader.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

double maximum(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

struct Stages
{
    std::vector<double> load, analyze, compile;
};

// Does what `meshroute proxy` does before it applies; false (and a message) on errors.
std::shared_ptr<const meshroute::RouteTable> prepare(const std::string &path, Stages &stages)
{
    auto start = Clock::now();
    meshroute::LoadResult loaded = meshroute::loadPaths({path});
    loaded.set.defaultNamespace = "default";
    stages.load.push_back(millisecondsSince(start));
    start = Clock::now();
    const meshroute::Diagnostics found = meshroute::analyze(loaded.set);
    stages.analyze.push_back(millisecondsSince(start));
    start = Clock::now();
    meshroute::CompileResult compiled = meshroute::compile(loaded.set);
    stages.compile.push_back(millisecondsSince(start));
    const meshroute::Diagnostics *lists[] = {&loaded.diagnostics, &found, &compiled.diagnostics};
    for (const auto *diagnostics : lists) {
        if (meshroute::hasErrors(*diagnostics)) {
            for (const auto &d : *diagnostics)
                std::fprintf(stderr, "%s\n", d.format().c_str());
            return nullptr;
        }
    }
    if (loaded.readFailed)
        return nullptr;
    return compiled.table;
}

} // namespace

int main(int argc, char **argv)
{
    CLI::App app{
        "meshroute_applybench: time load, analysis, compilation and Engine::apply of a configuration"};
    std::string first;
    std::string second;
    int applies = 100;
    app.add_option("first", first, "configuration the engine starts on")->required();
    app.add_option("second", second, "configuration alternated with the first")->required();
    app.add_option("--applies", applies, "number of applies")->check(CLI::Range(1, 10000));
    CLI11_PARSE(app, argc, argv);

    Stages stages;
    auto tableA = prepare(first, stages);
    auto tableB = prepare(second, stages);
    if (!tableA || !tableB)
        return 1;
    // A few more rounds of the preparation, so its figures are medians too.
    for (int i = 0; i < 4; ++i) {
        prepare(first, stages);
        prepare(second, stages);
    }

    meshroute::proxy::Engine engine;
    const auto started = engine.start(tableA);
    if (!started.ok()) {
        for (const auto &error : started.errors)
            std::fprintf(stderr, "meshroute_applybench: %s\n", error.c_str());
        engine.stop(std::chrono::milliseconds(0));
        return 1;
    }
    std::vector<double> applyTimes;
    std::size_t failures = 0;
    for (int i = 0; i < applies; ++i) {
        const auto start = Clock::now();
        const auto result = engine.apply(i % 2 == 0 ? tableB : tableA);
        applyTimes.push_back(millisecondsSince(start));
        if (!result.ok())
            ++failures;
    }
    engine.stop(std::chrono::milliseconds(0));

    const double endToEnd =
        median(stages.load) + median(stages.analyze) + median(stages.compile) + median(applyTimes);
    std::printf("{\"routes\":%zu,\"applies\":%d,\"apply_failures\":%zu,\"median_ms\":%.3f,\"max_ms\":%.3f,"
                "\"load_ms\":%.3f,\"analyze_ms\":%.3f,\"compile_ms\":%.3f,\"reload_ms\":%.3f}\n",
                tableA->routes.size(), applies, failures, median(applyTimes), maximum(applyTimes),
                median(stages.load), median(stages.analyze), median(stages.compile), endToEnd);
    return failures == 0 ? 0 : 1;
}
