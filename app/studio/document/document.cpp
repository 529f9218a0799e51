#include "document/document.h"

#include "analysis/analyzer.h"
#include "document/commands.h"
#include "editing/documentedits.h"
#include "graph/graphmodel.h"
#include "graph/graphtexts.h"
#include "graph/layoutstore.h"
#include "support/atomicfile.h"
#include "views/diagnostictext.h"
#include "yaml/loader.h"
#include "yaml/writer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace meshroute::studio {

Resource cloneResource(const Resource &resource)
{
    Resource copy = resource;
    // reset(), not operator=: the copy shares the original's node, and assigning would write
    // the clone (which has no marks) into the original too.
    copy.node.reset(YAML::Clone(resource.node));
    return copy;
}

ResourceSet cloneSet(const ResourceSet &set)
{
    ResourceSet copy = set;
    for (Resource &resource : copy.resources)
        resource.node.reset(YAML::Clone(resource.node)); // reset(): see cloneResource
    return copy;
}

namespace {

std::string toStd(const QString &text)
{
    return text.toStdString();
}

// A node as the YAML pane shows it: re-read from its emitted text, so that the
// positions analysis reports are lines of that text.
// `emitted`, when given, receives the node's emitted text (what the pane would show).
YAML::Node normalised(const YAML::Node &node, std::string *emitted = nullptr)
{
    std::string text = emitNode(node);
    try {
        YAML::Node result = YAML::Load(text);
        if (emitted)
            *emitted = std::move(text);
        return result;
    } catch (const YAML::Exception &) {
        YAML::Node result = YAML::Clone(node);
        if (emitted)
            *emitted = emitNode(result);
        return result;
    }
}

bool sameOnDisk(const std::string &path, const std::string &text)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly) || file.size() != static_cast<qint64>(text.size()))
        return false;
    return file.readAll() == QByteArray::fromStdString(text);
}

} // namespace

Document::Document(QObject *parent)
    : QObject(parent)
    , m_graphTexts(std::make_unique<GraphTexts>())
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, &Document::onCleanChanged);
    connect(&m_undoStack, &QUndoStack::indexChanged, this, &Document::onIndexChanged);
}

Document::~Document() = default;

bool Document::open(const QStringList &paths, QString *error)
{
    return adopt(read(paths), error);
}

LoadedDocument Document::read(const QStringList &paths, const std::atomic<bool> *cancelled)
{
    LoadedDocument loaded;
    std::vector<std::string> list;
    for (const QString &path : paths)
        list.push_back(toStd(QDir::cleanPath(path)));
    loaded.load = loadPaths(list);
    for (const QString &path : paths)
        loaded.paths << QFileInfo(path).absoluteFilePath();
    if ((loaded.load.readFailed && loaded.load.set.resources.empty()) || (cancelled && cancelled->load()))
        return loaded;
    const QString folder = layoutFolderOf(loaded.paths, loaded.load.set);
    loaded.ingress = ingressChoiceIn(folder);
    loaded.target = targetIn(folder);
    AnalysisOptions options;
    options.ingress = loaded.ingress;
    options.gatewayApiTarget = loaded.target;
    loaded.analysis = analyze(loaded.load.set, options);
    return loaded;
}

bool Document::adopt(LoadedDocument loaded, QString *error)
{
    LoadResult &result = loaded.load;
    if (result.readFailed && result.set.resources.empty()) {
        if (error) {
            QStringList lines;
            for (const Diagnostic &diagnostic : result.diagnostics)
                lines << diagnosticLine(diagnostic);
            *error = lines.join(QLatin1Char('\n'));
        }
        return false;
    }
    const QStringList paths = loaded.paths;
    reset(std::move(result.set), std::move(result.diagnostics), paths, &loaded);
    return true;
}

void Document::newDocument()
{
    reset(ResourceSet{}, {}, {});
}

void Document::restore(const QList<QPair<QString, QString>> &files)
{
    ResourceSet set;
    Diagnostics diagnostics;
    QStringList paths;
    for (const auto &[path, text] : files) {
        loadText(set, diagnostics, toStd(text), toStd(path));
        if (!path.isEmpty())
            paths << path;
    }
    reset(std::move(set), std::move(diagnostics), paths);
    m_restored = true;
    m_lastModified = true;
    emit modifiedChanged(true);
    emit titleChanged();
}

