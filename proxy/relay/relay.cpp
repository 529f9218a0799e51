#include "relay/relay.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <exception>
#include <memory>

namespace meshroute::proxy {

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

namespace {

asio::awaitable<TransferEnd> transfer(tcp::socket &from, tcp::socket &to, RelayContext context,
                                      Counter readCounter, Counter writeCounter)
{
    error_code ec;
    for (;;) {
        {
            // Read first and wait only after the socket said "would block": Asio's reactor is
            // edge-triggered, so a wait started while bytes are already queued would not wake.
            BufferLease buffer(context.pool);
            const std::size_t n = from.read_some(asio::buffer(buffer.data(), buffer.size()), ec);
            if (ec == asio::error::eof) {
                error_code ignored;
                to.shutdown(tcp::socket::shutdown_send, ignored);
                co_return TransferEnd::Eof;
            }
            if (ec && ec != asio::error::would_block && ec != asio::error::try_again)
                co_return ec == asio::error::bad_descriptor ? TransferEnd::Aborted : TransferEnd::ReadError;
            if (!ec) {
                context.lastActivity = std::chrono::steady_clock::now();
                context.counters.add(readCounter, n);
                // Holding the buffer until the other side took it is the backpressure.
                co_await asio::async_write(to, asio::buffer(buffer.data(), n),
                                           asio::redirect_error(asio::use_awaitable, ec));
                if (ec)
                    co_return ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor
                        ? TransferEnd::Aborted
                        : TransferEnd::WriteError;
                context.counters.add(writeCounter, n);
                continue;
            }
        }
        // Nothing to read: wait without a buffer, so an idle connection holds no memory of ours.
        co_await from.async_wait(tcp::socket::wait_read, asio::redirect_error(asio::use_awaitable, ec));
        if (ec)
            co_return ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor
                ? TransferEnd::Aborted
                : TransferEnd::ReadError;
    }
}

bool isError(TransferEnd end)
{
    return end == TransferEnd::ReadError || end == TransferEnd::WriteError;
}

void closeBoth(tcp::socket &a, tcp::socket &b)
{
    error_code ignored;
    a.close(ignored);
    b.close(ignored);
}

} // namespace

asio::awaitable<RelayResult> relay(tcp::socket &client, tcp::socket &upstream, RelayContext context)
{
    error_code ignored;
    client.non_blocking(true, ignored);
    upstream.non_blocking(true, ignored);

    // The second direction runs as its own coroutine; `join` tells this one when it ended.
    struct Join
    {
        explicit Join(const asio::any_io_executor &executor)
            : event(executor, asio::steady_timer::time_point::max())
        {}
        asio::steady_timer event;
        bool done = false;
        TransferEnd end = TransferEnd::Aborted;
    };
    const auto executor = co_await asio::this_coro::executor;
    auto join = std::make_shared<Join>(executor);

    asio::co_spawn(executor,
                   transfer(upstream, client, context, Counter::BytesFromUpstream, Counter::BytesToClient),
                   [join, &client, &upstream](std::exception_ptr error, TransferEnd end) {
                       join->done = true;
                       join->end = error ? TransferEnd::ReadError : end;
                       if (isError(join->end))
                           closeBoth(client, upstream);
                       join->event.cancel();
                   });

    RelayResult result;
    try {
        result.clientToUpstream =
            co_await transfer(client, upstream, context, Counter::BytesFromClient, Counter::BytesToUpstream);
    } catch (...) {
        result.clientToUpstream = TransferEnd::ReadError;
    }
    if (isError(result.clientToUpstream))
        closeBoth(client, upstream);
    if (!join->done) {
        error_code ec;
        co_await join->event.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    result.upstreamToClient = join->end;
    co_return result;
}

} // namespace meshroute::proxy
