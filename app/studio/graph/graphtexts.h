#pragma once

// What the graph writes about its nodes (titles, subtitles, sockets, tooltips, the lines of a
// badge's problems), kept from one build of the graph to the next. The words of a node are a
// function of the content they describe and the UI language only: an edit changes one resource,
// so every other node's words are found here, by that content, instead of being formatted again.
//
//   GraphTexts texts;
//   GraphModel::build(set, diagnostics, target, &texts); // formats every node, keeps the words
//   ... an edit ...
//   GraphModel::build(set, diagnostics, target, &texts); // formats the edited rule's node only
//
// Keys are the content itself, written out (TextKey), never a position or an address: a key that
// matches is the same content, whatever happened in between (undo, a file reloaded, a resource
// moved). What the last two builds did not ask for is dropped, so the memory follows the graph.
// The caller clears it when the language changes (the words are translated).

#include "graph/graphmodel.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace meshroute::studio {

// The content a text is made of, written out without ambiguity: each part is its length and its
// bytes, so ("ab", "c") and ("a", "bc") differ.
class TextKey
{
public:
    explicit TextKey(char kind) { m_text.push_back(kind); }
    TextKey &operator<<(std::string_view part)
    {
        number(part.size());
        m_text.append(part);
        return *this;
    }
    TextKey &operator<<(const char *part) { return *this << std::string_view(part); }
    TextKey &operator<<(const std::string &part) { return *this << std::string_view(part); }
    // A list or a map: its size, then its parts.
    TextKey &operator<<(const std::vector<std::string> &parts)
    {
        number(parts.size());
        for (const std::string &part : parts)
            *this << part;
        return *this;
    }
    TextKey &operator<<(const Labels &labels)
    {
        number(labels.size());
        for (const auto &[label, value] : labels)
            *this << label << value;
        return *this;
    }
    TextKey &number(std::uint64_t value)
    {
        m_text.append(reinterpret_cast<const char *>(&value), sizeof value);
        return *this;
    }
    const std::string &text() const { return m_text; }
    std::string take() { return std::move(m_text); }

private:
    std::string m_text;
};

// The words of one node (or one problem line: `lines` only).
struct GraphText
{
    QString title;
    QString subtitle;
    QString tooltip;
    QVector<GraphSocket> sockets;
    QStringList lines; // parts the builder puts together with what is not the node's own content
};

class GraphTexts
{
public:
    // The words kept for `key`, or null.
    const GraphText *find(const std::string &key);
    const GraphText &insert(std::string key, GraphText text);
    // A build is over: what neither it nor the one before asked for is dropped.
    void endBuild();
    void clear();
    std::size_t size() const { return m_now.size() + m_before.size(); }
    // How many finds found something, since the last clear (for tests and measurements).
    std::size_t hits() const { return m_hits; }

private:
    std::unordered_map<std::string, GraphText> m_now;    // asked for by the build under way
    std::unordered_map<std::string, GraphText> m_before; // by the build before, not (yet) by this one
    std::size_t m_hits = 0;
};

} // namespace meshroute::studio