void Document::reset(ResourceSet set, Diagnostics loadDiagnostics, QStringList paths,
                     const LoadedDocument *analysed)
{
    m_undoStack.clear();
    ++m_generation;
    m_set = std::move(set);
    m_loadDiagnostics = std::move(loadDiagnostics);
    m_openedPaths = std::move(paths);
    m_positions = LayoutStore::load(layoutFolder());
    m_ingress = ingressChoiceIn(layoutFolder());
    m_target = targetIn(layoutFolder());
    m_restored = false;
    m_undoStack.setClean();
    refreshDiagnostics(analysed);
    m_delta = DocumentDelta::everything(m_set);
    emit documentReset();
    emit resourcesChanged(m_delta);
    emit documentChanged();
    emit diagnosticsUpdated();
    m_lastModified = false;
    emit modifiedChanged(false);
    emit titleChanged();
}

QString Document::displayName() const
{
    if (m_openedPaths.isEmpty()) {
        if (!m_set.files.empty() && !m_set.files.front().path.empty())
            return QFileInfo(QString::fromStdString(m_set.files.front().path)).fileName();
        return tr("Untitled");
    }
    QStringList names;
    for (const QString &path : m_openedPaths)
        names << QFileInfo(path).fileName();
    return names.join(QStringLiteral(", "));
}

bool Document::isModified() const
{
    return m_restored || manifestsChanged();
}

bool Document::manifestsChanged() const
{
    if (m_undoStack.isClean())
        return false;
    const int clean = m_undoStack.cleanIndex();
    if (clean < 0)
        return true; // the saved state can no longer be reached
    const int index = m_undoStack.index();
    for (int i = std::min(clean, index); i < std::max(clean, index); ++i)
        if (!dynamic_cast<const LayoutCommand *>(m_undoStack.command(i)))
            return true;
    return false;
}

QString Document::layoutFolder() const
{
    return layoutFolderOf(m_openedPaths, m_set);
}

QString Document::layoutFolderOf(const QStringList &openedPaths, const ResourceSet &set)
{
    if (!openedPaths.isEmpty()) {
        QFileInfo first(openedPaths.front());
        return first.isDir() ? first.absoluteFilePath() : first.absolutePath();
    }
    for (const SourceFile &file : set.files)
        if (!file.path.empty() && file.path != "-")
            return QFileInfo(QString::fromStdString(file.path)).absolutePath();
    return {};
}

install::IngressChoice Document::ingressChoiceIn(const QString &folder)
{
    return install::ingressChoiceNamed(
               LayoutStore::loadSettings(folder).value(QStringLiteral("ingress")).toString().toStdString())
        .value_or(install::IngressChoice::Analyze);
}

gatewayapi::Target Document::targetIn(const QString &folder)
{
    // A spec the sidecar holds that this version cannot read is the default, as no sidecar is.
    const QString spec = LayoutStore::loadSettings(folder).value(QStringLiteral("target")).toString();
    return gatewayapi::parseTarget(spec.toStdString()).target.value_or(gatewayapi::defaultTarget());
}

bool Document::needsSaveAs() const
{
    if (m_set.files.empty())
        return true;
    for (const SourceFile &file : m_set.files)
        if (file.path.empty() || file.path == "-")
            return true;
    return false;
}

bool Document::save(QString *error)
{
    if (needsSaveAs()) {
        if (error)
            *error = tr("The document has no file yet; use Save As");
        return false;
    }
    for (std::size_t i = 0; i < m_set.files.size(); ++i) {
        std::string message;
        const std::string text = renderFile(m_set, static_cast<int>(i));
        if (sameOnDisk(m_set.files[i].path, text))
            continue; // an unchanged file is not rewritten (nor its time stamp touched)
        if (!writeFileAtomically(m_set.files[i].path, text, message)) {
            if (error)
                *error = QString::fromStdString(message);
            return false;
        }
    }
    m_restored = false;
    m_undoStack.setClean();
    m_lastModified = false;
    emit modifiedChanged(false);
    emit titleChanged();
    return true;
}

