#include "yaml/scan.h"

#include <string>

namespace meshroute::yamlscan {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// The line without its break (and without a trailing CR).
std::string_view stripCr(std::string_view line)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    return line;
}

std::size_t skipBlanks(std::string_view line, std::size_t i)
{
    while (i < line.size() && isBlank(line[i]))
        ++i;
    return i;
}

enum class LineType { Blank, Comment, Directive, StartMarker, EndMarker, Content };

LineType classify(std::string_view line, bool &markerHasContent)
{
    markerHasContent = false;
    if (isMarkerLine(line, "---")) {
        const std::size_t rest = skipBlanks(line, 3);
        markerHasContent = rest < line.size() && line[rest] != '#';
        return LineType::StartMarker;
    }
    if (isMarkerLine(line, "..."))
        return LineType::EndMarker;
    if (!line.empty() && line[0] == '%')
        return LineType::Directive;
    const std::size_t first = skipBlanks(line, 0);
    if (first == line.size())
        return LineType::Blank;
    if (line[first] == '#')
        return LineType::Comment;
    return LineType::Content;
}

struct Chunk
{
    std::size_t begin = 0;
    std::size_t end = 0;
    int firstLine = 0;
    bool startsWithMarker = false;
    bool hasContent = false;
};

} // namespace

bool isMarkerLine(std::string_view line, std::string_view marker)
{
    line = stripCr(line);
    if (line.substr(0, marker.size()) != marker)
        return false;
    return line.size() == marker.size() || isBlank(line[marker.size()]);
}

Split splitDocuments(std::string_view text)
{
    std::vector<Chunk> chunks;
    Chunk current;
    std::size_t pos = 0;
    int lineNo = 0;
    while (pos < text.size()) {
        const std::size_t eol = text.find('\n', pos);
        const std::size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
        std::string_view line =
            stripCr(text.substr(pos, (eol == std::string_view::npos ? text.size() : eol) - pos));
        if (pos == 0 && line.substr(0, kUtf8Bom.size()) == kUtf8Bom)
            line.remove_prefix(kUtf8Bom.size());

        bool markerHasContent = false;
        const LineType type = classify(line, markerHasContent);
        if (type == LineType::StartMarker) {
            if (pos != current.begin) {
                current.end = pos;
                chunks.push_back(current);
                current = Chunk{pos, pos, lineNo, false, false};
            }
            current.startsWithMarker = true;
        }
        if (type == LineType::Content || markerHasContent)
            current.hasContent = true;
        ++lineNo;
        if (type == LineType::EndMarker) {
            current.end = next;
            chunks.push_back(current);
            current = Chunk{next, next, lineNo, false, false};
        }
        pos = next;
    }
    if (current.begin < text.size()) {
        current.end = text.size();
        chunks.push_back(current);
    }

    Split split;
    split.trailerBegin = text.size();
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        Chunk &chunk = chunks[i];
        if (!chunk.startsWithMarker && !chunk.hasContent) {
            // Comments (and directives) before a `---` introduce that document.
            if (i + 1 < chunks.size() && chunks[i + 1].startsWithMarker) {
                chunks[i + 1].begin = chunk.begin;
                chunks[i + 1].firstLine = chunk.firstLine;
                continue;
            }
            if (i + 1 == chunks.size()) {
                split.trailerBegin = chunk.begin;
                continue;
            }
        }
        split.documents.push_back({chunk.begin, chunk.end, chunk.firstLine, chunk.hasContent});
    }
    return split;
}

namespace {

// A deliberately small model of YAML's layout rules: enough to bound nesting and
// size before a recursive parser sees the text, never enough to parse it.
class Scanner
{
public:
    Scanner(int maxDepth, std::size_t maxNodes)
        : m_maxDepth(maxDepth)
        , m_maxNodes(maxNodes)
    {}

    void scan(std::string_view text)
    {
        std::size_t pos = 0;
        while (pos < text.size() && !stopped()) {
            const std::size_t eol = text.find('\n', pos);
            const std::size_t end = eol == std::string_view::npos ? text.size() : eol;
            std::string_view line = stripCr(text.substr(pos, end - pos));
            if (pos == 0 && line.substr(0, kUtf8Bom.size()) == kUtf8Bom)
                line.remove_prefix(kUtf8Bom.size());
            scanLine(line);
            ++m_line;
            pos = end + 1;
        }
    }

