#pragma once

// What one change of the document touched: which resources were added, removed or modified,
// by identity ("Kind ns/name") and by index. Views, the graph and the diagnostics update from
// it instead of from the whole set; `whole` says everything may have changed (an open).

#include "model/resourceset.h"

#include <vector>

namespace meshroute::studio {

struct DocumentDelta
{
    bool whole = false;                 // a new document: nothing is known to be unchanged
    std::vector<int> added;             // indices in the set after the change
    std::vector<int> modified;          // indices in the set after the change
    std::vector<ResourceRef> removed;   // identities no longer in the set
    std::vector<ResourceRef> addedRefs; // the identities of `added`, in the same order
    std::vector<ResourceRef> modifiedRefs;
    bool moved = false;     // an unchanged resource has another index now (an add or remove before it)
    std::vector<int> files; // source files whose rendered text may differ, ascending

    bool isEmpty() const { return !whole && added.empty() && modified.empty() && removed.empty() && !moved; }
    // Resources came or went or moved: index-keyed views rebuild.
    bool isStructural() const { return whole || !added.empty() || !removed.empty() || moved; }
    bool touchesFile(int file) const;

    static DocumentDelta everything(const ResourceSet &set);
    // Only resource `index` was modified in place.
    static DocumentDelta oneModified(const ResourceSet &set, int index);
};

// The delta between two states of a set. A resource is unchanged when it keeps its identity
// and either its YAML tree (the same shared tree, not only equal) or, untouched in both, its
// source document's text; the cost is linear in the number of resources, not in their size.
DocumentDelta diffSets(const ResourceSet &before, const ResourceSet &after);

} // namespace meshroute::studio
