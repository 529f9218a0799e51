#pragma once

// The one truth of the studio: a loaded ResourceSet, its diagnostics and the undo
// stack. Views read it and listen for its signals; every change goes through an
// undoable command (see commands.h), so nothing else writes to the set.

#include "document/documentdelta.h"
#include "gatewayapi/targets.h"
#include "install/ingressgateway.h"
#include "model/resourceset.h"
#include "yaml/loader.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QStringList>
#include <QUndoStack>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace meshroute::studio {

namespace edits {
struct Change;
}
class GraphModel;
class GraphTexts;

// What the views derive from one state of the set: its diagnostics and its graph model. The
// undo command that leaves a state keeps them, so undo and redo put them back instead of
// analysing and building again; `generation` tells whether they still hold (a setting, the file
// names or the language changed since, and they are derived anew).
struct DerivedState
{
    std::uint64_t generation = 0;
    Diagnostics diagnostics;
    std::shared_ptr<const GraphModel> graph; // null until asked for
};

// A deep copy: yaml-cpp nodes share storage on copy. The document itself never needs one: its
// resources' trees are never written to (edits build new trees), so states share them.
Resource cloneResource(const Resource &resource);
ResourceSet cloneSet(const ResourceSet &set);

// A document read from its paths and analysed, ready for Document::adopt(): plain data, made on
// any thread (the window reads a large document on a worker thread: window/documentloader.h).
struct LoadedDocument
{
    QStringList paths; // absolute, as the user chose them (files or folders)
    LoadResult load;
    // What analysis found with the ingress choice and target cluster of the document's sidecar
    // (`ingress`, `target`); empty when the read failed or was cancelled.
    install::IngressChoice ingress = install::IngressChoice::Analyze;
    gatewayapi::Target target = gatewayapi::defaultTarget();
    std::optional<Diagnostics> analysis;
};

class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    // Replace the whole document. `paths` are files or folders, as the user chose them.
    bool open(const QStringList &paths, QString *error = nullptr);
    // open() in two halves: read() touches no Qt object (any thread; it stops before analysis
    // once `cancelled` is set), adopt() makes it the document (the GUI thread). read() + adopt()
    // ends in the same state as open().
    static LoadedDocument read(const QStringList &paths, const std::atomic<bool> *cancelled = nullptr);
    bool adopt(LoadedDocument loaded, QString *error = nullptr);
    void newDocument();
    // A document restored from texts (autosave recovery): {path, text} per file.
    void restore(const QList<QPair<QString, QString>> &files);

    const ResourceSet &set() const { return m_set; }
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    // The graph of the current state, built when first asked for (GraphModel::build of the set and
    // its diagnostics) and kept until the state changes; never null.
    std::shared_ptr<const GraphModel> graphModel() const;
    // Derived views (diagnostics, graph) no longer hold for any state: the UI language changed.
    void invalidateDerived();
    // What the last change (open, edit, undo or redo) touched; see resourcesChanged().
    const DocumentDelta &lastDelta() const { return m_delta; }
    QUndoStack *undoStack() { return &m_undoStack; }

    QStringList openedPaths() const { return m_openedPaths; }
    QString displayName() const;
    bool isModified() const;
    bool isEmpty() const { return m_set.resources.empty(); }
    // The folder where the layout sidecar lives, empty for a document never saved.
    QString layoutFolder() const;

    bool save(QString *error = nullptr);
    bool needsSaveAs() const;
    // Save to `path`: a file when the document has one source file (or none), a folder otherwise.
    bool saveAs(const QString &path, QString *error = nullptr);

    // The YAML shown for one resource: its document's text as read when untouched, else as emitted.
    QString yamlOf(std::size_t index) const;
    // The 1-based line within yamlOf(index) of a file position, 0 when it is not inside.
    int lineInYaml(std::size_t index, int fileLine) const;
    // The index of the resource a diagnostic names ("Kind ns/name"), -1 when none.
    int resourceOfDiagnostic(const Diagnostic &diagnostic) const;
    int indexOf(Kind kind, const std::string &ns, const std::string &name) const;

    // Changes, each one undo step. `text` is the undo history's description.
    Diagnostics replaceResource(std::size_t index, const YAML::Node &node, const QString &text,
                                int mergeId = -1);
    std::size_t addResource(const YAML::Node &node, const QString &text);
    // Replace the whole text of source file `file` (the YAML pane's whole-document view). Nothing
    // changes when the text has errors; they are returned, positioned in `text`.
    bool replaceFileText(int file, const std::string &text, const QString &description, Diagnostics &errors);
    void removeResource(std::size_t index, const QString &text);
    // A change decided by the editing layer (editing/documentedits.h), one undo step; nothing when
    // it is empty. Returns the index of its first added resource, else -1.
    int apply(const edits::Change &change);

    // A person's own node positions, by graph node id (nodes without one are laid out). They are
    // not part of the manifests: the layout sidecar next to them is written from here.
    const QHash<QString, QPointF> &positions() const { return m_positions; }
    // Nodes dragged to `moved` in gesture `gesture` (one press to release of the mouse): every
    // report of one gesture merges into one undo step; `finished` (the release) writes the sidecar.
    void moveNodes(const QHash<QString, QPointF> &moved, int gesture, bool finished);
    // Forget every position (a relayout), one undo step; nothing when there is none.
    void clearPositions(const QString &text);
    // What the target cluster's ingress gateway Service is (IST0162 and its fix): a setting of the
    // document, kept in the layout sidecar, not in the manifests; not an undo step.
    install::IngressChoice ingressChoice() const { return m_ingress; }
    void setIngressChoice(install::IngressChoice choice);
    // The ingress gateway that choice resolves to on the current set (Files when it holds the Service).
    install::IngressGateway ingressGateway() const;
    // The cluster the document is meant for (Istio version, Gateway API CRDs, the alpha flag): what
    // analysis (MR0025-MR0027, IST0176), the graph, the local gateway and Convert read. A setting of
    // the document like the ingress choice, kept in the layout sidecar ("target": its spec); the
    // default target (the tutorial's cluster) without one; not an undo step.
    const gatewayapi::Target &gatewayApiTarget() const { return m_target; }
    void setGatewayApiTarget(const gatewayapi::Target &target);

    // A change of several resources at once: `edit` modifies a copy of the set, which shares the
    // resources' YAML trees with it; the edit replaces resources (ResourceSet::replaceNode, add,
    // remove) and never writes into a tree it did not build.
    template <typename Edit> void editSet(const QString &text, Edit &&edit)
    {
        ResourceSet after = m_set;
        edit(after);
        pushSetChange(std::move(after), text);
    }

    // Used by the commands only: exchange the document's resource `index` (or whole set) with the
    // command's, so that undo and redo move what changed instead of copying it.
    // `derived` is what the command keeps of the state it does not hold now: put back when it still
    // holds, and given what the document leaves. Only the last few states given keep theirs (a
    // large document's graph and diagnostics are megabytes; the undo stack may hold hundreds).
    using KeptDerived = std::shared_ptr<std::optional<DerivedState>>;
    static constexpr std::size_t kKeptDerivedStates = 8;
    void swapResource(std::size_t index, Resource &other, const KeptDerived &derived);
    void swapSet(ResourceSet &other, const KeptDerived &derived);
    void applyPositions(const QHash<QString, QPointF> &positions, bool writeSidecar);

