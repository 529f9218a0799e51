// bench_core: generate a configuration of N resources (default 20,000), then time
// load, validate (analysis) and export, and report peak memory. The reference, measured in
// the same run on the same bytes: a bare single-threaded yaml-cpp event parse (YAML::Parser
// with an event handler that does nothing). Targets (issue 16): the three together at most
// 0.6x the reference and under one second; peak RSS at most 150 MiB for the default input.
//
//   bench_core [N] [--keep FILE]

#include "analysis/analyzer.h"
#include "yaml/loader.h"
#include "yaml/writer.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

// One "service group" is five resources: Service, Deployment, DestinationRule,
// Gateway and VirtualService, the tutorial's shape with its own port.
std::string generate(int resources)
{
    std::ostringstream out;
    const int groups = resources / 5;
    for (int i = 0; i < groups; ++i) {
        const std::string n = "svc-" + std::to_string(i);
        const int port = 20000 + i % 40000;
        out << "apiVersion: v1\nkind: Service\nmetadata:\n  name: " << n << "\n  namespace: bench\nspec:\n"
            << "  selector:\n    app: " << n
            << "\n  ports:\n  - name: tcp\n    port: 3333\n    targetPort: 3333\n"
            << "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " << n
            << "-v1\n  namespace: bench\n"
            << "spec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: " << n << "\n  template:\n"
            << "    metadata:\n      labels:\n        app: " << n << "\n        version: v1\n    spec:\n"
            << "      containers:\n      - name: echo\n        image: echo\n        ports:\n"
            << "        - containerPort: 3333\n"
            << "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: " << n
            << "\n  namespace: bench\nspec:\n  host: " << n << "\n  trafficPolicy:\n    loadBalancer:\n"
            << "      simple: ROUND_ROBIN\n  subsets:\n  - name: v1\n    labels:\n      version: v1\n"
            << "---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: " << n
            << "-gw\n  namespace: bench\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n"
            << "  - port:\n      number: " << port << "\n      name: tcp\n      protocol: TCP\n    hosts:\n"
            << "    - \"*\"\n"
            << "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: " << n
            << "\n  namespace: bench\nspec:\n  hosts:\n  - \"*\"\n  gateways:\n  - " << n << "-gw\n  tcp:\n"
            << "  - match:\n    - port: " << port << "\n    route:\n    - destination:\n        host: " << n
            << "\n        subset: v1\n        port:\n          number: 3333\n      weight: 100\n---\n";
    }
    return out.str();
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Receives yaml-cpp's parse events and does nothing with them: what parsing alone costs.
class NullHandler : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark &) override { ++documents; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {}
    void OnMapEnd() override {}
    std::size_t documents = 0;
};

// The reference: one thread, yaml-cpp's scanner and parser, no nodes built. Returns seconds.
double eventParse(const std::string &text, std::size_t &documents)
{
    const auto start = std::chrono::steady_clock::now();
    std::istringstream in(text);
    YAML::Parser parser(in);
    NullHandler handler;
    while (parser.HandleNextDocument(handler)) {
    }
    documents = handler.documents;
    return secondsSince(start);
}

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    int resources = 20000;
    std::string keep;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--keep" && i + 1 < argc)
            keep = argv[++i];
        else
            resources = std::atoi(argv[i]);
    }
    if (resources < 5) {
        std::fprintf(stderr, "usage: bench_core [N>=5] [--keep FILE]\n");
        return 2;
    }

    const std::string text = generate(resources);
    const std::filesystem::path file = keep.empty()
                                           ? std::filesystem::temp_directory_path() / "meshroute-bench.yaml"
                                           : std::filesystem::path(keep);
    std::ofstream(file, std::ios::binary) << text;
    const long baseline = peakRssKiB();

    // The reference first: the best of three, so that a cold cache does not flatter the ratio.
    std::size_t referenceDocuments = 0;
    double reference = eventParse(text, referenceDocuments);
    for (int i = 0; i < 2; ++i)
        reference = std::min(reference, eventParse(text, referenceDocuments));

    auto start = std::chrono::steady_clock::now();
    meshroute::LoadResult loaded = meshroute::loadPaths({file.string()});
    const double load = secondsSince(start);

    start = std::chrono::steady_clock::now();
    const meshroute::Diagnostics found = meshroute::analyze(loaded.set);
    const double validate = secondsSince(start);

    start = std::chrono::steady_clock::now();
    const std::string exported = meshroute::exportForKubectl(loaded.set);
    const double exportTime = secondsSince(start);

    if (keep.empty())
        std::filesystem::remove(file);

    const double total = load + validate + exportTime;
    const double ratio = total / reference;
    const double peak = static_cast<double>(peakRssKiB()) / 1024;
    std::printf("meshroute core benchmark: %zu resources, %.1f MiB of YAML\n", loaded.set.resources.size(),
                static_cast<double>(text.size()) / (1 << 20));
    std::printf("  reference  %8.3f s   yaml-cpp event parse, 1 thread, nothing built (%zu documents)\n",
                reference, referenceDocuments);
    std::printf("  load       %8.3f s   %5.2fx reference (%zu load diagnostics)\n", load, load / reference,
                loaded.diagnostics.size());
    std::printf("  validate   %8.3f s   %5.2fx reference (%zu analysis diagnostics)\n", validate,
                validate / reference, found.size());
    std::printf("  export     %8.3f s   %5.2fx reference (%.1f MiB)\n", exportTime, exportTime / reference,
                static_cast<double>(exported.size()) / (1 << 20));
    std::printf("  total      %8.3f s   %5.2fx reference   target <= 0.60x: %s, < 1 s: %s\n", total, ratio,
                ratio <= 0.6 ? "met" : "NOT met", total < 1.0 ? "met" : "NOT met");
    std::printf("  peak RSS   %8.1f MiB (%.1f MiB before loading)   target <= 150 MiB: %s\n", peak,
                static_cast<double>(baseline) / 1024, peak <= 150 ? "met" : "NOT met");
    return loaded.set.resources.size() == static_cast<std::size_t>(resources / 5 * 5) ? 0 : 1;
}
