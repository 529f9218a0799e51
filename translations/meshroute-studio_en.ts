<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>TrafficCharts</name>
    <message>
        <source>B/s</source>
        <translation>B/s</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>GiB/s</source>
        <translation>GiB/s</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::ConnectionsModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>no route</source>
        <translation>no route</translation>
    </message>
    <message>
        <source>connection limit</source>
        <translation>connection limit</translation>
    </message>
    <message>
        <source>no healthy upstream</source>
        <translation>no healthy upstream</translation>
    </message>
    <message>
        <source>upstream connect failed</source>
        <translation>upstream connect failed</translation>
    </message>
    <message>
        <source>idle timeout</source>
        <translation>idle timeout</translation>
    </message>
    <message>
        <source>client error</source>
        <translation>client error</translation>
    </message>
    <message>
        <source>upstream error</source>
        <translation>upstream error</translation>
    </message>
    <message>
        <source>gateway stopped</source>
        <translation>gateway stopped</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Bytes read from the client and sent towards the upstream</source>
        <translation>Bytes read from the client and sent towards the upstream</translation>
    </message>
    <message>
        <source>Bytes read from the upstream and written back to the client</source>
        <translation>Bytes read from the upstream and written back to the client</translation>
    </message>
    <message>
        <source>The Gateway server&apos;s port (before any local port offset)</source>
        <translation>The Gateway server&apos;s port (before any local port offset)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Gateway port</source>
        <translation>Gateway port</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Subset</source>
        <translation>Subset</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Client → upstream (B)</source>
        <translation>Client → upstream (B)</translation>
    </message>
    <message>
        <source>Upstream → client (B)</source>
        <translation>Upstream → client (B)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Close reason</source>
        <translation>Close reason</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>none for SNI %1</source>
        <translation>none for SNI %1</translation>
    </message>
    <message>
        <source>%1 (SNI %2)</source>
        <translation>%1 (SNI %2)</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::ConnectionsView</name>
    <message>
        <source>%1 connections</source>
        <translation>%1 connections</translation>
    </message>
    <message>
        <source>%1 of %2 connections</source>
        <translation>%1 of %2 connections</translation>
    </message>
    <message>
        <source>Filter: client, route, subset, pod, reason…</source>
        <translation>Filter: client, route, subset, pod, reason…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Empty the table (the gateway keeps running)</source>
        <translation>Empty the table (the gateway keeps running)</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::DiagnosticText</name>
    <message>
        <source>%1 must be a mapping, not %2</source>
        <translation>%1 must be a mapping, not %2</translation>
    </message>
    <message>
        <source>%1 must be a list, not %2</source>
        <translation>%1 must be a list, not %2</translation>
    </message>
    <message>
        <source>%1 must be a string, not %2</source>
        <translation>%1 must be a string, not %2</translation>
    </message>
    <message>
        <source>%1 must be a number, not %2</source>
        <translation>%1 must be a number, not %2</translation>
    </message>
    <message>
        <source>%1 must be a whole number, not &quot;%2&quot;</source>
        <translation>%1 must be a whole number, not &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 must be true or false, not %2</source>
        <translation>%1 must be true or false, not %2</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a duration (use a number with a unit: 500ms, 10s, 1m, 1h)</source>
        <translation>%1 &quot;%2&quot; is not a duration (use a number with a unit: 500ms, 10s, 1m, 1h)</translation>
    </message>
    <message>
        <source>%1 %2 is outside %3–%4</source>
        <translation>%1 %2 is outside %3–%4</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not one of %3</source>
        <translation>%1 &quot;%2&quot; is not one of %3</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 is required</translation>
    </message>
    <message>
        <source>the document is not a Kubernetes resource (expected a mapping)</source>
        <translation>the document is not a Kubernetes resource (expected a mapping)</translation>
    </message>
    <message>
        <source>metadata.name &quot;%1&quot; is not a valid name (lower-case letters, digits, &apos;-&apos; and &apos;.&apos;, starting and ending with a letter or digit)</source>
        <translation>metadata.name &quot;%1&quot; is not a valid name (lower-case letters, digits, &apos;-&apos; and &apos;.&apos;, starting and ending with a letter or digit)</translation>
    </message>
    <message>
        <source>metadata.namespace &quot;%1&quot; is not a valid namespace name</source>
        <translation>metadata.namespace &quot;%1&quot; is not a valid namespace name</translation>
    </message>
    <message>
        <source>%1 with apiVersion &quot;%2&quot; is not one Meshroute knows; it is kept as written but not checked</source>
        <translation>%1 with apiVersion &quot;%2&quot; is not one Meshroute knows; it is kept as written but not checked</translation>
    </message>
    <message>
        <source>Deployment apiVersion &quot;%1&quot; was removed in Kubernetes 1.16; use apps/v1 (it also needs spec.selector)</source>
        <translation>Deployment apiVersion &quot;%1&quot; was removed in Kubernetes 1.16; use apps/v1 (it also needs spec.selector)</translation>
    </message>
    <message>
        <source>the input is UTF-16 or UTF-32 text; save it as UTF-8</source>
        <translation>the input is UTF-16 or UTF-32 text; save it as UTF-8</translation>
    </message>
    <message>
        <source>binary data (byte %1): this is not a YAML text file</source>
        <translation>binary data (byte %1): this is not a YAML text file</translation>
    </message>
    <message>
        <source>invalid UTF-8 (byte %1): this is not a YAML text file, or not saved as UTF-8</source>
        <translation>invalid UTF-8 (byte %1): this is not a YAML text file, or not saved as UTF-8</translation>
    </message>
    <message>
        <source>cannot read %1: no such file or folder</source>
        <translation>cannot read %1: no such file or folder</translation>
    </message>
    <message>
        <source>cannot read the folder %1: %2</source>
        <translation>cannot read the folder %1: %2</translation>
    </message>
    <message>
        <source>the folder %1 contains no .yaml or .yml file</source>
        <translation>the folder %1 contains no .yaml or .yml file</translation>
    </message>
    <message>
        <source>cannot read %1: it is a folder</source>
        <translation>cannot read %1: it is a folder</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>cannot open %1: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>refusing to read %1: it is %2 MB, more than the %3 MB limit</source>
        <translation>refusing to read %1: it is %2 MB, more than the %3 MB limit</translation>
    </message>
    <message>
        <source>refusing to read %1: it is more than the %2 MB limit</source>
        <translation>refusing to read %1: it is more than the %2 MB limit</translation>
    </message>
    <message>
        <source>the input is %1 bytes, more than the limit of %2</source>
        <translation>the input is %1 bytes, more than the limit of %2</translation>
    </message>
    <message>
        <source>the text is larger than %1 bytes</source>
        <translation>the text is larger than %1 bytes</translation>
    </message>
    <message>
        <source>the input expands to more than %1 nodes through aliases; the document is not read</source>
        <translation>the input expands to more than %1 nodes through aliases; the document is not read</translation>
    </message>
    <message>
        <source>the document expands to more than %1 nodes (alias expansion); it is not read</source>
        <translation>the document expands to more than %1 nodes (alias expansion); it is not read</translation>
    </message>
    <message>
        <source>the document nests deeper than %1 levels; it is not read</source>
        <translation>the document nests deeper than %1 levels; it is not read</translation>
    </message>
    <message>
        <source>the document has more than %1 nodes; it is not read</source>
        <translation>the document has more than %1 nodes; it is not read</translation>
    </message>
    <message>
        <source>the input has more than %1 nodes; the rest is not read</source>
        <translation>the input has more than %1 nodes; the rest is not read</translation>
    </message>
    <message>
        <source>the document nests too deeply to be read</source>
        <translation>the document nests too deeply to be read</translation>
    </message>
    <message>
        <source>the document is too large to be read in memory</source>
        <translation>the document is too large to be read in memory</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>YAML syntax error: %1</translation>
    </message>
    <message>
        <source>the text holds more than one document; one resource is expected</source>
        <translation>the text holds more than one document; one resource is expected</translation>
    </message>
    <message>
        <source>items of a List must be a sequence</source>
        <translation>items of a List must be a sequence</translation>
    </message>
    <message>
        <source>the document cannot be read: %1</source>
        <translation>the document cannot be read: %1</translation>
    </message>
    <message>
        <source>the input is empty</source>
        <translation>the input is empty</translation>
    </message>
    <message>
        <source>the input contains no Kubernetes resource</source>
        <translation>the input contains no Kubernetes resource</translation>
    </message>
    <message>
        <source>the text contains no resource</source>
        <translation>the text contains no resource</translation>
    </message>
    <message>
        <source>gateway &quot;%1&quot; not found: there is no Gateway %2</source>
        <translation>gateway &quot;%1&quot; not found: there is no Gateway %2</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is defined in DestinationRule %3, which is not exported to namespace %4</source>
        <translation>%1 &quot;%2&quot; is defined in DestinationRule %3, which is not exported to namespace %4</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not defined in DestinationRule %3 (it defines no subsets)</source>
        <translation>%1 &quot;%2&quot; is not defined in DestinationRule %3 (it defines no subsets)</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not defined in DestinationRule %3 (it defines %4)</source>
        <translation>%1 &quot;%2&quot; is not defined in DestinationRule %3 (it defines %4)</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; of host &quot;%3&quot; is not defined: no DestinationRule has host %4%5</source>
        <translation>%1 &quot;%2&quot; of host &quot;%3&quot; is not defined: no DestinationRule has host %4%5</translation>
    </message>
    <message>
        <source>port %1 of host &quot;%2&quot; not found: %3 has %4</source>
        <translation>port %1 of host &quot;%2&quot; not found: %3 has %4</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; needs a port: %3 has several (%4)</source>
        <translation>%1 &quot;%2&quot; needs a port: %3 has several (%4)</translation>
    </message>
    <message>
        <source>port %1 of Service %2 has appProtocol &quot;%3&quot;, which is not a protocol Istio knows (tcp, http, http2, grpc, tls, ...)</source>
        <translation>port %1 of Service %2 has appProtocol &quot;%3&quot;, which is not a protocol Istio knows (tcp, http, http2, grpc, tls, ...)</translation>
    </message>
    <message>
        <source>port %1 of Service %2 has no name and no appProtocol, so Istio has to guess its protocol; name it &lt;protocol&gt;[-&lt;suffix&gt;], e.g. &quot;tcp&quot;, or set appProtocol</source>
        <translation>port %1 of Service %2 has no name and no appProtocol, so Istio has to guess its protocol; name it &lt;protocol&gt;[-&lt;suffix&gt;], e.g. &quot;tcp&quot;, or set appProtocol</translation>
    </message>
    <message>
        <source>port %1 of Service %2 is named &quot;%3&quot;, which does not follow Istio&apos;s &lt;protocol&gt;[-&lt;suffix&gt;] convention (e.g. &quot;%4&quot;), and has no appProtocol</source>
        <translation>port %1 of Service %2 is named &quot;%3&quot;, which does not follow Istio&apos;s &lt;protocol&gt;[-&lt;suffix&gt;] convention (e.g. &quot;%4&quot;), and has no appProtocol</translation>
    </message>
    <message>
        <source>%1 is never used: only the last rule may have no match, and %2 has none</source>
        <translation>%1 is never used: only the last rule may have no match, and %2 has none</translation>
    </message>
    <message>
        <source>%1 is never used: %2 before it has no match and takes all traffic</source>
        <translation>%1 is never used: %2 before it has no match and takes all traffic</translation>
    </message>
    <message>
        <source>%1 is never used: all its matches are used by earlier rules</source>
        <translation>%1 is never used: all its matches are used by earlier rules</translation>
    </message>
    <message>
        <source>match %1 of %2 is never used: %3 has the same match</source>
        <translation>match %1 of %2 is never used: %3 has the same match</translation>
    </message>
    <message>
        <source>no host of %1 [%2] is served by Gateway %3: it does not exist</source>
        <translation>no host of %1 [%2] is served by Gateway %3: it does not exist</translation>
    </message>
    <message>
        <source>no host of %1 [%2] is served by Gateway %3: it has no server hosts</source>
        <translation>no host of %1 [%2] is served by Gateway %3: it has no server hosts</translation>
    </message>
    <message>
        <source>no host of %1 [%2] is served by Gateway %3: its server hosts are %4</source>
        <translation>no host of %1 [%2] is served by Gateway %3: its server hosts are %4</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 conflicts with %3: both select %4 and serve host &quot;%5&quot; on that port</source>
        <translation>port %1 of Gateway %2 conflicts with %3: both select %4 and serve host &quot;%5&quot; on that port</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 is not exposed by %3 (ports %4), so it cannot be reached from outside the cluster</source>
        <translation>port %1 of Gateway %2 is not exposed by %3 (ports %4), so it cannot be reached from outside the cluster</translation>
    </message>
    <message>
        <source>subset &quot;%1&quot; of DestinationRule %2 selects no workload: %3</source>
        <translation>subset &quot;%1&quot; of DestinationRule %2 selects no workload: %3</translation>
    </message>
    <message>
        <source>host &quot;%1&quot; of DestinationRule %2 (%3) matches no Service or ServiceEntry%4</source>
        <translation>host &quot;%1&quot; of DestinationRule %2 (%3) matches no Service or ServiceEntry%4</translation>
    </message>
    <message>
        <source>host &quot;%1&quot; of DestinationRule %2 matches no Service or ServiceEntry%3</source>
        <translation>host &quot;%1&quot; of DestinationRule %2 matches no Service or ServiceEntry%3</translation>
    </message>
    <message>
        <source>%1 is defined twice (first at %2); kubectl would keep only the last one</source>
        <translation>%1 is defined twice (first at %2); kubectl would keep only the last one</translation>
    </message>
    <message>
        <source>the only destination of %1 has weight %2, but a single destination takes all traffic; write 100 or leave the weight out</source>
        <translation>the only destination of %1 has weight %2, but a single destination takes all traffic; write 100 or leave the weight out</translation>
    </message>
    <message>
        <source>the weights of the %1 destinations of %2 are all 0 or missing, so no destination takes traffic; Istio rejects a total of 0</source>
        <translation>the weights of the %1 destinations of %2 are all 0 or missing, so no destination takes traffic; Istio rejects a total of 0</translation>
    </message>
    <message>
        <source>the weights of the %1 destinations of %2 total %3, not 100; Istio 1.14 and older reject this</source>
        <translation>the weights of the %1 destinations of %2 total %3, not 100; Istio 1.14 and older reject this</translation>
    </message>
    <message>
        <source>gateway &quot;%1&quot; in %2 match #%3 has no effect: %4 is not bound to it (its gateways: %5, the default), and match-level gateways only narrow a rule</source>
        <translation>gateway &quot;%1&quot; in %2 match #%3 has no effect: %4 is not bound to it (its gateways: %5, the default), and match-level gateways only narrow a rule</translation>
    </message>
    <message>
        <source>gateway &quot;%1&quot; in %2 match #%3 has no effect: %4 is not bound to it (its gateways: %5), and match-level gateways only narrow a rule</source>
        <translation>gateway &quot;%1&quot; in %2 match #%3 has no effect: %4 is not bound to it (its gateways: %5), and match-level gateways only narrow a rule</translation>
    </message>
    <message>
        <source>%1 of %2 match #%3 has no effect at Gateway %4: a gateway matches tcp rules on port and gateways only%5</source>
        <translation>%1 of %2 match #%3 has no effect at Gateway %4: a gateway matches tcp rules on port and gateways only%5</translation>
    </message>
    <message>
        <source>%1 of %2 match #%3 has no effect at Gateway %4: a gateway matches tls rules on port, sniHosts and gateways only%5</source>
        <translation>%1 of %2 match #%3 has no effect at Gateway %4: a gateway matches tls rules on port, sniHosts and gateways only%5</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 has no route, so its connections are refused: %3</source>
        <translation>port %1 of Gateway %2 has no route, so its connections are refused: %3</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 gets no listener: %3</source>
        <translation>port %1 of Gateway %2 gets no listener: %3</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 is AUTO_PASSTHROUGH, routed by SNI to mesh services without a VirtualService; the local gateway does not serve it</source>
        <translation>port %1 of Gateway %2 is AUTO_PASSTHROUGH, routed by SNI to mesh services without a VirtualService; the local gateway does not serve it</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 (%3) is not served by the local gateway, which runs TCP and TLS routes only</source>
        <translation>port %1 of Gateway %2 (%3) is not served by the local gateway, which runs TCP and TLS routes only</translation>
    </message>
    <message>
        <source>server on port %1 of Gateway %2 is skipped: the port is already taken by Gateway %3, which came first</source>
        <translation>server on port %1 of Gateway %2 is skipped: the port is already taken by Gateway %3, which came first</translation>
    </message>
    <message>
        <source>%1 of %2 of VirtualService %3 has no effect at Gateway %4: it is kept, and the rule serves every client</source>
        <translation>%1 of %2 of VirtualService %3 has no effect at Gateway %4: it is kept, and the rule serves every client</translation>
    </message>
    <message>
        <source>consistentHash %1 of DestinationRule %2 has no effect on TCP connections (only useSourceIp does): they are spread at random</source>
        <translation>consistentHash %1 of DestinationRule %2 has no effect on TCP connections (only useSourceIp does): they are spread at random</translation>
    </message>
    <message>
        <source>loadBalancer PASSTHROUGH of DestinationRule %1 cannot be followed locally (there is no original destination): LEAST_REQUEST is used</source>
        <translation>loadBalancer PASSTHROUGH of DestinationRule %1 cannot be followed locally (there is no original destination): LEAST_REQUEST is used</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>a mapping</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>a list</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>%1 rule #%2</source>
        <translation>%1 rule #%2</translation>
    </message>
    <message>
        <source>%1 rule &quot;%2&quot;</source>
        <translation>%1 rule &quot;%2&quot;</translation>
    </message>
    <message>
        <source>subset</source>
        <translation>subset</translation>
    </message>
    <message>
        <source>mirror subset</source>
        <translation>mirror subset</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>destination</translation>
    </message>
    <message>
        <source>mirror</source>
        <translation>mirror</translation>
    </message>
    <message>
        <source>; write %1, Istio does not expand &quot;%2&quot;</source>
        <translation>; write %1, Istio does not expand &quot;%2&quot;</translation>
    </message>
    <message>
        <source> (it still applies to sidecars through mesh)</source>
        <translation> (it still applies to sidecars through mesh)</translation>
    </message>
    <message>
        <source>the default ingress gateway Service</source>
        <translation>the default ingress gateway Service</translation>
    </message>
    <message>
        <source>the ingress gateway Service of Istio&apos;s default profile</source>
        <translation>the ingress gateway Service of Istio&apos;s default profile</translation>
    </message>
    <message>
        <source>the ingress gateway Service of Istio&apos;s demo profile</source>
        <translation>the ingress gateway Service of Istio&apos;s demo profile</translation>
    </message>
    <message>
        <source>the ingress gateway Service of the gateway Helm chart&apos;s defaults</source>
        <translation>the ingress gateway Service of the gateway Helm chart&apos;s defaults</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>line %1</translation>
    </message>
    <message>
        <source>its hash key</source>
        <translation>its hash key</translation>
    </message>
    <message>
        <source>no workload in the input belongs to %1 (selector %2)</source>
        <translation>no workload in the input belongs to %1 (selector %2)</translation>
    </message>
    <message>
        <source>no workload in the input belongs to %1</source>
        <translation>no workload in the input belongs to %1</translation>
    </message>
    <message>
        <source>no workload of %1 has the labels %2</source>
        <translation>no workload of %1 has the labels %2</translation>
    </message>
    <message>
        <source>no VirtualService is bound to the Gateway</source>
        <translation>no VirtualService is bound to the Gateway</translation>
    </message>
    <message>
        <source>no VirtualService bound to it has a host matching the server&apos;s hosts [%1]</source>
        <translation>no VirtualService bound to it has a host matching the server&apos;s hosts [%1]</translation>
    </message>
    <message>
        <source>no %1 rule of VirtualService %2 matches port %3 on this Gateway</source>
        <translation>no %1 rule of VirtualService %2 matches port %3 on this Gateway</translation>
    </message>
    <message>
        <source>no VirtualService visible to the gateway is bound to it with a host matching the server&apos;s hosts</source>
        <translation>no VirtualService visible to the gateway is bound to it with a host matching the server&apos;s hosts</translation>
    </message>
    <message>
        <source>no %1 rule of %2 matches port %3 on this Gateway</source>
        <translation>no %1 rule of %2 matches port %3 on this Gateway</translation>
    </message>
    <message>
        <source>YAML directives must have exactly one argument</source>
        <translation>YAML directives must have exactly one argument</translation>
    </message>
    <message>
        <source>YAML major version too large</source>
        <translation>YAML major version too large</translation>
    </message>
    <message>
        <source>repeated YAML directive</source>
        <translation>repeated YAML directive</translation>
    </message>
    <message>
        <source>TAG directives must have exactly two arguments</source>
        <translation>TAG directives must have exactly two arguments</translation>
    </message>
    <message>
        <source>repeated TAG directive</source>
        <translation>repeated TAG directive</translation>
    </message>
    <message>
        <source>illegal character found while scanning tag handle</source>
        <translation>illegal character found while scanning tag handle</translation>
    </message>
    <message>
        <source>tag handle with no suffix</source>
        <translation>tag handle with no suffix</translation>
    </message>
    <message>
        <source>end of verbatim tag not found</source>
        <translation>end of verbatim tag not found</translation>
    </message>
    <message>
        <source>end of map not found</source>
        <translation>end of map not found</translation>
    </message>
    <message>
        <source>end of map flow not found</source>
        <translation>end of map flow not found</translation>
    </message>
    <message>
        <source>end of sequence not found</source>
        <translation>end of sequence not found</translation>
    </message>
    <message>
        <source>end of sequence flow not found</source>
        <translation>end of sequence flow not found</translation>
    </message>
    <message>
        <source>cannot assign multiple tags to the same node</source>
        <translation>cannot assign multiple tags to the same node</translation>
    </message>
    <message>
        <source>cannot assign multiple anchors to the same node</source>
        <translation>cannot assign multiple anchors to the same node</translation>
    </message>
    <message>
        <source>cannot assign multiple aliases to the same node</source>
        <translation>cannot assign multiple aliases to the same node</translation>
    </message>
    <message>
        <source>aliases can&apos;t have any content, *including* tags</source>
        <translation>aliases can&apos;t have any content, *including* tags</translation>
    </message>
    <message>
        <source>bad character found while scanning hex number</source>
        <translation>bad character found while scanning hex number</translation>
    </message>
    <message>
        <source>unknown token</source>
        <translation>unknown token</translation>
    </message>
    <message>
        <source>illegal document indicator in scalar</source>
        <translation>illegal document indicator in scalar</translation>
    </message>
    <message>
        <source>illegal EOF in scalar</source>
        <translation>illegal EOF in scalar</translation>
    </message>
    <message>
        <source>illegal character in scalar</source>
        <translation>illegal character in scalar</translation>
    </message>
    <message>
        <source>illegal tab when looking for indentation</source>
        <translation>illegal tab when looking for indentation</translation>
    </message>
    <message>
        <source>illegal flow end</source>
        <translation>illegal flow end</translation>
    </message>
    <message>
        <source>illegal block entry</source>
        <translation>illegal block entry</translation>
    </message>
    <message>
        <source>illegal map key</source>
        <translation>illegal map key</translation>
    </message>
    <message>
        <source>illegal map value</source>
        <translation>illegal map value</translation>
    </message>
    <message>
        <source>alias not found after *</source>
        <translation>alias not found after *</translation>
    </message>
    <message>
        <source>anchor not found after &amp;</source>
        <translation>anchor not found after &amp;</translation>
    </message>
    <message>
        <source>illegal character found while scanning alias</source>
        <translation>illegal character found while scanning alias</translation>
    </message>
    <message>
        <source>illegal character found while scanning anchor</source>
        <translation>illegal character found while scanning anchor</translation>
    </message>
    <message>
        <source>cannot set zero indentation for a block scalar</source>
        <translation>cannot set zero indentation for a block scalar</translation>
    </message>
    <message>
        <source>unexpected character in block scalar</source>
        <translation>unexpected character in block scalar</translation>
    </message>
    <message>
        <source>cannot assign the same alias to multiple nodes</source>
        <translation>cannot assign the same alias to multiple nodes</translation>
    </message>
    <message>
        <source>the referenced anchor is not defined</source>
        <translation>the referenced anchor is not defined</translation>
    </message>
    <message>
        <source>unmatched group tag</source>
        <translation>unmatched group tag</translation>
    </message>
    <message>
        <source>unexpected end sequence token</source>
        <translation>unexpected end sequence token</translation>
    </message>
    <message>
        <source>unexpected end map token</source>
        <translation>unexpected end map token</translation>
    </message>
    <message>
        <source>invalid character in single-quoted string</source>
        <translation>invalid character in single-quoted string</translation>
    </message>
    <message>
        <source>invalid anchor</source>
        <translation>invalid anchor</translation>
    </message>
    <message>
        <source>invalid alias</source>
        <translation>invalid alias</translation>
    </message>
    <message>
        <source>invalid tag</source>
        <translation>invalid tag</translation>
    </message>
    <message>
        <source>bad YAML version: %1</source>
        <translation>bad YAML version: %1</translation>
    </message>
    <message>
        <source>invalid unicode: %1</source>
        <translation>invalid unicode: %1</translation>
    </message>
    <message>
        <source>unknown escape character: %1</source>
        <translation>unknown escape character: %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>cannot listen on %1 for gateway %2: %3</source>
        <translation>cannot listen on %1 for gateway %2: %3</translation>
    </message>
    <message>
        <source>cannot listen on %1 (port %2 + offset %3) for gateway %4: %5</source>
        <translation>cannot listen on %1 (port %2 + offset %3) for gateway %4: %5</translation>
    </message>
    <message>
        <source>Address already in use</source>
        <translation>Address already in use</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permission denied</translation>
    </message>
    <message>
        <source>Cannot assign requested address</source>
        <translation>Cannot assign requested address</translation>
    </message>
    <message>
        <source>bad bind address</source>
        <translation>bad bind address</translation>
    </message>
    <message>
        <source>port %1 after the offset is out of range</source>
        <translation>port %1 after the offset is out of range</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not within any of spec.hosts (%3): Istio rejects it</source>
        <translation>%1 &quot;%2&quot; is not within any of spec.hosts (%3): Istio rejects it</translation>
    </message>
    <message>
        <source>ServiceEntry %1 has resolution NONE: Istio sends its traffic to the address the client dialled, which the local gateway cannot know, so connections routed to %2 are closed here (endpoints with resolution STATIC or DNS let the local gateway try it)</source>
        <translation>ServiceEntry %1 has resolution NONE: Istio sends its traffic to the address the client dialled, which the local gateway cannot know, so connections routed to %2 are closed here (endpoints with resolution STATIC or DNS let the local gateway try it)</translation>
    </message>
    <message>
        <source>no tcp route serves this port</source>
        <translation>no tcp route serves this port</translation>
    </message>
    <message>
        <source>TLS termination (mode %1) is not done locally yet</source>
        <translation>TLS termination (mode %1) is not done locally yet</translation>
    </message>
    <message>
        <source>port %1 is already served by another listener</source>
        <translation>port %1 is already served by another listener</translation>
    </message>
    <message>
        <source>the engine was already started</source>
        <translation>the engine was already started</translation>
    </message>
    <message>
        <source>the engine is not running</source>
        <translation>the engine is not running</translation>
    </message>
    <message>
        <source>demo pod %1: %2</source>
        <translation>demo pod %1: %2</translation>
    </message>
    <message>
        <source>admin endpoint %1: %2</source>
        <translation>admin endpoint %1: %2</translation>
    </message>
    <message>
        <source>expected ADDRESS:PORT, e.g. 127.0.0.1:15000</source>
        <translation>expected ADDRESS:PORT, e.g. 127.0.0.1:15000</translation>
    </message>
    <message>
        <source>not an IP address</source>
        <translation>not an IP address</translation>
    </message>
    <message>
        <source>the admin endpoint listens on a loopback address only</source>
        <translation>the admin endpoint listens on a loopback address only</translation>
    </message>
    <message>
        <source>bad port</source>
        <translation>bad port</translation>
    </message>
    <message>
        <source>Istio namespace &quot;%1&quot; is not a valid namespace name (lower-case letters, digits and &apos;-&apos;, at most 63, starting and ending with a letter or digit)</source>
        <translation>Istio namespace &quot;%1&quot; is not a valid namespace name (lower-case letters, digits and &apos;-&apos;, at most 63, starting and ending with a letter or digit)</translation>
    </message>
    <message>
        <source>release name &quot;%1&quot; is not valid (lower-case letters, digits and &apos;-&apos;, at most 53, starting with a letter and ending with a letter or digit)</source>
        <translation>release name &quot;%1&quot; is not valid (lower-case letters, digits and &apos;-&apos;, at most 53, starting with a letter and ending with a letter or digit)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an addon Meshroute knows (prometheus, grafana, kiali)</source>
        <translation>&quot;%1&quot; is not an addon Meshroute knows (prometheus, grafana, kiali)</translation>
    </message>
    <message>
        <source>tracing endpoint &quot;%1&quot; is not HOST:PORT (e.g. zipkin.istio-system:9411 or [fd00::1]:9411)</source>
        <translation>tracing endpoint &quot;%1&quot; is not HOST:PORT (e.g. zipkin.istio-system:9411 or [fd00::1]:9411)</translation>
    </message>
    <message>
        <source>tracing endpoint &quot;%1&quot;: port &quot;%2&quot; is not a number within 1–65535</source>
        <translation>tracing endpoint &quot;%1&quot;: port &quot;%2&quot; is not a number within 1–65535</translation>
    </message>
    <message>
        <source>sampling percentage %1 is outside 0–100</source>
        <translation>sampling percentage %1 is outside 0–100</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a CIDR range (an IPv4 or IPv6 address with /prefix-length, e.g. 10.0.0.0/8 or fd00::/8)</source>
        <translation>%1: &quot;%2&quot; is not a CIDR range (an IPv4 or IPv6 address with /prefix-length, e.g. 10.0.0.0/8 or fd00::/8)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; has prefix length %3, more than %4 for an %5 address</source>
        <translation>%1: &quot;%2&quot; has prefix length %3, more than %4 for an %5 address</translation>
    </message>
    <message>
        <source>%1: an empty entry (two commas in a row, or a comma at an end)</source>
        <translation>%1: an empty entry (two commas in a row, or a comma at an end)</translation>
    </message>
    <message>
        <source>%1: &quot;*&quot; (every address) must be the only entry</source>
        <translation>%1: &quot;*&quot; (every address) must be the only entry</translation>
    </message>
    <message>
        <source>%1 (to intercept) and %2 (to bypass) share addresses: those are not intercepted, because bypassing wins over intercepting</source>
        <translation>%1 (to intercept) and %2 (to bypass) share addresses: those are not intercepted, because bypassing wins over intercepting</translation>
    </message>
    <message>
        <source>ingress gateway port &quot;%1&quot;: %2 %3 is outside 1–65535</source>
        <translation>ingress gateway port &quot;%1&quot;: %2 %3 is outside 1–65535</translation>
    </message>
    <message>
        <source>ingress gateway port %1: name &quot;%2&quot; is not a valid port name (lower-case letters, digits and &apos;-&apos;, e.g. tcp-%1)</source>
        <translation>ingress gateway port %1: name &quot;%2&quot; is not a valid port name (lower-case letters, digits and &apos;-&apos;, e.g. tcp-%1)</translation>
    </message>
    <message>
        <source>ingress gateway port %1: protocol &quot;%2&quot; is not TCP, UDP or SCTP</source>
        <translation>ingress gateway port %1: protocol &quot;%2&quot; is not TCP, UDP or SCTP</translation>
    </message>
    <message>
        <source>ingress gateway port %1 is listed more than once</source>
        <translation>ingress gateway port %1 is listed more than once</translation>
    </message>
    <message>
        <source>ingress gateway port name &quot;%1&quot; is used by ports %2 and %3</source>
        <translation>ingress gateway port name &quot;%1&quot; is used by ports %2 and %3</translation>
    </message>
    <message>
        <source>outbound IP ranges to intercept</source>
        <translation>outbound IP ranges to intercept</translation>
    </message>
    <message>
        <source>outbound IP ranges to bypass</source>
        <translation>outbound IP ranges to bypass</translation>
    </message>
    <message>
        <source>Handled by Istio controller</source>
        <translation>Handled by Istio controller</translation>
    </message>
    <message>
        <source>Resource accepted</source>
        <translation>Resource accepted</translation>
    </message>
    <message>
        <source>No errors found</source>
        <translation>No errors found</translation>
    </message>
    <message>
        <source>Route was valid</source>
        <translation>Route was valid</translation>
    </message>
    <message>
        <source>Route was valid, bound to %1 parents</source>
        <translation>Route was valid, bound to %1 parents</translation>
    </message>
    <message>
        <source>All references resolved</source>
        <translation>All references resolved</translation>
    </message>
    <message>
        <source>port %1 not found</source>
        <translation>port %1 not found</translation>
    </message>
    <message>
        <source>sectionName &quot;%1&quot; not found</source>
        <translation>sectionName &quot;%1&quot; not found</translation>
    </message>
    <message>
        <source>no hostnames matched parent hostname &quot;%1&quot;</source>
        <translation>no hostnames matched parent hostname &quot;%1&quot;</translation>
    </message>
    <message>
        <source>hostnames matched parent hostname &quot;%1&quot;, but namespace &quot;%2&quot; is not allowed by the parent</source>
        <translation>hostnames matched parent hostname &quot;%1&quot;, but namespace &quot;%2&quot; is not allowed by the parent</translation>
    </message>
    <message>
        <source>kind %1 is not allowed</source>
        <translation>kind %1 is not allowed</translation>
    </message>
    <message>
        <source>parent service entry: &quot;%1&quot; not found</source>
        <translation>parent service entry: &quot;%1&quot; not found</translation>
    </message>
    <message>
        <source>parent service: &quot;%1&quot; not found</source>
        <translation>parent service: &quot;%1&quot; not found</translation>
    </message>
    <message>
        <source>backend(%1) not found</source>
        <translation>backend(%1) not found</translation>
    </message>
    <message>
        <source>backendRef %1/%2 not accessible to a %3 in namespace &quot;%4&quot; (missing a ReferenceGrant?)</source>
        <translation>backendRef %1/%2 not accessible to a %3 in namespace &quot;%4&quot; (missing a ReferenceGrant?)</translation>
    </message>
    <message>
        <source>referencing unsupported backendRef: group &quot;%1&quot; kind &quot;%2&quot;</source>
        <translation>referencing unsupported backendRef: group &quot;%1&quot; kind &quot;%2&quot;</translation>
    </message>
    <message>
        <source>port is required in backendRef</source>
        <translation>port is required in backendRef</translation>
    </message>
    <message>
        <source>service name invalid; the name of the Service must be used, not the hostname.</source>
        <translation>service name invalid; the name of the Service must be used, not the hostname.</translation>
    </message>
    <message>
        <source>namespace may not be set with Hostname type</source>
        <translation>namespace may not be set with Hostname type</translation>
    </message>
    <message>
        <source>listener &quot;%1&quot; of %2: protocol &quot;%3&quot; is not supported, so Istio does not accept it [Accepted=False, UnsupportedProtocol]</source>
        <translation>listener &quot;%1&quot; of %2: protocol &quot;%3&quot; is not supported, so Istio does not accept it [Accepted=False, UnsupportedProtocol]</translation>
    </message>
    <message>
        <source>listener &quot;%1&quot; of %2 conflicts with another listener on port %3: a TCP listener must have its port to itself [Conflicted=True, %4]</source>
        <translation>listener &quot;%1&quot; of %2 conflicts with another listener on port %3: a TCP listener must have its port to itself [Conflicted=True, %4]</translation>
    </message>
    <message>
        <source>listener &quot;%1&quot; of %2 cannot take routes of kind %3 [ResolvedRefs=False, InvalidRouteKinds]</source>
        <translation>listener &quot;%1&quot; of %2 cannot take routes of kind %3 [ResolvedRefs=False, InvalidRouteKinds]</translation>
    </message>
    <message>
        <source>%1 names Gateway %2, which Istio does not handle here (it does not exist, or its class is not Istio&apos;s): no status is written for this parent</source>
        <translation>%1 names Gateway %2, which Istio does not handle here (it does not exist, or its class is not Istio&apos;s): no status is written for this parent</translation>
    </message>
    <message>
        <source>%1 is not accepted by parent %2: %3 [Accepted=False, %4]</source>
        <translation>%1 is not accepted by parent %2: %3 [Accepted=False, %4]</translation>
    </message>
    <message>
        <source>%1: %2; the route stays accepted and this backend&apos;s share of connections fails [ResolvedRefs=False, %3]</source>
        <translation>%1: %2; the route stays accepted and this backend&apos;s share of connections fails [ResolvedRefs=False, %3]</translation>
    </message>
    <message>
        <source>%1: %2; Istio drops the route&apos;s rules, so it routes nothing [ResolvedRefs=False, %3]</source>
        <translation>%1: %2; Istio drops the route&apos;s rules, so it routes nothing [ResolvedRefs=False, %3]</translation>
    </message>
    <message>
        <source>%1 asks for an address of type &quot;%2&quot;, which Istio cannot assign, so it accepts none of its listeners [Accepted=False, UnsupportedAddress]</source>
        <translation>%1 asks for an address of type &quot;%2&quot;, which Istio cannot assign, so it accepts none of its listeners [Accepted=False, UnsupportedAddress]</translation>
    </message>
    <message>
        <source>every backendRef of %1 rule #%2 has weight 0: Istio refuses its connections</source>
        <translation>every backendRef of %1 rule #%2 has weight 0: Istio refuses its connections</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::DiagnosticsView</name>
    <message>
        <source>Fix</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Errors and warnings</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Apply the one-click fix for the selected problem</source>
        <translation>Apply the one-click fix for the selected problem</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>No problems found</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshroute::studio::Document</name>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>The document has no file yet; use Save As</source>
        <translation>The document has no file yet; use Save As</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Cannot create the folder %1</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::ExportDialog</name>
    <message>
        <source>One stream (a single file for kubectl apply -f)</source>
        <translation>One stream (a single file for kubectl apply -f)</translation>
    </message>
    <message>
        <source>One file per resource (into a folder)</source>
        <translation>One file per resource (into a folder)</translation>
    </message>
    <message>
        <source>Export for kubectl</source>
        <translation>Export for kubectl</translation>
    </message>
    <message>
        <source>as written</source>
        <translation>as written</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Write</translation>
    </message>
    <message>
        <source>Istio API version</source>
        <translation>Istio API version</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Changes against the files on disk:</source>
        <translation>Changes against the files on disk:</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>Export into folder</translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation>Export to file</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML files (*.yaml *.yml)</translation>
    </message>
    <message>
        <source> (new file)</source>
        <translation> (new file)</translation>
    </message>
    <message>
        <source>Nothing changes: the files on disk already hold this export.</source>
        <translation>Nothing changes: the files on disk already hold this export.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) to write: %1 new, %2 changed.</source>
        <translation>
            <numerusform>%n file to write: %1 new, %2 changed.</numerusform>
            <numerusform>%n files to write: %1 new, %2 changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::Fixes</name>
    <message>
        <source>Expose port %1 on the ingress gateway…</source>
        <translation>Expose port %1 on the ingress gateway…</translation>
    </message>
    <message>
        <source>Bind to gateway %1</source>
        <translation>Bind to gateway %1</translation>
    </message>
    <message>
        <source>Normalise weights to 100</source>
        <translation>Normalise weights to 100</translation>
    </message>
    <message>
        <source>Normalise weights</source>
        <translation>Normalise weights</translation>
    </message>
    <message>
        <source>Create subset %1</source>
        <translation>Create subset %1</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::GeneratorPanel</name>
    <message>
        <source>%1 → %2:%3 (%4)</source>
        <translation>%1 → %2:%3 (%4)</translation>
    </message>
    <message>
        <source>Start the local gateway first.</source>
        <translation>Start the local gateway first.</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Cannot start: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>Running: %1 answered, %2 failed, %3 open; %4 connections/s; p50 %5 ms, p99 %6 ms</source>
        <translation>Running: %1 answered, %2 failed, %3 open; %4 connections/s; p50 %5 ms, p99 %6 ms</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>reset</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>timeout</translation>
    </message>
    <message>
        <source>closed by peer</source>
        <translation>closed by peer</translation>
    </message>
    <message>
        <source>wrong echo</source>
        <translation>wrong echo</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>%1 connections to gateway port %2 in %3 s (%4 per second): %5 answered, %6 failed</source>
        <translation>%1 connections to gateway port %2 in %3 s (%4 per second): %5 answered, %6 failed</translation>
    </message>
    <message>
        <source>Cancelled: %1 closed while open, %2 never started.</source>
        <translation>Cancelled: %1 closed while open, %2 never started.</translation>
    </message>
    <message>
        <source>%1 never started: the concurrency bound was full when the run ended.</source>
        <translation>%1 never started: the concurrency bound was full when the run ended.</translation>
    </message>
    <message>
        <source>(no demo greeting)</source>
        <translation>(no demo greeting)</translation>
    </message>
    <message>
        <source>(no subset)</source>
        <translation>(no subset)</translation>
    </message>
    <message>
        <source>By subset:</source>
        <translation>By subset:</translation>
    </message>
    <message>
        <source>By pod:</source>
        <translation>By pod:</translation>
    </message>
    <message>
        <source>Failures:</source>
        <translation>Failures:</translation>
    </message>
    <message>
        <source>Latency, connect to echo: p50 %1 ms, p99 %2 ms, max %3 ms</source>
        <translation>Latency, connect to echo: p50 %1 ms, p99 %2 ms, max %3 ms</translation>
    </message>
    <message>
        <source>Gateway port</source>
        <translation>Gateway port</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connections</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Per second</source>
        <translation>Per second</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <source>for</source>
        <translation>for</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Open at once</source>
        <translation>Open at once</translation>
    </message>
    <message>
        <source>At most this many connections open at the same time</source>
        <translation>At most this many connections open at the same time</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Sent as one line on each connection; the pod echoes it</source>
        <translation>Sent as one line on each connection; the pod echoes it</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stopped at the time limit.</source>
        <translation>Stopped at the time limit.</translation>
    </message>
    <message>
        <source>Stopped at the run&apos;s time limit: %1 closed while open, %2 never started.</source>
        <translation>Stopped at the run&apos;s time limit: %1 closed while open, %2 never started.</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::GraphModel</name>
    <message>
        <source>Gateway · %1</source>
        <translation>Gateway · %1</translation>
    </message>
    <message>
        <source>selector: %1</source>
        <translation>selector: %1</translation>
    </message>
    <message>
        <source>port %1 %2 (%3), hosts %4</source>
        <translation>port %1 %2 (%3), hosts %4</translation>
    </message>
    <message>
        <source>Service · %1</source>
        <translation>Service · %1</translation>
    </message>
    <message>
        <source>ServiceEntry %1</source>
        <translation>ServiceEntry %1</translation>
    </message>
    <message>
        <source>no Service or ServiceEntry</source>
        <translation>no Service or ServiceEntry</translation>
    </message>
    <message>
        <source>DestinationRule %1</source>
        <translation>DestinationRule %1</translation>
    </message>
    <message>
        <source>subset %1: %2</source>
        <translation>subset %1: %2</translation>
    </message>
    <message>
        <source>all endpoints</source>
        <translation>all endpoints</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>port %1</translation>
    </message>
    <message>
        <source>SNI %1</source>
        <translation>SNI %1</translation>
    </message>
    <message>
        <source>any port</source>
        <translation>any port</translation>
    </message>
    <message>
        <source>%1 rule %2: %3</source>
        <translation>%1 rule %2: %3</translation>
    </message>
    <message>
        <source>→ %1 %2 %3</source>
        <translation>→ %1 %2 %3</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>weight %1</translation>
    </message>
    <message>
        <source>missing Gateway</source>
        <translation>missing Gateway</translation>
    </message>
    <message>
        <source>not a port of Gateway %1</source>
        <translation>not a port of Gateway %1</translation>
    </message>
    <message>
        <source>unknown host</source>
        <translation>unknown host</translation>
    </message>
    <message>
        <source>subset %1</source>
        <translation>subset %1</translation>
    </message>
    <message>
        <source>not defined for %1</source>
        <translation>not defined for %1</translation>
    </message>
    <message numerus="yes">
        <source>Deployment · %n replica(s)</source>
        <translation>
            <numerusform>Deployment · %n replica</numerusform>
            <numerusform>Deployment · %n replicas</numerusform>
        </translation>
    </message>
    <message>
        <source>pod labels: %1</source>
        <translation>pod labels: %1</translation>
    </message>
    <message>
        <source>WorkloadEntry · %1</source>
        <translation>WorkloadEntry · %1</translation>
    </message>
    <message>
        <source>labels: %1</source>
        <translation>labels: %1</translation>
    </message>
    <message>
        <source>ServiceEntry endpoint</source>
        <translation>ServiceEntry endpoint</translation>
    </message>
    <message>
        <source>port %1 is not served here: the Gateway&apos;s selector does not select the local gateway (%2)</source>
        <translation>port %1 is not served here: the Gateway's selector does not select the local gateway (%2)</translation>
    </message>
    <message>
        <source>port %1 is not a valid port number</source>
        <translation>port %1 is not a valid port number</translation>
    </message>
    <message>
        <source>port %1 is not served here: Gateway %2, which came first, has it</source>
        <translation>port %1 is not served here: Gateway %2, which came first, has it</translation>
    </message>
    <message>
        <source>port %1 (%2) is served by http rules, which the local gateway does not run</source>
        <translation>port %1 (%2) is served by http rules, which the local gateway does not run</translation>
    </message>
    <message>
        <source>port %1 is AUTO_PASSTHROUGH, routed by SNI to mesh services without a VirtualService; the local gateway does not serve it</source>
        <translation>port %1 is AUTO_PASSTHROUGH, routed by SNI to mesh services without a VirtualService; the local gateway does not serve it</translation>
    </message>
    <message>
        <source>not used on port %1: %2 comes first and takes the whole port</source>
        <translation>not used on port %1: %2 comes first and takes the whole port</translation>
    </message>
    <message>
        <source>not used on port %1: its matches there name no SNI host</source>
        <translation>not used on port %1: its matches there name no SNI host</translation>
    </message>
    <message>
        <source>not used on port %1: the port is routed by SNI, through tls rules</source>
        <translation>not used on port %1: the port is routed by SNI, through tls rules</translation>
    </message>
    <message>
        <source>not used on port %1: the port is not routed by SNI; tcp rules serve it</source>
        <translation>not used on port %1: the port is not routed by SNI; tcp rules serve it</translation>
    </message>
    <message>
        <source>not used on port %1: VirtualService %2 is not bound to Gateway %3 (match-level gateways only narrow a rule; the top-level gateways bind)</source>
        <translation>not used on port %1: VirtualService %2 is not bound to Gateway %3 (match-level gateways only narrow a rule; the top-level gateways bind)</translation>
    </message>
    <message>
        <source>not used on port %1: the exportTo of VirtualService %2 hides it from the gateway&apos;s namespace %3</source>
        <translation>not used on port %1: the exportTo of VirtualService %2 hides it from the gateway's namespace %3</translation>
    </message>
    <message>
        <source>not used on port %1: the server&apos;s hosts accept no host of VirtualService %2</source>
        <translation>not used on port %1: the server's hosts accept no host of VirtualService %2</translation>
    </message>
    <message>
        <source>binds no Gateway: its gateways are only mesh (the sidecars)</source>
        <translation>binds no Gateway: its gateways are only mesh (the sidecars)</translation>
    </message>
    <message>
        <source>no Gateway %1</source>
        <translation>no Gateway %1</translation>
    </message>
    <message>
        <source>subset %1 is not defined for %2</source>
        <translation>subset %1 is not defined for %2</translation>
    </message>
    <message>
        <source>unknown host %1: no Service or ServiceEntry defines it</source>
        <translation>unknown host %1: no Service or ServiceEntry defines it</translation>
    </message>
    <message>
        <source>%1 has no port %2: its connections are closed at once</source>
        <translation>%1 has no port %2: its connections are closed at once</translation>
    </message>
    <message>
        <source>%1 has resolution NONE: the local gateway has no address to connect to</source>
        <translation>%1 has resolution NONE: the local gateway has no address to connect to</translation>
    </message>
    <message>
        <source>the local gateway does not run this rule</source>
        <translation>the local gateway does not run this rule</translation>
    </message>
    <message>
        <source>no rule the local gateway runs routes to this service</source>
        <translation>no rule the local gateway runs routes to this service</translation>
    </message>
    <message>
        <source>no rule the local gateway runs routes to subset %1</source>
        <translation>no rule the local gateway runs routes to subset %1</translation>
    </message>
    <message>
        <source>no match names a port of a Gateway it is bound to</source>
        <translation>no match names a port of a Gateway it is bound to</translation>
    </message>
    <message>
        <source>Not run by the local gateway:</source>
        <translation>Not run by the local gateway:</translation>
    </message>
    <message numerus="yes">
        <source>listener %1: port %2 %3, hostname %4, %n attached route(s)</source>
        <translation>
            <numerusform>listener %1: port %2 %3, hostname %4, %n attached route</numerusform>
            <numerusform>listener %1: port %2 %3, hostname %4, %n attached routes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s); only the first takes effect in Istio</source>
        <translation>
            <numerusform>%n rule; only the first takes effect in Istio</numerusform>
            <numerusform>%n rules; only the first takes effect in Istio</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshroute::studio::GraphScene</name>
    <message>
        <source>Broken reference: %1</source>
        <translation>Broken reference: %1</translation>
    </message>
    <message>
        <source>not served by the local gateway</source>
        <translation>not served by the local gateway</translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshroute::studio::Inspector</name>
    <message>
        <source>Select a gateway, route, destination or workload to edit it here.</source>
        <translation>Select a gateway, route, destination or workload to edit it here.</translation>
    </message>
    <message>
        <source>A name is lower-case letters, digits, &apos;-&apos; and &apos;.&apos;, starting and ending with a letter or digit</source>
        <translation>A name is lower-case letters, digits, &apos;-&apos; and &apos;.&apos;, starting and ending with a letter or digit</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 rule %2&lt;/b&gt; of VirtualService %3</source>
        <translation>&lt;b&gt;%1 rule %2&lt;/b&gt; of VirtualService %3</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>any port</source>
        <translation>any port</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Change match port of %1</source>
        <translation>Change match port of %1</translation>
    </message>
    <message>
        <source>all bound gateways</source>
        <translation>all bound gateways</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Gateways</translation>
    </message>
    <message>
        <source>SNI hosts</source>
        <translation>SNI hosts</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Destinations</translation>
    </message>
    <message>
        <source>Subset of %1</source>
        <translation>Subset of %1</translation>
    </message>
    <message>
        <source>Share of new connections</source>
        <translation>Share of new connections</translation>
    </message>
    <message>
        <source>Remove this destination</source>
        <translation>Remove this destination</translation>
    </message>
    <message>
        <source>Set weight in %1</source>
        <translation>Set weight in %1</translation>
    </message>
    <message>
        <source>Change subset in %1</source>
        <translation>Change subset in %1</translation>
    </message>
    <message>
        <source>Remove destination from %1</source>
        <translation>Remove destination from %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>Normalise to 100</source>
        <translation>Normalise to 100</translation>
    </message>
    <message>
        <source>Normalise weights in %1</source>
        <translation>Normalise weights in %1</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Delete rule</translation>
    </message>
    <message>
        <source>The first rule that matches a port serves it.</source>
        <translation>The first rule that matches a port serves it.</translation>
    </message>
    <message>
        <source>Reorder rules of %1</source>
        <translation>Reorder rules of %1</translation>
    </message>
    <message>
        <source>Delete rule of %1</source>
        <translation>Delete rule of %1</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Selector</source>
        <translation>Selector</translation>
    </message>
    <message>
        <source>Rename gateway %1 to %2</source>
        <translation>Rename gateway %1 to %2</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Remove this port</source>
        <translation>Remove this port</translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>Change port of %1</source>
        <translation>Change port of %1</translation>
    </message>
    <message>
        <source>Remove port from %1</source>
        <translation>Remove port from %1</translation>
    </message>
    <message>
        <source>Add port</source>
        <translation>Add port</translation>
    </message>
    <message>
        <source>Add port %1 to %2</source>
        <translation>Add port %1 to %2</translation>
    </message>
    <message>
        <source>DestinationRule %1</source>
        <translation>DestinationRule %1</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <source>Load balancer</source>
        <translation>Load balancer</translation>
    </message>
    <message>
        <source>Change load balancer of %1</source>
        <translation>Change load balancer of %1</translation>
    </message>
    <message>
        <source>Subsets</source>
        <translation>Subsets</translation>
    </message>
    <message>
        <source>key=value, ...</source>
        <translation>key=value, ...</translation>
    </message>
    <message>
        <source>Rename subset %1 to %2</source>
        <translation>Rename subset %1 to %2</translation>
    </message>
    <message>
        <source>Labels are key=value pairs separated by commas</source>
        <translation>Labels are key=value pairs separated by commas</translation>
    </message>
    <message>
        <source>Change subset labels of %1</source>
        <translation>Change subset labels of %1</translation>
    </message>
    <message>
        <source>Add subset</source>
        <translation>Add subset</translation>
    </message>
    <message>
        <source>Add subset %1 to %2</source>
        <translation>Add subset %1 to %2</translation>
    </message>
    <message>
        <source>Deployment %1</source>
        <translation>Deployment %1</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replicas</translation>
    </message>
    <message>
        <source>Pod labels</source>
        <translation>Pod labels</translation>
    </message>
    <message>
        <source>Container ports</source>
        <translation>Container ports</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>Scale %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Service %1</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Edit in YAML</source>
        <translation>Edit in YAML</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API version</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Workload labels</source>
        <translation>Workload labels</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::InstallDialog</name>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Install Configuration</source>
        <translation>Install Configuration</translation>
    </message>
    <message>
        <source>By namespace label</source>
        <translation>By namespace label</translation>
    </message>
    <message>
        <source>In every namespace</source>
        <translation>In every namespace</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>IstioOperator (istioctl install -f)</source>
        <translation>IstioOperator (istioctl install -f)</translation>
    </message>
    <message>
        <source>Helm values (istiod and gateway charts)</source>
        <translation>Helm values (istiod and gateway charts)</translation>
    </message>
    <message>
        <source>none (e.g. zipkin.istio-system:9411)</source>
        <translation>none (e.g. zipkin.istio-system:9411)</translation>
    </message>
    <message>
        <source>* (all, Istio&apos;s default)</source>
        <translation>* (all, Istio&apos;s default)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>The namespace Istio is installed in: metadata.namespace and spec.namespace of the IstioOperator and values.global.istioNamespace; with Helm, the -n of every helm install.</source>
        <translation>The namespace Istio is installed in: metadata.namespace and spec.namespace of the IstioOperator and values.global.istioNamespace; with Helm, the -n of every helm install.</translation>
    </message>
    <message>
        <source>The IstioOperator&apos;s metadata.name (istioctl install -f). With Helm: the istiod release&apos;s name; the base chart&apos;s release is NAME-base.</source>
        <translation>The IstioOperator&apos;s metadata.name (istioctl install -f). With Helm: the istiod release&apos;s name; the base chart&apos;s release is NAME-base.</translation>
    </message>
    <message>
        <source>Istio no longer installs Prometheus (not since 1.7). The output names the addon manifest of the Istio release: kubectl apply -f samples/addons/prometheus.yaml</source>
        <translation>Istio no longer installs Prometheus (not since 1.7). The output names the addon manifest of the Istio release: kubectl apply -f samples/addons/prometheus.yaml</translation>
    </message>
    <message>
        <source>Istio no longer installs Grafana (not since 1.7). The output names the addon manifest of the Istio release, with Istio&apos;s dashboards: kubectl apply -f samples/addons/grafana.yaml</source>
        <translation>Istio no longer installs Grafana (not since 1.7). The output names the addon manifest of the Istio release, with Istio&apos;s dashboards: kubectl apply -f samples/addons/grafana.yaml</translation>
    </message>
    <message>
        <source>Istio no longer installs Kiali (not since 1.7). The output names the addon manifest of the Istio release: kubectl apply -f samples/addons/kiali.yaml. Kiali now logs in with a token or anonymously, not with a user name and password.</source>
        <translation>Istio no longer installs Kiali (not since 1.7). The output names the addon manifest of the Istio release: kubectl apply -f samples/addons/kiali.yaml. Kiali now logs in with a token or anonymously, not with a user name and password.</translation>
    </message>
    <message>
        <source>How pods get their Envoy sidecar. By namespace label: a Namespace labelled istio-injection=enabled for each namespace the document uses. In every namespace: values.sidecarInjectorWebhook.enableNamespacesByDefault: true (namespaces labelled istio-injection=disabled excepted). Off: nothing is written.</source>
        <translation>How pods get their Envoy sidecar. By namespace label: a Namespace labelled istio-injection=enabled for each namespace the document uses. In every namespace: values.sidecarInjectorWebhook.enableNamespacesByDefault: true (namespaces labelled istio-injection=disabled excepted). Off: nothing is written.</translation>
    </message>
    <message>
        <source>A Zipkin-compatible collector as HOST:PORT (e.g. zipkin.istio-system:9411). It becomes meshConfig.enableTracing: true, a meshConfig.extensionProviders entry named zipkin, and a Telemetry resource (telemetry.istio.io/v1) that selects it. Empty: no tracing.</source>
        <translation>A Zipkin-compatible collector as HOST:PORT (e.g. zipkin.istio-system:9411). It becomes meshConfig.enableTracing: true, a meshConfig.extensionProviders entry named zipkin, and a Telemetry resource (telemetry.istio.io/v1) that selects it. Empty: no tracing.</translation>
    </message>
    <message>
        <source>The percentage of requests traced, 0–100 (default 1): the Telemetry&apos;s randomSamplingPercentage. Used only with a tracing endpoint.</source>
        <translation>The percentage of requests traced, 0–100 (default 1): the Telemetry&apos;s randomSamplingPercentage. Used only with a tracing endpoint.</translation>
    </message>
    <message>
        <source>Outbound IP ranges the sidecars intercept: comma-separated CIDRs (IPv4 or IPv6), or * for all. It becomes values.global.proxy.includeIPRanges; empty keeps Istio&apos;s default, *.</source>
        <translation>Outbound IP ranges the sidecars intercept: comma-separated CIDRs (IPv4 or IPv6), or * for all. It becomes values.global.proxy.includeIPRanges; empty keeps Istio&apos;s default, *.</translation>
    </message>
    <message>
        <source>Outbound IP ranges the sidecars let through directly: comma-separated CIDRs (IPv4 or IPv6). It becomes values.global.proxy.excludeIPRanges. An address in both lists is not intercepted: bypass wins.</source>
        <translation>Outbound IP ranges the sidecars let through directly: comma-separated CIDRs (IPv4 or IPv6). It becomes values.global.proxy.excludeIPRanges. An address in both lists is not intercepted: bypass wins.</translation>
    </message>
    <message>
        <source>An IstioOperator (install.istio.io/v1alpha1) for istioctl install -f, or values files for the istiod and gateway Helm charts. The Namespace labels and the Telemetry are documents of their own either way.</source>
        <translation>An IstioOperator (install.istio.io/v1alpha1) for istioctl install -f, or values files for the istiod and gateway Helm charts. The Namespace labels and the Telemetry are documents of their own either way.</translation>
    </message>
    <message>
        <source>Istio &amp;namespace:</source>
        <translation>Istio &amp;namespace:</translation>
    </message>
    <message>
        <source>&amp;Release name:</source>
        <translation>&amp;Release name:</translation>
    </message>
    <message>
        <source>Addons:</source>
        <translation>Addons:</translation>
    </message>
    <message>
        <source>Sidecar &amp;injection:</source>
        <translation>Sidecar &amp;injection:</translation>
    </message>
    <message>
        <source>&amp;Tracing endpoint:</source>
        <translation>&amp;Tracing endpoint:</translation>
    </message>
    <message>
        <source>Trace &amp;sampling:</source>
        <translation>Trace &amp;sampling:</translation>
    </message>
    <message>
        <source>Outbound ranges to &amp;intercept:</source>
        <translation>Outbound ranges to &amp;intercept:</translation>
    </message>
    <message>
        <source>Outbound ranges to &amp;bypass:</source>
        <translation>Outbound ranges to &amp;bypass:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>The preview shows the last valid options.</source>
        <translation>The preview shows the last valid options.</translation>
    </message>
    <message>
        <source>Save Install Configuration</source>
        <translation>Save Install Configuration</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML files (*.yaml *.yml);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::MainWindow</name>
    <message>
        <source>&lt;original document&gt;</source>
        <translation>&lt;original document&gt;</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <source>Laying out the graph…</source>
        <translation>Laying out the graph…</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>&amp;Open Files…</source>
        <translation>&amp;Open Files…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Open &amp;Folder…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>&amp;Export for kubectl…</source>
        <translation>&amp;Export for kubectl…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Re&amp;name…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Fit to Window</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Actual Size</translation>
    </message>
    <message>
        <source>&amp;Relayout</source>
        <translation>&amp;Relayout</translation>
    </message>
    <message>
        <source>Lay the graph out automatically again, forgetting manual moves</source>
        <translation>Lay the graph out automatically again, forgetting manual moves</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>&amp;About Meshroute Studio</source>
        <translation>&amp;About Meshroute Studio</translation>
    </message>
    <message>
        <source>New &amp;Gateway</source>
        <translation>New &amp;Gateway</translation>
    </message>
    <message>
        <source>New &amp;VirtualService</source>
        <translation>New &amp;VirtualService</translation>
    </message>
    <message>
        <source>New &amp;DestinationRule</source>
        <translation>New &amp;DestinationRule</translation>
    </message>
    <message>
        <source>New &amp;Service</source>
        <translation>New &amp;Service</translation>
    </message>
    <message>
        <source>New De&amp;ployment</source>
        <translation>New De&amp;ployment</translation>
    </message>
    <message>
        <source>New &amp;WorkloadEntry</source>
        <translation>New &amp;WorkloadEntry</translation>
    </message>
    <message>
        <source>Create a %1</source>
        <translation>Create a %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Filter by name…</source>
        <translation>Filter by name…</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>Undo History</translation>
    </message>
    <message>
        <source>%1[*] — Meshroute Studio</source>
        <translation>%1[*] — Meshroute Studio</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 has changes that are not saved. Save them?</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>Open YAML files</source>
        <translation>Open YAML files</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML files (*.yaml *.yml);;All files (*)</translation>
    </message>
    <message>
        <source>Open a folder of YAML files</source>
        <translation>Open a folder of YAML files</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Save into folder</source>
        <translation>Save into folder</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Save As</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML files (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Restore unsaved changes?</source>
        <translation>Restore unsaved changes?</translation>
    </message>
    <message>
        <source>Meshroute Studio did not close properly. Unsaved changes to %1 from %2 were kept. Restore them?</source>
        <translation>Meshroute Studio did not close properly. Unsaved changes to %1 from %2 were kept. Restore them?</translation>
    </message>
    <message>
        <source>No recent documents</source>
        <translation>No recent documents</translation>
    </message>
    <message>
        <source>Split %1 to %2</source>
        <translation>Split %1 to %2</translation>
    </message>
    <message>
        <source>Route %1 port %2 to %3</source>
        <translation>Route %1 port %2 to %3</translation>
    </message>
    <message>
        <source>Set weight in %1</source>
        <translation>Set weight in %1</translation>
    </message>
    <message>
        <source>%1 rule %2 of %3</source>
        <translation>%1 rule %2 of %3</translation>
    </message>
    <message numerus="yes">
        <source>%n route destination(s)</source>
        <translation>
            <numerusform>%n route destination</numerusform>
            <numerusform>%n route destinations</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>Delete %1?</translation>
    </message>
    <message>
        <source>These refer to it and will have broken references:
%1</source>
        <translation>These refer to it and will have broken references:
%1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>New name of %1:</source>
        <translation>New name of %1:</translation>
    </message>
    <message>
        <source>Rename gateway %1 to %2</source>
        <translation>Rename gateway %1 to %2</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Rename %1 to %2</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>Create %1</translation>
    </message>
    <message>
        <source>Add port %1 to %2</source>
        <translation>Add port %1 to %2</translation>
    </message>
    <message>
        <source>Add subset %1 to %2</source>
        <translation>Add subset %1 to %2</translation>
    </message>
    <message>
        <source>Add Port</source>
        <translation>Add Port</translation>
    </message>
    <message>
        <source>Add Subset to %1</source>
        <translation>Add Subset to %1</translation>
    </message>
    <message>
        <source>Show YAML</source>
        <translation>Show YAML</translation>
    </message>
    <message>
        <source>About Meshroute Studio</source>
        <translation>About Meshroute Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Meshroute Studio %1&lt;/h3&gt;&lt;p&gt;A desktop console for Istio ingress routing of TCP traffic: edit gateways, routes and subsets as a graph, check them as you go, and export YAML that &lt;tt&gt;kubectl apply&lt;/tt&gt; accepts.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Meshroute Studio %1&lt;/h3&gt;&lt;p&gt;A desktop console for Istio ingress routing of TCP traffic: edit gateways, routes and subsets as a graph, check them as you go, and export YAML that &lt;tt&gt;kubectl apply&lt;/tt&gt; accepts.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Discard YAML edit?</source>
        <translation>Discard YAML edit?</translation>
    </message>
    <message>
        <source>The YAML pane holds an edit that is not valid. Close anyway?</source>
        <translation>The YAML pane holds an edit that is not valid. Close anyway?</translation>
    </message>
    <message>
        <source>Share of new connections; Enter applies, Escape cancels</source>
        <translation>Share of new connections; Enter applies, Escape cancels</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>Relayout</source>
        <translation>Relayout</translation>
    </message>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>Move %n node</numerusform>
            <numerusform>Move %n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Start Local Gateway</source>
        <translation>&amp;Start Local Gateway</translation>
    </message>
    <message>
        <source>S&amp;top Local Gateway</source>
        <translation>S&amp;top Local Gateway</translation>
    </message>
    <message>
        <source>&amp;Apply Edits Now</source>
        <translation>&amp;Apply Edits Now</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Gateway Events</source>
        <translation>Gateway Events</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>Configured vs Observed</source>
        <translation>Configured vs Observed</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connections</translation>
    </message>
    <message>
        <source>Pod Logs</source>
        <translation>Pod Logs</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Traffic Generator</source>
        <translation>Traffic Generator</translation>
    </message>
    <message>
        <source>&amp;Install Configuration…</source>
        <translation>&amp;Install Configuration…</translation>
    </message>
    <message numerus="yes">
        <source>%n backendRef(s)</source>
        <translation>
            <numerusform>%n backendRef</numerusform>
            <numerusform>%n backendRefs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parentRef(s)</source>
        <translation>
            <numerusform>%n parentRef</numerusform>
            <numerusform>%n parentRefs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshroute::studio::PodLogView</name>
    <message>
        <source>All pods</source>
        <translation>All pods</translation>
    </message>
    <message>
        <source>Whose log to show</source>
        <translation>Whose log to show</translation>
    </message>
    <message>
        <source>Filter lines</source>
        <translation>Filter lines</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Keep to the newest line (scrolling up stops it)</source>
        <translation>Keep to the newest line (scrolling up stops it)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>No demo pods: start the local gateway on a configuration with Deployments.</source>
        <translation>No demo pods: start the local gateway on a configuration with Deployments.</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::PreferencesDialog</name>
    <message>
        <source>What istioctl analyze assumes (80, 443, 31400, 15443)</source>
        <translation>What istioctl analyze assumes (80, 443, 31400, 15443)</translation>
    </message>
    <message>
        <source>Istio&apos;s default profile (15021, 80, 443)</source>
        <translation>Istio&apos;s default profile (15021, 80, 443)</translation>
    </message>
    <message>
        <source>Istio&apos;s demo profile (also 31400, 15443)</source>
        <translation>Istio&apos;s demo profile (also 31400, 15443)</translation>
    </message>
    <message>
        <source>The gateway Helm chart&apos;s defaults (15021, 80, 443)</source>
        <translation>The gateway Helm chart&apos;s defaults (15021, 80, 443)</translation>
    </message>
    <message>
        <source>The ingress gateway Service in the files</source>
        <translation>The ingress gateway Service in the files</translation>
    </message>
    <message>
        <source>Which ports the target cluster&apos;s ingress gateway Service exposes: IST0162 checks the Gateway ports against it, and its fix adds the missing ones. A Service in the files that selects the gateway is used whatever is chosen here. Kept with this document.</source>
        <translation>Which ports the target cluster&apos;s ingress gateway Service exposes: IST0162 checks the Gateway ports against it, and its fix adds the missing ones. A Service in the files that selects the gateway is used whatever is chosen here. Kept with this document.</translation>
    </message>
    <message>
        <source>Ingress gateway (this document)</source>
        <translation>Ingress gateway (this document)</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Added to every gateway port when the local gateway listens, for ports that are busy</source>
        <translation>Added to every gateway port when the local gateway listens, for ports that are busy</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Local gateway</source>
        <translation>Local gateway</translation>
    </message>
    <message>
        <source>Bind address</source>
        <translation>Bind address</translation>
    </message>
    <message>
        <source>Port offset</source>
        <translation>Port offset</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Autosave every</source>
        <translation>Autosave every</translation>
    </message>
    <message>
        <source>Not an IPv4 or IPv6 address</source>
        <translation>Not an IPv4 or IPv6 address</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>standard</translation>
    </message>
    <message>
        <source>experimental</source>
        <translation>experimental</translation>
    </message>
    <message>
        <source>Istio %1 · Gateway API %2 %3</source>
        <translation>Istio %1 · Gateway API %2 %3</translation>
    </message>
    <message>
        <source>istiod runs with PILOT_ENABLE_ALPHA_GATEWAY_API=true</source>
        <translation>istiod runs with PILOT_ENABLE_ALPHA_GATEWAY_API=true</translation>
    </message>
    <message>
        <source>istiod runs without PILOT_ENABLE_ALPHA_GATEWAY_API</source>
        <translation>istiod runs without PILOT_ENABLE_ALPHA_GATEWAY_API</translation>
    </message>
    <message>
        <source>The cluster this document is meant for: the diagnostics, the graph, the local gateway and Convert follow it. Change it in Preferences.</source>
        <translation>The cluster this document is meant for: the diagnostics, the graph, the local gateway and Convert follow it. Change it in Preferences.</translation>
    </message>
    <message>
        <source>PILOT_ENABLE_ALPHA_GATEWAY_API on istiod</source>
        <translation>PILOT_ENABLE_ALPHA_GATEWAY_API on istiod</translation>
    </message>
    <message>
        <source>The Gateway API CRD bundle installed on the cluster</source>
        <translation>The Gateway API CRD bundle installed on the cluster</translation>
    </message>
    <message>
        <source>Istio reads TCPRoute v1alpha2 (and, before 1.30, TLSRoute v1alpha2) only with this flag set</source>
        <translation>Istio reads TCPRoute v1alpha2 (and, before 1.30, TLSRoute v1alpha2) only with this flag set</translation>
    </message>
    <message>
        <source>Target cluster (this document)</source>
        <translation>Target cluster (this document)</translation>
    </message>
    <message>
        <source>What the diagnostics (MR0025-MR0027, IST0176), the graph, the local gateway and Convert assume the Gateway API resources meet. Kept with this document.</source>
        <translation>What the diagnostics (MR0025-MR0027, IST0176), the graph, the local gateway and Convert assume the Gateway API resources meet. Kept with this document.</translation>
    </message>
    <message>
        <source>Istio version</source>
        <translation>Istio version</translation>
    </message>
    <message>
        <source>Gateway API CRDs</source>
        <translation>Gateway API CRDs</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::ResourceTree</name>
    <message>
        <source>Namespace %1</source>
        <translation>Namespace %1</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::SharesView</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>no connections yet</source>
        <translation>no connections yet</translation>
    </message>
    <message>
        <source>as configured</source>
        <translation>as configured</translation>
    </message>
    <message>
        <source>should be %1, is %2</source>
        <translation>should be %1, is %2</translation>
    </message>
    <message>
        <source>too few connections yet (%1 of %2)</source>
        <translation>too few connections yet (%1 of %2)</translation>
    </message>
    <message>
        <source>within 3σ (z = %1)</source>
        <translation>within 3σ (z = %1)</translation>
    </message>
    <message>
        <source>off by %1σ: not what the weights explain</source>
        <translation>off by %1σ: not what the weights explain</translation>
    </message>
    <message>
        <source>Route / destination</source>
        <translation>Route / destination</translation>
    </message>
    <message>
        <source>Configured</source>
        <translation>Configured</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observed</translation>
    </message>
    <message>
        <source>Observed %</source>
        <translation>Observed %</translation>
    </message>
    <message>
        <source>Configured ▭ / observed ▬</source>
        <translation>Configured ▭ / observed ▬</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>&amp;Reset counts</source>
        <translation>&amp;Reset counts</translation>
    </message>
    <message>
        <source>Count the connections from now on</source>
        <translation>Count the connections from now on</translation>
    </message>
    <message>
        <source>No weighted route runs: give a route two or more destinations with weights to compare the configured split with the traffic.</source>
        <translation>No weighted route runs: give a route two or more destinations with weights to compare the configured split with the traffic.</translation>
    </message>
    <message>
        <source>Connections per destination since the last reset, beside the configured weights.</source>
        <translation>Connections per destination since the last reset, beside the configured weights.</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>configured %1, observed %2</source>
        <translation>configured %1, observed %2</translation>
    </message>
    <message>
        <source>too few connections yet</source>
        <translation>too few connections yet</translation>
    </message>
    <message>
        <source>differs from the weights</source>
        <translation>differs from the weights</translation>
    </message>
    <message>
        <source>as configured: every share within 3σ</source>
        <translation>as configured: every share within 3σ</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::Startup</name>
    <message>
        <source>Edit, check and export Istio TCP routing.</source>
        <translation>Edit, check and export Istio TCP routing.</translation>
    </message>
    <message>
        <source>YAML files or folders to open.</source>
        <translation>YAML files or folders to open.</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::TcpClientPanel</name>
    <message>
        <source>Not connected.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <source>%1 → %2:%3 (%4)</source>
        <translation>%1 → %2:%3 (%4)</translation>
    </message>
    <message>
        <source>%1 (%2): not listening</source>
        <translation>%1 (%2): not listening</translation>
    </message>
    <message>
        <source>That port is not listening.</source>
        <translation>That port is not listening.</translation>
    </message>
    <message>
        <source>Start the local gateway first.</source>
        <translation>Start the local gateway first.</translation>
    </message>
    <message>
        <source>%1:%2 (gateway port %3)</source>
        <translation>%1:%2 (gateway port %3)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Disconnected from %1.</source>
        <translation>Disconnected from %1.</translation>
    </message>
    <message>
        <source>Not connected: connect first.</source>
        <translation>Not connected: connect first.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connected to %1.</translation>
    </message>
    <message>
        <source>Closed by the peer (%1).</source>
        <translation>Closed by the peer (%1).</translation>
    </message>
    <message>
        <source>Connection refused by %1: nothing listens there.</source>
        <translation>Connection refused by %1: nothing listens there.</translation>
    </message>
    <message>
        <source>Error on %1: %2</source>
        <translation>Error on %1: %2</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>The gateway port to connect to, and where it listens on this machine</source>
        <translation>The gateway port to connect to, and where it listens on this machine</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Type a line, press Enter: the pod echoes it</source>
        <translation>Type a line, press Enter: the pod echoes it</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message numerus="yes">
        <source>&gt; [TLS ClientHello without a server name, %n byte(s)]
</source>
        <translation>
            <numerusform>&gt; [TLS ClientHello without a server name, %n byte]
</numerusform>
            <numerusform>&gt; [TLS ClientHello without a server name, %n bytes]
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&gt; [TLS ClientHello for %1, %n byte(s)]
</source>
        <translation>
            <numerusform>&gt; [TLS ClientHello for %1, %n byte]
</numerusform>
            <numerusform>&gt; [TLS ClientHello for %1, %n bytes]
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n byte(s) that are not text]</source>
        <translation>
            <numerusform>[%n byte that is not text]</numerusform>
            <numerusform>[%n bytes that are not text]</numerusform>
        </translation>
    </message>
    <message>
        <source>Server name (SNI)</source>
        <translation>Server name (SNI)</translation>
    </message>
    <message>
        <source>A TLS passthrough port routes by the server name of the client&apos;s TLS hello: this one is sent first, when the connection opens</source>
        <translation>A TLS passthrough port routes by the server name of the client&apos;s TLS hello: this one is sent first, when the connection opens</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::TrafficCharts</name>
    <message>
        <source>&amp;Per</source>
        <translation>&amp;Per</translation>
    </message>
    <message>
        <source>Listener (gateway port)</source>
        <translation>Listener (gateway port)</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Subset</source>
        <translation>Subset</translation>
    </message>
    <message>
        <source>What each line stands for</source>
        <translation>What each line stands for</translation>
    </message>
    <message>
        <source>&amp;Range</source>
        <translation>&amp;Range</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>How much time the live view shows</source>
        <translation>How much time the live view shows</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Freeze the view; the data keeps being collected. Resume jumps to now.</source>
        <translation>Freeze the view; the data keeps being collected. Resume jumps to now.</translation>
    </message>
    <message>
        <source>Follow now</source>
        <translation>Follow now</translation>
    </message>
    <message>
        <source>Show the selected range up to now and fit the value axes</source>
        <translation>Show the selected range up to now and fit the value axes</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <source>Save the plots as shown as a PNG image</source>
        <translation>Save the plots as shown as a PNG image</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Save the data of the visible time span as CSV</source>
        <translation>Save the data of the visible time span as CSV</translation>
    </message>
    <message>
        <source>Copy PromQL</source>
        <translation>Copy PromQL</translation>
    </message>
    <message>
        <source>Copy PromQL: client → upstream</source>
        <translation>Copy PromQL: client → upstream</translation>
    </message>
    <message>
        <source>Copy PromQL: upstream → client</source>
        <translation>Copy PromQL: upstream → client</translation>
    </message>
    <message>
        <source>Copy PromQL: connect failures</source>
        <translation>Copy PromQL: connect failures</translation>
    </message>
    <message>
        <source>Copy PromQL: no route</source>
        <translation>Copy PromQL: no route</translation>
    </message>
    <message>
        <source>The query of the panel “%1” of Istio&apos;s Grafana dashboard %2, for the services shown (reporter &quot;source&quot;: what a gateway reports)</source>
        <translation>The query of the panel “%1” of Istio&apos;s Grafana dashboard %2, for the services shown (reporter &quot;source&quot;: what a gateway reports)</translation>
    </message>
    <message>
        <source>Istio&apos;s Grafana dashboards have no panel for this; the query reads the same Istio metrics, for the services shown</source>
        <translation>Istio&apos;s Grafana dashboards have no panel for this; the query reads the same Istio metrics, for the services shown</translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation>Active connections</translation>
    </message>
    <message>
        <source>Throughput (bytes/s) — solid: client → upstream, dashed: upstream → client</source>
        <translation>Throughput (bytes/s) — solid: client → upstream, dashed: upstream → client</translation>
    </message>
    <message>
        <source>New connections per second</source>
        <translation>New connections per second</translation>
    </message>
    <message>
        <source>Failures per second — solid: upstream connect failures, dotted: no route</source>
        <translation>Failures per second — solid: upstream connect failures, dotted: no route</translation>
    </message>
    <message>
        <source>%1: client → upstream</source>
        <translation>%1: client → upstream</translation>
    </message>
    <message>
        <source>%1: upstream → client</source>
        <translation>%1: upstream → client</translation>
    </message>
    <message>
        <source>%1: connect failures</source>
        <translation>%1: connect failures</translation>
    </message>
    <message>
        <source>%1: no route</source>
        <translation>%1: no route</translation>
    </message>
    <message>
        <source>Export charts as PNG</source>
        <translation>Export charts as PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>Export traffic data as CSV</source>
        <translation>Export traffic data as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>%1: %2 open</source>
        <translation>%1: %2 open</translation>
    </message>
    <message>
        <source>%1: client → upstream %2, upstream → client %3</source>
        <translation>%1: client → upstream %2, upstream → client %3</translation>
    </message>
    <message>
        <source>%1: %2 conn/s</source>
        <translation>%1: %2 conn/s</translation>
    </message>
    <message>
        <source>%1: connect failures %2/s, no route %3/s</source>
        <translation>%1: connect failures %2/s, no route %3/s</translation>
    </message>
    <message>
        <source>Wheel: zoom time · drag: pan · with Ctrl: the value axis</source>
        <translation>Wheel: zoom time · drag: pan · with Ctrl: the value axis</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::TrafficController</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 open, %3 new per second, %4 in all&lt;br&gt;client → upstream %5&lt;br&gt;upstream → client %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 open, %3 new per second, %4 in all&lt;br&gt;client → upstream %5&lt;br&gt;upstream → client %6</translation>
    </message>
    <message>
        <source>The new bind address and port offset take effect at the next start.</source>
        <translation>The new bind address and port offset take effect at the next start.</translation>
    </message>
    <message>
        <source>Starting the local gateway on %1 (port offset %2)…</source>
        <translation>Starting the local gateway on %1 (port offset %2)…</translation>
    </message>
    <message numerus="yes">
        <source>Stopped; %n open connection(s) closed.</source>
        <translation>
            <numerusform>Stopped; %n open connection closed.</numerusform>
            <numerusform>Stopped; %n open connections closed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <source>Started.</source>
        <translation>Started.</translation>
    </message>
    <message>
        <source>Applied the edit (configuration %1).</source>
        <translation>Applied the edit (configuration %1).</translation>
    </message>
    <message>
        <source>  %1 port %2 listening on %3</source>
        <translation>  %1 port %2 listening on %3</translation>
    </message>
    <message numerus="yes">
        <source>Not applied: the configuration has %n error(s); the previous configuration is still running.</source>
        <translation>
            <numerusform>Not applied: the configuration has %n error; the previous configuration is still running.</numerusform>
            <numerusform>Not applied: the configuration has %n errors; the previous configuration is still running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not started: the configuration has %n error(s).</source>
        <translation>
            <numerusform>Not started: the configuration has %n error.</numerusform>
            <numerusform>Not started: the configuration has %n errors.</numerusform>
        </translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>listening on %1</translation>
    </message>
    <message>
        <source>not listening: %1</source>
        <translation>not listening: %1</translation>
    </message>
    <message>
        <source>Local gateway: stopped</source>
        <translation>Local gateway: stopped</translation>
    </message>
    <message numerus="yes">
        <source>Local gateway: &lt;b&gt;running&lt;/b&gt; · %n port(s) listening</source>
        <translation>
            <numerusform>Local gateway: &lt;b&gt;running&lt;/b&gt; · %n port listening</numerusform>
            <numerusform>Local gateway: &lt;b&gt;running&lt;/b&gt; · %n ports listening</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 not listening</source>
        <translation>%1 not listening</translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n open connection</numerusform>
            <numerusform>%n open connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>edit not applied (%n error(s)), previous configuration running</source>
        <translation>
            <numerusform>edit not applied (%n error), previous configuration running</numerusform>
            <numerusform>edit not applied (%n errors), previous configuration running</numerusform>
        </translation>
    </message>
    <message>
        <source>Run these rules on this machine (%1)</source>
        <translation>Run these rules on this machine (%1)</translation>
    </message>
    <message>
        <source>Stop the local gateway; open connections are closed</source>
        <translation>Stop the local gateway; open connections are closed</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Start the local gateway to run these rules on this machine; what it does shows here.</source>
        <translation>Start the local gateway to run these rules on this machine; what it does shows here.</translation>
    </message>
    <message>
        <source>Traffic generator started; the observed shares count from now.</source>
        <translation>Traffic generator started; the observed shares count from now.</translation>
    </message>
    <message>
        <source>Traffic generator finished: %1 answered, %2 failed.</source>
        <translation>Traffic generator finished: %1 answered, %2 failed.</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::YamlPane</name>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Replace the resource with this text (Ctrl+Return)</source>
        <translation>Replace the resource with this text (Ctrl+Return)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — editable</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — editable</translation>
    </message>
    <message>
        <source>line %1:%2: %3 [%4]</source>
        <translation>line %1:%2: %3 [%4]</translation>
    </message>
    <message>
        <source>The text is not one valid resource</source>
        <translation>The text is not one valid resource</translation>
    </message>
    <message>
        <source>Not applied — the document is unchanged:
