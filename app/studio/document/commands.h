#pragma once

// Undoable changes of the document. Each holds the state that is not current (before
// the change once it is done, after it once undone) and exchanges it with the
// document's on undo and redo: nothing is copied, and undo restores exactly the
// state before (untouched documents stay untouched and are saved byte for byte).

#include "document/document.h"
#include "model/resourceset.h"

#include <QHash>
#include <QPointF>
#include <QUndoCommand>

namespace meshroute::studio {

class Document;

// One resource replaced in place (inspector, YAML pane, inline weight edit).
class ReplaceResourceCommand : public QUndoCommand
{
public:
    // `after` replaces the document's resource `index` when the command is first done.
    ReplaceResourceCommand(Document *document, std::size_t index, Resource after, const QString &text,
                           int mergeId);

    void undo() override;
    void redo() override;
    // Consecutive edits of one field (typing in a spin box) merge into one step.
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    std::size_t m_index;
    Resource m_other; // the resource that is not in the document now
    Document::KeptDerived m_derived =
        std::make_shared<std::optional<DerivedState>>(); // with m_other in place
    int m_mergeId;
};

// Resources added, removed or several changed together (drag to create a route).
class SetChangeCommand : public QUndoCommand
{
public:
    // `after` becomes the document's set when the command is first done.
    SetChangeCommand(Document *document, ResourceSet after, const QString &text);

    void undo() override;
    void redo() override;

private:
    Document *m_document;
    ResourceSet m_other; // the set that is not the document's now (it shares unchanged resources)
    Document::KeptDerived m_derived = std::make_shared<std::optional<DerivedState>>(); // of m_other
};

// Nodes moved in the graph (one drag, or a relayout). Positions are not part of the
// manifests: they live in the document and its layout sidecar. The reports of one drag
// (one gesture) merge into one step. Document::isModified() does not count these steps,
// so Save never rewrites YAML for them.
class LayoutCommand : public QUndoCommand
{
public:
    using Positions = QHash<QString, QPointF>;
    // A drag: merges with the next report of the same gesture; `finished` writes the sidecar.
    LayoutCommand(Document *document, Positions before, Positions after, int gesture, bool finished);
    // A relayout (or any one-off placement) with its own text; never merges.
    LayoutCommand(Document *document, Positions before, Positions after, const QString &text);

    void undo() override;
    void redo() override;
    int id() const override { return m_gesture > 0 ? MoveId : -1; }
    bool mergeWith(const QUndoCommand *other) override;

    const Positions &before() const { return m_before; }
    const Positions &after() const { return m_after; }

private:
    enum { MoveId = 0x4d4f5645 }; // "MOVE"
    void describe();

    Document *m_document;
    Positions m_before;
    Positions m_after;
    int m_gesture = 0;
    bool m_finished = true;
    bool m_undone = false;
};

} // namespace meshroute::studio