bool Document::saveAs(const QString &path, QString *error)
{
    if (!saveFilesAs(path, error))
        return false;
    // Positions placed before the document had a folder go with it now.
    if (!m_positions.isEmpty())
        writeSidecar();
    return true;
}

bool Document::saveFilesAs(const QString &path, QString *error)
{
    ++m_generation; // diagnostics name the files: those kept for other states name the old ones
    if (m_set.files.size() <= 1) {
        const QString file = QFileInfo(path).absoluteFilePath();
        if (m_set.files.empty()) {
            std::string message;
            if (!writeFileAtomically(toStd(file), std::string(), message)) {
                if (error)
                    *error = QString::fromStdString(message);
                return false;
            }
            m_openedPaths = {file};
            m_restored = false;
            m_undoStack.setClean();
            m_lastModified = false;
            emit modifiedChanged(false);
            emit titleChanged();
            return true;
        }
        m_set.files.front().path = toStd(file);
        m_openedPaths = {file};
    } else {
        // Several source files: keep them apart, in the chosen folder.
        QDir folder(path);
        if (!folder.exists() && !QDir().mkpath(path)) {
            if (error)
                *error = tr("Cannot create the folder %1").arg(path);
            return false;
        }
        std::set<QString> taken;
        for (SourceFile &file : m_set.files) {
            QString name = QFileInfo(QString::fromStdString(file.path)).fileName();
            if (name.isEmpty() || name == QLatin1String("-"))
                name = QStringLiteral("resources.yaml");
            QString candidate = name;
            for (int n = 2; taken.count(candidate); ++n)
                candidate = QFileInfo(name).completeBaseName() + QString::number(n) + QStringLiteral(".yaml");
            taken.insert(candidate);
            file.path = toStd(folder.absoluteFilePath(candidate));
        }
        m_openedPaths = {folder.absolutePath()};
    }
    return save(error);
}

QString Document::yamlOf(std::size_t index) const
{
    if (index >= m_set.resources.size())
        return {};
    const Resource &resource = m_set.resources[index];
    if (!resource.modified && resource.item < 0 && resource.file >= 0 &&
        resource.file < static_cast<int>(m_set.files.size())) {
        const SourceFile &file = m_set.files[static_cast<std::size_t>(resource.file)];
        if (resource.document >= 0 && resource.document < static_cast<int>(file.documents.size()))
            return QString::fromStdString(file.documents[static_cast<std::size_t>(resource.document)].text);
    }
    return QString::fromStdString(emitted(resource.node));
}

const std::string &Document::emitted(const ResourceNode &node) const
{
    for (const EmittedText &entry : m_emitted)
        if (entry.node.is(node))
            return entry.text;
    const std::optional<std::string_view> text = node.untouchedEmitted(); // an edit's, not built since
    rememberEmitted(node, text ? std::string(*text) : emitNode(node));
    return m_emitted.back().text;
}

void Document::rememberEmitted(const ResourceNode &node, std::string text) const
{
    constexpr std::size_t kept = 4; // an edit's before and after, and the pane's resource
    if (m_emitted.size() >= kept)
        m_emitted.erase(m_emitted.begin());
    // Constructed, never assigned: a YAML::Node's assignment would write into the shared tree.
    m_emitted.push_back(EmittedText{node, std::move(text)});
}

int Document::lineInYaml(std::size_t index, int fileLine) const
{
    if (index >= m_set.resources.size() || fileLine <= 0)
        return 0;
    const Resource &resource = m_set.resources[index];
    const int lines = static_cast<int>(yamlOf(index).count(QLatin1Char('\n'))) + 1;
    int line = fileLine;
    if (!resource.modified && resource.item < 0 && resource.file >= 0 &&
        resource.file < static_cast<int>(m_set.files.size())) {
        const SourceFile &file = m_set.files[static_cast<std::size_t>(resource.file)];
        if (resource.document >= 0 && resource.document < static_cast<int>(file.documents.size()))
            line = fileLine - file.documents[static_cast<std::size_t>(resource.document)].firstLine;
    }
    return line >= 1 && line <= lines ? line : 0;
}

int Document::resourceOfDiagnostic(const Diagnostic &diagnostic) const
{
    if (diagnostic.resource.empty())
        return -1;
    for (std::size_t i = 0; i < m_set.resources.size(); ++i)
        if (m_set.resources[i].ref(m_set.defaultNamespace) == diagnostic.resource)
            return static_cast<int>(i);
    return -1;
}

