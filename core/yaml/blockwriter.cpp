#include "yaml/blockwriter.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

namespace meshroute::yamlout {

namespace {

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

template <typename Node> bool isNull(const Node &node)
{
    return !node.IsDefined() || node.IsNull();
}

// The explicit tag to write before a node, with its trailing space; empty for none.
template <typename Node> std::string tagText(const Node &node)
{
    if (!node.IsDefined())
        return {};
    const std::string &tag = node.Tag();
    if (tag.empty() || tag == "?" || tag == "!")
        return {}; // plain and quoted scalars, untagged collections
    if (tag.compare(0, kCoreTagPrefix.size(), kCoreTagPrefix) == 0)
        return "!!" + tag.substr(kCoreTagPrefix.size()) + " ";
    if (tag[0] == '!' && tag.find_first_of("! ", 1) == std::string::npos)
        return tag + " ";
    return "!<" + tag + "> ";
}

} // namespace

bool fitsLiteral(const std::string &value)
{
    if (value.size() < 2 || value.back() != '\n' || value[value.size() - 2] == '\n')
        return false;
    if (value.front() == ' ' || value.front() == '\t' || value.front() == '\n')
        return false;
    std::size_t start = 0;
    while (start < value.size()) {
        const std::size_t end = value.find('\n', start);
        const std::string_view line(value.data() + start, end - start);
        if (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
            return false;
        for (char c : line)
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F)
                return false;
        start = end + 1;
    }
    return true;
}

namespace {

void appendDoubleQuoted(const std::string &value, std::string &out)
{
    static const char hex[] = "0123456789ABCDEF";
    out += '"';
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (u < 0x20 || u == 0x7F) {
                out += "\\x";
                out += hex[u >> 4];
                out += hex[u & 15];
            } else {
                out += c; // UTF-8 passes through
            }
        }
    }
    out += '"';
}

