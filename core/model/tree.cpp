#include "model/tree.h"

namespace meshroute::tree {

namespace {

const std::string kEmpty;
const std::string kPlainTag = "?";
const std::string kQuotedTag = "!";

const Tree &emptyOf(YAML::NodeType::value type)
{
    static const Tree trees[] = {
        [] {
            Tree t;
            t.addNull(-1, -1);
            return t;
        }(),
        [] {
            Tree t;
            t.close(t.open(YAML::NodeType::Sequence, -1, -1), nullptr, 0);
            return t;
        }(),
        [] {
            Tree t;
            t.close(t.open(YAML::NodeType::Map, -1, -1), nullptr, 0);
            return t;
        }(),
    };
    return trees[type == YAML::NodeType::Sequence ? 1 : type == YAML::NodeType::Map ? 2 : 0];
}

} // namespace

Node::Node(YAML::NodeType::value type)
{
    if (type == YAML::NodeType::Undefined)
        return;
    m_tree = &emptyOf(type);
    m_index = 0;
}

YAML::NodeType::value Node::Type() const
{
    return m_tree ? m_tree->items[m_index].type : YAML::NodeType::Undefined;
}

YAML::Mark Node::Mark() const
{
    YAML::Mark mark = YAML::Mark::null_mark();
    if (m_tree) {
        mark.line = m_tree->items[m_index].line;
        mark.column = m_tree->items[m_index].column;
    }
    return mark;
}

const std::string &Node::Scalar() const
{
    if (!IsScalar())
        return kEmpty;
    return m_tree->scalars[m_tree->items[m_index].first];
}

const std::string &Node::Tag() const
{
    if (!IsScalar())
        return kEmpty;
    return m_tree->items[m_index].quoted ? kQuotedTag : kPlainTag;
}

std::size_t Node::size() const
{
    return IsMap() || IsSequence() ? m_tree->items[m_index].count : 0;
}

Node Node::operator[](const std::string &key) const
{
    if (!IsMap())
        return {};
    const Tree::Item &item = m_tree->items[m_index];
    const std::uint32_t *at = m_tree->children.data() + item.first;
    for (std::uint32_t i = 0; i < item.count; ++i, at += 2) {
        const Tree::Item &k = m_tree->items[at[0]];
        if (k.type == YAML::NodeType::Scalar && m_tree->scalars[k.first] == key)
            return Node(m_tree, at[1]);
    }
    return {};
}

Node Node::operator[](std::size_t index) const
{
    if (!IsSequence() || index >= m_tree->items[m_index].count)
        return {};
    return Node(m_tree, m_tree->children[m_tree->items[m_index].first + index]);
}

Node::const_iterator Node::begin() const
{
    if (!IsMap() && !IsSequence())
        return const_iterator(nullptr, nullptr, false);
    const Tree::Item &item = m_tree->items[m_index];
    return const_iterator(m_tree, m_tree->children.data() + item.first, IsMap());
}

Node::const_iterator Node::end() const
{
    if (!IsMap() && !IsSequence())
        return const_iterator(nullptr, nullptr, false);
    const Tree::Item &item = m_tree->items[m_index];
    return const_iterator(m_tree, m_tree->children.data() + item.first + item.count * (IsMap() ? 2 : 1),
                          IsMap());
}

Entry Node::const_iterator::operator*() const
{
    if (m_map)
        return Entry(Node(), Node(m_tree, m_at[0]), Node(m_tree, m_at[1]));
    return Entry(Node(m_tree, m_at[0]), Node(), Node());
}

std::uint32_t Tree::addScalar(std::string value, bool quoted, int line, int column)
{
    Item item;
    item.type = YAML::NodeType::Scalar;
    item.quoted = quoted;
    item.first = static_cast<std::uint32_t>(scalars.size());
    item.line = line;
    item.column = column;
    scalars.push_back(std::move(value));
    items.push_back(item);
    return static_cast<std::uint32_t>(items.size() - 1);
}

std::uint32_t Tree::addNull(int line, int column)
{
    Item item;
    item.type = YAML::NodeType::Null;
    item.line = line;
    item.column = column;
    items.push_back(item);
    return static_cast<std::uint32_t>(items.size() - 1);
}

std::uint32_t Tree::open(YAML::NodeType::value type, int line, int column)
{
    Item item;
    item.type = type;
    item.line = line;
    item.column = column;
    items.push_back(item);
    return static_cast<std::uint32_t>(items.size() - 1);
}

void Tree::close(std::uint32_t collection, const std::uint32_t *entries, std::size_t count)
{
    Item &item = items[collection];
    item.first = static_cast<std::uint32_t>(children.size());
    item.count = static_cast<std::uint32_t>(item.type == YAML::NodeType::Map ? count / 2 : count);
    children.insert(children.end(), entries, entries + count);
}

namespace {

struct Converter
{
    Tree &out;
    std::size_t budget;

    std::uint32_t convert(const YAML::Node &node, int depth)
    {
        const YAML::Mark mark = node.Mark();
        if (budget == 0 || depth > 1024 || !node.IsDefined())
            return out.addNull(mark.line, mark.column);
        --budget;
        switch (node.Type()) {
        case YAML::NodeType::Scalar:
            return out.addScalar(node.Scalar(), node.Tag() == "!", mark.line, mark.column);
        case YAML::NodeType::Sequence: {
            const std::uint32_t self = out.open(YAML::NodeType::Sequence, mark.line, mark.column);
            std::vector<std::uint32_t> entries;
            entries.reserve(node.size());
            for (const YAML::Node &child : node)
                entries.push_back(convert(child, depth + 1));
            out.close(self, entries.data(), entries.size());
            return self;
        }
        case YAML::NodeType::Map: {
            const std::uint32_t self = out.open(YAML::NodeType::Map, mark.line, mark.column);
            std::vector<std::uint32_t> entries;
            entries.reserve(node.size() * 2);
            for (const auto &entry : node) {
                entries.push_back(convert(entry.first, depth + 1));
                entries.push_back(convert(entry.second, depth + 1));
            }
            out.close(self, entries.data(), entries.size());
            return self;
        }
        default:
            return out.addNull(mark.line, mark.column);
        }
    }
};

} // namespace

void fromYaml(const YAML::Node &node, Tree &out, std::size_t maxNodes)
{
    out = Tree();
    if (!node.IsDefined())
        return;
    Converter{out, maxNodes}.convert(node, 0);
}

} // namespace meshroute::tree
