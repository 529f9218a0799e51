#pragma once

#include <CLI/CLI.hpp>

namespace meshroute::cli {

// `meshroute validate` and `meshroute export`. Each sets exitCode when it runs.
void addConfigCommands(CLI::App &app, int &exitCode);
// `meshroute convert --to gateway-api|istio` (added by addConfigCommands).
void addConvertCommand(CLI::App &app, int &exitCode);

} // namespace meshroute::cli