int Document::indexOf(Kind kind, const std::string &ns, const std::string &name) const
{
    for (std::size_t i = 0; i < m_set.resources.size(); ++i) {
        const Resource &resource = m_set.resources[i];
        if (resource.kind == kind && resource.name == name &&
            resource.effectiveNamespace(m_set.defaultNamespace) == (ns.empty() ? m_set.defaultNamespace : ns))
            return static_cast<int>(i);
    }
    return -1;
}

Diagnostics Document::replaceResource(std::size_t index, const YAML::Node &node, const QString &text,
                                      int mergeId)
{
    if (index >= m_set.resources.size())
        return {};
    // Nothing to change (a form field that finished editing without an edit): no empty undo step.
    if (sameTree(node, m_set.resources[index].node))
        return {};
    // The new tree as the YAML pane shows it, read back from that text so that positions are lines
    // of it: by the light reader, with the yaml-cpp tree built only when someone needs it.
    std::string emittedText = emitNode(node);
    Diagnostics parse;
    const std::string &file = m_set.fileOf(m_set.resources[index]);
    // The edit's own tree becomes the resource's (the next edit reads it, not a tree built again
    // from the text); the light tree of the text says where its parts are.
    std::optional<Resource> after = parseEmitted(emittedText, file, parse, &node);
    if (after) {
        after = m_set.placedAt(index, std::move(*after));
    } else {
        const YAML::Node fresh = normalised(node, &emittedText);
        after = m_set.replacement(index, fresh, parse);
        if (!after)
            return parse; // not a resource: nothing changes
    }
    rememberEmitted(after->node, std::move(emittedText));
    // The parse problems of the new tree are what was found reading it (the same parse, of the same
    // tree in the same file): refreshDiagnostics() takes them instead of parsing it again.
    m_parseProblems.erase(after->displayName(m_set.defaultNamespace));
    m_parseProblems.try_emplace(after->displayName(m_set.defaultNamespace),
                                ParseProblems{after->node, file, parse});
    m_undoStack.push(new ReplaceResourceCommand(this, index, std::move(*after), text, mergeId));
    return parse;
}

std::size_t Document::addResource(const YAML::Node &node, const QString &text)
{
    ResourceSet after = m_set;
    const std::size_t index = after.add(normalised(node));
    pushSetChange(std::move(after), text);
    return index;
}

bool Document::replaceFileText(int file, const std::string &text, const QString &description,
                               Diagnostics &errors)
{
    errors.clear();
    if (file < 0 || file >= static_cast<int>(m_set.files.size()))
        return false;
    // Re-read every file in order, the edited one from the new text: the others render to
    // their own bytes, so only the edited file changes.
    ResourceSet after;
    after.defaultNamespace = m_set.defaultNamespace;
    Diagnostics diagnostics;
    for (int i = 0; i < static_cast<int>(m_set.files.size()); ++i) {
        const std::string &path = m_set.files[static_cast<std::size_t>(i)].path;
        if (i != file) {
            Diagnostics ignored;
            loadText(after, ignored, renderFile(m_set, i), path);
            continue;
        }
        loadText(after, diagnostics, text, path);
    }
    for (const Diagnostic &diagnostic : diagnostics)
        if (diagnostic.severity == Severity::Error)
            errors.push_back(diagnostic);
    if (!errors.empty())
        return false;
    pushSetChange(std::move(after), description);
    return true;
}

void Document::removeResource(std::size_t index, const QString &text)
{
    if (index >= m_set.resources.size())
        return;
    ResourceSet after = m_set;
    after.remove(index);
    pushSetChange(std::move(after), text);
}

void Document::pushSetChange(ResourceSet after, const QString &text)
{
    m_undoStack.push(new SetChangeCommand(this, std::move(after), text));
}

void Document::swapResource(std::size_t index, Resource &other, const KeptDerived &derived)
{
    if (index >= m_set.resources.size())
        return;
    DerivedState leaving = takeDerived();
    swapResources(m_set.resources[index], other);
    exchangeDerived(derived, std::move(leaving));
    announce(DocumentDelta::oneModified(m_set, static_cast<int>(index)));
    emit resourceChanged(static_cast<int>(index));
    emit documentChanged();
    emit diagnosticsUpdated();
}

