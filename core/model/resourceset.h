#pragma once

// A loaded configuration: the resources, and the files they came from with the
// exact text of every document, so that saving writes untouched documents back
// byte for byte (comments included).

#include "model/model.h"

#include <optional>
#include <string>
#include <vector>

namespace meshroute {

struct SourceDocument
{
    std::string text;           // the document's bytes as read, including its leading `---` line and comments
    int firstLine = 0;          // 0-based line in the file where `text` starts
    bool isList = false;        // a `kind: List` document; its items are resources
    std::vector<int> resources; // indices into ResourceSet::resources, in document order
    bool edited = false;        // a List that lost an item: re-emitted whole when saved
};

struct SourceFile
{
    std::string path; // as given by the user; "-" for standard input
    std::vector<SourceDocument> documents;
    std::string trailer;  // bytes after the last document (usually empty)
    bool changed = false; // a resource was added to or removed from this file
};

class ResourceSet
{
public:
    std::string defaultNamespace = "default";
    std::vector<SourceFile> files;
    std::vector<Resource> resources; // every resource, in file then document order

    // Where a resource came from, for messages: its file's path, or "" if none.
    const std::string &fileOf(const Resource &resource) const;

    // Lookups by kind and name. `ns` is resolved against defaultNamespace when empty.
    const Resource *find(Kind kind, const std::string &ns, const std::string &name) const;
    std::vector<const Resource *> ofKind(Kind kind) const;

    // Replace a resource's document with `node` (an edit): re-parses the typed spec,
    // marks the resource modified. Returns the parse diagnostics of the new node, positioned
    // by its own marks (e.g. within the YAML pane's text). A node that is not a mapping is
    // refused (MR0015) and the resource left as it was.
    Diagnostics replaceNode(std::size_t index, const YAML::Node &node);
    // What replaceNode(index, node) would put in place, without changing the set: the resource
    // parsed from `node` at the place of resource `index`, marked modified. nullopt (with MR0015
    // in `diagnostics`) when `node` is not a mapping.
    std::optional<Resource> replacement(std::size_t index, const YAML::Node &node,
                                        Diagnostics &diagnostics) const;
    // `fresh`, parsed elsewhere (e.g. parseEmitted), put at the place of resource `index` and
    // marked modified.
    Resource placedAt(std::size_t index, Resource fresh) const;

    // Add a new resource at the end of file `file` (or of the first file, or a new
    // unnamed file when there is none). Returns its index: resources stay in file order,
    // so the indices of the resources of later files grow by one.
    std::size_t add(const YAML::Node &node, int file = -1);

    // Remove a resource (and its document when it was the document's only resource).
    void remove(std::size_t index);

    bool anyModified() const;
};

// Structural sharing (the studio's undo keeps resources, not deep copies, of what an edit
// replaced). A Resource's YAML::Node shares its tree on copy, and YAML::Node's assignment writes
// the new content into the tree the old one refers to, which another copy may share: so a
// resource is never assigned to, but destroyed and constructed anew.
// `target` becomes `source` (moved in); no YAML tree is written to.
void replaceResource(Resource &target, Resource &&source);
// Exchange two resources, as above; no YAML tree is copied or written to.
void swapResources(Resource &a, Resource &b);

} // namespace meshroute
