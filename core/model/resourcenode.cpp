#include "model/resourcenode.h"

#include "model/tree.h"

#include <atomic>
#include <mutex>

namespace meshroute {

class ResourceNode::Source
{
public:
    explicit Source(std::string text)
        : m_text(std::move(text))
    {}

    // The document's root, parsed on first use. The text was parsed once at load, behind the
    // loader's guards, so it parses again; should memory run out, the root stays null.
    const std::string &text() const { return m_text; }

    const YAML::Node &root()
    {
        std::call_once(m_once, [this] {
            try {
                m_root.reset(YAML::Load(m_text));
            } catch (const std::exception &) {
                m_root.reset();
            }
        });
        return m_root;
    }

private:
    std::string m_text;
    std::once_flag m_once;
    YAML::Node m_root;
};

struct ResourceNode::State
{
    State() = default;
    explicit State(const YAML::Node &given) // copy-constructed: yaml-cpp refuses to assign invalid nodes
        : node(given)
    {}

    std::shared_ptr<Source> source; // null: `node` is the truth from the start
    int item = -1;
    std::string exported;          // when not a part of the source text
    std::string_view exportedView; // the export text, possibly within the source
    bool hasExport = false;
    bool sourceIsEmitted = false;                // the source text is what emitNode writes for the node
    bool fromEdit = false;                       // `node` is an edit's tree, `source` its emitted text
    std::shared_ptr<const tree::Tree> positions; // the light reader's tree of the source text
    std::once_flag once;
    std::atomic<bool> built{false};
    YAML::Node node;

    YAML::Node &build()
    {
        if (!built.load(std::memory_order_acquire)) {
            std::call_once(once, [this] {
                const YAML::Node &root = source->root();
                if (item < 0) {
                    node.reset(root);
                } else {
                    const YAML::Node items = root.IsMap() ? root["items"] : YAML::Node();
                    if (items.IsDefined() && items.IsSequence() &&
                        static_cast<std::size_t>(item) < items.size())
                        node.reset(items[static_cast<std::size_t>(item)]);
                }
                built.store(true, std::memory_order_release);
            });
        }
        return node;
    }
};

ResourceNode::ResourceNode()
    : m_state(std::make_shared<State>())
{
    m_state->built = true;
}

ResourceNode::ResourceNode(const YAML::Node &node)
    : m_state(std::make_shared<State>(node))
{
    m_state->built = true;
}

ResourceNode ResourceNode::lazy(std::shared_ptr<Source> source, int item, std::optional<std::string> exported)
{
    ResourceNode out;
    out.m_state->source = std::move(source);
    out.m_state->item = item;
    out.m_state->built = false;
    out.m_state->hasExport = exported.has_value();
    if (!exported)
        return out;
    // A document already in export form is its own export text: no second copy.
    const std::string &text = out.m_state->source->text();
    if (item < 0 && text.size() >= exported->size() &&
        text.compare(text.size() - exported->size(), exported->size(), *exported) == 0) {
        out.m_state->exportedView = std::string_view(text).substr(text.size() - exported->size());
    } else {
        out.m_state->exported = std::move(*exported);
        out.m_state->exportedView = out.m_state->exported;
    }
    return out;
}

std::shared_ptr<ResourceNode::Source> ResourceNode::makeSource(std::string text)
{
    return std::make_shared<Source>(std::move(text));
}

ResourceNode ResourceNode::fromEmitted(std::string text)
{
    ResourceNode out = lazy(makeSource(std::move(text)), -1, std::nullopt);
    out.m_state->sourceIsEmitted = true;
    return out;
}

ResourceNode ResourceNode::fromEdit(const YAML::Node &node, std::string emitted,
                                    std::shared_ptr<const tree::Tree> light)
{
    ResourceNode out(node);
    out.m_state->source = makeSource(std::move(emitted));
    out.m_state->sourceIsEmitted = true;
    out.m_state->fromEdit = true;
    out.m_state->positions = std::move(light);
    return out;
}

const tree::Tree *ResourceNode::positions() const
{
    return m_state->positions.get();
}

bool ResourceNode::is(const ResourceNode &other) const
{
    if (m_state == other.m_state)
        return true;
    if (!isBuilt() || !other.isBuilt())
        return false; // an unbuilt lazy tree is this state's own: nobody else holds it yet
    return get().is(other.get());
}

bool ResourceNode::isBuilt() const
{
    return m_state->built.load(std::memory_order_acquire);
}

std::optional<std::string_view> ResourceNode::untouchedExport() const
{
    if (isBuilt() || !m_state->hasExport)
        return std::nullopt;
    return m_state->exportedView;
}

std::optional<std::string_view> ResourceNode::untouchedEmitted() const
{
    if ((isBuilt() && !m_state->fromEdit) || !m_state->sourceIsEmitted)
        return std::nullopt;
    return std::string_view(m_state->source->text());
}

const YAML::Node &ResourceNode::get() const
{
    return m_state->build();
}

YAML::Node &ResourceNode::get()
{
    return m_state->build();
}

void ResourceNode::reset(const YAML::Node &node)
{
    m_state = std::make_shared<State>(node);
    m_state->built = true;
}

} // namespace meshroute