void Document::swapSet(ResourceSet &other, const KeptDerived &derived)
{
    DerivedState leaving = takeDerived();
    std::swap(m_set, other);
    // File paths are not part of undo: a Save As in between keeps its new names.
    for (std::size_t i = 0; i < other.files.size() && i < m_set.files.size(); ++i)
        m_set.files[i].path = other.files[i].path;
    DocumentDelta delta = diffSets(other, m_set);
    exchangeDerived(derived, std::move(leaving));
    announce(std::move(delta));
    emit documentChanged();
    emit diagnosticsUpdated();
}

DerivedState Document::takeDerived()
{
    DerivedState state{m_generation, std::move(m_diagnostics), std::move(m_graph)};
    m_diagnostics.clear();
    m_graph.reset();
    return state;
}

void Document::exchangeDerived(const KeptDerived &derived, DerivedState leaving)
{
    std::optional<DerivedState> &kept = *derived;
    if (kept && kept->generation == m_generation) {
        m_diagnostics = std::move(kept->diagnostics);
        m_graph = std::move(kept->graph);
    } else {
        refreshDiagnostics();
    }
    kept = std::move(leaving);
    // This one is the newest now; beyond the last few, states derive theirs again when returned to.
    std::erase_if(m_keptDerived, [&](const auto &weak) {
        const KeptDerived held = weak.lock();
        return !held || held == derived;
    });
    m_keptDerived.push_back(derived);
    if (m_keptDerived.size() > kKeptDerivedStates) {
        if (const KeptDerived oldest = m_keptDerived.front().lock())
            oldest->reset();
        m_keptDerived.erase(m_keptDerived.begin());
    }
}

std::shared_ptr<const GraphModel> Document::graphModel() const
{
    if (!m_graph)
        m_graph = std::make_shared<const GraphModel>(
            GraphModel::build(m_set, m_diagnostics, m_target, m_graphTexts.get()));
    return m_graph;
}

void Document::invalidateDerived()
{
    ++m_generation;
    m_graph.reset();
    m_graphTexts->clear(); // the words were the old language's
}

void Document::announce(DocumentDelta delta)
{
    m_delta = std::move(delta);
    emit resourcesChanged(m_delta);
}

void Document::refreshDiagnostics(const LoadedDocument *analysed)
{
    m_graph.reset(); // it shows the diagnostics
    std::set<std::string> modified;
    for (const Resource &resource : m_set.resources)
        if (resource.modified)
            modified.insert(resource.displayName(m_set.defaultNamespace));

    m_diagnostics.clear();
    for (const Diagnostic &diagnostic : m_loadDiagnostics)
        if (diagnostic.resource.empty() || !modified.count(diagnostic.resource.display()))
            m_diagnostics.push_back(diagnostic);
    // The parse problems of an edited resource depend on its tree and file only: kept per
    // resource and worked out again only for a tree not seen before.
    std::unordered_map<std::string, ParseProblems> kept;
    for (const Resource &resource : m_set.resources) {
        if (!resource.modified)
            continue;
        const std::string key = resource.displayName(m_set.defaultNamespace);
        const std::string &file = m_set.fileOf(resource);
        // Entries are constructed and moved, never assigned: a YAML::Node's assignment would write
        // into the shared tree.
        auto known = m_parseProblems.find(key);
        if (known != m_parseProblems.end() && known->second.node.is(resource.node) &&
            known->second.file == file) {
            m_diagnostics.insert(m_diagnostics.end(), known->second.diagnostics.begin(),
                                 known->second.diagnostics.end());
            kept.try_emplace(key, std::move(known->second));
            m_parseProblems.erase(known);
            continue;
        }
        ParseProblems entry{resource.node, file, {}};
        // An edit's tree not built since is read from its text again, as the edit read it.
        const std::optional<std::string_view> text = resource.node.untouchedEmitted();
        if (!text || !parseEmitted(std::string(*text), file, entry.diagnostics))
            parseResource(resource.node, 0, file, entry.diagnostics);
        m_diagnostics.insert(m_diagnostics.end(), entry.diagnostics.begin(), entry.diagnostics.end());
        kept.try_emplace(key, std::move(entry));
    }
    m_parseProblems = std::move(kept);
    if (analysed && analysed->analysis && analysed->ingress == m_ingress && analysed->target == m_target) {
        m_diagnostics.insert(m_diagnostics.end(), analysed->analysis->begin(), analysed->analysis->end());
        return;
    }
    AnalysisOptions options;
    options.ingress = m_ingress;
    options.gatewayApiTarget = m_target;
    Diagnostics analysis = analyze(m_set, options);
    m_diagnostics.insert(m_diagnostics.end(), analysis.begin(), analysis.end());
}

