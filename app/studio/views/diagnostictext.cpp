#include "views/diagnostictext.h"

#include <QCoreApplication>

namespace meshroute::studio {

namespace {

// Core's substitution (one pass, so an argument containing "%2" stays as it is), on UI text.
QString substitute(const QString &pattern, const QStringList &arguments)
{
    std::vector<std::string> values;
    values.reserve(static_cast<std::size_t>(arguments.size()));
    for (const QString &argument : arguments)
        values.push_back(argument.toStdString());
    return QString::fromStdString(meshroute::substitute(pattern.toStdString(), values));
}

// The catalogue's template of `id` in the UI language (the templates are marked for lupdate in
// core/model/message.cpp, under kMessageContext); null when the id is unknown.
QString translatedTemplate(const std::string &id)
{
    const char *pattern = messageTemplate(id);
    return pattern ? QCoreApplication::translate(kMessageContext, pattern) : QString();
}

// One argument in the UI language: a fragment translated by its id, anything else as written.
QString argumentText(const MessageArg &arg, bool &known)
{
    if (!arg.fragment)
        return QString::fromStdString(arg.text);
    const QString pattern = translatedTemplate(arg.text);
    if (pattern.isNull()) {
        known = false;
        return QString::fromStdString(render(arg));
    }
    QStringList params;
    for (const std::string &param : arg.params)
        params << QString::fromStdString(param);
    return substitute(pattern, params);
}

} // namespace

QString messageText(const Message &message, bool *known)
{
    bool found = !message.id.empty();
    const QString pattern = found ? translatedTemplate(message.id) : QString();
    found = found && !pattern.isNull();
    QString out;
    if (found) {
        QStringList arguments;
        for (const MessageArg &arg : message.args)
            arguments << argumentText(arg, found);
        out = substitute(pattern, arguments);
    }
    if (known)
        *known = found;
    return found ? out : QString::fromStdString(render(message));
}

QString diagnosticMessage(const Diagnostic &diagnostic, bool *known)
{
    bool found = false;
    const QString out = messageText(diagnostic.asMessage(), &found);
    if (known)
        *known = found;
    return found ? out : QString::fromStdString(diagnostic.message);
}

QString engineMessage(const Message &message, bool *known)
{
    return messageText(message, known);
}

QString severityText(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QCoreApplication::translate("meshroute::studio::DiagnosticText", "error");
    case Severity::Warning:
        return QCoreApplication::translate("meshroute::studio::DiagnosticText", "warning");
    case Severity::Info:
        break;
    }
    return QCoreApplication::translate("meshroute::studio::DiagnosticText", "info");
}

QString diagnosticLine(const Diagnostic &diagnostic)
{
    QString where =
        diagnostic.file.empty() ? QStringLiteral("<input>") : QString::fromStdString(diagnostic.file);
    if (diagnostic.position.known())
        where += QStringLiteral(":%1:%2").arg(diagnostic.position.line).arg(diagnostic.position.column);
    return QStringLiteral("%1: %2: %3 [%4]")
        .arg(where, severityText(diagnostic.severity), diagnosticMessage(diagnostic),
             QString::fromStdString(diagnostic.code));
}

QStringList diagnosticTemplates()
{
    QStringList out;
    for (const MessageTemplate &t : messageTemplates())
        out << QString::fromUtf8(t.text);
    out << QStringLiteral("error") << QStringLiteral("warning") << QStringLiteral("info");
    return out;
}

} // namespace meshroute::studio
