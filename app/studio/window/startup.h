#pragma once

#include <QStringList>

class QCommandLineParser;

namespace meshroute::studio::startup {

// The bundled tutorial demo, copied (once) to a writable folder so it can be
// edited and saved: <app data>/samples/tcp-echo. Empty when it cannot be written.
QString demoFolder();
// What to open at start: the demo the first time, then the last document (when it still exists).
QStringList initialDocument();
// The program's command line: --help, --version and the paths to open.
void describeCommandLine(QCommandLineParser &parser);

} // namespace meshroute::studio::startup
