#include "configcommands.h"

#include "gatewayapi/convert.h"
#include "gatewayapi/translate.h"

#include "input.h"
#include "install/ingressgateway.h"
#include "report.h"
#include "support/atomicfile.h"
#include "yaml/writer.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <tuple>

namespace meshroute::cli {
namespace {

struct CommonOptions
{
    InputOptions input;
    std::string gatewayLabels = "istio=ingressgateway";
    std::string ingress = "analyze";
    std::string target = gatewayapi::defaultTarget().spec();
};

// A CLI11 validator for a name list: "" when `value` is one, else a sentence saying what is.
template <typename Named>
std::function<std::string(const std::string &)> oneOf(Named named, const char *what, const char *names)
{
    return [named, what, names](const std::string &value) -> std::string {
        if (named(value))
            return {};
        return "\"" + value + "\" is not " + std::string(what) + ": use " + names;
    };
}

void addInputOptions(CLI::App &command, CommonOptions &options)
{
    command
        .add_option("paths", options.input.paths,
                    "YAML files or folders (every .yaml/.yml inside); - for stdin")
        ->required();
    command
        .add_option("-n,--namespace", options.input.defaultNamespace,
                    "Namespace of resources that do not name one")
        ->capture_default_str();
    command
        .add_option("--gateway-labels", options.gatewayLabels,
                    "Labels of the ingress gateway workload, k=v[,k=v...]")
        ->capture_default_str();
    command
        .add_option(
            "--ingress", options.ingress,
            "The target cluster's ingress gateway Service, which IST0162 checks the Gateway ports "
            "against: analyze (what istioctl analyze assumes offline: 80, 443, 31400, 15443), default "
            "(Istio's default profile: 15021, 80, 443), demo (the demo profile: also 31400, 15443), "
            "helm (the gateway Helm chart's defaults: 15021, 80, 443) or files (the "
            "istio-ingressgateway Service in PATH, e.g. a kubectl get svc -o yaml dump; chosen "
            "whenever PATH holds it)")
        ->check(oneOf([](const std::string &v) { return install::ingressChoiceNamed(v).has_value(); },
                      "an ingress gateway choice", "analyze, default, demo, helm or files"))
        ->capture_default_str();
    addTargetOption(command, options.target);
}

// Exit codes shared by the commands: 0 fine, 1 the input has errors, 2 unreadable input or bad usage.
int prepare(CommonOptions &options, Input &input)
{
    if (!parseLabels(options.gatewayLabels, options.input.gatewayLabels)) {
        std::cerr << "meshroute: --gateway-labels \"" << options.gatewayLabels
                  << "\" is not a list of key=value pairs\n";
        return 2;
    }
    options.input.ingress =
        install::ingressChoiceNamed(options.ingress).value_or(install::IngressChoice::Analyze);
    options.input.gatewayApiTarget = targetOf(options.target);
    input = readInput(options.input);
    return input.readFailed ? 2 : 0;
}

} // namespace

void addConfigCommands(CLI::App &app, int &exitCode)
{
    auto validateOptions = std::make_shared<CommonOptions>();
    auto quiet = std::make_shared<bool>(false);
    auto format = std::make_shared<std::string>("text");
    auto status = std::make_shared<bool>(false);
    CLI::App *validate = app.add_subcommand(
        "validate",
        "Check configurations and print diagnostics (exit 0: no error, 1: errors, 2: unreadable)");
    addInputOptions(*validate, *validateOptions);
    validate->add_flag("-q,--quiet", *quiet, "Leave out info-level diagnostics");
    validate->add_option("-o,--output-format", *format, "Print diagnostics as text, json, yaml or sarif")
        ->check(CLI::IsMember({"text", "json", "yaml", "sarif"}))
        ->capture_default_str();
    validate->add_flag("--status", *status,
                       "Print the status Istio would write into every Gateway API resource, as YAML "
                       "(the diagnostics then go to standard error)");
    validate->callback([validateOptions, quiet, format, status, &exitCode] {
        const ReportFormat reportFormat = reportFormatNamed(*format).value_or(ReportFormat::Text);
        Input input;
        const int prepared = prepare(*validateOptions, input);
        // Unusable options, or input with nothing to say about it: nothing on standard output in any
        // format (an empty report would read as "no problem"); the reason went to standard error.
        if (prepared == 2 && input.diagnostics.empty()) {
            exitCode = 2;
            return;
        }
        // The Gateway API's verdicts are among the diagnostics (analysis); --status prints them as the
        // status Istio would write.
        if (*status) {
            gatewayapi::Options translation;
            translation.target = validateOptions->input.gatewayApiTarget;
            std::cout << gatewayapi::statusYaml(input.set, gatewayapi::translate(input.set, translation));
            writeReport(std::cerr, reportFormat, input.diagnostics, !*quiet, MESHROUTE_VERSION);
        } else {
            writeReport(std::cout, reportFormat, input.diagnostics, !*quiet, MESHROUTE_VERSION);
        }
        std::cout.flush();
        exitCode = prepared == 2 || !std::cout ? 2 : (hasErrors(input.diagnostics) ? 1 : 0);
    });

    auto exportOptions = std::make_shared<CommonOptions>();
    auto output = std::make_shared<std::string>();
    auto apiVersion = std::make_shared<std::string>();
    auto patchForm = std::make_shared<std::string>();
    auto patchOutput = std::make_shared<std::string>();
    CLI::App *exporter = app.add_subcommand(
        "export", "Write a kubectl-ready multi-document YAML stream (refused when the input has errors)");
    addInputOptions(*exporter, *exportOptions);
    exporter->add_option("-o,--output", *output, "Write to FILE (atomically) instead of standard output");
    exporter
        ->add_option("--api-version", *apiVersion, "Convert Istio resources to networking.istio.io/VERSION")
        ->check(CLI::IsMember({"v1", "v1beta1", "v1alpha3"}));
    exporter
        ->add_option(
            "--ingress-patch", *patchForm,
            "Also write what the ingress gateway Service (--ingress) needs so that every Gateway port "
            "is reachable: operator (an IstioOperator overlay for istioctl install -f), helm (values "
            "for the gateway Helm chart) or service (a merge patch for kubectl patch svc --type "
            "merge --patch-file). Written beside the export: -o out.yaml gives "
            "out.ingress-FORM.yaml; or to --ingress-patch-output FILE")
        ->check(oneOf([](const std::string &v) { return install::patchFormNamed(v).has_value(); },
                      "an ingress patch form", "operator, helm or service"));
    exporter->add_option(
        "--ingress-patch-output", *patchOutput,
        "Write the --ingress-patch to FILE (needed when the export goes to standard output)");
    exporter->callback([exportOptions, output, apiVersion, patchForm, patchOutput, &exitCode] {
        std::string patchPath = *patchOutput;
        if (!patchForm->empty() && patchPath.empty()) {
            if (output->empty()) {
                std::cerr << "meshroute: --ingress-patch needs -o FILE (the patch is written beside it) or "
                             "--ingress-patch-output FILE\n";
                exitCode = 2;
                return;
            }
            std::filesystem::path beside(*output);
            const std::string extension = beside.extension().string();
            const std::string stem = extension == ".yaml" || extension == ".yml" ? beside.stem().string()
                                                                                 : beside.filename().string();
            patchPath = (beside.parent_path() / (stem + ".ingress-" + *patchForm + ".yaml")).string();
        }
        Input input;
        const int prepared = prepare(*exportOptions, input);
        if (prepared == 2 || hasErrors(input.diagnostics)) {
            printDiagnostics(std::cerr, input.diagnostics);
            std::cerr << "meshroute: nothing exported: "
                      << (prepared == 2 ? "the input could not be read" : "fix the errors above first")
                      << '\n';
            exitCode = prepared == 2 ? 2 : 1;
            return;
        }
        ExportOptions options;
        if (!apiVersion->empty())
            options.istioApiVersion = *apiVersion;
        const std::string stream = exportForKubectl(input.set, options);
        std::string error;
        if (output->empty()) {
            std::cout << stream;
            std::cout.flush();
            if (!std::cout) {
                exitCode = 2;
                return;
            }
        } else if (!writeFileAtomically(*output, stream, error)) {
            std::cerr << "meshroute: " << error << '\n';
            exitCode = 2;
            return;
        }
        if (!patchForm->empty()) {
            const install::PatchForm form = *install::patchFormNamed(*patchForm);
            const install::IngressGateway ingress = install::resolveIngress(
                input.set, exportOptions->input.ingress, exportOptions->input.gatewayLabels);
            const std::string patch =
                install::ingressPatch(form, ingress, install::ingressServicePorts(input.set, ingress));
            if (!writeFileAtomically(patchPath, patch, error)) {
                std::cerr << "meshroute: " << error << '\n';
                exitCode = 2;
                return;
            }
            std::cerr << "meshroute: ingress gateway " << *patchForm << " patch (for "
                      << install::ingressChoiceName(ingress.choice) << ") written to " << patchPath
                      << "; apply: " << install::applyCommand(form, ingress, patchPath) << '\n';
        }
        exitCode = 0;
    });

    addConvertCommand(app, exitCode);
}

void addConvertCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<CommonOptions>();
    auto to = std::make_shared<std::string>();
    auto output = std::make_shared<std::string>();
    auto routeVersions = std::make_shared<std::string>(); // empty: as the target reads them
    CLI::App *convert = app.add_subcommand(
        "convert",
        "Convert TCP/TLS routing between Istio's classic API and the Kubernetes Gateway API, as resources "
        "to apply (what the target cannot say is reported on standard error; exit 1 when the input has "
        "errors, 2 when unreadable)");
    addInputOptions(*convert, *options);
    convert
        ->add_option("--to", *to,
                     "gateway-api: classic Gateways, VirtualServices and subsets become Gateways, "
                     "TCPRoutes/TLSRoutes and per-version Services; istio: the reverse")
        ->required()
        ->check(CLI::IsMember({"gateway-api", "istio"}));
    convert->add_option("-o,--output", *output, "Write to FILE (atomically) instead of standard output");
    convert
        ->add_option("--route-versions", *routeVersions,
                     "apiVersions of the routes written: istio-1.30 (Gateway API v1.5.1 experimental, what "
                     "Istio 1.30 reads: TCPRoute v1alpha2, TLSRoute v1) or v1.6-standard (TCPRoute v1, "
                     "TLSRoute v1). Default: what the --target cluster reads (v1.6-standard where its "
                     "Istio reads TCPRoute v1, i.e. Istio 1.31 with the v1.6 CRDs; else istio-1.30)")
        ->check(CLI::IsMember({"istio-1.30", "v1.6-standard"}));
    convert->callback([options, to, output, routeVersions, &exitCode] {
        Input input;
        const int prepared = prepare(*options, input);
        if (prepared == 2 || hasErrors(input.diagnostics)) {
            printDiagnostics(std::cerr, input.diagnostics);
            std::cerr << "meshroute: nothing converted: "
                      << (prepared == 2 ? "the input could not be read" : "fix the errors above first")
                      << '\n';
            exitCode = prepared == 2 ? 2 : 1;
            return;
        }
        gatewayapi::ConvertOptions convertOptions;
        convertOptions.gatewayLabels = options->input.gatewayLabels;
        convertOptions.versions =
            routeVersions->empty() ? gatewayapi::routeVersionsFor(options->input.gatewayApiTarget)
            : *routeVersions == "v1.6-standard" ? gatewayapi::RouteApiVersions::Standard16
                                                : gatewayapi::RouteApiVersions::Istio130;
        const gatewayapi::Conversion converted = *to == "istio"
                                                     ? gatewayapi::toIstio(input.set, convertOptions)
                                                     : gatewayapi::toGatewayApi(input.set, convertOptions);
        Diagnostics diagnostics = converted.diagnostics;
        std::stable_sort(diagnostics.begin(), diagnostics.end(),
                         [](const Diagnostic &a, const Diagnostic &b) {
                             return std::tie(a.file, a.position.line, a.position.column) <
                                    std::tie(b.file, b.position.line, b.position.column);
                         });
        if (!diagnostics.empty())
            printDiagnostics(std::cerr, diagnostics);
        const std::string stream = converted.yaml();
        std::string error;
        if (output->empty()) {
            std::cout << stream;
            std::cout.flush();
            if (!std::cout) {
                exitCode = 2;
                return;
            }
        } else if (!writeFileAtomically(*output, stream, error)) {
            std::cerr << "meshroute: " << error << '\n';
            exitCode = 2;
            return;
        }
        exitCode = 0;
    });
}

} // namespace meshroute::cli
