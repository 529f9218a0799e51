// bench_core: generate a configuration of N resources (default 20,000), then time
// load, validate (analysis) and export, and report peak memory. Target: the three
// together under one second on the reference machine (2 cores).
//
//   bench_core [N] [--keep FILE]

#include "analysis/analyzer.h"
#include "yaml/loader.h"
#include "yaml/writer.h"

#include <sys/resource.h>

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
            << "  selector:\n    app: " << n << "\n  ports:\n  - name: tcp\n    port: 3333\n    targetPort: 3333\n"
            << "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " << n << "-v1\n  namespace: bench\n"
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
    const std::filesystem::path file =
        keep.empty() ? std::filesystem::temp_directory_path() / "meshroute-bench.yaml" : std::filesystem::path(keep);
    std::ofstream(file, std::ios::binary) << text;
    const long baseline = peakRssKiB();

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

    std::printf("meshroute core benchmark: %zu resources, %.1f MiB of YAML\n", loaded.set.resources.size(),
                static_cast<double>(text.size()) / (1 << 20));
    std::printf("  load      %8.3f s   (%zu load diagnostics)\n", load, loaded.diagnostics.size());
    std::printf("  validate  %8.3f s   (%zu analysis diagnostics)\n", validate, found.size());
    std::printf("  export    %8.3f s   (%.1f MiB)\n", exportTime, static_cast<double>(exported.size()) / (1 << 20));
    std::printf("  total     %8.3f s   target < 1 s: %s\n", load + validate + exportTime,
                load + validate + exportTime < 1.0 ? "met" : "NOT met");
    std::printf("  peak RSS  %8.1f MiB (%.1f MiB before loading)\n", static_cast<double>(peakRssKiB()) / 1024,
                static_cast<double>(baseline) / 1024);
    return loaded.set.resources.size() == static_cast<std::size_t>(resources / 5 * 5) ? 0 : 1;
}
