#pragma once

// Diagnostics in the user's language. Core builds its messages in English, by
// concatenation, and stays free of Qt; the studio recognises each message shape
// (per code), takes the names and numbers out of it, and puts them into a
// translated template. A shape it does not know is shown in English, as written.
// Views translate when they show a diagnostic, so a language switch only needs a
// rebuild of what is shown; Document keeps core's English (fixes match on it).

#include "model/diagnostic.h"

#include <QString>
#include <QStringList>

namespace meshroute::studio {

// The message in the UI language. `known` (optional) tells whether the shape was
// recognised; false means the English message is returned unchanged.
QString diagnosticMessage(const Diagnostic &diagnostic, bool *known = nullptr);

// What the local gateway engine says (a port it cannot listen on, and why) in the UI language,
// the same way; the system's reason is translated for the usual errors and kept otherwise.
QString engineMessage(const QString &english, bool *known = nullptr);

// "error", "warning", "info" in the UI language.
QString severityText(Severity severity);

// The compiler-style line with the translated message:
//   demo.yaml:12:7: error: <message> [IST0101]
QString diagnosticLine(const Diagnostic &diagnostic);

// Every English template the translator knows (for tests: each must be translated).
QStringList diagnosticTemplates();

} // namespace meshroute::studio
