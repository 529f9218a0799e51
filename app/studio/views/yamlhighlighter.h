#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace meshroute::studio {

// YAML colouring: keys, strings, numbers and booleans, comments, document markers, list dashes.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument *document);
    void setDarkTheme(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key, m_string, m_number, m_keyword, m_comment, m_marker, m_dash;
};

} // namespace meshroute::studio