    ScanResult result;

private:
    bool stopped() const { return result.tooDeep || result.tooManyNodes; }

    void nodeAt(std::size_t column)
    {
        ++result.estimatedNodes;
        if (result.estimatedNodes > m_maxNodes && !stopped()) {
            result.tooManyNodes = true;
            result.where = {m_line, static_cast<int>(column)};
        }
    }

    void checkDepth(std::size_t column)
    {
        const int depth = static_cast<int>(m_blocks.size()) + m_flow;
        if (depth > result.depth)
            result.depth = depth;
        if (depth > m_maxDepth && !stopped()) {
            result.tooDeep = true;
            result.where = {m_line, static_cast<int>(column)};
        }
    }

    void pushBlock(std::size_t column)
    {
        m_blocks.push_back(static_cast<int>(column));
        checkDepth(column);
    }

    // Continues a quoted scalar from `i`; returns the index after its closing quote,
    // or line.size() with m_quote still set when it goes on to the next line.
    std::size_t continueQuote(std::string_view line, std::size_t i)
    {
        while (i < line.size()) {
            const char c = line[i];
            if (m_quote == '"' && c == '\\') {
                i += 2;
                continue;
            }
            if (c == m_quote) {
                if (m_quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
                    i += 2;
                    continue;
                }
                m_quote = 0;
                return i + 1;
            }
            ++i;
        }
        return line.size();
    }

    static bool tokenStart(std::string_view line, std::size_t i)
    {
        if (i == 0)
            return true;
        const char p = line[i - 1];
        return isBlank(p) || p == '[' || p == '{' || p == ',';
    }

    void scanFlow(std::string_view line, std::size_t i)
    {
        while (i < line.size() && !stopped()) {
            if (m_quote) {
                i = continueQuote(line, i);
                continue;
            }
            const char c = line[i];
            if ((c == '"' || c == '\'') && (tokenStart(line, i) || line[i - 1] == ':')) {
                m_quote = c;
                nodeAt(i);
                i = continueQuote(line, i + 1);
                continue;
            }
            if (c == '#' && tokenStart(line, i) && (i == 0 || isBlank(line[i - 1])))
                return;
            if (c == '*' && tokenStart(line, i))
                result.mayHaveAliases = true;
            if (c == '[' || c == '{') {
                ++m_flow;
                nodeAt(i);
                checkDepth(i);
            } else if (c == ']' || c == '}') {
                if (m_flow > 0)
                    --m_flow;
                if (m_flow == 0)
                    return; // what follows a closed flow collection on its line adds nothing deeper
            } else if (c == ',' || c == ':') {
                nodeAt(i);
            }
            ++i;
        }
    }

    // Node properties (anchor, tag) before a value.
    static std::size_t skipProperties(std::string_view line, std::size_t i)
    {
        while (i < line.size() && (line[i] == '&' || line[i] == '!')) {
            while (i < line.size() && !isBlank(line[i]))
                ++i;
            i = skipBlanks(line, i);
        }
        return i;
    }

    // A value that starts at `i` on a block line; `owner` is the column of the node
    // that holds it (for block scalars). `allowKey` when this may be a mapping key.
    void scanValue(std::string_view line, std::size_t i, std::size_t owner, bool allowKey)
    {
        i = skipProperties(line, i);
        if (i >= line.size() || line[i] == '#') {
            if (allowKey)
                m_openKey = -1;
            return;
        }
        const char c = line[i];
        if (c == '*') {
            result.mayHaveAliases = true;
            nodeAt(i);
            return;
        }
        if (c == '[' || c == '{') {
            scanFlow(line, i);
            return;
        }
        if (c == '|' || c == '>') {
            m_blockScalarOwner = static_cast<int>(owner);
            nodeAt(i);
            return;
        }
        std::size_t keyEnd = std::string_view::npos;
        std::size_t j = i;
        if (c == '"' || c == '\'') {
            m_quote = c;
            j = continueQuote(line, i + 1);
            if (m_quote) {
                nodeAt(i);
                return; // a multi-line quoted scalar
            }
        }
        // A plain scalar ends at ": " (a key) or " #" (a comment).
        for (; j < line.size(); ++j) {
            if (line[j] == ':' && (j + 1 == line.size() || isBlank(line[j + 1]))) {
                keyEnd = j;
                break;
            }
            if (line[j] == '#' && j > 0 && isBlank(line[j - 1]))
                break;
        }
        nodeAt(i);
        if (keyEnd == std::string_view::npos || !allowKey)
            return;
        // A mapping whose keys sit at column i.
        if (m_blocks.empty() || m_blocks.back() != static_cast<int>(i))
            pushBlock(i);
        const std::size_t value = skipBlanks(line, keyEnd + 1);
        if (value >= line.size() || line[value] == '#') {
            m_openKey = static_cast<int>(i); // its value follows on the next lines
            return;
        }
        scanValue(line, value, i, false);
    }

