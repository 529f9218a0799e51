#include "model/diagnostic.h"

#include <algorithm>

namespace meshroute {

const char *severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return "info";
    case Severity::Warning:
        return "warning";
    case Severity::Error:
        return "error";
    }
    return "error";
}

std::string ResourceRef::display() const
{
    if (kind.empty())
        return {};
    if (ns.empty())
        return kind + " " + name;
    return kind + " " + ns + "/" + name;
}

Diagnostic makeDiagnostic(Severity severity, const char *code, Message message, std::string file,
                          Position position, ResourceRef resource)
{
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.message = render(message);
    d.file = std::move(file);
    d.position = position;
    d.resource = std::move(resource);
    d.messageId = std::move(message.id);
    d.args = std::move(message.args);
    return d;
}

std::string Diagnostic::format() const
{
    std::string out = file.empty() ? std::string("<input>") : file;
    if (position.known()) {
        out += ':' + std::to_string(position.line);
        if (position.column > 0)
            out += ':' + std::to_string(position.column);
    }
    out += ": ";
    out += severityName(severity);
    out += ": ";
    out += message;
    if (!code.empty())
        out += " [" + code + "]";
    return out;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

int count(const Diagnostics &diagnostics, Severity severity)
{
    return static_cast<int>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [severity](const Diagnostic &d) { return d.severity == severity; }));
}

} // namespace meshroute
