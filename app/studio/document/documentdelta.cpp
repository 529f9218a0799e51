#include "document/documentdelta.h"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>

namespace meshroute::studio {

namespace {

std::string identity(const ResourceSet &set, const Resource &resource)
{
    return (resource.kindName.empty() ? std::string(kindName(resource.kind)) : resource.kindName) + '\n' +
           resource.effectiveNamespace(set.defaultNamespace) + '\n' + resource.name;
}

const SourceDocument *sourceOf(const ResourceSet &set, const Resource &resource)
{
    if (resource.file < 0 || resource.file >= static_cast<int>(set.files.size()))
        return nullptr;
    const SourceFile &file = set.files[static_cast<std::size_t>(resource.file)];
    if (resource.document < 0 || resource.document >= static_cast<int>(file.documents.size()))
        return nullptr;
    return &file.documents[static_cast<std::size_t>(resource.document)];
}

bool sameResource(const ResourceSet &beforeSet, const Resource &before, const ResourceSet &afterSet,
                  const Resource &after)
{
    if (before.modified != after.modified || before.item != after.item)
        return false;
    if (before.node.is(after.node))
        return true;
    if (before.modified)
        return false;
    // Read again from the same bytes (a whole file's text re-read): the same resource.
    const SourceDocument *a = sourceOf(beforeSet, before);
    const SourceDocument *b = sourceOf(afterSet, after);
    return a && b && a->text == b->text && a->isList == b->isList;
}

void addFile(std::vector<int> &files, int file)
{
    if (file >= 0 && std::find(files.begin(), files.end(), file) == files.end())
        files.push_back(file);
}

} // namespace

bool DocumentDelta::touchesFile(int file) const
{
    return whole || std::find(files.begin(), files.end(), file) != files.end();
}

DocumentDelta DocumentDelta::everything(const ResourceSet &set)
{
    DocumentDelta delta;
    delta.whole = true;
    for (int i = 0; i < static_cast<int>(set.files.size()); ++i)
        delta.files.push_back(i);
    return delta;
}

DocumentDelta DocumentDelta::oneModified(const ResourceSet &set, int index)
{
    DocumentDelta delta;
    if (index < 0 || index >= static_cast<int>(set.resources.size()))
        return delta;
    const Resource &resource = set.resources[static_cast<std::size_t>(index)];
    delta.modified.push_back(index);
    delta.modifiedRefs.push_back(resource.ref(set.defaultNamespace));
    addFile(delta.files, resource.file);
    return delta;
}

DocumentDelta diffSets(const ResourceSet &before, const ResourceSet &after)
{
    DocumentDelta delta;
    const std::size_t n = before.resources.size();
    // The common case (an edit in place): same identities at the same indices.
    bool aligned = n == after.resources.size();
    for (std::size_t i = 0; aligned && i < n; ++i) {
        const Resource &a = before.resources[i];
        const Resource &b = after.resources[i];
        aligned =
            a.kind == b.kind && a.name == b.name && a.file == b.file &&
            a.effectiveNamespace(before.defaultNamespace) == b.effectiveNamespace(after.defaultNamespace) &&
            a.kindName == b.kindName;
    }
    if (aligned) {
        for (std::size_t i = 0; i < n; ++i)
            if (!sameResource(before, before.resources[i], after, after.resources[i])) {
                delta.modified.push_back(static_cast<int>(i));
                delta.modifiedRefs.push_back(after.resources[i].ref(after.defaultNamespace));
                addFile(delta.files, after.resources[i].file);
            }
    } else {
        std::unordered_map<std::string, std::deque<std::size_t>> earlier;
        for (std::size_t i = 0; i < n; ++i)
            earlier[identity(before, before.resources[i])].push_back(i);
        for (std::size_t i = 0; i < after.resources.size(); ++i) {
            const Resource &b = after.resources[i];
            auto it = earlier.find(identity(after, b));
            if (it == earlier.end() || it->second.empty()) {
                delta.added.push_back(static_cast<int>(i));
                delta.addedRefs.push_back(b.ref(after.defaultNamespace));
                addFile(delta.files, b.file);
                continue;
            }
            const std::size_t was = it->second.front();
            it->second.pop_front();
            const Resource &a = before.resources[was];
            if (was != i || a.file != b.file || a.document != b.document)
                delta.moved = true;
            if (!sameResource(before, a, after, b)) {
                delta.modified.push_back(static_cast<int>(i));
                delta.modifiedRefs.push_back(b.ref(after.defaultNamespace));
                addFile(delta.files, a.file);
                addFile(delta.files, b.file);
            }
        }
        for (const auto &[key, left] : earlier)
            for (std::size_t was : left) {
                delta.removed.push_back(before.resources[was].ref(before.defaultNamespace));
                addFile(delta.files, before.resources[was].file);
            }
    }
    // A file that gained or lost a document, or whose List was edited, renders anew.
    for (std::size_t f = 0; f < after.files.size(); ++f) {
        const bool known = f < before.files.size();
        if (!known || before.files[f].changed != after.files[f].changed ||
            before.files[f].documents.size() != after.files[f].documents.size())
            addFile(delta.files, static_cast<int>(f));
    }
    if (before.files.size() != after.files.size())
        delta.moved = true;
    std::sort(delta.files.begin(), delta.files.end());
    return delta;
}

} // namespace meshroute::studio
