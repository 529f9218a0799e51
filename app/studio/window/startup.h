#pragma once

#include <QStringList>

class QCommandLineParser;

namespace meshroute::studio::startup {

// The bundled tutorial demo, copied (once) to a writable folder so it can be
// edited and saved: <app data>/samples/tcp-echo. Empty when it cannot be written.
QString demoFolder();
// The samples bundled in the program (resources/samples/, ":/samples"): their folder names, sorted.
QStringList sampleNames();
// Their menu titles in the UI language ("TCP echo (Istio classic API)"); the name when unknown.
QString sampleTitle(const QString &name);
// A writable copy of bundled sample `name` to open (File ▸ Open Sample), so the bundled files are
// never edited: <app data>/samples/<name>, or <name>-2, -3, ... when that folder holds anything
// but the bundled files unchanged (the person's edits are never overwritten). Empty when `name` is
// not bundled or the copy cannot be written.
QString sampleCopy(const QString &name);
// What to open at start: the demo the first time, then the last document (when it still exists).
QStringList initialDocument();
// The program's command line: --help, --version and the paths to open.
void describeCommandLine(QCommandLineParser &parser);

} // namespace meshroute::studio::startup
