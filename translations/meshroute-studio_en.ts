<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
        <source>No problems found</source>
        <translation>No problems found</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation><numerusform>%n note</numerusform><numerusform>%n notes</numerusform></translation>
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
        <translation><numerusform>%n file to write: %1 new, %2 changed.</numerusform><numerusform>%n files to write: %1 new, %2 changed.</numerusform></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
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
        <translation><numerusform>Deployment · %n replica</numerusform><numerusform>Deployment · %n replicas</numerusform></translation>
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
</context>
<context>
    <name>meshroute::studio::GraphScene</name>
    <message>
        <source>Broken reference: %1</source>
        <translation>Broken reference: %1</translation>
    </message>
</context>
<context>
    <name>meshroute::studio::Inspector</name>
    <message>
        <source>Select a gateway, route, destination or workload to edit it here.</source>
        <translation>Select a gateway, route, destination or workload to edit it here.</translation>
    </message>
    <message>
        <source>A name is lower-case letters, digits, '-' and '.', starting and ending with a letter or digit</source>
        <translation>A name is lower-case letters, digits, '-' and '.', starting and ending with a letter or digit</translation>
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
        <translation><numerusform>%n route destination</numerusform><numerusform>%n route destinations</numerusform></translation>
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
    <message>
        <source>Bind to gateway %1</source>
        <translation>Bind to gateway %1</translation>
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
</context>
<context>
    <name>meshroute::studio::PreferencesDialog</name>
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
</context>
<context>
    <name>meshroute::studio::ResourceTree</name>
    <message>
        <source>Namespace %1</source>
        <translation>Namespace %1</translation>
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
        <source>&lt;b&gt;Whole document&lt;/b&gt; — select a resource to edit it</source>
        <translation>&lt;b&gt;Whole document&lt;/b&gt; — select a resource to edit it</translation>
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
        <source>Edit the whole file</source>
        <translation>Edit the whole file</translation>
    </message>
</context>
</TS>