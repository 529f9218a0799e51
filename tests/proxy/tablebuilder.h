#pragma once

// Route tables written by hand for the engine tests (the compiler has its own tests).

#include "compile/routetable.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace testnet {

struct TableBuilder
{
    std::shared_ptr<meshroute::RouteTable> table = std::make_shared<meshroute::RouteTable>();

    std::size_t pod(const std::string &name, const std::string &deployment, const std::string &version,
                    const std::string &node = "meshroute-worker", const std::string &ip = "10.244.1.2")
    {
        meshroute::DemoPod p;
        p.name = name;
        p.ns = "default";
        p.deployment = deployment;
        p.node = node;
        p.ip = ip;
        p.serviceAccount = "default";
        p.labels = {{"app", "tcp-echo"}, {"version", version}};
        table->pods.push_back(p);
        return table->pods.size() - 1;
    }

    static meshroute::Endpoint podEndpoint(const meshroute::RouteTable &t, std::size_t pod)
    {
        meshroute::Endpoint e;
        e.pod = static_cast<int>(pod);
        e.port = 3333;
        e.name = t.pods[pod].name;
        e.workload = t.pods[pod].deployment;
        e.workloadNamespace = t.pods[pod].ns;
        e.serviceAccount = "default";
        e.labels = t.pods[pod].labels;
        return e;
    }

    static meshroute::Endpoint address(std::uint16_t port, const std::string &workload = {})
    {
        meshroute::Endpoint e;
        e.address = "127.0.0.1";
        e.port = port;
        e.name = "127.0.0.1:" + std::to_string(port);
        e.workload = workload;
        e.workloadNamespace = "default";
        return e;
    }

    std::size_t cluster(const std::string &subset, std::vector<meshroute::Endpoint> endpoints,
                        meshroute::ClusterPolicy policy = {}, const std::string &noRoute = {})
    {
        meshroute::Cluster c;
        c.host = "tcp-echo.default.svc.cluster.local";
        c.subset = subset;
        c.port = 3333;
        c.name = "outbound|3333|" + subset + "|" + c.host;
        c.serviceName = "tcp-echo";
        c.serviceNamespace = "default";
        c.policy = policy;
        c.noRoute = noRoute;
        c.endpoints = std::move(endpoints);
        table->clusters.push_back(std::move(c));
        return table->clusters.size() - 1;
    }

    std::size_t route(const std::string &name,
                      std::vector<std::pair<std::size_t, std::uint32_t>> destinations)
    {
        meshroute::Route r;
        r.name = name;
        r.virtualService = "default/tcp-echo";
        for (auto [cluster, weight] : destinations)
            r.destinations.push_back({cluster, weight});
        table->routes.push_back(std::move(r));
        return table->routes.size() - 1;
    }

    // A TLS PASSTHROUGH listener: (SNI names, route) in Istio's order.
    void sniListener(std::uint32_t port, const std::string &gateway,
                     std::vector<std::pair<std::vector<std::string>, std::size_t>> routes)
    {
        meshroute::Listener l;
        l.port = port;
        l.protocol = "TLS";
        l.tlsMode = "PASSTHROUGH";
        l.gateway = gateway;
        for (auto &[names, route] : routes) {
            table->routes[route].section = "tls";
            l.sniRoutes.push_back({std::move(names), route, {gateway}});
        }
        table->listeners.push_back(std::move(l));
    }

    void listener(std::uint32_t port, const std::string &gateway, std::optional<std::size_t> route)
    {
        meshroute::Listener l;
        l.port = port;
        l.protocol = "TCP";
        l.gateway = gateway;
        l.route = route;
        table->listeners.push_back(std::move(l));
    }
};

} // namespace testnet
