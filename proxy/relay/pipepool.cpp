#include "relay/pipepool.h"

#include <fcntl.h>
#include <unistd.h>

namespace meshroute::proxy {

PipePool::~PipePool()
{
    for (Pipe &p : m_free)
        close(p);
}

PipePool::Pipe PipePool::acquire()
{
    if (m_leased >= m_maxLeased)
        return {};
    Pipe p;
    if (!m_free.empty()) {
        p = m_free.back();
        m_free.pop_back();
    } else {
        int fds[2];
        if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0)
            return {};
        p.read = fds[0];
        p.write = fds[1];
    }
    ++m_leased;
    return p;
}

void PipePool::release(Pipe &pipe, bool empty)
{
    if (!pipe.valid())
        return;
    --m_leased;
    if (empty && m_free.size() < m_maxFree)
        m_free.push_back(pipe);
    else
        close(pipe);
    pipe = {};
}

void PipePool::close(Pipe &pipe)
{
    if (pipe.read >= 0)
        ::close(pipe.read);
    if (pipe.write >= 0)
        ::close(pipe.write);
    pipe = {};
}

} // namespace meshroute::proxy
