#pragma once

// A resource's YAML document, built on demand. A loaded resource keeps the bytes of its
// document (shared by the items of a `kind: List`) and the model parsed from them; the yaml-cpp
// tree, which costs about a hundred times the bytes, is built the first time someone asks for
// it (an edit, a fix, a diagnostic's position, an export of a changed resource). Until then
// nothing can have changed it, so the export text recorded at load stands for it.
//
// Reads like the YAML::Node it replaces: converts to `const YAML::Node &` / `YAML::Node &`,
// forwards operator[], and assigning a YAML::Node writes into the node as yaml-cpp's operator=
// does (everyone sharing it sees the change). Copies share the node, as YAML::Node copies do;
// reset() rebinds this handle only. Building is thread-safe; using the built node from several
// threads is as safe as yaml-cpp makes it.

#include <yaml-cpp/yaml.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace meshroute {

namespace tree {
class Tree;
}

class ResourceNode
{
public:
    // The bytes of one document, parsed at most once for all the resources it holds.
    class Source;

    ResourceNode();
    ResourceNode(const YAML::Node &node); // NOLINT: implicit, as the member was a YAML::Node

    // A node built from `source` when first used: the document's root, or for `item` >= 0
    // entry `item` of its `items`. `exported` is the resource's export text (exportResource
    // without apiVersion conversion) as computed from the tree at load time, if it was.
    static ResourceNode lazy(std::shared_ptr<Source> source, int item, std::optional<std::string> exported);
    static std::shared_ptr<Source> makeSource(std::string text);
    // A node built when first used from `text`, which is what the writer emitted for it (emitNode):
    // an edit's new tree, read back from the text the YAML pane shows.
    static ResourceNode fromEmitted(std::string text);
    // The tree an edit made, kept as the node (the next edit reads it instead of building it again
    // from `emitted`, what emitNode wrote for it), with `light`, the light reader's tree of that
    // text, which says where each part is in it (positions()). Like every resource's tree, it is
    // never changed in place: edits copy it, or the part they change, and replace the resource. A
    // tree may share parts with the trees of earlier and later states (edits::withRuleEdited).
    static ResourceNode fromEdit(const YAML::Node &node, std::string emitted,
                                 std::shared_ptr<const tree::Tree> light);

    // Where the parts of the node are, as lines and columns of the text it was read from, when that
    // is not the yaml-cpp tree's marks (a tree kept from an edit has the marks of the text it was
    // edited from); null: the tree's marks say it.
    const tree::Tree *positions() const;

    // Whether the yaml-cpp tree exists (for tests and measurements).
    bool isBuilt() const;
    // The export text recorded at load, while the tree was never built (so never changed).
    std::optional<std::string_view> untouchedExport() const;
    // For a node made fromEmitted() and not built since (so never changed), or made fromEdit():
    // what emitNode writes for it, without walking it.
    std::optional<std::string_view> untouchedEmitted() const;

    const YAML::Node &get() const;
    YAML::Node &get();

    // Whether both stand for the same tree (YAML::Node::is), without building either: handles of
    // one lazy document are the same until built; two lazy documents never are.
    bool is(const ResourceNode &other) const;
    bool is(const YAML::Node &other) const { return get().is(other); }
    operator const YAML::Node &() const { return get(); } // NOLINT: implicit by design
    operator YAML::Node &() { return get(); }             // NOLINT: implicit by design

    ResourceNode &operator=(const YAML::Node &node)
    {
        get() = node;
        return *this;
    }
    void reset(const YAML::Node &node = YAML::Node());

    template <typename Key> const YAML::Node operator[](const Key &key) const
    {
        return std::as_const(get())[key];
    }
    template <typename Key> YAML::Node operator[](const Key &key) { return get()[key]; }

    bool IsDefined() const { return get().IsDefined(); }
    bool IsNull() const { return get().IsNull(); }
    bool IsScalar() const { return get().IsScalar(); }
    bool IsSequence() const { return get().IsSequence(); }
    bool IsMap() const { return get().IsMap(); }
    YAML::NodeType::value Type() const { return get().Type(); }
    YAML::Mark Mark() const { return get().Mark(); }
    std::size_t size() const { return get().size(); }
    const std::string &Scalar() const { return get().Scalar(); }
    const std::string &Tag() const { return get().Tag(); }
    YAML::const_iterator begin() const { return std::as_const(get()).begin(); }
    YAML::const_iterator end() const { return std::as_const(get()).end(); }
    YAML::iterator begin() { return get().begin(); }
    YAML::iterator end() { return get().end(); }
    explicit operator bool() const { return static_cast<bool>(get()); }

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace meshroute

// So that a YAML::Node can be made from a resource's node where code asks yaml-cpp to convert
// one (e.g. std::map<..., YAML::Node>::emplace(i, resource.node)): yaml-cpp copies the
// top-level content, as it does for every converted value.
template <> struct YAML::convert<meshroute::ResourceNode>
{
    static Node encode(const meshroute::ResourceNode &node) { return node.get(); }
    static bool decode(const Node &node, meshroute::ResourceNode &out)
    {
        out.reset(node);
        return true;
    }
};
