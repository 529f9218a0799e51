#pragma once

// Undoable changes of the document. Each stores deep copies of what it replaces,
// so undo restores exactly the state before (untouched documents stay untouched
// and are saved byte for byte) and redo exactly the state after.

#include "model/resourceset.h"

#include <QUndoCommand>

namespace meshroute::studio {

class Document;

// One resource replaced in place (inspector, YAML pane, inline weight edit).
class ReplaceResourceCommand : public QUndoCommand
{
public:
    ReplaceResourceCommand(Document *document, std::size_t index, Resource before, Resource after,
                           const QString &text, int mergeId);

    void undo() override;
    void redo() override;
    // Consecutive edits of one field (typing in a spin box) merge into one step.
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    std::size_t m_index;
    Resource m_before;
    Resource m_after;
    int m_mergeId;
};

// Resources added, removed or several changed together (drag to create a route).
class SetChangeCommand : public QUndoCommand
{
public:
    SetChangeCommand(Document *document, ResourceSet before, ResourceSet after, const QString &text);

    void undo() override;
    void redo() override;

private:
    Document *m_document;
    ResourceSet m_before;
    ResourceSet m_after;
};

} // namespace meshroute::studio
