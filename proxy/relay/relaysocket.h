#pragma once

// The engine's TCP socket: an Asio stream socket bound to its thread's io_context (a
// smaller executor than any_io_executor, so every pending operation is smaller), plus
// two shortcuts Asio 1.74 does not offer:
//
//  - receiveInline(): a receive into the caller's bytes with a plain handler, started on
//    the reactor directly (a smaller operation than async_receive's, no executor work
//    tracking: the handler always runs on the socket's own io_context thread);
//  - adoptNonBlocking(): records that the descriptor is O_NONBLOCK already and is no
//    dup (sockets from socket(SOCK_NONBLOCK) or made non-blocking by non_blocking()),
//    so Asio neither switches it again (ioctl) nor removes it from epoll before close.
//
// Both reach into boost::asio::detail (the epoll reactor's operations and the socket's
// implementation state), written against Asio 1.18 (Boost 1.74, Debian 12). They are used
// only when the build sees exactly that Asio with its epoll reactor; any other version, or
// -DMESHROUTE_PORTABLE_RELAY=ON, selects the portable path below, which uses public Asio API
// only (async_receive, non_blocking) at the cost of the measured gain. tst_relay checks which
// path a build took; dev.sh test runs the engine suites in both.

#include <boost/asio/basic_stream_socket.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/version.hpp>

#if !defined(MESHROUTE_PORTABLE_RELAY) && BOOST_ASIO_VERSION == 101800 && defined(__linux__) &&              \
    !defined(BOOST_ASIO_HAS_IO_URING) && !defined(BOOST_ASIO_DISABLE_EPOLL)
#define MESHROUTE_RELAY_ASIO_INTERNALS 1
#include <boost/asio/detail/reactor.hpp>
#include <boost/asio/detail/reactor_op.hpp>
#include <boost/asio/detail/socket_ops.hpp>
#else
#define MESHROUTE_RELAY_ASIO_INTERNALS 0
#endif

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/socket.h>
#include <type_traits>
#include <utility>