    void scanLine(std::string_view line)
    {
        std::size_t i = 0;
        if (m_quote) {
            i = continueQuote(line, 0);
            if (m_quote)
                return;
            if (m_flow > 0)
                scanFlow(line, i);
            return;
        }
        const std::size_t indent = skipBlanks(line, 0);
        if (m_blockScalarOwner >= 0) {
            if (indent == line.size() || static_cast<int>(indent) > m_blockScalarOwner)
                return; // block scalar content
            m_blockScalarOwner = -1;
        }
        if (m_flow > 0) {
            scanFlow(line, 0);
            return;
        }
        if (indent == line.size() || line[indent] == '#')
            return;
        if (isMarkerLine(line, "---") || isMarkerLine(line, "...")) {
            m_blocks.clear();
            m_openKey = -1;
            const std::size_t rest = skipBlanks(line, 3);
            if (line[0] == '-' && rest < line.size() && line[rest] != '#')
                scanValue(line, rest, 0, false);
            return;
        }
        if (indent == 0 && line[0] == '%')
            return; // a directive

        // Close the blocks this line is not inside of. A sequence may sit at the
        // column of the key that holds it ("key:\n- item"), which nests, not closes.
        const int column = static_cast<int>(indent);
        while (!m_blocks.empty() && m_blocks.back() > column)
            m_blocks.pop_back();
        const bool seqUnderKey = line[indent] == '-' && m_openKey == column;
        if (!m_blocks.empty() && m_blocks.back() == column && !seqUnderKey)
            m_blocks.pop_back();
        m_openKey = -1;

        // Block indicators ("- ", "? ", ": "), possibly several on one line ("- - - x").
        i = indent;
        std::size_t owner = indent;
        while (i < line.size() && (line[i] == '-' || line[i] == '?' || line[i] == ':') &&
               (i + 1 == line.size() || isBlank(line[i + 1]))) {
            pushBlock(i);
            nodeAt(i);
            owner = i;
            i = skipBlanks(line, i + 1);
            if (stopped())
                return;
        }
        if (i >= line.size() || line[i] == '#')
            return; // "- " alone: the item follows, more indented, below
        scanValue(line, i, owner, true);
    }

    const int m_maxDepth;
    const std::size_t m_maxNodes;
    std::vector<int> m_blocks; // columns of the open block collections
    int m_flow = 0;            // open flow brackets
    char m_quote = 0;          // open quoted scalar
    int m_blockScalarOwner = -1;
    int m_openKey = -1; // column of a key whose value starts on a later line
    int m_line = 0;
};

} // namespace

ScanResult scanDocument(std::string_view text, int maxDepth, std::size_t maxNodes)
{
    Scanner scanner(maxDepth, maxNodes);
    scanner.scan(text);
    ScanResult result = scanner.result;
    // Whatever the scan may have misread: an alias is an asterisk where a node can start,
    // after a blank, a line break or a flow indicator. Quoted ("*") and mid-word asterisks
    // cannot be aliases; anything else counts, even inside a quoted string.
    for (std::size_t i = text.find('*'); i != std::string_view::npos && !result.mayHaveAliases;
         i = text.find('*', i + 1))
        if (i == 0 || std::string_view(" \t\r\n[{,:-?").find(text[i - 1]) != std::string_view::npos)
            result.mayHaveAliases = true;
    return result;
}

} // namespace meshroute::yamlscan