%1</source>
        <translation>Not applied — the document is unchanged:
%1</translation>
    </message>
    <message>
        <source>Edit YAML of %1</source>
        <translation>Edit YAML of %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — the whole file, editable</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — the whole file, editable</translation>
    </message>
    <message>
        <source>The source file to show and edit whole</source>
        <translation>The source file to show and edit whole</translation>
    </message>
    <message>
        <source>&lt;b&gt;Whole document&lt;/b&gt; — choose a file or select a resource to edit</source>
        <translation>&lt;b&gt;Whole document&lt;/b&gt; — choose a file or select a resource to edit</translation>
    </message>
    <message>
        <source>All files (read only)</source>
        <translation>All files (read only)</translation>
    </message>
    <message>
        <source>Edit the whole file %1</source>
        <translation>Edit the whole file %1</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::IngressPatchDialog</name>
    <message>
        <source>Expose Gateway ports on the ingress gateway</source>
        <translation>Expose Gateway ports on the ingress gateway</translation>
    </message>
    <message>
        <source>IstioOperator overlay (istioctl install -f)</source>
        <translation>IstioOperator overlay (istioctl install -f)</translation>
    </message>
    <message>
        <source>gateway Helm chart values (helm upgrade -f)</source>
        <translation>gateway Helm chart values (helm upgrade -f)</translation>
    </message>
    <message>
        <source>Service patch (kubectl patch --type merge)</source>
        <translation>Service patch (kubectl patch --type merge)</translation>
    </message>
    <message>
        <source>The IstioOperator overlay and the Helm values last; a patch of the live Service is undone by the next istioctl install or helm upgrade</source>
        <translation>The IstioOperator overlay and the Helm values last; a patch of the live Service is undone by the next istioctl install or helm upgrade</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Every Gateway port is exposed on the ingress gateway (%1) already.</source>
        <translation>Every Gateway port is exposed on the ingress gateway (%1) already.</translation>
    </message>
    <message>
        <source>Exposes port(s) %1 on the ingress gateway (%2), repeating the ports it has. Save it as a file for the cluster; the routing is not changed.</source>
        <translation>Exposes port(s) %1 on the ingress gateway (%2), repeating the ports it has. Save it as a file for the cluster; the routing is not changed.</translation>
    </message>
    <message>
        <source>Save the ingress gateway patch</source>
        <translation>Save the ingress gateway patch</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML files (*.yaml *.yml)</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::ConvertDialog</name>
    <message numerus="yes">
        <source>%n resource(s) in the result: %1 added, %2 replaced, %3 kept; %4 removed.</source>
        <translation>
            <numerusform>%n resource in the result: %1 added, %2 replaced, %3 kept; %4 removed.</numerusform>
            <numerusform>%n resources in the result: %1 added, %2 replaced, %3 kept; %4 removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) could not be carried exactly: see the diagnostics below.</source>
        <translation>
            <numerusform>%n part could not be carried exactly: see the diagnostics below.</numerusform>
            <numerusform>%n parts could not be carried exactly: see the diagnostics below.</numerusform>
        </translation>
    </message>
</context>
</TS>
