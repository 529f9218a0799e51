#pragma once

// Diagnostics in the user's language. Core's messages are data (model/message.h): an id
// and arguments. The studio looks the id's template up in core's catalogue, translates it
// (the templates are marked for lupdate in core/model/message.cpp), and puts the arguments
// in, fragments translated by their ids in their turn. Nothing parses the English. An
// unknown id is shown in English, as core rendered it. Views translate when they show a
// diagnostic, so a language switch only needs a rebuild of what is shown.

#include "model/diagnostic.h"

#include <QString>
#include <QStringList>

namespace meshroute::studio {

// A message in the UI language. `known` (optional) tells whether its id (and every fragment's)
// is in the catalogue; false means the English rendering is returned.
QString messageText(const Message &message, bool *known = nullptr);

// The diagnostic's message in the UI language (messageText of its id and arguments); its
// English `message` when the id is unknown.
QString diagnosticMessage(const Diagnostic &diagnostic, bool *known = nullptr);

// What the local gateway engine says (a port it cannot listen on, and why: ids engine-*) in the
// UI language; the system's reason is translated for the usual errors and kept otherwise.
QString engineMessage(const Message &message, bool *known = nullptr);

// "error", "warning", "info" in the UI language.
QString severityText(Severity severity);

// The compiler-style line with the translated message:
//   demo.yaml:12:7: error: <message> [IST0101]
QString diagnosticLine(const Diagnostic &diagnostic);

// Every English template of the catalogue, and the severities (for tests: each must be translated).
QStringList diagnosticTemplates();

} // namespace meshroute::studio
