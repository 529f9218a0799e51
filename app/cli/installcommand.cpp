#include "installcommand.h"

#include "input.h"
#include "install/installconfig.h"
#include "support/atomicfile.h"

#include <iostream>
#include <memory>

namespace meshroute::cli {
namespace {

struct InstallCommandOptions
{
    std::vector<std::string> paths;
    install::InstallOptions install;
    std::string injection = "labels";
    std::string addons;
    std::string format = "operator";
    std::string output;
    std::string target = gatewayapi::defaultTarget().spec(); // what the input is checked against
};

const char *severityWord(Severity severity)
{
    return severity == Severity::Error ? "error" : "warning";
}

int run(InstallCommandOptions &options)
{
    install::InstallOptions &install = options.install;
    install.injection = options.injection == "default" ? install::Injection::Default
                        : options.injection == "off"   ? install::Injection::Off
                                                       : install::Injection::Labels;
    install.format = options.format == "helm" ? install::Format::Helm : install::Format::Operator;
    install.addons.clear();
    if (!options.addons.empty()) {
        std::size_t start = 0;
        while (start <= options.addons.size()) {
            const std::size_t comma = std::min(options.addons.find(',', start), options.addons.size());
            install.addons.push_back(options.addons.substr(start, comma - start));
            start = comma + 1;
        }
    }
    const std::vector<install::OptionProblem> problems = install::validate(install);
    for (const install::OptionProblem &p : problems)
        std::cerr << "meshroute: " << severityWord(p.severity) << ": " << render(p.message) << '\n';
    if (install::hasErrors(problems)) {
        std::cerr << "meshroute: nothing written: fix the options above first\n";
        return 2;
    }

    std::vector<std::string> namespaces;
    if (!options.paths.empty()) {
        InputOptions inputOptions;
        inputOptions.paths = options.paths;
        inputOptions.gatewayApiTarget = targetOf(options.target);
        Input input = readInput(inputOptions);
        if (input.readFailed || hasErrors(input.diagnostics)) {
            printDiagnostics(std::cerr, input.diagnostics);
            std::cerr << "meshroute: nothing written: "
                      << (input.readFailed ? "the input could not be read" : "fix the errors above first")
                      << '\n';
            return input.readFailed ? 2 : 1;
        }
        namespaces = install::documentNamespaces(input.set, install.istioNamespace);
        install.ingressPorts = install::ingressPortsToInstall(input.set, install.format);
    }

    const std::string text = install::render(install::buildInstallConfig(install, namespaces));
    if (options.output.empty()) {
        std::cout << text;
        std::cout.flush();
        return std::cout ? 0 : 2;
    }
    std::string error;
    if (!writeFileAtomically(options.output, text, error)) {
        std::cerr << "meshroute: " << error << '\n';
        return 2;
    }
    return 0;
}

} // namespace

void addInstallCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<InstallCommandOptions>();
    CLI::App *command = app.add_subcommand(
        "install-config",
        "Write the Istio install options the routing needs: an IstioOperator (istioctl install -f) or Helm "
        "values, "
        "with the Namespace labels and the Telemetry resource (exit 2: bad options or unreadable input)");
    command->add_option(
        "paths", options->paths,
        "The routing it goes with: YAML files or folders; - for stdin (its namespaces get the "
        "injection label)");
    addTargetOption(*command, options->target);
    command->add_option("--namespace", options->install.istioNamespace, "Namespace Istio is installed in")
        ->capture_default_str();
    command
        ->add_option("--release", options->install.release,
                     "IstioOperator name (Helm: the istiod release, NAME-base the base chart's)")
        ->capture_default_str();
    command
        ->add_option(
            "--injection", options->injection,
            "Sidecar injection: labels (istio-injection=enabled on the document's namespaces), default "
            "(every namespace), off")
        ->check(CLI::IsMember({"labels", "default", "off"}))
        ->capture_default_str();
    command->add_option(
        "--tracing-endpoint", options->install.tracingEndpoint,
        "Trace to a Zipkin-compatible HOST:PORT (meshConfig.extensionProviders, a Telemetry)");
    command->add_option("--sampling", options->install.samplingPercent, "Trace sampling percentage, 0-100")
        ->capture_default_str();
    command->add_option(
        "--include-ip-ranges", options->install.includeIPRanges,
        "Outbound CIDRs the sidecars intercept, comma-separated (* for all; Istio's default)");
    command->add_option("--exclude-ip-ranges", options->install.excludeIPRanges,
                        "Outbound CIDRs the sidecars bypass, comma-separated (bypass wins over intercept)");
    command->add_option(
        "--addons", options->addons,
        "prometheus,grafana,kiali: not installed by Istio; the output says how (samples/addons/)");
    command->add_option("--format", options->format, "operator (IstioOperator) or helm (chart values)")
        ->check(CLI::IsMember({"operator", "helm"}))
        ->capture_default_str();
    command->add_option("-o,--output", options->output,
                        "Write to FILE (atomically) instead of standard output");
    command->callback([options, &exitCode] { exitCode = run(*options); });
}

} // namespace meshroute::cli