// Writes yaml-cpp nodes and the loader's light trees alike (the same questions of both).
template <typename Node> class Writer
{
public:
    explicit Writer(std::string &out)
        : m_out(out)
    {}

    void document(const Node &node)
    {
        if (isNull(node) || node.IsScalar() || node.size() == 0) {
            inlineValue(node, 0);
            m_out += '\n';
            return;
        }
        m_out += trimmed(tagText(node), true);
        block(node, 0, false);
    }

private:
    static std::string trimmed(const std::string &tag, bool newline)
    {
        if (tag.empty())
            return tag;
        return tag.substr(0, tag.size() - 1) + (newline ? "\n" : "");
    }

    void indent(int columns) { m_out.append(static_cast<std::size_t>(columns), ' '); }

    // A scalar, null or empty collection, on the current line. `column` is the indentation
    // of the node that holds it (literal block content goes two deeper).
    void inlineValue(const Node &node, int column)
    {
        m_out += tagText(node);
        if (isNull(node)) {
            m_out += "null";
            return;
        }
        if (node.IsSequence()) {
            m_out += "[]";
            return;
        }
        if (node.IsMap()) {
            m_out += "{}";
            return;
        }
        scalar(node, column);
    }

    void scalar(const Node &node, int column)
    {
        const std::string &value = node.Scalar();
        // Tag "!" marks a scalar that was quoted (or a block scalar) in its source: a string
        // even when it reads like a number or a boolean ("3333", "true"), so it stays quoted.
        if (node.Tag() == "!") {
            if (value.find('\n') != std::string::npos && fitsLiteral(value)) {
                m_out += "|";
                std::size_t start = 0;
                while (start < value.size()) {
                    const std::size_t end = value.find('\n', start);
                    m_out += '\n';
                    if (end > start) {
                        indent(column + 2);
                        m_out.append(value, start, end - start);
                    }
                    start = end + 1;
                }
                return;
            }
            appendDoubleQuoted(value, m_out);
            return;
        }
        // Plain in its source (tag "?"), or made in code (tag ""): plain wherever that reads back
        // the same; a string made in code that spells null is quoted as YAML::Emitter does.
        if (isSafePlain(value) && !(node.Tag().empty() && isNullWord(value)))
            m_out += value;
        else
            appendDoubleQuoted(value, m_out);
    }

    void key(const Node &node)
    {
        if (isNull(node)) {
            m_out += "null";
            return;
        }
        // A collection as a key, a line break in one, or one that quoted could pass YAML's
        // 1024-character limit on implicit keys: not for this writer (see ok()).
        if (!node.IsScalar() || node.Scalar().size() > kLongestImplicitKey ||
            node.Scalar().find_first_of("\n\r") != std::string::npos) {
            m_declined = true;
            return;
        }
        m_out += tagText(node);
        const std::string &value = node.Scalar();
        if (node.Tag() != "!" && isSafePlain(value) && !(node.Tag().empty() && isNullWord(value)) &&
            value.size() < 1024)
            m_out += value;
        else
            appendDoubleQuoted(value, m_out);
    }

    static bool isBlockCollection(const Node &node)
    {
        return !isNull(node) && (node.IsMap() || node.IsSequence()) && node.size() > 0;
    }

    // A non-empty collection whose entries start at `column`. With `continuing`, the cursor
    // already stands at `column` (after "- "), so the first entry does not indent.
    void block(const Node &node, int column, bool continuing)
    {
        bool first = true;
        if (node.IsSequence()) {
            for (const Node &item : node) {
                if (!(first && continuing))
                    indent(column);
                first = false;
                m_out += "- ";
                if (isBlockCollection(item)) {
                    const std::string tag = tagText(item);
                    if (!tag.empty()) {
                        m_out += trimmed(tag, true);
                        block(item, column + 2, false);
                    } else {
                        block(item, column + 2, true);
                    }
                } else {
                    inlineValue(item, column);
                    m_out += '\n';
                }
            }
            return;
        }
        for (const auto &entry : node) {
            if (!(first && continuing))
                indent(column);
            first = false;
            mapEntry(entry.first, entry.second, column);
        }
    }

    // "key: value" from the current position; nested collections below it, at column + 2.
    void mapEntry(const Node &name, const Node &value, int column)
    {
        key(name);
        m_out += ':';
        if (isBlockCollection(value)) {
            const std::string tag = tagText(value);
            if (!tag.empty()) {
                m_out += ' ';
                m_out += trimmed(tag, false);
            }
            m_out += '\n';
            block(value, column + 2, false);
        } else {
            m_out += ' ';
            inlineValue(value, column);
            m_out += '\n';
        }
    }

public:
    // The export form of a resource: no status, no server-managed metadata, the
    // last-applied annotation dropped (and its map, when nothing else is left in it),
    // apiVersion replaced when `apiVersion` is not empty.
    void exported(const Node &node, const std::string &apiVersion)
    {
        if (isNull(node) || !node.IsMap() || node.size() == 0 || !tagText(node).empty()) {
            document(node);
            return;
        }
        static constexpr std::string_view serverFields[] = {
            "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"};
        for (const auto &entry : node) {
            if (isKey(entry.first, "status"))
                continue;
            const Node &value = entry.second;
            if (!apiVersion.empty() && isKey(entry.first, "apiVersion") && value.IsScalar()) {
                key(entry.first);
                m_out += ": " + apiVersion + "\n";
                continue;
            }
            if (!isKey(entry.first, "metadata") || !isBlockCollection(value) || !value.IsMap() ||
                !tagText(value).empty()) {
                mapEntry(entry.first, value, 0);
                continue;
            }
            key(entry.first);
            m_out += ":\n";
            const std::size_t start = m_out.size();
            for (const auto &field : value) {
                if (std::any_of(std::begin(serverFields), std::end(serverFields),
                                [&](std::string_view name) { return isKey(field.first, name); }))
                    continue;
                if (isKey(field.first, "annotations") && isBlockCollection(field.second) &&
                    field.second.IsMap() && field.second[kLastApplied].IsDefined()) {
                    annotationsWithout(field.first, field.second);
                    continue;
                }
                indent(2);
                mapEntry(field.first, field.second, 2);
            }
            if (m_out.size() == start) // nothing left: an empty mapping
                m_out.replace(start - 1, 1, " {}\n");
        }
    }

    // A List document: its own entries in order, `items` given anew.
    void list(const Node &original, const std::vector<Node> &items)
    {
        bool placed = false;
        const auto writeItems = [&] {
            m_out += "items:";
            if (items.empty()) {
                m_out += " []\n";
                return;
            }
            m_out += '\n';
            for (const Node &item : items) {
                indent(2);
                m_out += "- ";
                if (isBlockCollection(item) && tagText(item).empty()) {
                    block(item, 4, true);
                } else {
                    inlineValue(item, 2);
                    m_out += '\n';
                }
            }
        };
        if (original.IsDefined() && original.IsMap()) {
            for (const auto &entry : original) {
                if (isKey(entry.first, "items")) {
                    writeItems();
                    placed = true;
                } else {
                    mapEntry(entry.first, entry.second, 0);
                }
            }
        } else {
            m_out += "apiVersion: v1\nkind: List\n";
        }
        if (!placed)
            writeItems();
    }

private:
    static constexpr const char *kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    static bool isKey(const Node &node, std::string_view name)
    {
        return node.IsDefined() && node.IsScalar() && node.Scalar() == name;
    }

    void annotationsWithout(const Node &name, const Node &annotations)
    {
        std::vector<std::pair<Node, Node>> kept;
        for (const auto &entry : annotations)
            if (!isKey(entry.first, kLastApplied))
                kept.emplace_back(entry.first, entry.second);
        if (kept.empty())
            return; // an annotations map left empty goes with it
        indent(2);
        key(name);
        m_out += ":\n";
        for (const auto &[annotation, value] : kept) {
            indent(4);
            mapEntry(annotation, value, 4);
        }
    }

    std::string &m_out;
    bool m_declined = false;

public:
    // False when the node had a key this writer does not write (see key()): what it wrote is not
    // the node.
    bool ok() const { return !m_declined; }
};

