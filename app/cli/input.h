#pragma once

// What every command that reads a configuration does first: load the paths,
// analyse them, and print what was found the way compilers do.

#include "analysis/analyzer.h"
#include "model/names.h"
#include "yaml/loader.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace meshroute::cli {

struct InputOptions
{
    std::vector<std::string> paths;
    std::string defaultNamespace = "default";
    Labels gatewayLabels{{"istio", "ingressgateway"}};
    install::IngressChoice ingress = install::IngressChoice::Analyze; // the target cluster's (IST0162)
    // The Gateway API Gateways the local gateway plays (CompileOptions::gatewayApiGateways).
    std::optional<std::vector<QualifiedName>> gatewayApiGateways;
    // The target cluster's Istio version and Gateway API CRDs (--target; MR0025-MR0027, IST0176):
    // analysis and the compiler read the same one.
    gatewayapi::Target gatewayApiTarget = gatewayapi::defaultTarget();
};

struct Input
{
    ResourceSet set;
    Diagnostics diagnostics; // load, analysis, the compiler's MR0018/MR0020; sorted by file, line, column
    bool readFailed = false;
};

Input readInput(const InputOptions &options);

// --target SPEC, as every command that analyses or compiles takes it: the same option, help and
// check everywhere. `spec` keeps the text (the default target's spec unless given); targetOf() reads it.
void addTargetOption(CLI::App &command, std::string &spec);
gatewayapi::Target targetOf(const std::string &spec);

// One compiler-style line per diagnostic naming its resource, then a summary ("2 errors, 1 warning")
// (report.h's text format).
void printDiagnostics(std::ostream &out, const Diagnostics &diagnostics, bool withInfo = true);

// "k=v,k2=v2" -> labels; false on a malformed entry.
bool parseLabels(const std::string &text, Labels &labels);

// "all" (absent), "none" (empty), or "[ns/]name,..." (names relative to `defaultNamespace`); false
// on a malformed entry.
bool parseGatewayApiGateways(const std::string &text, const std::string &defaultNamespace,
                             std::optional<std::vector<QualifiedName>> &gateways);

// The bundled tutorial demo: the source tree's copy when run from a build tree, else the installed one.
// `sample` names another bundled sample (resources/samples/<sample>).
std::string bundledDemoPath(const std::string &sample = "tcp-echo");

} // namespace meshroute::cli
