// The admin endpoint's request handling: any bytes a client sends on one connection, parsed
// by the same Beast parser with the same limits, answered by the same code as the server.
// Beyond "no crash":
//  - every response parses back as HTTP with the status recorded, a Content-Length equal to
//    its body (no body at all for HEAD), and the server's name;
//  - 200 exactly for GET/HEAD of a known path (query ignored), 405 (with Allow) for other
//    methods, 404 otherwise; a 200 on /stats is the JSON snapshot;
//  - the exchange stops at the first parse error or non-keep-alive request.

#include "fuzzcheck.h"

#include "admin/adminserver.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>

using namespace meshroute::proxy;
namespace http = boost::beast::http;

namespace {

StatsSnapshot snapshot()
{
    StatsSnapshot s;
    s.generation = 3;
    ListenerStats l;
    l.gateway = "default/g\"w\\";
    l.port = 31400;
    s.listeners.push_back(l);
    ClusterStats c;
    c.name = "outbound|3333|v1|tcp-echo.default.svc.cluster.local";
    c.host = "tcp-echo.default.svc.cluster.local";
    s.clusters.push_back(c);
    EndpointStats e;
    e.cluster = c.name;
    e.name = "tcp-echo-v1-0\n";
    s.endpoints.push_back(e);
    return s;
}

bool known(std::string target)
{
    if (const auto q = target.find('?'); q != std::string::npos)
        target.resize(q);
    return target == "/" || target == "/stats" || target == "/stats/json" || target == "/stats/prometheus" ||
           target == "/metrics";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const AdminServer::SnapshotSource source = [] { return snapshot(); };
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const AdminExchange exchange = adminExchange(bytes, source);

    FUZZ_CHECK(!(exchange.incomplete && exchange.closed));
    if (!exchange.error.empty())
        FUZZ_CHECK(exchange.closed);
    for (std::size_t i = 0; i < exchange.turns.size(); ++i) {
        const AdminTurn &turn = exchange.turns[i];
        const bool read = turn.method == "GET" || turn.method == "HEAD";
        const bool head = turn.method == "HEAD";
        if (!read)
            FUZZ_CHECK(turn.status == 405);
        else
            FUZZ_CHECK(turn.status == (known(turn.target) ? 200 : 404));

        http::response_parser<http::string_body> parser;
        parser.skip(head);
        parser.eager(true);
        boost::system::error_code ec;
        const std::size_t used =
            parser.put(boost::asio::buffer(turn.response.data(), turn.response.size()), ec);
        FUZZ_CHECK(!ec);
        FUZZ_CHECK(parser.is_done());
        FUZZ_CHECK(used == turn.response.size());
        const auto &response = parser.get();
        FUZZ_CHECK(response.result_int() == static_cast<unsigned>(turn.status));
        FUZZ_CHECK(response[http::field::server] == "meshroute");
        FUZZ_CHECK(!response[http::field::content_type].empty());
        FUZZ_CHECK(response.has_content_length());
        if (head) {
            FUZZ_CHECK(response.body().empty());
        } else {
            FUZZ_CHECK(std::to_string(response.body().size()) ==
                       std::string(response[http::field::content_length]));
        }
        if (turn.status == 405)
            FUZZ_CHECK(response[http::field::allow] == "GET, HEAD");
        if (turn.status == 200 && !head && turn.target.starts_with("/stats") &&
            !turn.target.starts_with("/stats/p"))
            FUZZ_CHECK(response.body().starts_with("{\"generation\":3,"));
        // Only the last turn may end the connection.
        if (i + 1 < exchange.turns.size())
            FUZZ_CHECK(response.keep_alive());
    }
    return 0;
}
