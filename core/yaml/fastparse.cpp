#include "yaml/fastparse.h"

#include <vector>

namespace meshroute::yamlfast {

namespace {

struct Line
{
    int number;               // 0-based line in the text
    int indent;               // column of `content`
    std::string_view content; // from the first non-blank, trailing blanks removed
};

struct Declined
{};

class Reader
{
public:
    Reader(std::vector<Line> &lines, tree::Tree &out)
        : m_lines(lines)
        , m_out(out)
    {}

    void document()
    {
        if (m_lines.empty())
            throw Declined{};
        const Line &first = m_lines.front();
        if (isEntry(first.content) || !isKeyLine(first.content))
            throw Declined{}; // the model wants a mapping; yaml-cpp says what else it is
        block(first.indent);
        if (m_at != m_lines.size())
            throw Declined{};
    }

private:
    static bool isEntry(std::string_view content)
    {
        return content[0] == '-' && (content.size() == 1 || content[1] == ' ');
    }

    // Where the `:` of a `key: value` line is, or npos.
    static std::size_t colonOf(std::string_view content)
    {
        const std::size_t colon = content.find(": ");
        if (colon != std::string_view::npos)
            return colon;
        if (content.back() == ':')
            return content.size() - 1;
        return std::string_view::npos;
    }

    static bool isNullWord(std::string_view text)
    {
        return text == "~" || text == "null" || text == "Null" || text == "NULL";
    }

    static bool startsPlain(std::string_view text)
    {
        static constexpr std::string_view never = ",[]{}#&*!|>'\"%@`?:-";
        return !text.empty() && never.find(text[0]) == std::string_view::npos;
    }

    static bool isKeyLine(std::string_view content)
    {
        const std::size_t colon = colonOf(content);
        if (colon == std::string_view::npos || colon == 0)
            return false;
        const std::string_view key = content.substr(0, colon);
        return startsPlain(key) && key.back() != ' ' && key.find(" #") == std::string_view::npos;
    }

    // A block collection whose entries start at `indent` (the current line).
    std::uint32_t block(int indent)
    {
        const Line &line = m_lines[m_at];
        if (line.indent != indent)
            throw Declined{};
        return isEntry(line.content) ? sequence(indent) : mapping(indent);
    }

    std::uint32_t mapping(int indent)
    {
        const Line &first = m_lines[m_at];
        const std::uint32_t self = m_out.open(YAML::NodeType::Map, first.number, first.indent);
        const std::size_t base = m_entries.size();
        while (m_at < m_lines.size() && m_lines[m_at].indent == indent && !isEntry(m_lines[m_at].content)) {
            const Line line = m_lines[m_at];
            if (!isKeyLine(line.content))
                throw Declined{};
            const std::size_t colon = colonOf(line.content);
            const std::string_view key = line.content.substr(0, colon);
            m_entries.push_back(isNullWord(key)
                                    ? m_out.addNull(line.number, line.indent)
                                    : m_out.addScalar(std::string(key), false, line.number, line.indent));
            std::string_view rest = line.content.substr(colon + 1);
            const std::size_t start = rest.find_first_not_of(' ');
            rest = start == std::string_view::npos ? std::string_view() : rest.substr(start);
            ++m_at;
            if (rest.empty() || rest[0] == '#') {
                m_entries.push_back(nested(indent, true));
            } else {
                const int column = line.indent + static_cast<int>(line.content.size() - rest.size());
                m_entries.push_back(scalar(rest, line.number, column));
                if (m_at < m_lines.size() && m_lines[m_at].indent > indent)
                    throw Declined{}; // a continued plain scalar, or an error
            }
        }
        if (m_at < m_lines.size() && m_lines[m_at].indent > indent)
            throw Declined{};
        close(self, base);
        return self;
    }

    std::uint32_t sequence(int indent)
    {
        const Line &first = m_lines[m_at];
        const std::uint32_t self = m_out.open(YAML::NodeType::Sequence, first.number, first.indent);
        const std::size_t base = m_entries.size();
        while (m_at < m_lines.size() && m_lines[m_at].indent == indent && isEntry(m_lines[m_at].content)) {
            Line &line = m_lines[m_at];
            std::string_view rest = line.content.substr(1);
            const std::size_t start = rest.find_first_not_of(' ');
            rest = start == std::string_view::npos ? std::string_view() : rest.substr(start);
            if (rest.empty() || rest[0] == '#') {
                ++m_at;
                m_entries.push_back(nested(indent, false));
                continue;
            }
            const int column = line.indent + static_cast<int>(line.content.size() - rest.size());
            if (isEntry(rest))
                throw Declined{}; // "- - x"
            if (isKeyLine(rest)) {
                // "- key: value": a mapping whose entries start at the key's column.
                line.indent = column;
                line.content = rest;
                m_entries.push_back(mapping(column));
                continue;
            }
            ++m_at;
            m_entries.push_back(scalar(rest, line.number, column));
            if (m_at < m_lines.size() && m_lines[m_at].indent > indent)
                throw Declined{};
        }
        if (m_at < m_lines.size() && m_lines[m_at].indent > indent)
            throw Declined{};
        close(self, base);
        return self;
    }

