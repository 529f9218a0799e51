<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n 个错误</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n 个警告</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation><numerusform>%n 条提示</numerusform></translation>
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
        <translation><numerusform>将写入 %n 个文件：%1 个新建，%2 个修改。</numerusform></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
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
        <translation><numerusform>Deployment · %n 个副本</numerusform></translation>
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
</context>
<context>
    <name>meshroute::studio::GraphScene</name>
    <message>
        <source>Broken reference: %1</source>
        <translation>引用失效：%1</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::Inspector</name>
    <message>
        <source>Select a gateway, route, destination or workload to edit it here.</source>
        <translation>选择一个网关、路由、目标或工作负载，在此编辑。</translation>
    </message>
    <message>
        <source>A name is lower-case letters, digits, '-' and '.', starting and ending with a letter or digit</source>
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
        <translation><numerusform>%n 个路由目标</numerusform></translation>
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
    <message>
        <source>Bind to gateway %1</source>
        <translation>绑定到网关 %1</translation>
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
</context>
<context>
    <name>meshroute::studio::PreferencesDialog</name>
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
</context>
<context>
    <name>meshroute::studio::ResourceTree</name>
    <message>
        <source>Namespace %1</source>
        <translation>命名空间 %1</translation>
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
        <source>&lt;b&gt;Whole document&lt;/b&gt; — select a resource to edit it</source>
        <translation>&lt;b&gt;整个文档&lt;/b&gt; — 选择一个资源以编辑</translation>
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
        <source>Edit the whole file</source>
        <translation>编辑整个文件</translation>
    </message>
</context>
</TS>