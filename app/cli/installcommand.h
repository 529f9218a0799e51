#pragma once

#include <CLI/CLI.hpp>

namespace meshroute::cli {

// `meshroute install-config`: the tutorial's Istio install form as an IstioOperator or Helm values,
// with the Namespace labels and the Telemetry resource (core/install/installconfig.h).
void addInstallCommand(CLI::App &app, int &exitCode);

} // namespace meshroute::cli