// Runs `write` on a Writer appending to `out`; on a declined key, `out` is put back as it was.
template <typename Node, typename Write> bool written(std::string &out, Write write)
{
    const std::size_t start = out.size();
    Writer<Node> writer(out);
    write(writer);
    if (writer.ok())
        return true;
    out.resize(start);
    return false;
}

} // namespace

bool isNullWord(const std::string &value)
{
    return value == "~" || value == "null" || value == "Null" || value == "NULL";
}

bool isSafePlain(const std::string &value)
{
    if (value.empty() || value.size() > 4096)
        return false;
    const char first = value.front();
    const char last = value.back();
    if (first == ' ' || last == ' ' || last == ':')
        return false;
    // Indicators that cannot start a plain scalar.
    static const std::string_view never = ",[]{}#&*!|>'\"%@`";
    if (never.find(first) != std::string_view::npos)
        return false;
    // "-", "?" and ":" may start one only when a non-blank follows ("-1", "-foo").
    if ((first == '-' || first == '?' || first == ':') && (value.size() == 1 || value[1] == ' '))
        return false;
    if (value == "---" || value.compare(0, 4, "--- ") == 0 || value == "..." ||
        value.compare(0, 4, "... ") == 0)
        return false;
    char previous = 0;
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            return false; // line breaks, tabs and control characters are quoted
        if (c == '#' && previous == ' ')
            return false; // would start a comment
        if (previous == ':' && c == ' ')
            return false; // would make a key
        previous = c;
    }
    return true;
}

bool writeDocument(const YAML::Node &node, std::string &out)
{
    return written<YAML::Node>(out, [&](auto &writer) { writer.document(node); });
}

bool writeExported(const YAML::Node &node, const std::string &apiVersion, std::string &out)
{
    return written<YAML::Node>(out, [&](auto &writer) { writer.exported(node, apiVersion); });
}

bool writeExported(const tree::Node &node, const std::string &apiVersion, std::string &out)
{
    return written<tree::Node>(out, [&](auto &writer) { writer.exported(node, apiVersion); });
}

bool writeList(const YAML::Node &list, const std::vector<YAML::Node> &items, std::string &out)
{
    return written<YAML::Node>(out, [&](auto &writer) { writer.list(list, items); });
}

} // namespace meshroute::yamlout
