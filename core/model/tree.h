#pragma once

// A read-only YAML tree, what the model parser reads: the same questions as YAML::Node
// (IsMap, operator[], Mark, Tag "?" for plain and "!" for quoted scalars, iteration with
// .first/.second), at a fraction of its cost. The loader builds one per document straight
// from the text (yaml/fastparse.h), or from a yaml-cpp tree where the text goes beyond what
// that reader handles; edits convert their yaml-cpp node (fromYaml). Handles are two words
// and stay valid while their Tree lives.

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <vector>

namespace meshroute::tree {

class Tree;
class Entry;

class Node
{
public:
    Node() = default;
    Node(YAML::NodeType::value type); // NOLINT: an empty collection (or null) of that type
    Node(const Tree *tree, std::uint32_t index)
        : m_tree(tree)
        , m_index(index)
    {}

    YAML::NodeType::value Type() const;
    bool IsDefined() const { return Type() != YAML::NodeType::Undefined; }
    bool IsNull() const { return Type() == YAML::NodeType::Null; }
    bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
    bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
    bool IsMap() const { return Type() == YAML::NodeType::Map; }
    explicit operator bool() const { return IsDefined(); }

    YAML::Mark Mark() const;
    const std::string &Scalar() const; // "" unless a scalar
    const std::string &Tag() const;    // "?" plain, "!" quoted or block scalar, "" otherwise
    std::size_t size() const;          // entries of a map or sequence, else 0

    Node operator[](const std::string &key) const; // the first entry with that scalar key
    Node operator[](const char *key) const { return (*this)[std::string(key)]; }
    Node operator[](std::size_t index) const; // a sequence's item
    Node operator[](int index) const { return index < 0 ? Node() : (*this)[static_cast<std::size_t>(index)]; }

    class const_iterator;
    const_iterator begin() const;
    const_iterator end() const;

private:
    const Tree *m_tree = nullptr;
    std::uint32_t m_index = 0;
};

// What iteration yields: for a sequence the item itself, for a map an entry with .first and
// .second (as yaml-cpp's iterators do).
class Entry : public Node
{
public:
    Entry(Node item, Node key, Node value)
        : Node(item)
        , first(key)
        , second(value)
    {}
    Node first;
    Node second;
};

class Node::const_iterator
{
public:
    const_iterator(const Tree *tree, const std::uint32_t *at, bool map)
        : m_tree(tree)
        , m_at(at)
        , m_map(map)
    {}
    Entry operator*() const;
    const_iterator &operator++()
    {
        m_at += m_map ? 2 : 1;
        return *this;
    }
    bool operator!=(const const_iterator &other) const { return m_at != other.m_at; }
    bool operator==(const const_iterator &other) const { return m_at == other.m_at; }

private:
    const Tree *m_tree;
    const std::uint32_t *m_at;
    bool m_map;
};

class Tree
{
public:
    struct Item
    {
        YAML::NodeType::value type = YAML::NodeType::Undefined;
        bool quoted = false;     // a scalar that was quoted or a block scalar in the source
        std::uint32_t first = 0; // scalars: index into scalars; collections: into children
        std::uint32_t count = 0; // collections: entries (pairs for a map)
        int line = -1;           // 0-based, as yaml-cpp's marks
        int column = -1;
    };

    std::vector<Item> items;             // items[0] is the root once built
    std::vector<std::uint32_t> children; // per collection, consecutive: items, or key, value pairs
    std::vector<std::string> scalars;

    Node root() const { return items.empty() ? Node() : Node(this, 0); }

    // Builders: a scalar or null now; a collection as a placeholder, filled with close().
    std::uint32_t addScalar(std::string value, bool quoted, int line, int column);
    std::uint32_t addNull(int line, int column);
    std::uint32_t open(YAML::NodeType::value type, int line, int column);
    void close(std::uint32_t collection, const std::uint32_t *entries, std::size_t count);
};

// The same tree as a yaml-cpp node (aliases expanded). Deeper than 1,024 levels or past
// `maxNodes` nodes, the rest is left out (the loader refuses such documents before).
void fromYaml(const YAML::Node &node, Tree &out, std::size_t maxNodes = 16u << 20);

} // namespace meshroute::tree
