#pragma once

// An embedded demo pod: behaves like the tutorial's tcp-echo server. On connect it
// writes five greeting lines (node, pod, namespace, IP, service account), then
// echoes every byte it receives and logs each read the way the tutorial's server does.

#include "compile/routetable.h"
#include "engine/worker.h"
#include "model/message.h"
#include "pods/podlog.h"

#include <boost/asio/ip/tcp.hpp>

#include <memory>
#include <string>

namespace meshroute::proxy {

// "Welcome, you are connected to node <node>.\nRunning on Pod <pod>.\n..." (five lines).
std::string podGreeting(const DemoPod &pod);

struct PodRuntime
{
    PodRuntime(DemoPod info, std::size_t logLines, std::atomic<std::uint64_t> &sequence)
        : pod(std::move(info))
        , greeting(podGreeting(pod))
        , log(pod.name, logLines, sequence)
    {}

    const DemoPod pod;
    const std::string greeting;
    PodLog log;
    Worker *worker = nullptr;                                 // the thread that serves it
    std::unique_ptr<boost::asio::ip::tcp::acceptor> acceptor; // touched on worker's thread once started
    boost::asio::ip::tcp::endpoint address;                   // where it listens (127.0.0.1, ephemeral port)
};

// Opens the pod's acceptor on 127.0.0.1, port 0 (call before startPod). False with `error` on failure.
bool openPod(PodRuntime &pod, Worker &worker, Message &error);
// Starts accepting on the pod's worker. Thread-safe.
void startPod(const std::shared_ptr<PodRuntime> &pod);
// Closes the pod's acceptor (live connections finish on their own). Thread-safe.
void stopPod(const std::shared_ptr<PodRuntime> &pod);

} // namespace meshroute::proxy
