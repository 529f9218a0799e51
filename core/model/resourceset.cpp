#include "model/resourceset.h"

#include <algorithm>
#include <memory>

namespace meshroute {

namespace {

// Resources are never assigned to: YAML::Node's assignment writes the new content into the
// node the old one refers to (which the studio's undo history may share). Vectors are rebuilt
// by construction instead, and a replaced resource is destroyed and constructed anew.

// Every document's index list: indices at or after `from` move by `delta`.
void shiftIndices(std::vector<SourceFile> &files, int from, int delta)
{
    for (SourceFile &file : files)
        for (SourceDocument &document : file.documents)
            for (int &index : document.resources)
                if (index >= from)
                    index += delta;
}

} // namespace

const std::string &ResourceSet::fileOf(const Resource &resource) const
{
    static const std::string none;
    if (resource.file < 0 || resource.file >= static_cast<int>(files.size()))
        return none;
    return files[static_cast<std::size_t>(resource.file)].path;
}

const Resource *ResourceSet::find(Kind kind, const std::string &ns, const std::string &name) const
{
    const std::string &wanted = ns.empty() ? defaultNamespace : ns;
    for (const Resource &resource : resources)
        if (resource.kind == kind && resource.name == name &&
            resource.effectiveNamespace(defaultNamespace) == wanted)
            return &resource;
    return nullptr;
}

std::vector<const Resource *> ResourceSet::ofKind(Kind kind) const
{
    std::vector<const Resource *> found;
    for (const Resource &resource : resources)
        if (resource.kind == kind)
            found.push_back(&resource);
    return found;
}

std::optional<Resource> ResourceSet::replacement(std::size_t index, const YAML::Node &node,
                                                 Diagnostics &diagnostics) const
{
    if (index >= resources.size())
        return std::nullopt;
    const Resource &old = resources[index];
    if (!node.IsMap()) {
        diagnostics.push_back(makeDiagnostic(Severity::Error, codes::NotAResource,
                                             Message{"document-not-mapping", {}}, fileOf(old), {},
                                             old.ref(defaultNamespace)));
        return std::nullopt;
    }
    return placedAt(index, parseResource(node, 0, fileOf(old), diagnostics));
}

Resource ResourceSet::placedAt(std::size_t index, Resource fresh) const
{
    const Resource &old = resources.at(index);
    fresh.file = old.file;
    fresh.document = old.document;
    fresh.item = old.item;
    fresh.position = old.position;
    fresh.modified = true;
    return fresh;
}

Diagnostics ResourceSet::replaceNode(std::size_t index, const YAML::Node &node)
{
    Diagnostics diagnostics;
    if (std::optional<Resource> fresh = replacement(index, node, diagnostics))
        replaceResource(resources[index], std::move(*fresh));
    return diagnostics;
}

std::size_t ResourceSet::add(const YAML::Node &node, int file)
{
    if (file < 0 || file >= static_cast<int>(files.size())) {
        if (files.empty())
            files.push_back(SourceFile{});
        file = 0;
    }
    SourceFile &target = files[static_cast<std::size_t>(file)];

    // Keep resources in file order: the new one goes after the last resource of its file
    // (or of the files before it).
    std::size_t at = 0;
    for (std::size_t i = 0; i < resources.size(); ++i)
        if (resources[i].file >= 0 && resources[i].file <= file)
            at = i + 1;
    shiftIndices(files, static_cast<int>(at), 1);

    Diagnostics ignored; // the analysis reports on the resource as it stands
    Resource resource = parseResource(node, 0, target.path, ignored);
    resource.position = {};
    resource.file = file;
    resource.document = static_cast<int>(target.documents.size());
    resource.item = -1;
    resource.modified = true;

    SourceDocument document;
    document.firstLine = -1; // not read from the file
    document.resources.push_back(static_cast<int>(at));
    target.documents.push_back(std::move(document));
    target.changed = true;
    std::vector<Resource> rebuilt;
    rebuilt.reserve(resources.size() + 1);
    for (std::size_t i = 0; i < resources.size(); ++i) {
        if (i == at)
            rebuilt.push_back(std::move(resource));
        rebuilt.push_back(std::move(resources[i]));
    }
    if (at == resources.size())
        rebuilt.push_back(std::move(resource));
    resources.swap(rebuilt);
    return at;
}

void ResourceSet::remove(std::size_t index)
{
    if (index >= resources.size())
        return;
    const int removed = static_cast<int>(index);
    const Resource &resource = resources[index];
    if (resource.file >= 0 && resource.file < static_cast<int>(files.size())) {
        SourceFile &file = files[static_cast<std::size_t>(resource.file)];
        if (resource.document >= 0 && resource.document < static_cast<int>(file.documents.size())) {
            SourceDocument &document = file.documents[static_cast<std::size_t>(resource.document)];
            std::erase(document.resources, removed);
            if (document.resources.empty()) {
                file.documents.erase(file.documents.begin() + resource.document);
                for (Resource &other : resources)
                    if (other.file == resource.file && other.document > resource.document)
                        --other.document;
            } else {
                document.edited = true;
                int item = 0;
                for (int other : document.resources)
                    resources[static_cast<std::size_t>(other)].item = item++;
            }
        }
        file.changed = true;
    }
    std::vector<Resource> rebuilt;
    rebuilt.reserve(resources.size() - 1);
    for (std::size_t i = 0; i < resources.size(); ++i)
        if (i != index)
            rebuilt.push_back(std::move(resources[i]));
    resources.swap(rebuilt);
    shiftIndices(files, removed + 1, -1);
}

void replaceResource(Resource &target, Resource &&source)
{
    if (&target == &source)
        return;
    std::destroy_at(&target);
    std::construct_at(&target, std::move(source));
}

void swapResources(Resource &a, Resource &b)
{
    if (&a == &b)
        return;
    Resource held(std::move(a));
    replaceResource(a, std::move(b));
    replaceResource(b, std::move(held));
}

bool ResourceSet::anyModified() const
{
    if (std::any_of(resources.begin(), resources.end(), [](const Resource &r) { return r.modified; }))
        return true;
    for (const SourceFile &file : files) {
        if (file.changed)
            return true;
        for (const SourceDocument &document : file.documents)
            if (document.edited)
                return true;
    }
    return false;
}

} // namespace meshroute
