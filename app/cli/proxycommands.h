#pragma once

#include <CLI/CLI.hpp>

namespace meshroute::cli {

// `meshroute proxy` and `meshroute demo`: run the routing on the local gateway.
// Each sets exitCode when it runs.
void addProxyCommands(CLI::App &app, int &exitCode);

} // namespace meshroute::cli
