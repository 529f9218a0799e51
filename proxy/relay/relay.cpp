#include "relay/relay.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>

namespace meshroute::proxy {

namespace asio = boost::asio;
using boost::system::error_code;

namespace {

// Chunks relayed in one turn before the direction goes back through the reactor, so
// that one busy connection cannot starve the others on its thread.
constexpr int kTurnBudget = 16;
// A bulk read shorter than this turns the direction back to small messages (inline receive).
constexpr std::size_t kSmallRead = 4096;

constexpr Counter kReadCounter[2] = {Counter::BytesFromClient, Counter::BytesFromUpstream};
constexpr Counter kWriteCounter[2] = {Counter::BytesToUpstream, Counter::BytesToClient};

bool spliceUnsupported(int error)
{
    return error == EINVAL || error == ENOSYS || error == EOPNOTSUPP || error == ESPIPE;
}

} // namespace

RelayConnection::RelayConnection(asio::io_context &io, BufferPool &buffers, PipePool &pipes,
                                 RelaySocket clientSocket)
    : client(std::move(clientSocket))
    , upstream(io.get_executor())
    , m_reactor(RelaySocket::reactorOf(io))
    , m_buffers(buffers)
    , m_pipes(pipes)
{}

RelayConnection::~RelayConnection()
{
    for (Direction &d : m_dirs)
        releaseLeases(d);
}

void RelayConnection::startRelay(RelayCounters &counters, std::chrono::steady_clock::time_point *lastActivity,
                                 RelayOptions options, char *pending, std::size_t pendingSize)
{
    m_counters = &counters;
    m_lastActivity = lastActivity;
    m_spliceAllowed = options.splice;
    m_running = true;
    if (pending && pendingSize > 0) {
        Direction &d = m_dirs[ClientToUpstream];
        d.data = pending;
        d.pooled = true;
        d.begin = 0;
        d.size = static_cast<std::uint32_t>(pendingSize);
        countRead(ClientToUpstream, pendingSize);
        pump(ClientToUpstream); // written first, then the client is read on
    } else {
        if (pending)
            m_buffers.release(pending);
        // Both wait with a receive, which Asio tries at once: the client has usually spoken already.
        waitReadable(ClientToUpstream);
    }
    waitReadable(UpstreamToClient);
}

void RelayConnection::closeSockets()
{
    error_code ignored;
    client.close(ignored);
    upstream.close(ignored);
}

void RelayConnection::releaseLeases(Direction &d)
{
    if (d.pooled)
        m_buffers.release(d.data);
    d.data = nullptr;
    d.pooled = false;
    d.begin = d.size = 0;
    m_pipes.release(d.pipe, d.inPipe == 0);
    d.inPipe = 0;
}

void RelayConnection::countRead(unsigned side, std::size_t n)
{
    m_counters->add(kReadCounter[side], n);
    if (m_lastActivity)
        *m_lastActivity = std::chrono::steady_clock::now();
}

bool RelayConnection::flush(unsigned side, bool &blocked)
{
    Direction &d = m_dirs[side];
    const int out = to(side).native_handle();
    while (d.inPipe > 0) {
        const ssize_t n =
            ::splice(d.pipe.read, nullptr, out, nullptr, d.inPipe, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        if (n > 0) {
            const auto sent = static_cast<std::size_t>(n);
            d.inPipe -= sent;
            m_counters->add(kWriteCounter[side], sent);
            if (d.inPipe > 0) { // the socket took part of it: its buffer is full
                blocked = true;
                return true;
            }
            break;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) {
            blocked = true;
            return true;
        }
        finish(side, out < 0 ? TransferEnd::Aborted : TransferEnd::WriteError);
        return false;
    }
    while (d.data && d.begin < d.size) {
        const ssize_t n = ::send(out, d.data + d.begin, d.size - d.begin, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            d.begin += static_cast<std::uint32_t>(n);
            m_counters->add(kWriteCounter[side], static_cast<std::size_t>(n));
            if (d.begin < d.size) {
                blocked = true;
                return true;
            }
            break;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            blocked = true;
            return true;
        }
        finish(side, out < 0 ? TransferEnd::Aborted : TransferEnd::WriteError);
        return false;
    }
    if (d.data) { // written on: a leased buffer goes back at once
        if (d.pooled)
            m_buffers.release(d.data);
        d.data = nullptr;
        d.pooled = false;
        d.begin = d.size = 0;
    }
    return true;
}

void RelayConnection::pump(unsigned side)
{
    Direction &d = m_dirs[side];
    for (int budget = kTurnBudget; !d.finished;) {
        bool blocked = false;
        if (!flush(side, blocked))
            return;
        if (blocked) {
            waitWritable(side);
            return;
        }
        if (d.drained || budget-- == 0) {
            // Ran dry (or had its turn): wait. The wait re-arms the descriptor and re-checks it, so
            // bytes that arrived meanwhile wake it at once.
            d.drained = false;
            waitReadable(side);
            return;
        }
        const int in = from(side).native_handle();
        const bool splice = d.bulk && m_spliceAllowed;
        if (splice && !d.pipe.valid())
            d.pipe = m_pipes.acquire(); // none left: this chunk goes through a buffer
        if (splice && d.pipe.valid()) {
            const ssize_t n = ::splice(in, nullptr, d.pipe.write, nullptr, RelayOptions::kChunk,
                                       SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
            if (n > 0) {
                d.inPipe = static_cast<std::size_t>(n);
                d.drained = d.inPipe < RelayOptions::kChunk;
                if (d.inPipe < kSmallRead)
                    d.bulk = false; // small messages again: the inline receive serves them better
                countRead(side, d.inPipe);
                continue;
            }
            if (n == 0) {
                finish(side, TransferEnd::Eof);
                return;
            }
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN) {
                waitReadable(side);
                return;
            }
            if (!spliceUnsupported(errno) || in < 0) {
                finish(side, in < 0 ? TransferEnd::Aborted : TransferEnd::ReadError);
                return;
            }
            // The kernel does not splice these sockets: relay through the buffer from now on.
            m_spliceAllowed = false;
            m_pipes.release(d.pipe, true);
        }
        d.data = m_buffers.acquire();
        d.pooled = true;
        const ssize_t n = ::recv(in, d.data, BufferPool::kBufferSize, MSG_DONTWAIT);
        if (n > 0) {
            d.begin = 0;
            d.size = static_cast<std::uint32_t>(n);
            d.drained = d.size < BufferPool::kBufferSize;
            if (!d.drained)
                d.bulk = true; // a full buffer: bulk (spliced from the next chunk on, where allowed)
            else if (d.size < kSmallRead)
                d.bulk = false;
            countRead(side, d.size);
            continue;
        }
        const int error = errno;
        m_buffers.release(d.data);
        d.data = nullptr;
        d.pooled = false;
        if (n == 0) {
            finish(side, TransferEnd::Eof);
            return;
        }
        if (error == EINTR)
            continue;
        if (error == EAGAIN || error == EWOULDBLOCK) {
            waitReadable(side);
            return;
        }
        finish(side, in < 0 ? TransferEnd::Aborted : TransferEnd::ReadError);
        return;
    }
}

void RelayConnection::waitReadable(unsigned side)
{
    Direction &d = m_dirs[side];
    // Idle: nothing leased while waiting.
    if (d.inPipe == 0)
        m_pipes.release(d.pipe, true);
    if (d.bulk) {
        // Bulk: wait without taking bytes, the next chunk is read whole (or spliced).
        from(side).async_wait(RelaySocket::wait_read,
                              [self = shared_from_this(), side](const error_code &ec) {
                                  if (self->m_dirs[side].finished)
                                      return;
                                  if (ec)
                                      self->finish(side, TransferEnd::Aborted);
                                  else
                                      self->pump(side);
                              });
        return;
    }
    // A receive into the direction's own bytes: tried at once when the socket may hold data,
    // otherwise queued without a system call until epoll reports data.
    from(side).receiveInline(m_reactor, d.inlineBytes.data(), d.inlineBytes.size(),
                             [self = shared_from_this(), side](const error_code &ec, std::size_t n) {
                                 self->received(side, ec, n);
                             });
}

void RelayConnection::received(unsigned side, const error_code &ec, std::size_t n)
{
    Direction &d = m_dirs[side];
    if (d.finished)
        return;
    if (ec == asio::error::eof) {
        finish(side, TransferEnd::Eof);
        return;
    }
    if (ec) {
        finish(side, ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor
                         ? TransferEnd::Aborted
                         : TransferEnd::ReadError);
        return;
    }
    d.data = d.inlineBytes.data();
    d.pooled = false;
    d.begin = 0;
    d.size = static_cast<std::uint32_t>(n);
    d.drained = n < kInline;
    countRead(side, n);
    pump(side);
}

void RelayConnection::waitWritable(unsigned side)
{
    to(side).async_wait(RelaySocket::wait_write, [self = shared_from_this(), side](const error_code &ec) {
        if (self->m_dirs[side].finished)
            return;
        if (ec)
            self->finish(side, TransferEnd::Aborted);
        else
            self->pump(side);
    });
}

void RelayConnection::finish(unsigned side, TransferEnd end)
{
    Direction &d = m_dirs[side];
    if (d.finished)
        return;
    d.finished = true;
    d.result = end;
    releaseLeases(d);
    const Direction &other = m_dirs[side ^ 1u];
    if (end == TransferEnd::Eof) {
        // Half-close: the other side learns that no more bytes come. When the other direction
        // has ended too, closing both sockets (the owner's part) sends the FIN anyway.
        if (!other.finished) {
            error_code ignored;
            to(side).shutdown(RelaySocket::shutdown_send, ignored);
        }
    } else {
        closeSockets(); // an error (or an abort) ends both directions
    }
    if (other.finished && m_running) {
        m_running = false;
        relayFinished(RelayResult{m_dirs[ClientToUpstream].result, m_dirs[UpstreamToClient].result});
    }
}

} // namespace meshroute::proxy