signals:
    void documentReset();   // a new document was opened or created
    void documentChanged(); // the set changed (any edit, undo or redo)
    // Emitted just before documentChanged, with what changed (also lastDelta()).
    void resourcesChanged(const meshroute::studio::DocumentDelta &delta);
    void resourceChanged(int index); // one resource changed in place
    void diagnosticsUpdated();       // after every change
    void modifiedChanged(bool modified);
    void titleChanged();
    void positionsChanged(); // node positions moved, restored or cleared
    // The target cluster changed (after its diagnosticsUpdated): what is compiled changes with it.
    void gatewayApiTargetChanged();

private:
    void pushSetChange(ResourceSet after, const QString &text);
    void reset(ResourceSet set, Diagnostics loadDiagnostics, QStringList paths,
               const LoadedDocument *analysed = nullptr);
    // `analysed`: a document read with its analysis, used when it was made with the current choice.
    void refreshDiagnostics(const LoadedDocument *analysed = nullptr);
    // Leave the current state's derived views to `derived`, take the other state's from it (or
    // derive them when they no longer hold).
    void exchangeDerived(const KeptDerived &derived, DerivedState leaving);
    DerivedState takeDerived();
    static QString layoutFolderOf(const QStringList &openedPaths, const ResourceSet &set);
    static install::IngressChoice ingressChoiceIn(const QString &folder);
    static gatewayapi::Target targetIn(const QString &folder);
    void announce(DocumentDelta delta);
    void onCleanChanged(bool clean);
    void onIndexChanged();
    // Whether the manifests differ from the clean state: layout steps between them do not count.
    bool manifestsChanged() const;
    bool saveFilesAs(const QString &path, QString *error);
    void writeSidecar() const;

    ResourceSet m_set;
    Diagnostics m_loadDiagnostics;
    Diagnostics m_diagnostics;
    mutable std::shared_ptr<const GraphModel> m_graph; // of the current state, null until asked for
    // The words of the graph's nodes, kept from build to build (graphtexts.h); cleared with the language.
    std::unique_ptr<GraphTexts> m_graphTexts;
    std::uint64_t m_generation = 1;                                        // see DerivedState
    std::vector<std::weak_ptr<std::optional<DerivedState>>> m_keptDerived; // oldest first
    DocumentDelta m_delta;
    struct ParseProblems
    {
        ResourceNode node; // the tree they were found in (shared, never written to)
        std::string file;
        Diagnostics diagnostics;
    };
    std::unordered_map<std::string, ParseProblems> m_parseProblems; // by resource display name
    // The emitted text of the trees emitted last (an edit's new tree, the pane's resource): typing in
    // a field re-emits only the tree it builds, not the one it replaces. Trees are never written to,
    // so a tree's text stays valid as long as the tree.
    struct EmittedText
    {
        ResourceNode node;
        std::string text;
    };
    mutable std::vector<EmittedText> m_emitted;
    const std::string &emitted(const ResourceNode &node) const;
    void rememberEmitted(const ResourceNode &node, std::string text) const;
    QUndoStack m_undoStack;
    QStringList m_openedPaths;
    QHash<QString, QPointF> m_positions;
    install::IngressChoice m_ingress = install::IngressChoice::Analyze;
    gatewayapi::Target m_target = gatewayapi::defaultTarget();
    bool m_restored = false; // recovered from autosave: modified until saved
    bool m_lastModified = false;
};

} // namespace meshroute::studio
