// meshroute: validate, export and run Istio TCP routing from the command line.

#include "configcommands.h"
#include "installcommand.h"
#include "proxycommands.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char **argv)
{
    CLI::App app{"Meshroute: check, export and run Istio ingress routing of TCP traffic", "meshroute"};
    app.set_version_flag("--version", "meshroute " MESHROUTE_VERSION);
    app.require_subcommand(1);
    app.footer("Exit status: 0 success, 1 the configuration has errors, 2 unreadable input or bad usage.\n"
               "Example: meshroute validate resources/samples/tcp-echo");

    int exitCode = 0;
    meshroute::cli::addConfigCommands(app, exitCode);
    meshroute::cli::addInstallCommand(app, exitCode);
    meshroute::cli::addProxyCommands(app, exitCode);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        const int helpOrVersion = app.exit(e); // prints help/version, or the usage error
        return e.get_exit_code() == 0 ? helpOrVersion : 2;
    }
    return exitCode;
}
