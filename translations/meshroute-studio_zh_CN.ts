<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>no route</source>
        <translation>无路由</translation>
    </message>
    <message>
        <source>connection limit</source>
        <translation>连接数上限</translation>
    </message>
    <message>
        <source>no healthy upstream</source>
        <translation>没有健康的上游</translation>
    </message>
    <message>
        <source>upstream connect failed</source>
        <translation>连接上游失败</translation>
    </message>
    <message>
        <source>idle timeout</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <source>client error</source>
        <translation>客户端错误</translation>
    </message>
    <message>
        <source>upstream error</source>
        <translation>上游错误</translation>
    </message>
    <message>
        <source>gateway stopped</source>
        <translation>网关已停止</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Bytes read from the client and sent towards the upstream</source>
        <translation>从客户端读取并发往上游的字节数</translation>
    </message>
    <message>
        <source>Bytes read from the upstream and written back to the client</source>
        <translation>从上游读取并写回客户端的字节数</translation>
    </message>
    <message>
        <source>The Gateway server&apos;s port (before any local port offset)</source>
        <translation>Gateway server 的端口（加上本地端口偏移之前）</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Gateway port</source>
        <translation>网关端口</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Subset</source>
        <translation>子集</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Client → upstream (B)</source>
        <translation>客户端 → 上游（B）</translation>
    </message>
    <message>
        <source>Upstream → client (B)</source>
        <translation>上游 → 客户端（B）</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Close reason</source>
        <translation>关闭原因</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>none for SNI %1</source>
        <translation>没有规则匹配 SNI %1</translation>
    </message>
    <message>
        <source>%1 (SNI %2)</source>
        <translation>%1（SNI %2）</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::ConnectionsView</name>
    <message>
        <source>%1 connections</source>
        <translation>%1 个连接</translation>
    </message>
    <message>
        <source>%1 of %2 connections</source>
        <translation>%2 个连接中的 %1 个</translation>
    </message>
    <message>
        <source>Filter: client, route, subset, pod, reason…</source>
        <translation>筛选：客户端、路由、子集、Pod、原因…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Empty the table (the gateway keeps running)</source>
        <translation>清空表格（网关继续运行）</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::DiagnosticText</name>
    <message>
        <source>%1 must be a mapping, not %2</source>
        <translation>%1 必须是映射，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be a list, not %2</source>
        <translation>%1 必须是列表，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be a string, not %2</source>
        <translation>%1 必须是字符串，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be a number, not %2</source>
        <translation>%1 必须是数字，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be a whole number, not &quot;%2&quot;</source>
        <translation>%1 必须是整数，而不是“%2”</translation>
    </message>
    <message>
        <source>%1 must be true or false, not %2</source>
        <translation>%1 必须是 true 或 false，而不是%2</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a duration (use a number with a unit: 500ms, 10s, 1m, 1h)</source>
        <translation>%1“%2”不是时长（请使用带单位的数字：500ms、10s、1m、1h）</translation>
    </message>
    <message>
        <source>%1 %2 is outside %3–%4</source>
        <translation>%1 的值 %2 超出范围 %3–%4</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not one of %3</source>
        <translation>%1“%2”不是以下值之一：%3</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>必须填写 %1</translation>
    </message>
    <message>
        <source>the document is not a Kubernetes resource (expected a mapping)</source>
        <translation>该文档不是 Kubernetes 资源（应为映射）</translation>
    </message>
    <message>
        <source>metadata.name &quot;%1&quot; is not a valid name (lower-case letters, digits, &apos;-&apos; and &apos;.&apos;, starting and ending with a letter or digit)</source>
        <translation>metadata.name“%1”不是有效的名称（只能包含小写字母、数字、“-”和“.”，并以字母或数字开头和结尾）</translation>
    </message>
    <message>
        <source>metadata.namespace &quot;%1&quot; is not a valid namespace name</source>
        <translation>metadata.namespace“%1”不是有效的命名空间名称</translation>
    </message>
    <message>
        <source>%1 with apiVersion &quot;%2&quot; is not one Meshroute knows; it is kept as written but not checked</source>
        <translation>Meshroute 不认识 apiVersion 为“%2”的 %1；它会按原样保留，但不做检查</translation>
    </message>
    <message>
        <source>Deployment apiVersion &quot;%1&quot; was removed in Kubernetes 1.16; use apps/v1 (it also needs spec.selector)</source>
        <translation>Deployment 的 apiVersion“%1”已在 Kubernetes 1.16 中移除；请使用 apps/v1（它还需要 spec.selector）</translation>
    </message>
    <message>
        <source>the input is UTF-16 or UTF-32 text; save it as UTF-8</source>
        <translation>输入是 UTF-16 或 UTF-32 文本；请另存为 UTF-8</translation>
    </message>
    <message>
        <source>binary data (byte %1): this is not a YAML text file</source>
        <translation>二进制数据（字节 %1）：这不是 YAML 文本文件</translation>
    </message>
    <message>
        <source>invalid UTF-8 (byte %1): this is not a YAML text file, or not saved as UTF-8</source>
        <translation>无效的 UTF-8（字节 %1）：这不是 YAML 文本文件，或者没有以 UTF-8 保存</translation>
    </message>
    <message>
        <source>cannot read %1: no such file or folder</source>
        <translation>无法读取 %1：没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>cannot read the folder %1: %2</source>
        <translation>无法读取文件夹 %1：%2</translation>
    </message>
    <message>
        <source>the folder %1 contains no .yaml or .yml file</source>
        <translation>文件夹 %1 中没有 .yaml 或 .yml 文件</translation>
    </message>
    <message>
        <source>cannot read %1: it is a folder</source>
        <translation>无法读取 %1：它是一个文件夹</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>refusing to read %1: it is %2 MB, more than the %3 MB limit</source>
        <translation>拒绝读取 %1：它有 %2 MB，超过了 %3 MB 的上限</translation>
    </message>
    <message>
        <source>refusing to read %1: it is more than the %2 MB limit</source>
        <translation>拒绝读取 %1：它超过了 %2 MB 的上限</translation>
    </message>
    <message>
        <source>the input is %1 bytes, more than the limit of %2</source>
        <translation>输入有 %1 字节，超过了 %2 字节的上限</translation>
    </message>
    <message>
        <source>the text is larger than %1 bytes</source>
        <translation>文本超过了 %1 字节</translation>
    </message>
    <message>
        <source>the input expands to more than %1 nodes through aliases; the document is not read</source>
        <translation>输入通过别名展开后超过 %1 个节点；不读取该文档</translation>
    </message>
    <message>
        <source>the document expands to more than %1 nodes (alias expansion); it is not read</source>
        <translation>文档展开后超过 %1 个节点（别名展开）；不读取该文档</translation>
    </message>
    <message>
        <source>the document nests deeper than %1 levels; it is not read</source>
        <translation>文档嵌套超过 %1 层；不读取该文档</translation>
    </message>
    <message>
        <source>the document has more than %1 nodes; it is not read</source>
        <translation>文档超过 %1 个节点；不读取该文档</translation>
    </message>
    <message>
        <source>the input has more than %1 nodes; the rest is not read</source>
        <translation>输入超过 %1 个节点；其余部分不读取</translation>
    </message>
    <message>
        <source>the document nests too deeply to be read</source>
        <translation>文档嵌套太深，无法读取</translation>
    </message>
    <message>
        <source>the document is too large to be read in memory</source>
        <translation>文档太大，无法在内存中读取</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>YAML 语法错误：%1</translation>
    </message>
    <message>
        <source>the text holds more than one document; one resource is expected</source>
        <translation>文本包含多个文档；这里只应有一个资源</translation>
    </message>
    <message>
        <source>items of a List must be a sequence</source>
        <translation>List 的 items 必须是序列</translation>
    </message>
    <message>
        <source>the document cannot be read: %1</source>
        <translation>无法读取该文档：%1</translation>
    </message>
    <message>
        <source>the input is empty</source>
        <translation>输入为空</translation>
    </message>
    <message>
        <source>the input contains no Kubernetes resource</source>
        <translation>输入中没有 Kubernetes 资源</translation>
    </message>
    <message>
        <source>the text contains no resource</source>
        <translation>文本中没有资源</translation>
    </message>
    <message>
        <source>gateway &quot;%1&quot; not found: there is no Gateway %2</source>
        <translation>找不到网关“%1”：没有 Gateway %2</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is defined in DestinationRule %3, which is not exported to namespace %4</source>
        <translation>%1“%2”定义在 DestinationRule %3 中，但该规则没有导出到命名空间 %4</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not defined in DestinationRule %3 (it defines no subsets)</source>
        <translation>DestinationRule %3 中没有定义%1“%2”（它没有定义任何子集）</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not defined in DestinationRule %3 (it defines %4)</source>
        <translation>DestinationRule %3 中没有定义%1“%2”（它定义了 %4）</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; of host &quot;%3&quot; is not defined: no DestinationRule has host %4%5</source>
        <translation>主机“%3”的%1“%2”没有定义：没有 host 为 %4 的 DestinationRule%5</translation>
    </message>
    <message>
        <source>port %1 of host &quot;%2&quot; not found: %3 has %4</source>
        <translation>找不到主机“%2”的端口 %1：%3 的端口是 %4</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; needs a port: %3 has several (%4)</source>
        <translation>%1“%2”需要指定端口：%3 有多个端口（%4）</translation>
    </message>
    <message>
        <source>port %1 of Service %2 has appProtocol &quot;%3&quot;, which is not a protocol Istio knows (tcp, http, http2, grpc, tls, ...)</source>
        <translation>Service %2 的端口 %1 的 appProtocol 是“%3”，这不是 Istio 认识的协议（tcp、http、http2、grpc、tls 等）</translation>
    </message>
    <message>
        <source>port %1 of Service %2 has no name and no appProtocol, so Istio has to guess its protocol; name it &lt;protocol&gt;[-&lt;suffix&gt;], e.g. &quot;tcp&quot;, or set appProtocol</source>
        <translation>Service %2 的端口 %1 既没有名称也没有 appProtocol，Istio 只能猜测其协议；请按 &lt;protocol&gt;[-&lt;suffix&gt;] 命名（例如“tcp”），或设置 appProtocol</translation>
    </message>
    <message>
        <source>port %1 of Service %2 is named &quot;%3&quot;, which does not follow Istio&apos;s &lt;protocol&gt;[-&lt;suffix&gt;] convention (e.g. &quot;%4&quot;), and has no appProtocol</source>
        <translation>Service %2 的端口 %1 名为“%3”，不符合 Istio 的 &lt;protocol&gt;[-&lt;suffix&gt;] 命名约定（例如“%4”），并且没有 appProtocol</translation>
    </message>
    <message>
        <source>%1 is never used: only the last rule may have no match, and %2 has none</source>
        <translation>%1 永远不会被使用：只有最后一条规则可以没有 match，而 %2 没有 match</translation>
    </message>
    <message>
        <source>%1 is never used: %2 before it has no match and takes all traffic</source>
        <translation>%1 永远不会被使用：它前面的 %2 没有 match，会接收所有流量</translation>
    </message>
    <message>
        <source>%1 is never used: all its matches are used by earlier rules</source>
        <translation>%1 永远不会被使用：它的所有 match 都已被前面的规则使用</translation>
    </message>
    <message>
        <source>match %1 of %2 is never used: %3 has the same match</source>
        <translation>%2 的 match %1 永远不会被使用：%3 有相同的 match</translation>
    </message>
    <message>
        <source>no host of %1 [%2] is served by Gateway %3: it does not exist</source>
        <translation>Gateway %3 不服务 %1 的任何主机 [%2]：该 Gateway 不存在</translation>
    </message>
    <message>
        <source>no host of %1 [%2] is served by Gateway %3: it has no server hosts</source>
        <translation>Gateway %3 不服务 %1 的任何主机 [%2]：该 Gateway 的 server 没有主机</translation>
    </message>
    <message>
        <source>no host of %1 [%2] is served by Gateway %3: its server hosts are %4</source>
        <translation>Gateway %3 不服务 %1 的任何主机 [%2]：该 Gateway 的 server 主机是 %4</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 conflicts with %3: both select %4 and serve host &quot;%5&quot; on that port</source>
        <translation>Gateway %2 的端口 %1 与 %3 冲突：两者都选择 %4，并在该端口上服务主机“%5”</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 is not exposed by %3 (ports %4), so it cannot be reached from outside the cluster</source>
        <translation>Gateway %2 的端口 %1 没有由 %3 暴露（端口 %4），因此无法从集群外部访问</translation>
    </message>
    <message>
        <source>subset &quot;%1&quot; of DestinationRule %2 selects no workload: %3</source>
        <translation>DestinationRule %2 的子集“%1”没有选中任何工作负载：%3</translation>
    </message>
    <message>
        <source>host &quot;%1&quot; of DestinationRule %2 (%3) matches no Service or ServiceEntry%4</source>
        <translation>DestinationRule %2 的主机“%1”（%3）不匹配任何 Service 或 ServiceEntry%4</translation>
    </message>
    <message>
        <source>host &quot;%1&quot; of DestinationRule %2 matches no Service or ServiceEntry%3</source>
        <translation>DestinationRule %2 的主机“%1”不匹配任何 Service 或 ServiceEntry%3</translation>
    </message>
    <message>
        <source>%1 is defined twice (first at %2); kubectl would keep only the last one</source>
        <translation>%1 被定义了两次（首次定义位置：%2）；kubectl 只会保留最后一个</translation>
    </message>
    <message>
        <source>the only destination of %1 has weight %2, but a single destination takes all traffic; write 100 or leave the weight out</source>
        <translation>%1 唯一的目标权重为 %2，但单个目标会接收所有流量；请写 100 或省略权重</translation>
    </message>
    <message>
        <source>the weights of the %1 destinations of %2 are all 0 or missing, so no destination takes traffic; Istio rejects a total of 0</source>
        <translation>%2 的 %1 个目标的权重全为 0 或缺失，没有目标会接收流量；Istio 拒绝总和为 0 的权重</translation>
    </message>
    <message>
        <source>the weights of the %1 destinations of %2 total %3, not 100; Istio 1.14 and older reject this</source>
        <translation>%2 的 %1 个目标的权重总和为 %3，而不是 100；Istio 1.14 及更早版本会拒绝</translation>
    </message>
    <message>
        <source>gateway &quot;%1&quot; in %2 match #%3 has no effect: %4 is not bound to it (its gateways: %5, the default), and match-level gateways only narrow a rule</source>
        <translation>%2 的 match #%3 中的网关“%1”不起作用：%4 没有绑定到它（它的网关：%5，默认值），而 match 级别的网关只能缩小规则的范围</translation>
    </message>
    <message>
        <source>gateway &quot;%1&quot; in %2 match #%3 has no effect: %4 is not bound to it (its gateways: %5), and match-level gateways only narrow a rule</source>
        <translation>%2 的 match #%3 中的网关“%1”不起作用：%4 没有绑定到它（它的网关：%5），而 match 级别的网关只能缩小规则的范围</translation>
    </message>
    <message>
        <source>%1 of %2 match #%3 has no effect at Gateway %4: a gateway matches tcp rules on port and gateways only%5</source>
        <translation>%2 的 match #%3 的 %1 在 Gateway %4 上不起作用：网关只按端口和网关匹配 tcp 规则%5</translation>
    </message>
    <message>
        <source>%1 of %2 match #%3 has no effect at Gateway %4: a gateway matches tls rules on port, sniHosts and gateways only%5</source>
        <translation>%2 的 match #%3 的 %1 在 Gateway %4 上不起作用：网关只按端口、sniHosts 和网关匹配 tls 规则%5</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 has no route, so its connections are refused: %3</source>
        <translation>Gateway %2 的端口 %1 没有路由，其连接会被拒绝：%3</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 gets no listener: %3</source>
        <translation>Gateway %2 的端口 %1 没有监听器：%3</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 is AUTO_PASSTHROUGH, routed by SNI to mesh services without a VirtualService; the local gateway does not serve it</source>
        <translation>Gateway %2 的端口 %1 是 AUTO_PASSTHROUGH，无需 VirtualService 即按 SNI 路由到网格服务；本地网关不服务该端口</translation>
    </message>
    <message>
        <source>port %1 of Gateway %2 (%3) is not served by the local gateway, which runs TCP and TLS routes only</source>
        <translation>Gateway %2 的端口 %1（%3）不由本地网关服务，本地网关只运行 TCP 和 TLS 路由</translation>
    </message>
    <message>
        <source>server on port %1 of Gateway %2 is skipped: the port is already taken by Gateway %3, which came first</source>
        <translation>跳过 Gateway %2 在端口 %1 上的 server：该端口已被先出现的 Gateway %3 占用</translation>
    </message>
    <message>
        <source>%1 of %2 of VirtualService %3 has no effect at Gateway %4: it is kept, and the rule serves every client</source>
        <translation>VirtualService %3 的 %2 的 %1 在 Gateway %4 上不起作用：它会被保留，而该规则服务所有客户端</translation>
    </message>
    <message>
        <source>consistentHash %1 of DestinationRule %2 has no effect on TCP connections (only useSourceIp does): they are spread at random</source>
        <translation>DestinationRule %2 的 consistentHash %1 对 TCP 连接不起作用（只有 useSourceIp 起作用）：连接会被随机分配</translation>
    </message>
    <message>
        <source>loadBalancer PASSTHROUGH of DestinationRule %1 cannot be followed locally (there is no original destination): LEAST_REQUEST is used</source>
        <translation>本地无法执行 DestinationRule %1 的 loadBalancer PASSTHROUGH（没有原始目标）：改用 LEAST_REQUEST</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>null</source>
        <translation>空值 null</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>%1 rule #%2</source>
        <translation>%1 规则 #%2</translation>
    </message>
    <message>
        <source>%1 rule &quot;%2&quot;</source>
        <translation>%1 规则“%2”</translation>
    </message>
    <message>
        <source>subset</source>
        <translation>子集</translation>
    </message>
    <message>
        <source>mirror subset</source>
        <translation>镜像子集</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>mirror</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>; write %1, Istio does not expand &quot;%2&quot;</source>
        <translation>；请写成 %1，Istio 不会展开“%2”</translation>
    </message>
    <message>
        <source> (it still applies to sidecars through mesh)</source>
        <translation>（它仍通过 mesh 作用于 sidecar）</translation>
    </message>
    <message>
        <source>the default ingress gateway Service</source>
        <translation>Istio 默认的入口网关 Service</translation>
    </message>
    <message>
        <source>the ingress gateway Service of Istio&apos;s default profile</source>
        <translation>Istio 默认（default）配置档的入口网关 Service</translation>
    </message>
    <message>
        <source>the ingress gateway Service of Istio&apos;s demo profile</source>
        <translation>Istio 演示（demo）配置档的入口网关 Service</translation>
    </message>
    <message>
        <source>the ingress gateway Service of the gateway Helm chart&apos;s defaults</source>
        <translation>gateway Helm chart 默认值的入口网关 Service</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>its hash key</source>
        <translation>其哈希键</translation>
    </message>
    <message>
        <source>no workload in the input belongs to %1 (selector %2)</source>
        <translation>输入中没有属于 %1 的工作负载（选择器 %2）</translation>
    </message>
    <message>
        <source>no workload in the input belongs to %1</source>
        <translation>输入中没有属于 %1 的工作负载</translation>
    </message>
    <message>
        <source>no workload of %1 has the labels %2</source>
        <translation>%1 的工作负载都没有标签 %2</translation>
    </message>
    <message>
        <source>no VirtualService is bound to the Gateway</source>
        <translation>没有 VirtualService 绑定到该 Gateway</translation>
    </message>
    <message>
        <source>no VirtualService bound to it has a host matching the server&apos;s hosts [%1]</source>
        <translation>绑定到它的 VirtualService 都没有与 server 主机 [%1] 匹配的主机</translation>
    </message>
    <message>
        <source>no %1 rule of VirtualService %2 matches port %3 on this Gateway</source>
        <translation>VirtualService %2 中没有 %1 规则匹配此 Gateway 上的端口 %3</translation>
    </message>
    <message>
        <source>no VirtualService visible to the gateway is bound to it with a host matching the server&apos;s hosts</source>
        <translation>没有对网关可见的 VirtualService 以与 server 主机匹配的主机绑定到它</translation>
    </message>
    <message>
        <source>no %1 rule of %2 matches port %3 on this Gateway</source>
        <translation>%2 中没有 %1 规则匹配此 Gateway 上的端口 %3</translation>
    </message>
    <message>
        <source>YAML directives must have exactly one argument</source>
        <translation>YAML 指令必须恰好有一个参数</translation>
    </message>
    <message>
        <source>YAML major version too large</source>
        <translation>YAML 主版本号太大</translation>
    </message>
    <message>
        <source>repeated YAML directive</source>
        <translation>重复的 YAML 指令</translation>
    </message>
    <message>
        <source>TAG directives must have exactly two arguments</source>
        <translation>TAG 指令必须恰好有两个参数</translation>
    </message>
    <message>
        <source>repeated TAG directive</source>
        <translation>重复的 TAG 指令</translation>
    </message>
    <message>
        <source>illegal character found while scanning tag handle</source>
        <translation>扫描标签句柄时发现非法字符</translation>
    </message>
    <message>
        <source>tag handle with no suffix</source>
        <translation>标签句柄没有后缀</translation>
    </message>
    <message>
        <source>end of verbatim tag not found</source>
        <translation>找不到逐字标签的结尾</translation>
    </message>
    <message>
        <source>end of map not found</source>
        <translation>找不到映射的结尾</translation>
    </message>
    <message>
        <source>end of map flow not found</source>
        <translation>找不到流式映射的结尾</translation>
    </message>
    <message>
        <source>end of sequence not found</source>
        <translation>找不到序列的结尾</translation>
    </message>
    <message>
        <source>end of sequence flow not found</source>
        <translation>找不到流式序列的结尾</translation>
    </message>
    <message>
        <source>cannot assign multiple tags to the same node</source>
        <translation>不能给同一个节点指定多个标签</translation>
    </message>
    <message>
        <source>cannot assign multiple anchors to the same node</source>
        <translation>不能给同一个节点指定多个锚点</translation>
    </message>
    <message>
        <source>cannot assign multiple aliases to the same node</source>
        <translation>不能给同一个节点指定多个别名</translation>
    </message>
    <message>
        <source>aliases can&apos;t have any content, *including* tags</source>
        <translation>别名不能有任何内容，*包括*标签</translation>
    </message>
    <message>
        <source>bad character found while scanning hex number</source>
        <translation>扫描十六进制数时发现错误字符</translation>
    </message>
    <message>
        <source>unknown token</source>
        <translation>未知的记号</translation>
    </message>
    <message>
        <source>illegal document indicator in scalar</source>
        <translation>标量中有非法的文档标记</translation>
    </message>
    <message>
        <source>illegal EOF in scalar</source>
        <translation>标量中出现非法的文件结尾</translation>
    </message>
    <message>
        <source>illegal character in scalar</source>
        <translation>标量中有非法字符</translation>
    </message>
    <message>
        <source>illegal tab when looking for indentation</source>
        <translation>缩进中有非法的制表符</translation>
    </message>
    <message>
        <source>illegal flow end</source>
        <translation>非法的流结尾</translation>
    </message>
    <message>
        <source>illegal block entry</source>
        <translation>非法的块条目</translation>
    </message>
    <message>
        <source>illegal map key</source>
        <translation>非法的映射键</translation>
    </message>
    <message>
        <source>illegal map value</source>
        <translation>非法的映射值</translation>
    </message>
    <message>
        <source>alias not found after *</source>
        <translation>* 后面找不到别名</translation>
    </message>
    <message>
        <source>anchor not found after &amp;</source>
        <translation>&amp; 后面找不到锚点</translation>
    </message>
    <message>
        <source>illegal character found while scanning alias</source>
        <translation>扫描别名时发现非法字符</translation>
    </message>
    <message>
        <source>illegal character found while scanning anchor</source>
        <translation>扫描锚点时发现非法字符</translation>
    </message>
    <message>
        <source>cannot set zero indentation for a block scalar</source>
        <translation>块标量的缩进不能为零</translation>
    </message>
    <message>
        <source>unexpected character in block scalar</source>
        <translation>块标量中有意外的字符</translation>
    </message>
    <message>
        <source>cannot assign the same alias to multiple nodes</source>
        <translation>不能把同一个别名指定给多个节点</translation>
    </message>
    <message>
        <source>the referenced anchor is not defined</source>
        <translation>引用的锚点没有定义</translation>
    </message>
    <message>
        <source>unmatched group tag</source>
        <translation>不匹配的分组标签</translation>
    </message>
    <message>
        <source>unexpected end sequence token</source>
        <translation>意外的序列结束记号</translation>
    </message>
    <message>
        <source>unexpected end map token</source>
        <translation>意外的映射结束记号</translation>
    </message>
    <message>
        <source>invalid character in single-quoted string</source>
        <translation>单引号字符串中有无效字符</translation>
    </message>
    <message>
        <source>invalid anchor</source>
        <translation>无效的锚点</translation>
    </message>
    <message>
        <source>invalid alias</source>
        <translation>无效的别名</translation>
    </message>
    <message>
        <source>invalid tag</source>
        <translation>无效的标签</translation>
    </message>
    <message>
        <source>bad YAML version: %1</source>
        <translation>错误的 YAML 版本：%1</translation>
    </message>
    <message>
        <source>invalid unicode: %1</source>
        <translation>无效的 Unicode：%1</translation>
    </message>
    <message>
        <source>unknown escape character: %1</source>
        <translation>未知的转义字符：%1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>cannot listen on %1 for gateway %2: %3</source>
        <translation>无法为网关 %2 在 %1 上监听：%3</translation>
    </message>
    <message>
        <source>cannot listen on %1 (port %2 + offset %3) for gateway %4: %5</source>
        <translation>无法为网关 %4 在 %1（端口 %2 + 偏移 %3）上监听：%5</translation>
    </message>
    <message>
        <source>Address already in use</source>
        <translation>地址已被占用</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>Cannot assign requested address</source>
        <translation>无法分配请求的地址</translation>
    </message>
    <message>
        <source>bad bind address</source>
        <translation>无效的绑定地址</translation>
    </message>
    <message>
        <source>port %1 after the offset is out of range</source>
        <translation>加上偏移后的端口 %1 超出范围</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not within any of spec.hosts (%3): Istio rejects it</source>
        <translation>%1 &quot;%2&quot; 不在 spec.hosts（%3）的任何一项之内：Istio 会拒绝它</translation>
    </message>
    <message>
        <source>ServiceEntry %1 has resolution NONE: Istio sends its traffic to the address the client dialled, which the local gateway cannot know, so connections routed to %2 are closed here (endpoints with resolution STATIC or DNS let the local gateway try it)</source>
        <translation>ServiceEntry %1 的 resolution 为 NONE：Istio 会把它的流量发往客户端所拨的地址，本地网关无从得知，因此路由到 %2 的连接在这里会被关闭（为它写上 endpoints 并使用 STATIC 或 DNS 解析，本地网关即可试运行）</translation>
    </message>
    <message>
        <source>no tcp route serves this port</source>
        <translation>没有 tcp 路由服务此端口</translation>
    </message>
    <message>
        <source>TLS termination (mode %1) is not done locally yet</source>
        <translation>本地尚不支持 TLS 终止（模式 %1）</translation>
    </message>
    <message>
        <source>port %1 is already served by another listener</source>
        <translation>端口 %1 已由另一个监听器服务</translation>
    </message>
    <message>
        <source>the engine was already started</source>
        <translation>引擎已经启动</translation>
    </message>
    <message>
        <source>the engine is not running</source>
        <translation>引擎没有运行</translation>
    </message>
    <message>
        <source>demo pod %1: %2</source>
        <translation>演示 Pod %1：%2</translation>
    </message>
    <message>
        <source>admin endpoint %1: %2</source>
        <translation>管理端点 %1：%2</translation>
    </message>
    <message>
        <source>expected ADDRESS:PORT, e.g. 127.0.0.1:15000</source>
        <translation>应为 地址:端口，例如 127.0.0.1:15000</translation>
    </message>
    <message>
        <source>not an IP address</source>
        <translation>不是 IP 地址</translation>
    </message>
    <message>
        <source>the admin endpoint listens on a loopback address only</source>
        <translation>管理端点只在回环地址上监听</translation>
    </message>
    <message>
        <source>bad port</source>
        <translation>无效的端口</translation>
    </message>
    <message>
        <source>Istio namespace &quot;%1&quot; is not a valid namespace name (lower-case letters, digits and &apos;-&apos;, at most 63, starting and ending with a letter or digit)</source>
        <translation>Istio 命名空间“%1”不是有效的命名空间名称（小写字母、数字和“-”，最多 63 个字符，以字母或数字开头和结尾）</translation>
    </message>
    <message>
        <source>release name &quot;%1&quot; is not valid (lower-case letters, digits and &apos;-&apos;, at most 53, starting with a letter and ending with a letter or digit)</source>
        <translation>发布名称“%1”无效（小写字母、数字和“-”，最多 53 个字符，以字母开头，以字母或数字结尾）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an addon Meshroute knows (prometheus, grafana, kiali)</source>
        <translation>“%1”不是 Meshroute 知道的插件（prometheus、grafana、kiali）</translation>
    </message>
    <message>
        <source>tracing endpoint &quot;%1&quot; is not HOST:PORT (e.g. zipkin.istio-system:9411 or [fd00::1]:9411)</source>
        <translation>追踪端点“%1”不是 主机:端口 格式（例如 zipkin.istio-system:9411 或 [fd00::1]:9411）</translation>
    </message>
    <message>
        <source>tracing endpoint &quot;%1&quot;: port &quot;%2&quot; is not a number within 1–65535</source>
        <translation>追踪端点“%1”：端口“%2”不是 1–65535 之间的数字</translation>
    </message>
    <message>
        <source>sampling percentage %1 is outside 0–100</source>
        <translation>采样百分比 %1 超出 0–100</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a CIDR range (an IPv4 or IPv6 address with /prefix-length, e.g. 10.0.0.0/8 or fd00::/8)</source>
        <translation>%1：“%2”不是 CIDR 地址范围（带 /前缀长度 的 IPv4 或 IPv6 地址，例如 10.0.0.0/8 或 fd00::/8）</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; has prefix length %3, more than %4 for an %5 address</source>
        <translation>%1：“%2”的前缀长度为 %3，超过了 %5 地址的上限 %4</translation>
    </message>
    <message>
        <source>%1: an empty entry (two commas in a row, or a comma at an end)</source>
        <translation>%1：有空条目（连续两个逗号，或逗号在开头或结尾）</translation>
    </message>
    <message>
        <source>%1: &quot;*&quot; (every address) must be the only entry</source>
        <translation>%1：“*”（所有地址）必须是唯一的条目</translation>
    </message>
    <message>
        <source>%1 (to intercept) and %2 (to bypass) share addresses: those are not intercepted, because bypassing wins over intercepting</source>
        <translation>%1（拦截）与 %2（直接放行）有共同的地址：这些地址不会被拦截，因为直接放行的优先级高于拦截</translation>
    </message>
    <message>
        <source>ingress gateway port &quot;%1&quot;: %2 %3 is outside 1–65535</source>
        <translation>入口网关端口“%1”：%2 %3 超出 1–65535</translation>
    </message>
    <message>
        <source>ingress gateway port %1: name &quot;%2&quot; is not a valid port name (lower-case letters, digits and &apos;-&apos;, e.g. tcp-%1)</source>
        <translation>入口网关端口 %1：名称“%2”不是有效的端口名称（小写字母、数字和“-”，例如 tcp-%1）</translation>
    </message>
    <message>
        <source>ingress gateway port %1: protocol &quot;%2&quot; is not TCP, UDP or SCTP</source>
        <translation>入口网关端口 %1：协议“%2”不是 TCP、UDP 或 SCTP</translation>
    </message>
    <message>
        <source>ingress gateway port %1 is listed more than once</source>
        <translation>入口网关端口 %1 被列出了不止一次</translation>
    </message>
    <message>
        <source>ingress gateway port name &quot;%1&quot; is used by ports %2 and %3</source>
        <translation>入口网关端口名称“%1”同时被端口 %2 和 %3 使用</translation>
    </message>
    <message>
        <source>outbound IP ranges to intercept</source>
        <translation>拦截的对外访问地址范围</translation>
    </message>
    <message>
        <source>outbound IP ranges to bypass</source>
        <translation>直接放行的对外访问地址范围</translation>
    </message>
    <message>
        <source>Handled by Istio controller</source>
        <translation>由 Istio 控制器处理</translation>
    </message>
    <message>
        <source>Resource accepted</source>
        <translation>资源已接受</translation>
    </message>
    <message>
        <source>No errors found</source>
        <translation>未发现错误</translation>
    </message>
    <message>
        <source>Route was valid</source>
        <translation>路由有效</translation>
    </message>
    <message>
        <source>Route was valid, bound to %1 parents</source>
        <translation>路由有效，绑定到 %1 个父资源</translation>
    </message>
    <message>
        <source>All references resolved</source>
        <translation>所有引用均已解析</translation>
    </message>
    <message>
        <source>port %1 not found</source>
        <translation>未找到端口 %1</translation>
    </message>
    <message>
        <source>sectionName &quot;%1&quot; not found</source>
        <translation>未找到 sectionName &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no hostnames matched parent hostname &quot;%1&quot;</source>
        <translation>没有主机名与父资源主机名 &quot;%1&quot; 匹配</translation>
    </message>
    <message>
        <source>hostnames matched parent hostname &quot;%1&quot;, but namespace &quot;%2&quot; is not allowed by the parent</source>
        <translation>主机名与父资源主机名 &quot;%1&quot; 匹配，但父资源不允许命名空间 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>kind %1 is not allowed</source>
        <translation>不允许类型 %1</translation>
    </message>
    <message>
        <source>parent service entry: &quot;%1&quot; not found</source>
        <translation>未找到父 ServiceEntry &quot;%1&quot;</translation>
    </message>
    <message>
        <source>parent service: &quot;%1&quot; not found</source>
        <translation>未找到父 Service &quot;%1&quot;</translation>
    </message>
    <message>
        <source>backend(%1) not found</source>
        <translation>未找到后端 %1</translation>
    </message>
    <message>
        <source>backendRef %1/%2 not accessible to a %3 in namespace &quot;%4&quot; (missing a ReferenceGrant?)</source>
        <translation>命名空间 &quot;%4&quot; 中的 %3 无权访问 backendRef %1/%2（缺少 ReferenceGrant？）</translation>
    </message>
    <message>
        <source>referencing unsupported backendRef: group &quot;%1&quot; kind &quot;%2&quot;</source>
        <translation>引用了不支持的 backendRef：group &quot;%1&quot; kind &quot;%2&quot;</translation>
    </message>
    <message>
        <source>port is required in backendRef</source>
        <translation>backendRef 必须指定端口</translation>
    </message>
    <message>
        <source>service name invalid; the name of the Service must be used, not the hostname.</source>
        <translation>Service 名称无效；必须使用 Service 的名称，而不是主机名。</translation>
    </message>
    <message>
        <source>namespace may not be set with Hostname type</source>
        <translation>Hostname 类型不能设置 namespace</translation>
    </message>
    <message>
        <source>listener &quot;%1&quot; of %2: protocol &quot;%3&quot; is not supported, so Istio does not accept it [Accepted=False, UnsupportedProtocol]</source>
        <translation>%2 的监听器 &quot;%1&quot;：不支持协议 &quot;%3&quot;，Istio 不接受它 [Accepted=False, UnsupportedProtocol]</translation>
    </message>
    <message>
        <source>listener &quot;%1&quot; of %2 conflicts with another listener on port %3: a TCP listener must have its port to itself [Conflicted=True, %4]</source>
        <translation>%2 的监听器 &quot;%1&quot; 与端口 %3 上的另一个监听器冲突：TCP 监听器必须独占其端口 [Conflicted=True, %4]</translation>
    </message>
    <message>
        <source>listener &quot;%1&quot; of %2 cannot take routes of kind %3 [ResolvedRefs=False, InvalidRouteKinds]</source>
        <translation>%2 的监听器 &quot;%1&quot; 不能接受 %3 类型的路由 [ResolvedRefs=False, InvalidRouteKinds]</translation>
    </message>
    <message>
        <source>%1 names Gateway %2, which Istio does not handle here (it does not exist, or its class is not Istio&apos;s): no status is written for this parent</source>
        <translation>%1 指向 Gateway %2，但 Istio 在此不处理它（它不存在，或其类不属于 Istio）：不会为此父资源写入状态</translation>
    </message>
    <message>
        <source>%1 is not accepted by parent %2: %3 [Accepted=False, %4]</source>
        <translation>父资源 %2 不接受 %1：%3 [Accepted=False, %4]</translation>
    </message>
    <message>
        <source>%1: %2; the route stays accepted and this backend&apos;s share of connections fails [ResolvedRefs=False, %3]</source>
        <translation>%1：%2；路由仍被接受，此后端的连接份额会失败 [ResolvedRefs=False, %3]</translation>
    </message>
    <message>
        <source>%1: %2; Istio drops the route&apos;s rules, so it routes nothing [ResolvedRefs=False, %3]</source>
        <translation>%1：%2；Istio 丢弃该路由的规则，因此它不路由任何流量 [ResolvedRefs=False, %3]</translation>
    </message>
    <message>
        <source>%1: %2; Istio does not assign it those addresses [Accepted=False, UnsupportedAddress]</source>
        <translation>%1：%2；Istio 不为其分配这些地址 [Accepted=False, UnsupportedAddress]</translation>
    </message>
    <message>
        <source>Resource programmed</source>
        <translation>资源已编程</translation>
    </message>
    <message>
        <source>Resource programmed, assigned to service(s) %1</source>
        <translation>资源已编程，已分配到服务 %1</translation>
    </message>
    <message>
        <source>Failed to assign to any requested addresses</source>
        <translation>未能分配任何请求的地址</translation>
    </message>
    <message>
        <source>Failed to assign to any requested addresses: %1</source>
        <translation>未能分配任何请求的地址：%1</translation>
    </message>
    <message>
        <source>Assigned to service(s) %1, but failed to assign to all requested addresses: %2</source>
        <translation>已分配到服务 %1，但未能分配所有请求的地址：%2</translation>
    </message>
    <message>
        <source>hostname &quot;%1&quot; not found</source>
        <translation>未找到主机名 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>hostname &quot;%1&quot; not found in namespace &quot;%2&quot;, but it was found in namespace(s) %3</source>
        <translation>在命名空间 &quot;%2&quot; 中未找到主机名 &quot;%1&quot;，但在命名空间 %3 中找到了</translation>
    </message>
    <message>
        <source>address pending for hostname &quot;%1&quot;</source>
        <translation>主机名 &quot;%1&quot; 的地址待分配</translation>
    </message>
    <message>
        <source>port %1 not found for hostname &quot;%2&quot; (hint: the service port should be specified, not the workload port. Did you mean one of these ports: [%3]?)</source>
        <translation>主机名 &quot;%2&quot; 未找到端口 %1（提示：应指定服务端口，而不是工作负载端口。您是否指的是这些端口之一：[%3]？）</translation>
    </message>
    <message>
        <source>port %1 not found for hostname &quot;%2&quot;</source>
        <translation>主机名 &quot;%2&quot; 未找到端口 %1</translation>
    </message>
    <message>
        <source>only Hostname is supported, ignoring [%1]</source>
        <translation>仅支持 Hostname，忽略 [%1]</translation>
    </message>
    <message>
        <source>%1 is not programmed: %2 [Programmed=False, %3]</source>
        <translation>%1 未编程：%2 [Programmed=False, %3]</translation>
    </message>
    <message>
        <source>%1 is assigned to Service %2; Istio reports it Programmed only while that Service has ready endpoints on the listener ports, which the set does not show (assumed here)</source>
        <translation>%1 分配到 Service %2；仅当该 Service 在监听端口上有就绪端点时 Istio 才报告其已编程，而配置集中看不到端点（此处假定有）</translation>
    </message>
    <message>
        <source>%1 is an automated deployment: Istio creates its Service %2 with the listener ports itself, so it need not be in the set; its addresses and ready endpoints depend on the cluster (assumed here)</source>
        <translation>%1 为自动部署：Istio 会自行创建带有各监听端口的 Service %2，因此配置集中无需包含它；其地址和就绪端点取决于集群（此处假定具备）</translation>
    </message>
    <message>
        <source>Bad TLS configuration</source>
        <translation>TLS 配置错误</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>invalid certificate reference %1, only secret is allowed</source>
        <translation>无效的证书引用 %1，只允许 secret</translation>
    </message>
    <message>
        <source>invalid certificate reference %1, secret %2 not found</source>
        <translation>无效的证书引用 %1，未找到 secret %2</translation>
    </message>
    <message>
        <source>invalid certificate reference %1, found keys &quot;%2&quot; and &quot;%3&quot;, but they were empty</source>
        <translation>无效的证书引用 %1，找到键 &quot;%2&quot; 和 &quot;%3&quot;，但它们为空</translation>
    </message>
    <message>
        <source>invalid certificate reference %1, found secret, but didn&apos;t have expected keys (cert and key) or (tls.crt and tls.key); found: %2</source>
        <translation>无效的证书引用 %1，找到 secret，但没有预期的键（cert 和 key）或（tls.crt 和 tls.key）；找到：%2</translation>
    </message>
    <message>
        <source>invalid certificate reference %1, the certificate is malformed: tls: failed to find any PEM data in certificate input</source>
        <translation>无效的证书引用 %1，证书格式错误：tls：证书输入中找不到任何 PEM 数据</translation>
    </message>
    <message>
        <source>invalid certificate reference %1, the certificate is malformed: tls: failed to find &quot;CERTIFICATE&quot; PEM block in certificate input after skipping PEM blocks of the following types: [%2]</source>
        <translation>无效的证书引用 %1，证书格式错误：tls：跳过以下类型的 PEM 块后，证书输入中找不到 &quot;CERTIFICATE&quot; PEM 块：[%2]</translation>
    </message>
    <message>
        <source>invalid certificate reference %1, the certificate is malformed: tls: failed to find any PEM data in key input</source>
        <translation>无效的证书引用 %1，证书格式错误：tls：私钥输入中找不到任何 PEM 数据</translation>
    </message>
    <message>
        <source>invalid certificate reference %1, the certificate is malformed: tls: found a certificate rather than a key in the PEM for the private key</source>
        <translation>无效的证书引用 %1，证书格式错误：tls：私钥的 PEM 中是证书而不是私钥</translation>
    </message>
    <message>
        <source>invalid certificate reference %1, the certificate is malformed: tls: failed to find PEM block with type ending in &quot;PRIVATE KEY&quot; in key input after skipping PEM blocks of the following types: [%2]</source>
        <translation>无效的证书引用 %1，证书格式错误：tls：跳过以下类型的 PEM 块后，私钥输入中找不到类型以 &quot;PRIVATE KEY&quot; 结尾的 PEM 块：[%2]</translation>
    </message>
    <message>
        <source>certificateRef %1/%2 not accessible to a Gateway in namespace &quot;%3&quot; (missing a ReferenceGrant?)</source>
        <translation>命名空间 &quot;%3&quot; 中的 Gateway 无法访问 certificateRef %1/%2（缺少 ReferenceGrant？）</translation>
    </message>
    <message>
        <source>TLS mode can only support up to 2 server certificates</source>
        <translation>TLS 模式最多只支持 2 个服务器证书</translation>
    </message>
    <message>
        <source>only one caCertificateRef is supported</source>
        <translation>只支持一个 caCertificateRef</translation>
    </message>
    <message>
        <source>invalid CA certificate reference %1, only secret and configmap are allowed</source>
        <translation>无效的 CA 证书引用 %1，只允许 secret 和 configmap</translation>
    </message>
    <message>
        <source>invalid CA certificate reference %1, configmap %2 not found</source>
        <translation>无效的 CA 证书引用 %1，未找到 configmap %2</translation>
    </message>
    <message>
        <source>invalid CA certificate reference %1, secret %2 not found</source>
        <translation>无效的 CA 证书引用 %1，未找到 secret %2</translation>
    </message>
    <message>
        <source>invalid CA certificate reference %1, found key &quot;%2&quot;, but it was empty</source>
        <translation>无效的 CA 证书引用 %1，找到键 &quot;%2&quot;，但它为空</translation>
    </message>
    <message>
        <source>invalid CA certificate reference %1, found secret, but didn&apos;t have expected keys cacert or ca.crt; found: %2</source>
        <translation>无效的 CA 证书引用 %1，找到 secret，但没有预期的键 cacert 或 ca.crt；找到：%2</translation>
    </message>
    <message>
        <source>invalid CA certificate reference %1, the bundle is malformed</source>
        <translation>无效的 CA 证书引用 %1，证书包格式错误</translation>
    </message>
    <message>
        <source>caCertificateRef %1/%2 not accessible to a Gateway in namespace &quot;%3&quot; (missing a ReferenceGrant?)</source>
        <translation>命名空间 &quot;%3&quot; 中的 Gateway 无法访问 caCertificateRef %1/%2（缺少 ReferenceGrant？）</translation>
    </message>
    <message>
        <source>listener &quot;%1&quot; of %2: %3; Istio does not program the listener [ResolvedRefs=False, %4]</source>
        <translation>%2 的监听器 &quot;%1&quot;：%3；Istio 不编程该监听器 [ResolvedRefs=False, %4]</translation>
    </message>
    <message>
        <source>per-version Service %1 is left out: it is subset %3 of %2 now, and nothing else names it</source>
        <translation>按版本的 Service %1 被省略：它现在是 %2 的子集 %3，且没有其他资源引用它</translation>
    </message>
    <message>
        <source>per-version Service %1 is kept beside subset %3 of %2: other resources name it</source>
        <translation>按版本的 Service %1 与 %2 的子集 %3 并存保留：其他资源引用了它</translation>
    </message>
    <message>
        <source>every backendRef of %1 rule #%2 has weight 0: Istio refuses its connections</source>
        <translation>%1 的规则 #%2 的每个 backendRef 权重均为 0：Istio 拒绝其连接</translation>
    </message>
    <message>
        <source>listener &quot;%1&quot; of Gateway %2 is not served by the local gateway: port %3 is already taken by Gateway %4, which came first</source>
        <translation>Gateway %2 的监听器 &quot;%1&quot; 不由本地网关提供：端口 %3 已被先出现的 Gateway %4 占用</translation>
    </message>
    <message>
        <source>listener &quot;%1&quot; of Gateway %2 (port %3) has no accepted route: the local gateway does not listen on it</source>
        <translation>Gateway %2 的监听器 &quot;%1&quot;（端口 %3）没有被接受的路由：本地网关不监听该端口</translation>
    </message>
    <message>
        <source>%1: apiVersion %2 is not served by the Gateway API %3 %4-channel CRDs (they serve %5), so the API server rejects it</source>
        <translation>%1：Gateway API %3 %4 通道的 CRD 不提供 apiVersion %2（它们提供 %5），因此 API 服务器会拒绝它</translation>
    </message>
    <message>
        <source>%1: the Gateway API %2 %3-channel CRDs have no %4 at all, so the API server rejects it</source>
        <translation>%1：Gateway API %2 %3 通道的 CRD 完全没有 %4，因此 API 服务器会拒绝它</translation>
    </message>
    <message>
        <source>Istio %1 reads %2 only with PILOT_ENABLE_ALPHA_GATEWAY_API=true on istiod: set it (istioctl install --set values.pilot.env.PILOT_ENABLE_ALPHA_GATEWAY_API=true), or Istio ignores %3</source>
        <translation>Istio %1 仅在 istiod 设置 PILOT_ENABLE_ALPHA_GATEWAY_API=true 时读取 %2：请设置它（istioctl install --set values.pilot.env.PILOT_ENABLE_ALPHA_GATEWAY_API=true），否则 Istio 会忽略 %3</translation>
    </message>
    <message>
        <source>Istio %1 reads %2 only as %3, which the Gateway API %4 %5-channel CRDs do not serve: the API server stores %6, but Istio ignores it without a word (no status, no route)</source>
        <translation>Istio %1 只以 %3 读取 %2，而 Gateway API %4 %5 通道的 CRD 不提供该版本：API 服务器会存储 %6，但 Istio 会悄无声息地忽略它（没有状态，没有路由）</translation>
    </message>
    <message>
        <source>Gateway API CRD &quot;%1&quot; is at version &quot;%2&quot; but Istio requires at least &quot;%3&quot;; resources of this kind will not be processed. Upgrade the Gateway API CRDs to satisfy the minimum version.</source>
        <translation>Gateway API CRD &quot;%1&quot; 的版本为 &quot;%2&quot;，但 Istio 至少需要 &quot;%3&quot;；此类资源不会被处理。请升级 Gateway API CRD 以满足最低版本。</translation>
    </message>
    <message>
        <source>%1: %2 cannot be said in %3, so the converted configuration does not carry it</source>
        <translation>%1：%2 无法用 %3 表达，因此转换后的配置不包含它</translation>
    </message>
    <message>
        <source>%1 is not converted: %2</source>
        <translation>%1 未被转换：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2（已转换，但写法不同）</translation>
    </message>
    <message>
        <source>the Gateway API</source>
        <translation>网关 API（Gateway API）</translation>
    </message>
    <message>
        <source>Istio's classic API</source>
        <translation>Istio 经典 API</translation>
    </message>
    <message>
        <source>its selector does not select the ingress gateway workload (%1), so it stays a classic Gateway</source>
        <translation>它的 selector 未选中入口网关工作负载（%1），因此保留为经典 Gateway</translation>
    </message>
    <message>
        <source>its server on port %1 is skipped by Istio: an earlier server has the port</source>
        <translation>它在端口 %1 上的 server 被 Istio 跳过：之前的 server 已占用该端口</translation>
    </message>
    <message>
        <source>its server on port %1 is of the HTTP family (only TCP and TLS are converted)</source>
        <translation>它在端口 %1 上的 server 属于 HTTP 类协议（只转换 TCP 和 TLS）</translation>
    </message>
    <message>
        <source>its server on port %1 has TLS mode %2, which no Gateway API listener says</source>
        <translation>它在端口 %1 上的 server 的 TLS 模式为 %2，没有对应的 Gateway API 监听器</translation>
    </message>
    <message>
        <source>its server on port %1 is not served</source>
        <translation>它在端口 %1 上的 server 不会被提供</translation>
    </message>
    <message>
        <source>none of its servers or listeners can be converted</source>
        <translation>它的 server 或监听器都无法转换</translation>
    </message>
    <message>
        <source>%1 rule #%2 serves no port of a converted Gateway (Istio does not use it there)</source>
        <translation>%1 的规则 #%2 不服务任何已转换 Gateway 的端口（Istio 在那里不使用它）</translation>
    </message>
    <message>
        <source>its http routes (only tcp and tls routes are converted)</source>
        <translation>它的 http 路由（只转换 tcp 和 tls 路由）</translation>
    </message>
    <message>
        <source>it is also bound to gateways that are not converted (or to mesh), so it is kept as well as converted</source>
        <translation>它还绑定到未转换的网关（或 mesh），因此在转换的同时保留原资源</translation>
    </message>
    <message>
        <source>tls rule #%1 matches every SNI name (&quot;*&quot;), and a TLSRoute must name its hostnames</source>
        <translation>tls 规则 #%1 匹配所有 SNI 名称（&quot;*&quot;），而 TLSRoute 必须写明其 hostnames</translation>
    </message>
    <message>
        <source>credential &quot;%1&quot; becomes a certificateRef to Secret %1 in the Gateway's namespace %2 (the classic API reads it in the ingress gateway's namespace)</source>
        <translation>凭据 &quot;%1&quot; 变为指向 Gateway 所在命名空间 %2 中 Secret %1 的 certificateRef（经典 API 在入口网关的命名空间中读取它）</translation>
    </message>
    <message>
        <source>certificateRef %1 becomes credentialName &quot;%2&quot;: the Secret must be in the ingress gateway's namespace %3</source>
        <translation>certificateRef %1 变为 credentialName &quot;%2&quot;：该 Secret 必须位于入口网关的命名空间 %3</translation>
    </message>
    <message>
        <source>destination %1 is not a Kubernetes Service: it becomes a backendRef of kind Hostname (networking.istio.io), which only Istio reads</source>
        <translation>目标 %1 不是 Kubernetes Service：它变为 Hostname 类型（networking.istio.io）的 backendRef，只有 Istio 能读取</translation>
    </message>
    <message>
        <source>destination host %1 names no Service in the files: the backendRef names Service %2</source>
        <translation>目标主机 %1 在文件中没有对应的 Service：backendRef 指向 Service %2</translation>
    </message>
    <message>
        <source>subset &quot;%1&quot; of %2 is not defined: its share goes to Service %3, which is not written, so that share fails as it does now</source>
        <translation>%2 的子集 &quot;%1&quot; 未定义：它的份额转给未写出的 Service %3，因此该份额会像现在一样失败</translation>
    </message>
    <message>
        <source>destination %1 names no port: the backendRef takes the Service's first port, %2</source>
        <translation>目标 %1 未指定端口：backendRef 使用该 Service 的第一个端口 %2</translation>
    </message>
    <message>
        <source>Service %1 stays a destination host (not a subset of %2): a DestinationRule for %2 already exists</source>
        <translation>Service %1 保留为目标主机（而非 %2 的子集）：%2 已有 DestinationRule</translation>
    </message>
    <message>
        <source>Istio does not handle this Gateway (its class is not Istio's)</source>
        <translation>Istio 不处理此 Gateway（其 class 不属于 Istio）</translation>
    </message>
    <message>
        <source>parentRef #%1 names a Service (mesh routing), not an ingress Gateway</source>
        <translation>parentRef #%1 指向一个 Service（网格路由），而不是入口 Gateway</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::DiagnosticsView</name>
    <message>
        <source>Fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Errors and warnings</source>
        <translation>错误和警告</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Apply the one-click fix for the selected problem</source>
        <translation>对所选问题应用一键修复</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 条提示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshroute::studio::Document</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>The document has no file yet; use Save As</source>
        <translation>文档还没有文件，请使用“另存为”</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::ExportDialog</name>
    <message>
        <source>One stream (a single file for kubectl apply -f)</source>
        <translation>单个流（一个文件，用于 kubectl apply -f）</translation>
    </message>
    <message>
        <source>One file per resource (into a folder)</source>
        <translation>每个资源一个文件（写入文件夹）</translation>
    </message>
    <message>
        <source>Export for kubectl</source>
        <translation>为 kubectl 导出</translation>
    </message>
    <message>
        <source>as written</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Istio API version</source>
        <translation>Istio API 版本</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Changes against the files on disk:</source>
        <translation>与磁盘上文件相比的变更：</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation>导出到文件</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML 文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source> (new file)</source>
        <translation>（新文件）</translation>
    </message>
    <message>
        <source>Nothing changes: the files on disk already hold this export.</source>
        <translation>没有变化：磁盘上的文件已是此导出内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) to write: %1 new, %2 changed.</source>
        <translation>
            <numerusform>将写入 %n 个文件：%1 个新建，%2 个修改。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::Fixes</name>
    <message>
        <source>Expose port %1 on the ingress gateway…</source>
        <translation>在入口网关上暴露端口 %1…</translation>
    </message>
    <message>
        <source>Bind to gateway %1</source>
        <translation>绑定到网关 %1</translation>
    </message>
    <message>
        <source>Normalise weights to 100</source>
        <translation>将权重归一化为 100</translation>
    </message>
    <message>
        <source>Normalise weights</source>
        <translation>归一化权重</translation>
    </message>
    <message>
        <source>Create subset %1</source>
        <translation>创建子集 %1</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::GeneratorPanel</name>
    <message>
        <source>%1 → %2:%3 (%4)</source>
        <translation>%1 → %2:%3（%4）</translation>
    </message>
    <message>
        <source>Start the local gateway first.</source>
        <translation>请先启动本地网关。</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>无法启动：%1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Running: %1 answered, %2 failed, %3 open; %4 connections/s; p50 %5 ms, p99 %6 ms</source>
        <translation>运行中：%1 个已应答，%2 个失败，%3 个打开；每秒 %4 个连接；p50 %5 毫秒，p99 %6 毫秒</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>被重置</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>closed by peer</source>
        <translation>被对端关闭</translation>
    </message>
    <message>
        <source>wrong echo</source>
        <translation>回显错误</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1 connections to gateway port %2 in %3 s (%4 per second): %5 answered, %6 failed</source>
        <translation>%3 秒内向网关端口 %2 发起 %1 个连接（每秒 %4 个）：%5 个已应答，%6 个失败</translation>
    </message>
    <message>
        <source>Cancelled: %1 closed while open, %2 never started.</source>
        <translation>已取消：%1 个在打开时被关闭，%2 个未启动。</translation>
    </message>
    <message>
        <source>%1 never started: the concurrency bound was full when the run ended.</source>
        <translation>%1 个未启动：运行结束时并发上限已满。</translation>
    </message>
    <message>
        <source>(no demo greeting)</source>
        <translation>（无演示问候语）</translation>
    </message>
    <message>
        <source>(no subset)</source>
        <translation>（无子集）</translation>
    </message>
    <message>
        <source>By subset:</source>
        <translation>按子集：</translation>
    </message>
    <message>
        <source>By pod:</source>
        <translation>按 Pod：</translation>
    </message>
    <message>
        <source>Failures:</source>
        <translation>失败：</translation>
    </message>
    <message>
        <source>Latency, connect to echo: p50 %1 ms, p99 %2 ms, max %3 ms</source>
        <translation>延迟（从连接到回显）：p50 %1 毫秒，p99 %2 毫秒，最大 %3 毫秒</translation>
    </message>
    <message>
        <source>Gateway port</source>
        <translation>网关端口</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>按数量</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>Per second</source>
        <translation>每秒</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> 个/秒</translation>
    </message>
    <message>
        <source>for</source>
        <translation>持续</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Open at once</source>
        <translation>同时打开</translation>
    </message>
    <message>
        <source>At most this many connections open at the same time</source>
        <translation>同时打开的连接数上限</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Sent as one line on each connection; the pod echoes it</source>
        <translation>在每个连接上作为一行发送；Pod 会回显它</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stopped at the time limit.</source>
        <translation>已在时间限制处停止。</translation>
    </message>
    <message>
        <source>Stopped at the run&apos;s time limit: %1 closed while open, %2 never started.</source>
        <translation>已在本次运行的时间限制处停止：%1 个在打开时被关闭，%2 个未启动。</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::GraphModel</name>
    <message>
        <source>Gateway · %1</source>
        <translation>网关 · %1</translation>
    </message>
    <message>
        <source>selector: %1</source>
        <translation>选择器：%1</translation>
    </message>
    <message>
        <source>port %1 %2 (%3), hosts %4</source>
        <translation>端口 %1 %2（%3），主机 %4</translation>
    </message>
    <message>
        <source>Service · %1</source>
        <translation>服务 · %1</translation>
    </message>
    <message>
        <source>ServiceEntry %1</source>
        <translation>ServiceEntry %1</translation>
    </message>
    <message>
        <source>no Service or ServiceEntry</source>
        <translation>没有 Service 或 ServiceEntry</translation>
    </message>
    <message>
        <source>DestinationRule %1</source>
        <translation>DestinationRule %1</translation>
    </message>
    <message>
        <source>subset %1: %2</source>
        <translation>子集 %1：%2</translation>
    </message>
    <message>
        <source>all endpoints</source>
        <translation>全部端点</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>端口 %1</translation>
    </message>
    <message>
        <source>SNI %1</source>
        <translation>SNI %1</translation>
    </message>
    <message>
        <source>any port</source>
        <translation>任意端口</translation>
    </message>
    <message>
        <source>%1 rule %2: %3</source>
        <translation>%1 规则 %2：%3</translation>
    </message>
    <message>
        <source>→ %1 %2 %3</source>
        <translation>→ %1 %2 %3</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <source>missing Gateway</source>
        <translation>缺少的网关</translation>
    </message>
    <message>
        <source>not a port of Gateway %1</source>
        <translation>不是网关 %1 的端口</translation>
    </message>
    <message>
        <source>unknown host</source>
        <translation>未知主机</translation>
    </message>
    <message>
        <source>subset %1</source>
        <translation>子集 %1</translation>
    </message>
    <message>
        <source>not defined for %1</source>
        <translation>未为 %1 定义</translation>
    </message>
    <message numerus="yes">
        <source>Deployment · %n replica(s)</source>
        <translation>
            <numerusform>Deployment · %n 个副本</numerusform>
        </translation>
    </message>
    <message>
        <source>pod labels: %1</source>
        <translation>Pod 标签：%1</translation>
    </message>
    <message>
        <source>WorkloadEntry · %1</source>
        <translation>WorkloadEntry · %1</translation>
    </message>
    <message>
        <source>labels: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>ServiceEntry endpoint</source>
        <translation>ServiceEntry 端点</translation>
    </message>
    <message>
        <source>port %1 is not served here: the Gateway&apos;s selector does not select the local gateway (%2)</source>
        <translation>端口 %1 不在此处提供服务：该网关的选择器未选中本地网关（%2）</translation>
    </message>
    <message>
        <source>port %1 is not a valid port number</source>
        <translation>端口 %1 不是有效的端口号</translation>
    </message>
    <message>
        <source>port %1 is not served here: Gateway %2, which came first, has it</source>
        <translation>端口 %1 不在此处提供服务：先出现的网关 %2 已占用它</translation>
    </message>
    <message>
        <source>port %1 (%2) is served by http rules, which the local gateway does not run</source>
        <translation>端口 %1（%2）由 http 规则提供服务，本地网关不运行这些规则</translation>
    </message>
    <message>
        <source>port %1 is AUTO_PASSTHROUGH, routed by SNI to mesh services without a VirtualService; the local gateway does not serve it</source>
        <translation>端口 %1 为 AUTO_PASSTHROUGH，按 SNI 路由到网格服务而不经过 VirtualService；本地网关不为其提供服务</translation>
    </message>
    <message>
        <source>not used on port %1: %2 comes first and takes the whole port</source>
        <translation>在端口 %1 上未使用：%2 在前，占用了整个端口</translation>
    </message>
    <message>
        <source>not used on port %1: its matches there name no SNI host</source>
        <translation>在端口 %1 上未使用：其在该处的匹配未指定 SNI 主机</translation>
    </message>
    <message>
        <source>not used on port %1: the port is routed by SNI, through tls rules</source>
        <translation>在端口 %1 上未使用：该端口按 SNI 通过 tls 规则路由</translation>
    </message>
    <message>
        <source>not used on port %1: the port is not routed by SNI; tcp rules serve it</source>
        <translation>在端口 %1 上未使用：该端口不按 SNI 路由，由 tcp 规则提供服务</translation>
    </message>
    <message>
        <source>not used on port %1: VirtualService %2 is not bound to Gateway %3 (match-level gateways only narrow a rule; the top-level gateways bind)</source>
        <translation>在端口 %1 上未使用：VirtualService %2 未绑定到网关 %3（匹配级 gateways 只收窄规则；绑定由顶层 gateways 完成）</translation>
    </message>
    <message>
        <source>not used on port %1: the exportTo of VirtualService %2 hides it from the gateway&apos;s namespace %3</source>
        <translation>在端口 %1 上未使用：VirtualService %2 的 exportTo 使其对网关所在的命名空间 %3 不可见</translation>
    </message>
    <message>
        <source>not used on port %1: the server&apos;s hosts accept no host of VirtualService %2</source>
        <translation>在端口 %1 上未使用：该 server 的 hosts 不接受 VirtualService %2 的任何主机</translation>
    </message>
    <message>
        <source>binds no Gateway: its gateways are only mesh (the sidecars)</source>
        <translation>未绑定任何网关：其 gateways 只有 mesh（即 sidecar）</translation>
    </message>
    <message>
        <source>no Gateway %1</source>
        <translation>没有网关 %1</translation>
    </message>
    <message>
        <source>subset %1 is not defined for %2</source>
        <translation>%2 未定义子集 %1</translation>
    </message>
    <message>
        <source>unknown host %1: no Service or ServiceEntry defines it</source>
        <translation>未知主机 %1：没有 Service 或 ServiceEntry 定义它</translation>
    </message>
    <message>
        <source>%1 has no port %2: its connections are closed at once</source>
        <translation>%1 没有端口 %2：其连接会被立即关闭</translation>
    </message>
    <message>
        <source>%1 has resolution NONE: the local gateway has no address to connect to</source>
        <translation>%1 的 resolution 为 NONE：本地网关没有可连接的地址</translation>
    </message>
    <message>
        <source>the local gateway does not run this rule</source>
        <translation>本地网关不运行此规则</translation>
    </message>
    <message>
        <source>no rule the local gateway runs routes to this service</source>
        <translation>本地网关运行的规则都不路由到此服务</translation>
    </message>
    <message>
        <source>no rule the local gateway runs routes to subset %1</source>
        <translation>本地网关运行的规则都不路由到子集 %1</translation>
    </message>
    <message>
        <source>no match names a port of a Gateway it is bound to</source>
        <translation>没有匹配指向其所绑定网关的端口</translation>
    </message>
    <message>
        <source>Not run by the local gateway:</source>
        <translation>本地网关不运行此规则：</translation>
    </message>
    <message>
        <source>Gateway API · %1</source>
        <translation>Gateway API · %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类 %1</translation>
    </message>
    <message>
        <source>not handled by Istio's controller: no GatewayClass %1 of istio.io/gateway-controller</source>
        <translation>不由 Istio 的控制器处理：没有属于 istio.io/gateway-controller 的 GatewayClass %1</translation>
    </message>
    <message numerus="yes">
        <source>listener %1: port %2 %3, hostname %4, %n attached route(s)</source>
        <translation>
            <numerusform>监听器 %1：端口 %2 %3，主机名 %4，已挂接 %n 条路由</numerusform>
        </translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>parent %1</source>
        <translation>父级 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s); only the first takes effect in Istio</source>
        <translation>
            <numerusform>%n 条规则；Istio 中只有第一条生效</numerusform>
        </translation>
    </message>
    <message>
        <source>attached to listener %1, but the local gateway does not run it there (another route on the listener comes first)</source>
        <translation>已挂接到监听器 %1，但本地网关不在那里运行它（该监听器上另一条路由优先）</translation>
    </message>
    <message>
        <source>attached to listener %1, which Istio does not program (%2: %3): nothing serves it</source>
        <translation>已挂接到监听器 %1，但 Istio 不编程该监听器（%2：%3）：没有任何网关为它服务</translation>
    </message>
    <message>
        <source>missing %1 %2</source>
        <translation>缺少 %1 %2</translation>
    </message>
    <message>
        <source>Gateway %1 is not handled by Istio's controller (class %2): Istio ignores this parent</source>
        <translation>Gateway %1 不由 Istio 的控制器处理（类 %2）：Istio 忽略此父级</translation>
    </message>
    <message>
        <source>no Gateway %1 in the input: Istio writes no status for this parent</source>
        <translation>输入中没有 Gateway %1：Istio 不为此父级写入状态</translation>
    </message>
    <message>
        <source>%1 not found</source>
        <translation>未找到 %1</translation>
    </message>
    <message>
        <source>%1 of group %2</source>
        <translation>组 %2 的 %1</translation>
    </message>
    <message>
        <source>weight 0: this backend gets no connections</source>
        <translation>权重 0：此后端不会收到连接</translation>
    </message>
    <message>
        <source>the local gateway does not run this route</source>
        <translation>本地网关不运行此路由</translation>
    </message>
    <message>
        <source>attached to no listener</source>
        <translation>未挂接到任何监听器</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::GraphScene</name>
    <message>
        <source>Broken reference: %1</source>
        <translation>引用失效：%1</translation>
    </message>
    <message>
        <source>not served by the local gateway</source>
        <translation>不由本地网关服务</translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meshroute::studio::Inspector</name>
    <message>
        <source>Select a gateway, route, destination or workload to edit it here.</source>
        <translation>选择一个网关、路由、目标或工作负载，在此编辑。</translation>
    </message>
    <message>
        <source>A name is lower-case letters, digits, &apos;-&apos; and &apos;.&apos;, starting and ending with a letter or digit</source>
        <translation>名称由小写字母、数字、“-”和“.”组成，并以字母或数字开头和结尾</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 rule %2&lt;/b&gt; of VirtualService %3</source>
        <translation>VirtualService %3 的 &lt;b&gt;%1 规则 %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>any port</source>
        <translation>任意端口</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Change match port of %1</source>
        <translation>修改 %1 的匹配端口</translation>
    </message>
    <message>
        <source>all bound gateways</source>
        <translation>所有绑定的网关</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>SNI hosts</source>
        <translation>SNI 主机</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Subset of %1</source>
        <translation>%1 的子集</translation>
    </message>
    <message>
        <source>Share of new connections</source>
        <translation>新连接所占比例</translation>
    </message>
    <message>
        <source>Remove this destination</source>
        <translation>移除此目标</translation>
    </message>
    <message>
        <source>Set weight in %1</source>
        <translation>设置 %1 中的权重</translation>
    </message>
    <message>
        <source>Change subset in %1</source>
        <translation>修改 %1 中的子集</translation>
    </message>
    <message>
        <source>Remove destination from %1</source>
        <translation>从 %1 中移除目标</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
    <message>
        <source>Normalise to 100</source>
        <translation>归一化为 100</translation>
    </message>
    <message>
        <source>Normalise weights in %1</source>
        <translation>将 %1 中的权重归一化</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>The first rule that matches a port serves it.</source>
        <translation>端口由第一条匹配的规则处理。</translation>
    </message>
    <message>
        <source>Reorder rules of %1</source>
        <translation>调整 %1 的规则顺序</translation>
    </message>
    <message>
        <source>Delete rule of %1</source>
        <translation>删除 %1 的规则</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Selector</source>
        <translation>选择器</translation>
    </message>
    <message>
        <source>Rename gateway %1 to %2</source>
        <translation>将网关 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Remove this port</source>
        <translation>移除此端口</translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation>端口 %1</translation>
    </message>
    <message>
        <source>Change port of %1</source>
        <translation>修改 %1 的端口</translation>
    </message>
    <message>
        <source>Remove port from %1</source>
        <translation>从 %1 移除端口</translation>
    </message>
    <message>
        <source>Add port</source>
        <translation>添加端口</translation>
    </message>
    <message>
        <source>Add port %1 to %2</source>
        <translation>向 %2 添加端口 %1</translation>
    </message>
    <message>
        <source>DestinationRule %1</source>
        <translation>DestinationRule %1</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Load balancer</source>
        <translation>负载均衡</translation>
    </message>
    <message>
        <source>Change load balancer of %1</source>
        <translation>修改 %1 的负载均衡</translation>
    </message>
    <message>
        <source>Subsets</source>
        <translation>子集</translation>
    </message>
    <message>
        <source>key=value, ...</source>
        <translation>键=值, ...</translation>
    </message>
    <message>
        <source>Rename subset %1 to %2</source>
        <translation>将子集 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Labels are key=value pairs separated by commas</source>
        <translation>标签是用逗号分隔的 键=值 对</translation>
    </message>
    <message>
        <source>Change subset labels of %1</source>
        <translation>修改 %1 的子集标签</translation>
    </message>
    <message>
        <source>Add subset</source>
        <translation>添加子集</translation>
    </message>
    <message>
        <source>Add subset %1 to %2</source>
        <translation>向 %2 添加子集 %1</translation>
    </message>
    <message>
        <source>Deployment %1</source>
        <translation>Deployment %1</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>Pod labels</source>
        <translation>Pod 标签</translation>
    </message>
    <message>
        <source>Container ports</source>
        <translation>容器端口</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>伸缩 %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>服务 %1</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Edit in YAML</source>
        <translation>在 YAML 中编辑</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Workload labels</source>
        <translation>工作负载标签</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::InstallDialog</name>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Install Configuration</source>
        <translation>安装配置</translation>
    </message>
    <message>
        <source>By namespace label</source>
        <translation>按命名空间标签</translation>
    </message>
    <message>
        <source>In every namespace</source>
        <translation>所有命名空间</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>IstioOperator (istioctl install -f)</source>
        <translation>IstioOperator（istioctl install -f）</translation>
    </message>
    <message>
        <source>Helm values (istiod and gateway charts)</source>
        <translation>Helm values（istiod 和 gateway chart）</translation>
    </message>
    <message>
        <source>none (e.g. zipkin.istio-system:9411)</source>
        <translation>无（例如 zipkin.istio-system:9411）</translation>
    </message>
    <message>
        <source>* (all, Istio&apos;s default)</source>
        <translation>*（全部，Istio 的默认值）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The namespace Istio is installed in: metadata.namespace and spec.namespace of the IstioOperator and values.global.istioNamespace; with Helm, the -n of every helm install.</source>
        <translation>部署 Istio 的命名空间：IstioOperator 的 metadata.namespace 和 spec.namespace，以及 values.global.istioNamespace；使用 Helm 时为每条 helm install 的 -n。</translation>
    </message>
    <message>
        <source>The IstioOperator&apos;s metadata.name (istioctl install -f). With Helm: the istiod release&apos;s name; the base chart&apos;s release is NAME-base.</source>
        <translation>IstioOperator 的 metadata.name（istioctl install -f）。使用 Helm 时为 istiod 发布的名称；base chart 的发布名为 NAME-base。</translation>
    </message>
    <message>
        <source>Istio no longer installs Prometheus (not since 1.7). The output names the addon manifest of the Istio release: kubectl apply -f samples/addons/prometheus.yaml</source>
        <translation>Istio 已不再安装 Prometheus（自 1.7 起）。输出中给出 Istio 发行包里的插件清单：kubectl apply -f samples/addons/prometheus.yaml</translation>
    </message>
    <message>
        <source>Istio no longer installs Grafana (not since 1.7). The output names the addon manifest of the Istio release, with Istio&apos;s dashboards: kubectl apply -f samples/addons/grafana.yaml</source>
        <translation>Istio 已不再安装 Grafana（自 1.7 起）。输出中给出 Istio 发行包里的插件清单（含 Istio 的仪表盘）：kubectl apply -f samples/addons/grafana.yaml</translation>
    </message>
    <message>
        <source>Istio no longer installs Kiali (not since 1.7). The output names the addon manifest of the Istio release: kubectl apply -f samples/addons/kiali.yaml. Kiali now logs in with a token or anonymously, not with a user name and password.</source>
        <translation>Istio 已不再安装 Kiali（自 1.7 起）。输出中给出 Istio 发行包里的插件清单：kubectl apply -f samples/addons/kiali.yaml。如今 Kiali 使用令牌或匿名登录，不再使用用户名和密码。</translation>
    </message>
    <message>
        <source>How pods get their Envoy sidecar. By namespace label: a Namespace labelled istio-injection=enabled for each namespace the document uses. In every namespace: values.sidecarInjectorWebhook.enableNamespacesByDefault: true (namespaces labelled istio-injection=disabled excepted). Off: nothing is written.</source>
        <translation>Pod 如何获得 Envoy sidecar。按命名空间标签：为文档用到的每个命名空间写一个带 istio-injection=enabled 标签的 Namespace。所有命名空间：values.sidecarInjectorWebhook.enableNamespacesByDefault: true（带 istio-injection=disabled 标签的命名空间除外）。关闭：不写任何内容。</translation>
    </message>
    <message>
        <source>A Zipkin-compatible collector as HOST:PORT (e.g. zipkin.istio-system:9411). It becomes meshConfig.enableTracing: true, a meshConfig.extensionProviders entry named zipkin, and a Telemetry resource (telemetry.istio.io/v1) that selects it. Empty: no tracing.</source>
        <translation>兼容 Zipkin 的收集器，格式为 主机:端口（例如 zipkin.istio-system:9411）。它会生成 meshConfig.enableTracing: true、一个名为 zipkin 的 meshConfig.extensionProviders 条目，以及选用它的 Telemetry 资源（telemetry.istio.io/v1）。留空：不启用链路追踪。</translation>
    </message>
    <message>
        <source>The percentage of requests traced, 0–100 (default 1): the Telemetry&apos;s randomSamplingPercentage. Used only with a tracing endpoint.</source>
        <translation>跟踪采样百分比，0–100（默认 1）：即 Telemetry 的 randomSamplingPercentage。仅在设置了追踪端点时生效。</translation>
    </message>
    <message>
        <source>Outbound IP ranges the sidecars intercept: comma-separated CIDRs (IPv4 or IPv6), or * for all. It becomes values.global.proxy.includeIPRanges; empty keeps Istio&apos;s default, *.</source>
        <translation>sidecar 拦截的对外访问地址范围：用英文逗号分隔的 CIDR（IPv4 或 IPv6），或用 * 表示全部。它会写入 values.global.proxy.includeIPRanges；留空则保持 Istio 的默认值 *。</translation>
    </message>
    <message>
        <source>Outbound IP ranges the sidecars let through directly: comma-separated CIDRs (IPv4 or IPv6). It becomes values.global.proxy.excludeIPRanges. An address in both lists is not intercepted: bypass wins.</source>
        <translation>sidecar 直接放行的对外访问地址范围：用英文逗号分隔的 CIDR（IPv4 或 IPv6）。它会写入 values.global.proxy.excludeIPRanges。同时出现在两个列表中的地址不会被拦截：直接放行优先。</translation>
    </message>
    <message>
        <source>An IstioOperator (install.istio.io/v1alpha1) for istioctl install -f, or values files for the istiod and gateway Helm charts. The Namespace labels and the Telemetry are documents of their own either way.</source>
        <translation>用于 istioctl install -f 的 IstioOperator（install.istio.io/v1alpha1），或 istiod 与 gateway 两个 Helm chart 的 values 文件。两种格式下，Namespace 标签和 Telemetry 都是单独的文档。</translation>
    </message>
    <message>
        <source>Istio &amp;namespace:</source>
        <translation>Istio 命名空间(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Release name:</source>
        <translation>发布名称(&amp;R)：</translation>
    </message>
    <message>
        <source>Addons:</source>
        <translation>插件：</translation>
    </message>
    <message>
        <source>Sidecar &amp;injection:</source>
        <translation>Sidecar 注入(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Tracing endpoint:</source>
        <translation>追踪端点(&amp;T)：</translation>
    </message>
    <message>
        <source>Trace &amp;sampling:</source>
        <translation>跟踪采样(&amp;S)：</translation>
    </message>
    <message>
        <source>Outbound ranges to &amp;intercept:</source>
        <translation>拦截的对外地址范围(&amp;I)：</translation>
    </message>
    <message>
        <source>Outbound ranges to &amp;bypass:</source>
        <translation>直接放行的对外地址范围(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>The preview shows the last valid options.</source>
        <translation>预览显示的是最后一次有效的选项。</translation>
    </message>
    <message>
        <source>Save Install Configuration</source>
        <translation>保存安装配置</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML 文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::MainWindow</name>
    <message>
        <source>&lt;original document&gt;</source>
        <translation>&lt;原始文档&gt;</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <source>Laying out the graph…</source>
        <translation>正在排布图…</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Files…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export for kubectl…</source>
        <translation>为 kubectl 导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Relayout</source>
        <translation>重新布局(&amp;R)</translation>
    </message>
    <message>
        <source>Lay the graph out automatically again, forgetting manual moves</source>
        <translation>重新自动布局图，忽略手动移动的位置</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;About Meshroute Studio</source>
        <translation>关于 Meshroute Studio(&amp;A)</translation>
    </message>
    <message>
        <source>New &amp;Gateway</source>
        <translation>新建网关(&amp;G)</translation>
    </message>
    <message>
        <source>New &amp;VirtualService</source>
        <translation>新建 VirtualService(&amp;V)</translation>
    </message>
    <message>
        <source>New &amp;DestinationRule</source>
        <translation>新建 DestinationRule(&amp;D)</translation>
    </message>
    <message>
        <source>New &amp;Service</source>
        <translation>新建服务(&amp;S)</translation>
    </message>
    <message>
        <source>New De&amp;ployment</source>
        <translation>新建 Deployment(&amp;P)</translation>
    </message>
    <message>
        <source>New &amp;WorkloadEntry</source>
        <translation>新建 WorkloadEntry(&amp;W)</translation>
    </message>
    <message>
        <source>Create a %1</source>
        <translation>创建 %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>图</translation>
    </message>
    <message>
        <source>Filter by name…</source>
        <translation>按名称筛选…</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>%1[*] — Meshroute Studio</source>
        <translation>%1[*] — Meshroute Studio</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 有未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Open YAML files</source>
        <translation>打开 YAML 文件</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML 文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a folder of YAML files</source>
        <translation>打开包含 YAML 文件的文件夹</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save into folder</source>
        <translation>保存到文件夹</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML 文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Restore unsaved changes?</source>
        <translation>恢复未保存的更改？</translation>
    </message>
    <message>
        <source>Meshroute Studio did not close properly. Unsaved changes to %1 from %2 were kept. Restore them?</source>
        <translation>Meshroute Studio 上次未正常关闭。已保留 %2 时对 %1 的未保存更改。要恢复吗？</translation>
    </message>
    <message>
        <source>No recent documents</source>
        <translation>没有最近的文档</translation>
    </message>
    <message>
        <source>Split %1 to %2</source>
        <translation>将 %1 分流到 %2</translation>
    </message>
    <message>
        <source>Route %1 port %2 to %3</source>
        <translation>将 %1 的端口 %2 路由到 %3</translation>
    </message>
    <message>
        <source>Set weight in %1</source>
        <translation>设置 %1 中的权重</translation>
    </message>
    <message>
        <source>%1 rule %2 of %3</source>
        <translation>%3 的 %1 规则 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n route destination(s)</source>
        <translation>
            <numerusform>%n 个路由目标</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <source>These refer to it and will have broken references:
%1</source>
        <translation>以下资源引用了它，删除后引用将失效：
%1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>New name of %1:</source>
        <translation>%1 的新名称：</translation>
    </message>
    <message>
        <source>Rename gateway %1 to %2</source>
        <translation>将网关 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>将 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>创建 %1</translation>
    </message>
    <message>
        <source>Add port %1 to %2</source>
        <translation>向 %2 添加端口 %1</translation>
    </message>
    <message>
        <source>Add subset %1 to %2</source>
        <translation>向 %2 添加子集 %1</translation>
    </message>
    <message>
        <source>Add Port</source>
        <translation>添加端口</translation>
    </message>
    <message>
        <source>Add Subset to %1</source>
        <translation>向 %1 添加子集</translation>
    </message>
    <message>
        <source>Show YAML</source>
        <translation>显示 YAML</translation>
    </message>
    <message>
        <source>About Meshroute Studio</source>
        <translation>关于 Meshroute Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Meshroute Studio %1&lt;/h3&gt;&lt;p&gt;A desktop console for Istio ingress routing of TCP traffic: edit gateways, routes and subsets as a graph, check them as you go, and export YAML that &lt;tt&gt;kubectl apply&lt;/tt&gt; accepts.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Meshroute Studio %1&lt;/h3&gt;&lt;p&gt;Istio 入口 TCP 流量路由的桌面控制台：以图的方式编辑网关、路由和子集，边编辑边检查，并导出 &lt;tt&gt;kubectl apply&lt;/tt&gt; 可接受的 YAML。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Discard YAML edit?</source>
        <translation>放弃 YAML 编辑？</translation>
    </message>
    <message>
        <source>The YAML pane holds an edit that is not valid. Close anyway?</source>
        <translation>YAML 面板中有无效的编辑。仍要关闭吗？</translation>
    </message>
    <message>
        <source>Share of new connections; Enter applies, Escape cancels</source>
        <translation>新连接所占比例；按 Enter 应用，按 Escape 取消</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>Relayout</source>
        <translation>重新布局</translation>
    </message>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>移动 %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Start Local Gateway</source>
        <translation>启动本地网关(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top Local Gateway</source>
        <translation>停止本地网关(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Apply Edits Now</source>
        <translation>立即应用编辑(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>网关(&amp;G)</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Gateway Events</source>
        <translation>网关事件</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Configured vs Observed</source>
        <translation>配置与实测</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Pod Logs</source>
        <translation>Pod 日志</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Traffic Generator</source>
        <translation>流量生成器</translation>
    </message>
    <message>
        <source>&amp;Install Configuration…</source>
        <translation>安装配置(&amp;I)…</translation>
    </message>
    <message numerus="yes">
        <source>%n backendRef(s)</source>
        <translation>
            <numerusform>%n 个 backendRef</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parentRef(s)</source>
        <translation>
            <numerusform>%n 个 parentRef</numerusform>
        </translation>
    </message>
    <message>
        <source>Route %1 listener %2 to %3</source>
        <translation>将 %1 的监听器 %2 路由到 %3</translation>
    </message>
    <message>
        <source>Open Sa&amp;mple</source>
        <translation>打开示例(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Convert to &amp;Gateway API…</source>
        <translation>转换为 Gateway API(&amp;G)…</translation>
    </message>
    <message>
        <source>Convert to &amp;Istio Classic API…</source>
        <translation>转换为 Istio 经典 API(&amp;I)…</translation>
    </message>
    <message>
        <source>Convert to Gateway API</source>
        <translation>转换为 Gateway API</translation>
    </message>
    <message>
        <source>Convert to Istio Classic API</source>
        <translation>转换为 Istio 经典 API</translation>
    </message>
    <message>
        <source>Open Sample</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <source>Could not copy the sample %1 to a writable folder.</source>
        <translation>无法将示例 %1 复制到可写文件夹。</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::PodLogView</name>
    <message>
        <source>All pods</source>
        <translation>所有 Pod</translation>
    </message>
    <message>
        <source>Whose log to show</source>
        <translation>显示哪个 Pod 的日志</translation>
    </message>
    <message>
        <source>Filter lines</source>
        <translation>筛选行</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Keep to the newest line (scrolling up stops it)</source>
        <translation>始终显示最新一行（向上滚动会停止跟随）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>No demo pods: start the local gateway on a configuration with Deployments.</source>
        <translation>没有演示 Pod：请在包含 Deployment 的配置上启动本地网关。</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::PreferencesDialog</name>
    <message>
        <source>What istioctl analyze assumes (80, 443, 31400, 15443)</source>
        <translation>istioctl analyze 的假设（80、443、31400、15443）</translation>
    </message>
    <message>
        <source>Istio&apos;s default profile (15021, 80, 443)</source>
        <translation>Istio 默认配置档（15021、80、443）</translation>
    </message>
    <message>
        <source>Istio&apos;s demo profile (also 31400, 15443)</source>
        <translation>Istio 演示配置档（另加 31400、15443）</translation>
    </message>
    <message>
        <source>The gateway Helm chart&apos;s defaults (15021, 80, 443)</source>
        <translation>gateway Helm chart 的默认值（15021、80、443）</translation>
    </message>
    <message>
        <source>The ingress gateway Service in the files</source>
        <translation>文件中的入口网关 Service</translation>
    </message>
    <message>
        <source>Which ports the target cluster&apos;s ingress gateway Service exposes: IST0162 checks the Gateway ports against it, and its fix adds the missing ones. A Service in the files that selects the gateway is used whatever is chosen here. Kept with this document.</source>
        <translation>目标集群的入口网关 Service 暴露哪些端口：IST0162 据此检查 Gateway 端口，其修复会补上缺少的端口。文件中选择该网关的 Service 无论此处如何选择都会被使用。随本文档保存。</translation>
    </message>
    <message>
        <source>Ingress gateway (this document)</source>
        <translation>入口网关（本文档）</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Added to every gateway port when the local gateway listens, for ports that are busy</source>
        <translation>本地网关监听时加到每个网关端口上，用于避开被占用的端口</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Local gateway</source>
        <translation>本地网关</translation>
    </message>
    <message>
        <source>Bind address</source>
        <translation>绑定地址</translation>
    </message>
    <message>
        <source>Port offset</source>
        <translation>端口偏移</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Autosave every</source>
        <translation>自动保存间隔</translation>
    </message>
    <message>
        <source>Not an IPv4 or IPv6 address</source>
        <translation>不是有效的 IPv4 或 IPv6 地址</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>experimental</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Istio %1 · Gateway API %2 %3</source>
        <translation>Istio %1 · Gateway API %2 %3</translation>
    </message>
    <message>
        <source>istiod runs with PILOT_ENABLE_ALPHA_GATEWAY_API=true</source>
        <translation>istiod 以 PILOT_ENABLE_ALPHA_GATEWAY_API=true 运行</translation>
    </message>
    <message>
        <source>istiod runs without PILOT_ENABLE_ALPHA_GATEWAY_API</source>
        <translation>istiod 未设置 PILOT_ENABLE_ALPHA_GATEWAY_API</translation>
    </message>
    <message>
        <source>The cluster this document is meant for: the diagnostics, the graph, the local gateway and Convert follow it. Change it in Preferences.</source>
        <translation>本文档面向的集群：诊断、图、本地网关和转换都以它为准。可在首选项中更改。</translation>
    </message>
    <message>
        <source>PILOT_ENABLE_ALPHA_GATEWAY_API on istiod</source>
        <translation>istiod 上的 PILOT_ENABLE_ALPHA_GATEWAY_API</translation>
    </message>
    <message>
        <source>The Gateway API CRD bundle installed on the cluster</source>
        <translation>集群上安装的 Gateway API CRD 版本包</translation>
    </message>
    <message>
        <source>Istio reads TCPRoute v1alpha2 (and, before 1.30, TLSRoute v1alpha2) only with this flag set</source>
        <translation>只有设置了此标志，Istio 才会读取 TCPRoute v1alpha2（以及 1.30 之前的 TLSRoute v1alpha2）</translation>
    </message>
    <message>
        <source>Target cluster (this document)</source>
        <translation>目标集群（本文档）</translation>
    </message>
    <message>
        <source>What the diagnostics (MR0025-MR0027, IST0176), the graph, the local gateway and Convert assume the Gateway API resources meet. Kept with this document.</source>
        <translation>诊断（MR0025-MR0027、IST0176）、图、本地网关和转换假定 Gateway API 资源所面对的集群。随本文档保存。</translation>
    </message>
    <message>
        <source>Istio version</source>
        <translation>Istio 版本</translation>
    </message>
    <message>
        <source>Gateway API CRDs</source>
        <translation>Gateway API CRD</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::ResourceTree</name>
    <message>
        <source>Namespace %1</source>
        <translation>命名空间 %1</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::SharesView</name>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>no connections yet</source>
        <translation>尚无连接</translation>
    </message>
    <message>
        <source>as configured</source>
        <translation>符合配置</translation>
    </message>
    <message>
        <source>should be %1, is %2</source>
        <translation>应为 %1，实际为 %2</translation>
    </message>
    <message>
        <source>too few connections yet (%1 of %2)</source>
        <translation>连接数仍太少（%1 / %2）</translation>
    </message>
    <message>
        <source>within 3σ (z = %1)</source>
        <translation>在 3σ 之内（z = %1）</translation>
    </message>
    <message>
        <source>off by %1σ: not what the weights explain</source>
        <translation>偏离 %1σ：无法用权重解释</translation>
    </message>
    <message>
        <source>Route / destination</source>
        <translation>路由 / 目标</translation>
    </message>
    <message>
        <source>Configured</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Observed %</source>
        <translation>实测 %</translation>
    </message>
    <message>
        <source>Configured ▭ / observed ▬</source>
        <translation>配置 ▭ / 实测 ▬</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>&amp;Reset counts</source>
        <translation>重置计数(&amp;R)</translation>
    </message>
    <message>
        <source>Count the connections from now on</source>
        <translation>从现在开始重新计数连接</translation>
    </message>
    <message>
        <source>No weighted route runs: give a route two or more destinations with weights to compare the configured split with the traffic.</source>
        <translation>没有运行中的加权路由：为某个路由设置两个或更多带权重的目标，即可将配置的分配比例与实际流量进行比较。</translation>
    </message>
    <message>
        <source>Connections per destination since the last reset, beside the configured weights.</source>
        <translation>自上次重置以来每个目标的连接数，与配置的权重并列显示。</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>configured %1, observed %2</source>
        <translation>配置 %1，实测 %2</translation>
    </message>
    <message>
        <source>too few connections yet</source>
        <translation>连接数仍太少</translation>
    </message>
    <message>
        <source>differs from the weights</source>
        <translation>与权重不符</translation>
    </message>
    <message>
        <source>as configured: every share within 3σ</source>
        <translation>符合配置：每个份额都在 3σ 之内</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::Startup</name>
    <message>
        <source>Edit, check and export Istio TCP routing.</source>
        <translation>编辑、检查并导出 Istio TCP 路由。</translation>
    </message>
    <message>
        <source>YAML files or folders to open.</source>
        <translation>要打开的 YAML 文件或文件夹。</translation>
    </message>
    <message>
        <source>TCP echo (Istio classic API)</source>
        <translation>TCP echo（Istio 经典 API）</translation>
    </message>
    <message>
        <source>TCP echo (Gateway API)</source>
        <translation>TCP echo（Gateway API）</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::TcpClientPanel</name>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>%1 → %2:%3 (%4)</source>
        <translation>%1 → %2:%3（%4）</translation>
    </message>
    <message>
        <source>%1 (%2): not listening</source>
        <translation>%1（%2）：未监听</translation>
    </message>
    <message>
        <source>That port is not listening.</source>
        <translation>该端口没有在监听。</translation>
    </message>
    <message>
        <source>Start the local gateway first.</source>
        <translation>请先启动本地网关。</translation>
    </message>
    <message>
        <source>%1:%2 (gateway port %3)</source>
        <translation>%1:%2（网关端口 %3）</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Disconnected from %1.</source>
        <translation>已断开与 %1 的连接。</translation>
    </message>
    <message>
        <source>Not connected: connect first.</source>
        <translation>未连接：请先连接。</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>已连接到 %1。</translation>
    </message>
    <message>
        <source>Closed by the peer (%1).</source>
        <translation>已被对端关闭（%1）。</translation>
    </message>
    <message>
        <source>Connection refused by %1: nothing listens there.</source>
        <translation>%1 拒绝连接：那里没有程序在监听。</translation>
    </message>
    <message>
        <source>Error on %1: %2</source>
        <translation>%1 出错：%2</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>The gateway port to connect to, and where it listens on this machine</source>
        <translation>要连接的网关端口，及其在本机上的监听地址</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Type a line, press Enter: the pod echoes it</source>
        <translation>输入一行并按 Enter：Pod 会回显它</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message numerus="yes">
        <source>&gt; [TLS ClientHello without a server name, %n byte(s)]
</source>
        <translation>
            <numerusform>&gt; [不带服务器名称的 TLS ClientHello，%n 字节]
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&gt; [TLS ClientHello for %1, %n byte(s)]
</source>
        <translation>
            <numerusform>&gt; [发往 %1 的 TLS ClientHello，%n 字节]
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n byte(s) that are not text]</source>
        <translation>
            <numerusform>[%n 字节非文本数据]</numerusform>
        </translation>
    </message>
    <message>
        <source>Server name (SNI)</source>
        <translation>服务器名称（SNI）</translation>
    </message>
    <message>
        <source>A TLS passthrough port routes by the server name of the client&apos;s TLS hello: this one is sent first, when the connection opens</source>
        <translation>TLS 直通端口按客户端 TLS 握手（ClientHello）中的服务器名称路由：连接建立时先发送这里填写的名称</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::TrafficCharts</name>
    <message>
        <source>&amp;Per</source>
        <translation>按(&amp;P)</translation>
    </message>
    <message>
        <source>Listener (gateway port)</source>
        <translation>监听器（网关端口）</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Subset</source>
        <translation>子集</translation>
    </message>
    <message>
        <source>What each line stands for</source>
        <translation>每条曲线代表什么</translation>
    </message>
    <message>
        <source>&amp;Range</source>
        <translation>范围(&amp;R)</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>How much time the live view shows</source>
        <translation>实时视图显示的时间长度</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Freeze the view; the data keeps being collected. Resume jumps to now.</source>
        <translation>冻结视图；数据仍会继续收集。“继续”会跳到当前时间。</translation>
    </message>
    <message>
        <source>Follow now</source>
        <translation>跟随当前</translation>
    </message>
    <message>
        <source>Show the selected range up to now and fit the value axes</source>
        <translation>显示截至当前的所选范围，并使数值轴适应数据</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Save the plots as shown as a PNG image</source>
        <translation>将当前显示的图表保存为 PNG 图像</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the data of the visible time span as CSV</source>
        <translation>将可见时间段的数据保存为 CSV</translation>
    </message>
    <message>
        <source>Copy PromQL</source>
        <translation>复制 PromQL</translation>
    </message>
    <message>
        <source>Copy PromQL: client → upstream</source>
        <translation>复制 PromQL：客户端 → 上游</translation>
    </message>
    <message>
        <source>Copy PromQL: upstream → client</source>
        <translation>复制 PromQL：上游 → 客户端</translation>
    </message>
    <message>
        <source>Copy PromQL: connect failures</source>
        <translation>复制 PromQL：连接失败</translation>
    </message>
    <message>
        <source>Copy PromQL: no route</source>
        <translation>复制 PromQL：无路由</translation>
    </message>
    <message>
        <source>The query of the panel “%1” of Istio&apos;s Grafana dashboard %2, for the services shown (reporter &quot;source&quot;: what a gateway reports)</source>
        <translation>Istio Grafana 仪表板 %2 中面板“%1”的查询，针对所显示的服务（reporter &quot;source&quot;：网关报告的视角）</translation>
    </message>
    <message>
        <source>Istio&apos;s Grafana dashboards have no panel for this; the query reads the same Istio metrics, for the services shown</source>
        <translation>Istio 的 Grafana 仪表板没有对应的面板；此查询读取相同的 Istio 指标，针对所显示的服务</translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation>活动连接</translation>
    </message>
    <message>
        <source>Throughput (bytes/s) — solid: client → upstream, dashed: upstream → client</source>
        <translation>吞吐量（字节/秒）— 实线：客户端 → 上游，虚线：上游 → 客户端</translation>
    </message>
    <message>
        <source>New connections per second</source>
        <translation>每秒新连接数</translation>
    </message>
    <message>
        <source>Failures per second — solid: upstream connect failures, dotted: no route</source>
        <translation>每秒失败数 — 实线：连接上游失败，点线：无路由</translation>
    </message>
    <message>
        <source>%1: client → upstream</source>
        <translation>%1：客户端 → 上游</translation>
    </message>
    <message>
        <source>%1: upstream → client</source>
        <translation>%1：上游 → 客户端</translation>
    </message>
    <message>
        <source>%1: connect failures</source>
        <translation>%1：连接失败</translation>
    </message>
    <message>
        <source>%1: no route</source>
        <translation>%1：无路由</translation>
    </message>
    <message>
        <source>Export charts as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Export traffic data as CSV</source>
        <translation>将流量数据导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>%1: %2 open</source>
        <translation>%1：%2 个打开</translation>
    </message>
    <message>
        <source>%1: client → upstream %2, upstream → client %3</source>
        <translation>%1：客户端 → 上游 %2，上游 → 客户端 %3</translation>
    </message>
    <message>
        <source>%1: %2 conn/s</source>
        <translation>%1：%2 个连接/秒</translation>
    </message>
    <message>
        <source>%1: connect failures %2/s, no route %3/s</source>
        <translation>%1：连接失败 %2/秒，无路由 %3/秒</translation>
    </message>
    <message>
        <source>Wheel: zoom time · drag: pan · with Ctrl: the value axis</source>
        <translation>滚轮：缩放时间 · 拖动：平移 · 按住 Ctrl：作用于数值轴</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::TrafficController</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 open, %3 new per second, %4 in all&lt;br&gt;client → upstream %5&lt;br&gt;upstream → client %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 个打开，每秒 %3 个新连接，共 %4 个&lt;br&gt;客户端 → 上游 %5&lt;br&gt;上游 → 客户端 %6</translation>
    </message>
    <message>
        <source>The new bind address and port offset take effect at the next start.</source>
        <translation>新的绑定地址和端口偏移将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Starting the local gateway on %1 (port offset %2)…</source>
        <translation>正在 %1 上启动本地网关（端口偏移 %2）…</translation>
    </message>
    <message numerus="yes">
        <source>Stopped; %n open connection(s) closed.</source>
        <translation>
            <numerusform>已停止；关闭了 %n 个打开的连接。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Started.</source>
        <translation>已启动。</translation>
    </message>
    <message>
        <source>Applied the edit (configuration %1).</source>
        <translation>已应用编辑（配置 %1）。</translation>
    </message>
    <message>
        <source>  %1 port %2 listening on %3</source>
        <translation>  %1 端口 %2 监听于 %3</translation>
    </message>
    <message numerus="yes">
        <source>Not applied: the configuration has %n error(s); the previous configuration is still running.</source>
        <translation>
            <numerusform>未应用：配置有 %n 个错误；之前的配置仍在运行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not started: the configuration has %n error(s).</source>
        <translation>
            <numerusform>未启动：配置有 %n 个错误。</numerusform>
        </translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>监听于 %1</translation>
    </message>
    <message>
        <source>not listening: %1</source>
        <translation>未监听：%1</translation>
    </message>
    <message>
        <source>Local gateway: stopped</source>
        <translation>本地网关：已停止</translation>
    </message>
    <message numerus="yes">
        <source>Local gateway: &lt;b&gt;running&lt;/b&gt; · %n port(s) listening</source>
        <translation>
            <numerusform>本地网关：&lt;b&gt;运行中&lt;/b&gt; · %n 个端口正在监听</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 not listening</source>
        <translation>%1 未监听</translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n 个打开的连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>edit not applied (%n error(s)), previous configuration running</source>
        <translation>
            <numerusform>编辑未应用（%n 个错误），之前的配置仍在运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Run these rules on this machine (%1)</source>
        <translation>在本机上运行这些规则（%1）</translation>
    </message>
    <message>
        <source>Stop the local gateway; open connections are closed</source>
        <translation>停止本地网关；打开的连接将被关闭</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start the local gateway to run these rules on this machine; what it does shows here.</source>
        <translation>启动本地网关，在本机上运行这些规则；其运行情况显示在这里。</translation>
    </message>
    <message>
        <source>Traffic generator started; the observed shares count from now.</source>
        <translation>流量生成器已启动；实测份额从现在开始计数。</translation>
    </message>
    <message>
        <source>Traffic generator finished: %1 answered, %2 failed.</source>
        <translation>流量生成器已结束：%1 个已应答，%2 个失败。</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::YamlPane</name>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Replace the resource with this text (Ctrl+Return)</source>
        <translation>用此文本替换资源（Ctrl+Return）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — editable</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — 可编辑</translation>
    </message>
    <message>
        <source>line %1:%2: %3 [%4]</source>
        <translation>第 %1 行第 %2 列：%3 [%4]</translation>
    </message>
    <message>
        <source>The text is not one valid resource</source>
        <translation>该文本不是一个有效的资源</translation>
    </message>
    <message>
        <source>Not applied — the document is unchanged:
%1</source>
        <translation>未应用 — 文档保持不变：
%1</translation>
    </message>
    <message>
        <source>Edit YAML of %1</source>
        <translation>编辑 %1 的 YAML</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — the whole file, editable</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — 整个文件，可编辑</translation>
    </message>
    <message>
        <source>The source file to show and edit whole</source>
        <translation>要完整显示并编辑的源文件</translation>
    </message>
    <message>
        <source>&lt;b&gt;Whole document&lt;/b&gt; — choose a file or select a resource to edit</source>
        <translation>&lt;b&gt;整个文档&lt;/b&gt; — 选择一个文件或一个资源进行编辑</translation>
    </message>
    <message>
        <source>All files (read only)</source>
        <translation>所有文件（只读）</translation>
    </message>
    <message>
        <source>Edit the whole file %1</source>
        <translation>编辑整个文件 %1</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::IngressPatchDialog</name>
    <message>
        <source>Expose Gateway ports on the ingress gateway</source>
        <translation>在入口网关上暴露 Gateway 端口</translation>
    </message>
    <message>
        <source>IstioOperator overlay (istioctl install -f)</source>
        <translation>IstioOperator 覆盖配置（istioctl install -f）</translation>
    </message>
    <message>
        <source>gateway Helm chart values (helm upgrade -f)</source>
        <translation>gateway Helm chart 值（helm upgrade -f）</translation>
    </message>
    <message>
        <source>Service patch (kubectl patch --type merge)</source>
        <translation>Service 补丁（kubectl patch --type merge）</translation>
    </message>
    <message>
        <source>The IstioOperator overlay and the Helm values last; a patch of the live Service is undone by the next istioctl install or helm upgrade</source>
        <translation>IstioOperator 覆盖配置和 Helm 值会持久生效；对运行中 Service 的补丁会被下一次 istioctl install 或 helm upgrade 撤销</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Every Gateway port is exposed on the ingress gateway (%1) already.</source>
        <translation>所有 Gateway 端口已在入口网关（%1）上暴露。</translation>
    </message>
    <message>
        <source>Exposes port(s) %1 on the ingress gateway (%2), repeating the ports it has. Save it as a file for the cluster; the routing is not changed.</source>
        <translation>在入口网关（%2）上暴露端口 %1，并重复其已有端口。请将其另存为供集群使用的文件；路由不会被修改。</translation>
    </message>
    <message>
        <source>Save the ingress gateway patch</source>
        <translation>保存入口网关补丁</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML 文件 (*.yaml *.yml)</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::ConvertDialog</name>
    <message>
        <source>Convert to Gateway API</source>
        <translation>转换为 Gateway API</translation>
    </message>
    <message>
        <source>Convert to Istio Classic API</source>
        <translation>转换为 Istio 经典 API</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>&amp;Replace in Document</source>
        <translation>在文档中替换(&amp;R)</translation>
    </message>
    <message>
        <source>Replace the converted resources in this document, as one undo step</source>
        <translation>在本文档中替换被转换的资源，作为一个撤销步骤</translation>
    </message>
    <message>
        <source>Open as &amp;New Document</source>
        <translation>作为新文档打开(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save to File…</source>
        <translation>保存到文件(&amp;S)…</translation>
    </message>
    <message>
        <source>Save Converted Configuration</source>
        <translation>保存转换后的配置</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML 文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Routes are written with the apiVersions the document's target reads (%1).</source>
        <translation>路由按文档目标集群读取的 apiVersion 写出（%1）。</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>移除</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s) in the result: %1 added, %2 replaced, %3 kept; %4 removed.</source>
        <translation>
            <numerusform>结果中有 %n 个资源：新增 %1 个，替换 %2 个，保留 %3 个；移除 %4 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything was carried.</source>
        <translation>所有内容均已转换。</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) could not be carried exactly: see the diagnostics below.</source>
        <translation>
            <numerusform>有 %n 处无法准确转换：见下方诊断。</numerusform>
        </translation>
    </message>
    <message>
        <source># Removed: not in the converted configuration
</source>
        <translation># 已移除：不在转换后的配置中
</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::GatewayApiForms</name>
    <message>
        <source>Not a valid value for %1</source>
        <translation>不是 %1 的有效值</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>修改 %2 的 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gateway&lt;/b&gt; %1 (Gateway API), class %2</source>
        <translation>&lt;b&gt;Gateway&lt;/b&gt; %1（Gateway API），类 %2</translation>
    </message>
    <message>
        <source>Listener %1</source>
        <translation>监听器 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>TLS 模式</translation>
    </message>
    <message>
        <source>no TLS</source>
        <translation>无 TLS</translation>
    </message>
    <message>
        <source>Routes from</source>
        <translation>路由来源</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Parent %1</source>
        <translation>父级 %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Section (listener)</source>
        <translation>段（监听器）</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Backend %1</source>
        <translation>后端 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>default (1)</source>
        <translation>默认（1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;ReferenceGrant&lt;/b&gt; %1: lets the resources listed under From refer to those under To in namespace %2</source>
        <translation>&lt;b&gt;ReferenceGrant&lt;/b&gt; %1：允许 From 下列出的资源引用命名空间 %2 中 To 下列出的资源</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>From %1</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>To %1</translation>
    </message>
</context>
</TS>
