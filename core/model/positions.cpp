#include "model/positions.h"

#include "model/tree.h"

namespace meshroute {

namespace {

// Rebinds `to` to `from`. yaml-cpp's assignment would rewrite the node `to` refers to.
void rebind(YAML::Node &to, const YAML::Node &from)
{
    to.reset(from);
}
void rebind(tree::Node &to, const tree::Node &from)
{
    to = from;
}

// The position of `path` in the document whose root is `root` (a yaml-cpp or a light tree, both
// with marks relative to the text they were read from), placed at `at` in its file.
template <typename Node>
Position positionIn(const Node &root, Position at, const Path &path, Position fallback, bool key)
{
    if (!root.IsDefined() || !at.known() || root.Mark().line < 0)
        return fallback;
    const int offset = at.line - 1 - root.Mark().line;
    Node node;
    rebind(node, root);
    Node keyNode;
    bool lastIsKey = false;
    for (const PathStep &step : path) {
        Node current;
        rebind(current, node);
        if (step.key) {
            if (!current.IsMap())
                return fallback;
            bool found = false;
            for (const auto &entry : current) {
                if (entry.first.IsScalar() && entry.first.Scalar() == step.key) {
                    rebind(keyNode, entry.first);
                    lastIsKey = true;
                    rebind(node, entry.second);
                    found = true;
                    break;
                }
            }
            if (!found)
                return fallback;
        } else {
            if (!current.IsSequence() || step.index >= current.size())
                return fallback;
            lastIsKey = false;
            rebind(node, current[step.index]);
        }
    }
    const YAML::Mark mark = (key && lastIsKey ? keyNode : node).Mark();
    if (mark.line < 0)
        return fallback;
    return {mark.line + 1 + offset, mark.column + 1};
}

// Where the root of `light` is in the text it was read from.
Position textStart(const tree::Tree &light)
{
    return {light.root().Mark().line + 1, light.root().Mark().column + 1};
}

} // namespace

Position positionAt(const Resource &resource, const Path &path, Position fallback, bool key)
{
    // The parser placed the document's root at resource.position; the marks are relative to the
    // text the tree was read from, so the difference is the offset. An edit's tree keeps the marks
    // of the text it was edited from: the light tree of its emitted text says where it is, and its
    // positions are lines of that text (as the model's, parseEmitted, and as the YAML pane shows it).
    if (const tree::Tree *light = resource.node.positions())
        return positionIn(light->root(), textStart(*light), path, fallback, key);
    return positionIn<YAML::Node>(resource.node, resource.position, path, fallback, key);
}

} // namespace meshroute
