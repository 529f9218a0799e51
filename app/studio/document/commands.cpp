#include "document/commands.h"

#include "document/document.h"

#include <QCoreApplication>

namespace meshroute::studio {

ReplaceResourceCommand::ReplaceResourceCommand(Document *document, std::size_t index, Resource after,
                                               const QString &text, int mergeId)
    : QUndoCommand(text)
    , m_document(document)
    , m_index(index)
    , m_other(std::move(after))
    , m_mergeId(mergeId)
{}

void ReplaceResourceCommand::undo()
{
    m_document->swapResource(m_index, m_other, m_derived);
}

void ReplaceResourceCommand::redo()
{
    m_document->swapResource(m_index, m_other, m_derived);
}

bool ReplaceResourceCommand::mergeWith(const QUndoCommand *other)
{
    // QUndoStack did `other` before offering it: the document holds its result, and this command
    // still holds the state before both, which is what undo of the merged step restores.
    const auto *next = static_cast<const ReplaceResourceCommand *>(other);
    return next->m_index == m_index && next->m_document == m_document;
}

SetChangeCommand::SetChangeCommand(Document *document, ResourceSet after, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_other(std::move(after))
{}

void SetChangeCommand::undo()
{
    m_document->swapSet(m_other, m_derived);
}

void SetChangeCommand::redo()
{
    m_document->swapSet(m_other, m_derived);
}

LayoutCommand::LayoutCommand(Document *document, Positions before, Positions after, int gesture,
                             bool finished)
    : m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_gesture(gesture)
    , m_finished(finished)
{
    describe();
}

LayoutCommand::LayoutCommand(Document *document, Positions before, Positions after, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void LayoutCommand::describe()
{
    int moved = 0;
    for (auto it = m_after.begin(); it != m_after.end(); ++it)
        moved += m_before.value(it.key(), QPointF(qQNaN(), qQNaN())) != it.value() ? 1 : 0;
    // The window's context: its catalogue has the translation.
    setText(QCoreApplication::translate("meshroute::studio::MainWindow", "Move %n node(s)", nullptr, moved));
}

void LayoutCommand::undo()
{
    m_undone = true;
    m_document->applyPositions(m_before, true);
}

void LayoutCommand::redo()
{
    // While the drag goes on, the nodes follow the mouse; the sidecar is written when it ends
    // (and on every redo after an undo).
    m_document->applyPositions(m_after, m_finished || m_undone);
}

bool LayoutCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const LayoutCommand *>(other);
    if (next->m_document != m_document || next->m_gesture != m_gesture)
        return false;
    m_after = next->m_after;
    m_finished = next->m_finished;
    describe();
    setObsolete(m_after == m_before); // dragged back to where it started: no step
    return true;
}

} // namespace meshroute::studio
