#include "input.h"

#include "compile/compile.h"
#include "report.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <tuple>

namespace meshroute::cli {

Input readInput(const InputOptions &options)
{
    Input input;
    LoadResult loaded = loadPaths(options.paths);
    loaded.set.defaultNamespace = options.defaultNamespace;
    input.set = std::move(loaded.set);
    input.readFailed = loaded.readFailed;
    input.diagnostics = std::move(loaded.diagnostics);

    AnalysisOptions analysis;
    analysis.gatewayLabels = options.gatewayLabels;
    analysis.ingress = options.ingress;
    analysis.gatewayApiTarget = options.gatewayApiTarget;
    Diagnostics found = analyze(input.set, analysis);
    input.diagnostics.insert(input.diagnostics.end(), std::make_move_iterator(found.begin()),
                             std::make_move_iterator(found.end()));
    // A second plain-TCP server on a port another server already took is skipped by the gateway
    // (Istio's and ours alike), and a destination may have no address the local gateway can use;
    // only the route compiler sees these, so ask it when the rest is clean.
    if (!input.readFailed && !hasErrors(input.diagnostics)) {
        CompileOptions compileOptions;
        compileOptions.gatewayLabels = options.gatewayLabels;
        compileOptions.gatewayApiGateways = options.gatewayApiGateways;
        compileOptions.gatewayApiTarget = options.gatewayApiTarget;
        for (Diagnostic &d : compile(input.set, compileOptions).diagnostics) {
            if (d.code == codes::SkippedServer || d.code == codes::NoLocalAddress)
                input.diagnostics.push_back(std::move(d));
        }
    }
    std::stable_sort(input.diagnostics.begin(), input.diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return std::tie(a.file, a.position.line, a.position.column) <
                                std::tie(b.file, b.position.line, b.position.column);
                     });
    return input;
}

void addTargetOption(CLI::App &command, std::string &spec)
{
    command
        .add_option("--target", spec,
                    "The cluster the Gateway API resources will meet: istio=1.28|1.29|1.30|1.31, "
                    "gateway-api=vX.Y.Z (the CRD bundle installed), channel=standard|experimental, "
                    "alpha=true|false (PILOT_ENABLE_ALPHA_GATEWAY_API on istiod), comma-separated, any "
                    "left out as in the default (the tutorial's cluster). Says what that cluster "
                    "rejects (MR0025) or ignores (MR0026, MR0027, IST0176); ignored routes attach "
                    "nowhere, and the local gateway does not run them")
        ->check([](const std::string &value) { return gatewayapi::parseTarget(value).error; })
        ->capture_default_str();
}

gatewayapi::Target targetOf(const std::string &spec)
{
    return gatewayapi::parseTarget(spec).target.value_or(gatewayapi::defaultTarget());
}

void printDiagnostics(std::ostream &out, const Diagnostics &diagnostics, bool withInfo)
{
    writeText(out, diagnostics, withInfo);
}

bool parseLabels(const std::string &text, Labels &labels)
{
    labels.clear();
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string entry = text.substr(start, comma - start);
        const std::size_t eq = entry.find('=');
        if (eq == std::string::npos || eq == 0)
            return false;
        labels[entry.substr(0, eq)] = entry.substr(eq + 1);
        start = comma + 1;
    }
    return !labels.empty();
}

bool parseGatewayApiGateways(const std::string &text, const std::string &defaultNamespace,
                             std::optional<std::vector<QualifiedName>> &gateways)
{
    if (text == "all") {
        gateways.reset();
        return true;
    }
    gateways.emplace();
    if (text == "none")
        return true;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string entry = text.substr(start, comma - start);
        const std::size_t slash = entry.find('/');
        QualifiedName name = slash == std::string::npos
                                 ? QualifiedName{defaultNamespace, entry}
                                 : QualifiedName{entry.substr(0, slash), entry.substr(slash + 1)};
        if (name.ns.empty() || name.name.empty() || name.name.find('/') != std::string::npos)
            return false;
        gateways->push_back(std::move(name));
        start = comma + 1;
    }
    return true;
}

std::string bundledDemoPath(const std::string &sample)
{
    namespace fs = std::filesystem;
    const fs::path source = fs::path(MESHROUTE_SOURCE_DIR) / "resources" / "samples" / sample;
    std::error_code ec;
    if (fs::is_directory(source, ec))
        return source.string();
    return (fs::path(MESHROUTE_INSTALL_DATADIR) / "meshroute" / "samples" / sample).string();
}

} // namespace meshroute::cli
