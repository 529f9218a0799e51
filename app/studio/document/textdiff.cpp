#include "document/textdiff.h"

#include <QStringList>

#include <vector>

namespace meshroute::studio {

QVector<DiffLine> diffLines(const QString &before, const QString &after)
{
    const QStringList a = before.isEmpty() ? QStringList() : before.split(QLatin1Char('\n'));
    const QStringList b = after.isEmpty() ? QStringList() : after.split(QLatin1Char('\n'));
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    const qsizetype n = a.size() - prefix - suffix;
    const qsizetype m = b.size() - prefix - suffix;

    QVector<DiffLine> result;
    for (qsizetype i = 0; i < prefix; ++i)
        result.push_back({DiffLine::Same, a[i]});
    if (n * m <= 4'000'000) {
        // Longest common subsequence over the changed middle.
        std::vector<std::vector<int>> lcs(static_cast<std::size_t>(n + 1),
                                          std::vector<int>(static_cast<std::size_t>(m + 1), 0));
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                lcs[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] =
                    a[prefix + i] == b[prefix + j]
                        ? lcs[static_cast<std::size_t>(i + 1)][static_cast<std::size_t>(j + 1)] + 1
                        : std::max(lcs[static_cast<std::size_t>(i + 1)][static_cast<std::size_t>(j)],
                                   lcs[static_cast<std::size_t>(i)][static_cast<std::size_t>(j + 1)]);
        qsizetype i = 0, j = 0;
        while (i < n && j < m) {
            if (a[prefix + i] == b[prefix + j]) {
                result.push_back({DiffLine::Same, a[prefix + i]});
                ++i;
                ++j;
            } else if (lcs[static_cast<std::size_t>(i + 1)][static_cast<std::size_t>(j)] >=
                       lcs[static_cast<std::size_t>(i)][static_cast<std::size_t>(j + 1)]) {
                result.push_back({DiffLine::Removed, a[prefix + i++]});
            } else {
                result.push_back({DiffLine::Added, b[prefix + j++]});
            }
        }
        for (; i < n; ++i)
            result.push_back({DiffLine::Removed, a[prefix + i]});
        for (; j < m; ++j)
            result.push_back({DiffLine::Added, b[prefix + j]});
    } else {
        // Too large to align: show the middle as replaced.
        for (qsizetype i = 0; i < n; ++i)
            result.push_back({DiffLine::Removed, a[prefix + i]});
        for (qsizetype j = 0; j < m; ++j)
            result.push_back({DiffLine::Added, b[prefix + j]});
    }
    for (qsizetype i = a.size() - suffix; i < a.size(); ++i)
        result.push_back({DiffLine::Same, a[i]});
    return result;
}

QString unifiedDiff(const QString &before, const QString &after, int context)
{
    if (before == after)
        return {};
    const QVector<DiffLine> lines = diffLines(before, after);
    std::vector<bool> keep(static_cast<std::size_t>(lines.size()), false);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].kind == DiffLine::Same)
            continue;
        for (qsizetype k = std::max<qsizetype>(0, i - context);
             k <= std::min<qsizetype>(lines.size() - 1, i + context); ++k)
            keep[static_cast<std::size_t>(k)] = true;
    }
    QStringList out;
    bool skipped = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!keep[static_cast<std::size_t>(i)]) {
            skipped = true;
            continue;
        }
        if (skipped) {
            out << QStringLiteral("@@ … @@");
            skipped = false;
        }
        const QChar mark = lines[i].kind == DiffLine::Same      ? QLatin1Char(' ')
                           : lines[i].kind == DiffLine::Removed ? QLatin1Char('-')
                                                                : QLatin1Char('+');
        out << mark + lines[i].text;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace meshroute::studio