    // The value of a key or an entry with nothing after its indicator: what the next lines hold.
    std::uint32_t nested(int indent, bool ofKey)
    {
        if (m_at < m_lines.size()) {
            const Line &next = m_lines[m_at];
            if (next.indent > indent)
                return block(next.indent);
            if (ofKey && next.indent == indent && isEntry(next.content))
                return sequence(indent); // a sequence as indented as its key
        }
        throw Declined{}; // an empty value: yaml-cpp places its null
    }

    std::uint32_t scalar(std::string_view text, int line, int column)
    {
        const char c = text[0];
        if (c == '"' || c == '\'') {
            const std::size_t close = text.find(c, 1);
            if (close == std::string_view::npos)
                throw Declined{};
            const std::string_view value = text.substr(1, close - 1);
            if ((c == '"' && value.find('\\') != std::string_view::npos) ||
                (c == '\'' && close + 1 < text.size() && text[close + 1] == '\''))
                throw Declined{};
            const std::string_view after = text.substr(close + 1);
            const std::size_t more = after.find_first_not_of(' ');
            if (more != std::string_view::npos && (after[more] != '#' || more == 0))
                throw Declined{};
            return m_out.addScalar(std::string(value), true, line, column);
        }
        if (text == "{}" || text == "[]" || text.substr(0, 3) == "{} " || text.substr(0, 3) == "[] ") {
            std::string_view after = text.substr(2);
            const std::size_t more = after.find_first_not_of(' ');
            if (more != std::string_view::npos && after[more] != '#')
                throw Declined{};
            const std::uint32_t self =
                m_out.open(c == '{' ? YAML::NodeType::Map : YAML::NodeType::Sequence, line, column);
            m_out.close(self, nullptr, 0);
            return self;
        }
        const bool negative = text[0] == '-' && text.size() > 1 && text[1] != ' '; // "-1", "-foo"
        if (!startsPlain(text) && !negative)
            throw Declined{};
        std::size_t end = text.find(" #");
        std::string_view value = end == std::string_view::npos ? text : text.substr(0, end);
        end = value.find_last_not_of(' ');
        value = value.substr(0, end + 1);
        if (value.find(": ") != std::string_view::npos || value.back() == ':')
            throw Declined{};
        if (isNullWord(value))
            return m_out.addNull(line, column);
        return m_out.addScalar(std::string(value), false, line, column);
    }

    void close(std::uint32_t collection, std::size_t base)
    {
        m_out.close(collection, m_entries.data() + base, m_entries.size() - base);
        m_entries.resize(base);
    }

    std::vector<Line> &m_lines;
    tree::Tree &m_out;
    std::size_t m_at = 0;
    std::vector<std::uint32_t> m_entries; // entries of the collections still open, innermost last
};

bool isBlank(char c)
{
    return c == ' ';
}

} // namespace

bool parse(std::string_view text, tree::Tree &out)
{
    out.items.clear();
    out.children.clear();
    out.scalars.clear();
    std::vector<Line> lines;
    bool started = false; // past the `---` line or the first content
    int number = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        const int lineNumber = number++;
        for (char c : line)
            if (static_cast<unsigned char>(c) >= 0x80 || static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
                return false; // tabs, CR, control and non-ASCII bytes: yaml-cpp's columns and rules
        std::size_t first = 0;
        while (first < line.size() && isBlank(line[first]))
            ++first;
        if (first == line.size() || line[first] == '#')
            continue;
        std::size_t last = line.size();
        while (last > first && isBlank(line[last - 1]))
            --last;
        const std::string_view content = line.substr(first, last - first);
        if (first == 0 && (content.substr(0, 3) == "---" || content.substr(0, 3) == "...")) {
            const bool marker = content.size() == 3 || content[3] == ' ';
            if (marker) {
                if (started || content[0] == '.')
                    return false;
                const std::size_t more = content.find_first_not_of(' ', 3);
                if (more != std::string_view::npos && content[more] != '#')
                    return false; // content on the marker line
                started = true;
                continue;
            }
        }
        if (first == 0 && content[0] == '%')
            return false; // directives
        started = true;
        lines.push_back({lineNumber, static_cast<int>(first), content});
    }
    try {
        Reader(lines, out).document();
    } catch (const Declined &) {
        return false;
    }
    return true;
}

} // namespace meshroute::yamlfast