namespace meshroute::proxy {

// Whether this build takes the shortcuts into Asio's internals (see above).
inline constexpr bool kRelayUsesAsioInternals = MESHROUTE_RELAY_ASIO_INTERNALS != 0;

#if MESHROUTE_RELAY_ASIO_INTERNALS
namespace relaydetail {

namespace asiodetail = boost::asio::detail;
static_assert(BOOST_ASIO_VERSION == 101800, "RelaySocket's shortcuts were written against Asio 1.18.0 only");
static_assert(std::is_same_v<asiodetail::reactor, asiodetail::epoll_reactor>,
              "RelaySocket::receiveInline expects Asio's epoll reactor");

template <typename Handler> class InlineReceiveOp final : public asiodetail::reactor_op
{
public:
    InlineReceiveOp(int fd, void *data, std::size_t size, Handler handler)
        : reactor_op(boost::system::error_code(), &InlineReceiveOp::perform, &InlineReceiveOp::complete)
        , m_fd(fd)
        , m_data(data)
        , m_size(size)
        , m_handler(std::move(handler))
    {}

private:
    static status perform(reactor_op *base)
    {
        auto *op = static_cast<InlineReceiveOp *>(base);
        for (;;) {
            const ssize_t n = ::recv(op->m_fd, op->m_data, op->m_size, MSG_DONTWAIT);
            if (n > 0) {
                // Even a short read is not "exhausted": a FIN that arrived with the data raises no
                // further edge-triggered event, so the next receive must try at once to see it.
                op->bytes_transferred_ = static_cast<std::size_t>(n);
                return done;
            }
            if (n == 0) {
                op->ec_ = boost::asio::error::eof;
                return done_and_exhausted;
            }
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return not_done;
            op->ec_ = boost::system::error_code(errno, boost::asio::error::get_system_category());
            return done;
        }
    }
    // owner is null when the io_context is destroyed with the operation pending.
    static void complete(void *owner, asiodetail::operation *base, const boost::system::error_code &,
                         std::size_t)
    {
        auto *op = static_cast<InlineReceiveOp *>(base);
        Handler handler(std::move(op->m_handler));
        const boost::system::error_code ec = op->ec_;
        const std::size_t n = op->bytes_transferred_;
        delete op;
        if (owner)
            handler(ec, n);
    }

    int m_fd;
    void *m_data;
    std::size_t m_size;
    Handler m_handler;
};

} // namespace relaydetail
#endif

class RelaySocket
    : public boost::asio::basic_stream_socket<boost::asio::ip::tcp, boost::asio::io_context::executor_type>
{
public:
    using Base =
        boost::asio::basic_stream_socket<boost::asio::ip::tcp, boost::asio::io_context::executor_type>;
    using Base::Base;
    RelaySocket(RelaySocket &&) = default;
    RelaySocket &operator=(RelaySocket &&) = default;

#if MESHROUTE_RELAY_ASIO_INTERNALS
    using Reactor = boost::asio::detail::reactor;
#else
    using Reactor = boost::asio::io_context;
#endif

    // Receives at most `size` bytes into `data` once the socket is readable (at once when it
    // may be); handler(error_code, bytes). EOF is asio::error::eof; closing the socket
    // completes it with operation_aborted. `reactor` is the io_context's (see reactorOf).
    template <typename Handler>
    void receiveInline(Reactor &reactor, void *data, std::size_t size, Handler handler)
    {
#if MESHROUTE_RELAY_ASIO_INTERNALS
        auto &impl = impl_.get_implementation();
        auto *op = new relaydetail::InlineReceiveOp<Handler>(impl.socket_, data, size, std::move(handler));
        reactor.start_op(boost::asio::detail::reactor::read_op, impl.socket_, impl.reactor_data_, op, false,
                         true);
#else
        (void)reactor;
        async_receive(boost::asio::buffer(data, size), std::move(handler));
#endif
    }

    // The descriptor comes from socket(SOCK_NONBLOCK) or accept(2) and was made non-blocking,
    // and was never dup()ed: tell Asio so, and it neither switches it again (ioctl) nor removes
    // it from epoll before close. The portable path only makes sure it is non-blocking.
    void adoptNonBlocking()
    {
        checkAdoptable();
#if MESHROUTE_RELAY_ASIO_INTERNALS
        namespace ops = boost::asio::detail::socket_ops;
        auto &impl = impl_.get_implementation();
        impl.state_ = static_cast<ops::state_type>(
            (impl.state_ | ops::user_set_non_blocking | ops::internal_non_blocking) & ~ops::possible_dup);
#else
        boost::system::error_code ignored;
        non_blocking(true, ignored);
#endif
    }

    static Reactor &reactorOf(boost::asio::io_context &io)
    {
#if MESHROUTE_RELAY_ASIO_INTERNALS
        return boost::asio::use_service<boost::asio::detail::reactor>(io);
#else
        return io;
#endif
    }

private:
    // The preconditions adoptNonBlocking() relies on, checked where it is called in checked
    // builds (Debug, and the sanitizer presets define MESHROUTE_CHECK_ADOPT): an open stream
    // socket, already O_NONBLOCK. That no other descriptor shares it (no dup) cannot be asked
    // of the kernel cheaply; the two callers create the descriptor themselves (socket(2),
    // accept(2)) and never duplicate it.
    void checkAdoptable()
    {
#if !defined(NDEBUG) || defined(MESHROUTE_CHECK_ADOPT)
        const int fd = native_handle();
        int type = 0;
        socklen_t length = sizeof type;
        const int flags = ::fcntl(fd, F_GETFL);
        if (!is_open() || flags < 0 || !(flags & O_NONBLOCK) ||
            ::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) != 0 || type != SOCK_STREAM) {
            std::fprintf(
                stderr,
                "RelaySocket::adoptNonBlocking: descriptor %d is not an open, non-blocking stream socket\n",
                fd);
            std::abort();
        }
#endif
    }
};

} // namespace meshroute::proxy
