#pragma once

#include <QString>
#include <QVector>

namespace meshroute::studio {

// A line diff for the export preview: what writing `after` over `before` changes.
struct DiffLine
{
    enum Kind { Same, Removed, Added } kind = Same;
    QString text;
};

QVector<DiffLine> diffLines(const QString &before, const QString &after);
// Unified-style text with `context` unchanged lines around each change; empty when equal.
QString unifiedDiff(const QString &before, const QString &after, int context = 3);

} // namespace meshroute::studio
