#include "document/commands.h"

#include "document/document.h"

namespace meshroute::studio {

ReplaceResourceCommand::ReplaceResourceCommand(Document *document, std::size_t index, Resource before,
                                               Resource after, const QString &text, int mergeId)
    : QUndoCommand(text)
    , m_document(document)
    , m_index(index)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeId(mergeId)
{}

void ReplaceResourceCommand::undo()
{
    m_document->applyResource(m_index, m_before);
}

void ReplaceResourceCommand::redo()
{
    m_document->applyResource(m_index, m_after);
}

bool ReplaceResourceCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ReplaceResourceCommand *>(other);
    if (next->m_index != m_index || next->m_document != m_document)
        return false;
    m_after = cloneResource(next->m_after);
    return true;
}

SetChangeCommand::SetChangeCommand(Document *document, ResourceSet before, ResourceSet after,
                                   const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void SetChangeCommand::undo()
{
    m_document->applySet(m_before);
}

void SetChangeCommand::redo()
{
    m_document->applySet(m_after);
}

LayoutCommand::LayoutCommand(Positions before, Positions after, const QString &text,
                             std::function<void(const Positions &)> apply)
    : QUndoCommand(text)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_apply(std::move(apply))
{}

void LayoutCommand::undo()
{
    if (m_apply)
        m_apply(m_before);
}

void LayoutCommand::redo()
{
    if (m_apply)
        m_apply(m_after);
}

} // namespace meshroute::studio