void Document::onCleanChanged(bool)
{
    m_lastModified = isModified();
    emit modifiedChanged(m_lastModified);
    emit titleChanged();
}

void Document::onIndexChanged()
{
    if (isModified() == m_lastModified)
        return;
    m_lastModified = isModified();
    emit modifiedChanged(m_lastModified);
    emit titleChanged();
}

int Document::apply(const edits::Change &change)
{
    if (change.isEmpty())
        return -1;
    if (change.replaced.size() == 1 && change.removed.empty() && change.added.empty()) {
        const auto &[index, node] = *change.replaced.begin();
        replaceResource(index, node, change.text);
        return -1;
    }
    if (change.replaced.empty() && change.removed.empty() && change.added.size() == 1)
        return static_cast<int>(addResource(change.added.front(), change.text));
    int first = -1;
    editSet(change.text, [&](ResourceSet &after) {
        for (const auto &[index, node] : change.replaced)
            if (index < after.resources.size())
                after.replaceNode(index, node);
        std::vector<std::size_t> removed = change.removed;
        std::sort(removed.rbegin(), removed.rend());
        for (std::size_t index : removed)
            if (index < after.resources.size())
                after.remove(index);
        for (const YAML::Node &node : change.added) {
            const auto index = static_cast<int>(after.add(normalised(node)));
            first = first < 0 ? index : first;
        }
    });
    return first;
}

void Document::moveNodes(const QHash<QString, QPointF> &moved, int gesture, bool finished)
{
    QHash<QString, QPointF> after = m_positions;
    for (auto it = moved.begin(); it != moved.end(); ++it)
        after.insert(it.key(), it.value());
    if (after == m_positions) {
        if (finished)
            writeSidecar(); // the gesture's last report: its positions are in place already
        return;
    }
    m_undoStack.push(new LayoutCommand(this, m_positions, std::move(after), gesture, finished));
}

void Document::clearPositions(const QString &text)
{
    if (!m_positions.isEmpty())
        m_undoStack.push(new LayoutCommand(this, m_positions, {}, text));
}

void Document::applyPositions(const QHash<QString, QPointF> &positions, bool sidecar)
{
    m_positions = positions;
    if (sidecar)
        writeSidecar();
    emit positionsChanged();
}

void Document::setIngressChoice(install::IngressChoice choice)
{
    if (choice == m_ingress)
        return;
    m_ingress = choice;
    ++m_generation; // the states the undo stack keeps were analysed with the other choice
    writeSidecar();
    refreshDiagnostics();
    emit diagnosticsUpdated();
}

void Document::setGatewayApiTarget(const gatewayapi::Target &target)
{
    if (target == m_target)
        return;
    m_target = target;
    ++m_generation; // the states the undo stack keeps were analysed for the other cluster
    writeSidecar();
    refreshDiagnostics();
    emit diagnosticsUpdated();
    emit gatewayApiTargetChanged();
}

install::IngressGateway Document::ingressGateway() const
{
    return install::resolveIngress(m_set, m_ingress);
}

void Document::writeSidecar() const
{
    const QString folder = layoutFolder();
    if (folder.isEmpty())
        return;
    QJsonObject settings;
    if (m_ingress != install::IngressChoice::Analyze)
        settings.insert(QStringLiteral("ingress"),
                        QString::fromLatin1(install::ingressChoiceName(m_ingress).data(),
                                            static_cast<int>(install::ingressChoiceName(m_ingress).size())));
    if (m_target != gatewayapi::defaultTarget())
        settings.insert(QStringLiteral("target"), QString::fromStdString(m_target.spec()));
    LayoutStore::save(folder, m_positions, nullptr, settings);
}

} // namespace meshroute::studio
