#pragma once

// Where a part of a resource's YAML document is, as a line and column of its file: the one walk
// that analysis (Context::at) and the Gateway API target checks (apiVersion) place findings with.
//
//   positionAt(vs, {"spec", "tcp", 0, "route", 1, "weight"}, fallback)
//
// A loaded resource's tree has marks relative to its document, placed at resource.position. An
// edited resource's kept tree has the marks of the text it was edited from; the light tree of its
// emitted text (ResourceNode::positions()) says where its parts are, as lines of that text, which
// is what its model's positions and the YAML pane use.

#include "model/model.h"

#include <cstddef>
#include <vector>

namespace meshroute {

// One step into a resource's YAML document: a mapping key or a sequence index.
struct PathStep
{
    PathStep(const char *k)
        : key(k)
    {}
    PathStep(std::size_t i)
        : index(i)
    {}
    const char *key = nullptr;
    std::size_t index = 0;
};
using Path = std::vector<PathStep>;

// The position of `path` in `resource`'s document: of its value, or of its key when `key` is set
// and the last step is a key. `fallback` when the path is not there or nothing says where it is.
Position positionAt(const Resource &resource, const Path &path, Position fallback = {}, bool key = false);

} // namespace meshroute
