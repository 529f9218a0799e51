#include "graph/graphtexts.h"

namespace meshroute::studio {

const GraphText *GraphTexts::find(const std::string &key)
{
    if (auto found = m_now.find(key); found != m_now.end()) {
        ++m_hits;
        return &found->second;
    }
    auto before = m_before.find(key);
    if (before == m_before.end())
        return nullptr;
    ++m_hits;
    // Asked for again: it moves to this build's entries, without copying the words.
    auto moved = m_now.insert(m_before.extract(before));
    return &moved.position->second;
}

const GraphText &GraphTexts::insert(std::string key, GraphText text)
{
    return m_now.insert_or_assign(std::move(key), std::move(text)).first->second;
}

void GraphTexts::endBuild()
{
    m_before = std::move(m_now);
    m_now.clear();
}

void GraphTexts::clear()
{
    m_now.clear();
    m_before.clear();
    m_hits = 0;
}

} // namespace meshroute::studio
