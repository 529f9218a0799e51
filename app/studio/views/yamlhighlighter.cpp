#include "views/yamlhighlighter.h"

#include <QRegularExpression>

namespace meshroute::studio {

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setDarkTheme(false);
}

void YamlHighlighter::setDarkTheme(bool dark)
{
    m_key.setForeground(dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x1a, 0x56, 0xb0));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0x8a) : QColor(0x2e, 0x7d, 0x32));
    m_number.setForeground(dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0xb3, 0x4d, 0x00));
    m_keyword.setForeground(dark ? QColor(0xc7, 0x92, 0xea) : QColor(0x7b, 0x1f, 0xa2));
    m_comment.setForeground(dark ? QColor(0x80, 0x88, 0x94) : QColor(0x75, 0x7d, 0x88));
    m_comment.setFontItalic(true);
    m_marker.setForeground(dark ? QColor(0xff, 0xcb, 0x6b) : QColor(0xa0, 0x60, 0x00));
    m_marker.setFontWeight(QFont::Bold);
    m_dash.setForeground(dark ? QColor(0xb0, 0xb8, 0xc4) : QColor(0x55, 0x5d, 0x68));
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("^(---|\\.\\.\\.)(\\s|$)"));
    static const QRegularExpression key(QStringLiteral(
        "^(\\s*(?:-\\s+)*)([^\\s#'\"{}\\[\\],&*!|>%@`][^#:]*?|\"[^\"]*\"|'[^']*')\\s*:(\\s|$)"));
    static const QRegularExpression dash(QStringLiteral("^\\s*(-)(\\s|$)"));
    static const QRegularExpression number(
        QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"));
    static const QRegularExpression keyword(QStringLiteral("^(true|false|True|False|null|Null|~|yes|no)$"));

    if (marker.match(text).hasMatch()) {
        setFormat(0, 3, m_marker);
    }
    // Comment: a # at the start or after whitespace, outside quotes.
    int comment = -1;
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
            continue;
        }
        if (c == QLatin1Char('#') && (i == 0 || text[i - 1].isSpace())) {
            comment = i;
            break;
        }
    }
    const QString code = comment >= 0 ? text.left(comment) : text;
    if (comment >= 0)
        setFormat(comment, text.size() - comment, m_comment);

    int valueStart = 0;
    const auto dashMatch = dash.match(code);
    if (dashMatch.hasMatch())
        setFormat(dashMatch.capturedStart(1), 1, m_dash);
    const auto keyMatch = key.match(code);
    if (keyMatch.hasMatch()) {
        setFormat(keyMatch.capturedStart(2), keyMatch.capturedLength(2), m_key);
        valueStart = keyMatch.capturedEnd(2) + 1;
    } else if (dashMatch.hasMatch()) {
        valueStart = dashMatch.capturedEnd(1);
    }
    const QString value = code.mid(valueStart).trimmed();
    if (value.isEmpty())
        return;
    const int at = static_cast<int>(code.indexOf(value, valueStart));
    if (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\'')))
        setFormat(at, static_cast<int>(value.size()), m_string);
    else if (number.match(value).hasMatch())
        setFormat(at, static_cast<int>(value.size()), m_number);
    else if (keyword.match(value).hasMatch())
        setFormat(at, static_cast<int>(value.size()), m_keyword);
    else if (!value.startsWith(QLatin1Char('|')) && !value.startsWith(QLatin1Char('>')))
        setFormat(at, static_cast<int>(value.size()), m_string);
}

} // namespace meshroute::studio
