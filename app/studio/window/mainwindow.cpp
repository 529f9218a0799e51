#include "window/mainwindow.h"

#include "document/document.h"
#include "editing/documentedits.h"
#include "editing/fixes.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "model/names.h"
#include "traffic/trafficcontroller.h"
#include "views/diagnosticsview.h"
#include "views/inspector.h"
#include "views/resourcetree.h"
#include "views/yamlpane.h"
#include "window/documentfiles.h"
#include "window/installdialog.h"
#include "window/preferences.h"
#include "window/startup.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoView>

#include <set>

namespace meshroute::studio {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QIcon kindIcon(const QColor &color, const QString &letters)
{
    // A small coloured tag with the kind's initials, the colours of the graph's columns.
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(color.darker(130), size / 16.0));
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(size * 0.06, size * 0.16, size * 0.88, size * 0.68), size * 0.14,
                                size * 0.14);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(static_cast<int>(size * (letters.size() > 1 ? 0.36 : 0.5)));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, letters);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_selection(new Selection(this))
    , m_scene(new GraphScene(this))
    , m_view(new GraphView(m_scene, this))
    , m_tree(new ResourceTree(m_document, this))
    , m_inspector(new Inspector(m_document, this))
    , m_yaml(new YamlPane(m_document, this))
    , m_diagnostics(new DiagnosticsView(m_document, this))
    , m_history(new QUndoView(m_document->undoStack(), this))
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_zoomLabel(new QLabel(this))
    , m_targetLabel(new QLabel(this))
    , m_autosave(new QTimer(this))
    , m_files(new DocumentFiles(this, m_document))
    , m_preferences(Preferences::load())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/meshroute-studio.svg")));
    setAcceptDrops(true);
    setCentralWidget(m_view);
    m_view->setObjectName(QStringLiteral("graphView"));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    createActions();
    createMenus();
    createDocks();
    // The local gateway: its menu before Help, its toolbar, docks and status.
    m_traffic = new TrafficController(this, m_document, m_scene);
    m_traffic->install(menuBar()->findChild<QMenu *>(QStringLiteral("menuView")),
                       menuBar()->findChild<QMenu *>(QStringLiteral("menuHelp"))->menuAction());

    statusBar()->addWidget(m_status, 1);
    m_targetLabel->setObjectName(QStringLiteral("targetLabel"));
    statusBar()->addPermanentWidget(m_targetLabel);
    statusBar()->addPermanentWidget(m_traffic->statusLabel());
    statusBar()->addPermanentWidget(m_zoomLabel);
    // A large graph is laid out on a worker thread: a busy bar says so meanwhile.
    auto *layingOut = new QProgressBar(this);
    layingOut->setObjectName(QStringLiteral("layoutProgress"));
    layingOut->setRange(0, 0);
    layingOut->setMaximumWidth(120);
    layingOut->setTextVisible(false);
    layingOut->hide();
    statusBar()->addPermanentWidget(layingOut);
    connect(m_scene, &GraphScene::layoutStarted, layingOut, [this, layingOut] {
        layingOut->setToolTip(tr("Laying out the graph…"));
        layingOut->show();
    });
    connect(m_scene, &GraphScene::layoutFinished, layingOut, &QWidget::hide);

    connect(m_document, &Document::documentChanged, this, &MainWindow::refreshGraph);
    // The target cluster decides what the local gateway plays: the graph draws it again.
    connect(m_document, &Document::gatewayApiTargetChanged, this, [this] {
        refreshGraph();
        updateTargetLabel();
    });
    connect(m_document, &Document::documentReset, this, &MainWindow::updateTargetLabel);
    connect(m_document, &Document::documentReset, this, [this] {
        m_selection->clear();
        m_scene->setGraph(*m_document->graphModel(), m_document->positions());
        // A large graph's layout arrives later: fit the view to it, not to the provisional places.
        if (m_scene->isLayingOut())
            connect(m_scene, &GraphScene::layoutFinished, m_view, &GraphView::fitAll,
                    Qt::SingleShotConnection);
        else
            QTimer::singleShot(0, m_view, &GraphView::fitAll);
    });
    // The document owns the positions: the scene reports drags and relayouts, and mirrors the result.
    connect(m_document, &Document::positionsChanged, this,
            [this] { m_scene->setManualPositions(m_document->positions()); });
    connect(m_scene, &GraphScene::nodesMoved, m_document, &Document::moveNodes);
    connect(m_scene, &GraphScene::relayoutRequested, this,
            [this] { m_document->clearPositions(tr("Relayout")); });
    connect(m_selection, &Selection::changed, this, &MainWindow::showSelection);
    connect(m_document, &Document::titleChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::onSceneSelectionChanged);
    connect(m_scene, &GraphScene::connectionRequested, this, &MainWindow::connectNodes);
    connect(m_scene, &GraphScene::edgeActivated, this, &MainWindow::onEdgeActivated);
    connect(m_scene, &GraphScene::nodeActivated, this, [this](const QString &id) {
        if (const GraphNode *node = m_scene->graph().node(id); node && node->resource >= 0) {
            m_yaml->showResource(node->resource);
            m_yaml->editor()->setFocus();
        }
    });
    connect(m_view, &GraphView::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_view, &GraphView::zoomChanged, this,
            [this](qreal zoom) { m_zoomLabel->setText(tr("Zoom %1%").arg(qRound(zoom * 100))); });
    connect(m_tree, &ResourceTree::resourceSelected, this, &MainWindow::selectResource);
    connect(m_inspector, &Inspector::showYamlRequested, this, [this](int index) {
        m_yaml->showResource(index);
        m_yaml->editor()->setFocus();
    });
    connect(m_diagnostics, &DiagnosticsView::diagnosticActivated, this, &MainWindow::onDiagnosticActivated);
    connect(m_diagnostics, &DiagnosticsView::summaryChanged, m_status, &QLabel::setText);
    connect(m_diagnostics, &DiagnosticsView::fixRequested, this, [this](const Diagnostic &diagnostic) {
        const Fix fix = fixFor(diagnostic);
        if (fix.apply)
            fix.apply();
    });
    m_diagnostics->setFixDescriber([this](const Diagnostic &diagnostic) { return fixFor(diagnostic).label; });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QStringList matches = m_scene->setFilter(text.trimmed());
        if (!text.trimmed().isEmpty() && !matches.isEmpty())
            m_view->centreOn(matches.front());
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QStringList matches = m_scene->setFilter(m_search->text().trimmed());
        if (!matches.isEmpty())
            selectNode(matches.front());
    });
    connect(m_autosave, &QTimer::timeout, m_files, &DocumentFiles::autosave);

    QSettings settings;
    if (!restoreGeometry(settings.value(settingsKeys::geometry).toByteArray()))
        resize(1440, 900);
    restoreState(settings.value(settingsKeys::state).toByteArray());
    applyPreferences(m_preferences);
    m_document->newDocument();
    retranslate();
}

MainWindow::~MainWindow()
{
    // The gateway first: it listens to the document and the scene, which go before it otherwise.
    delete m_traffic;
    m_traffic = nullptr;
    // Children outlive this class's part of the object while QObject destroys them; none may call back.
    for (QObject *sender :
         std::initializer_list<QObject *>{m_document, m_document->undoStack(), m_selection, m_scene, m_view,
                                          m_tree, m_inspector, m_yaml, m_diagnostics, m_search, m_autosave})
        sender->disconnect(this);
    m_autosave->stop();
}

// ------------------------------------------------------------------ construction

void MainWindow::createActions()
{
    QStyle *style = QApplication::style();
    // Texts are kept untranslated in a property, so that a language change can translate them again.
    auto make = [this](const char *text, const QKeySequence &shortcut, const QString &name) {
        auto *action = new QAction(tr(text), this);
        action->setProperty("source", QByteArray(text));
        action->setShortcut(shortcut);
        action->setObjectName(name);
        return action;
    };
    m_newAction = make(QT_TR_NOOP("&New"), QKeySequence::New, QStringLiteral("actionNew"));
    m_newAction->setIcon(style->standardIcon(QStyle::SP_FileIcon));
    m_openAction = make(QT_TR_NOOP("&Open Files…"), QKeySequence::Open, QStringLiteral("actionOpen"));
    m_openAction->setIcon(style->standardIcon(QStyle::SP_DialogOpenButton));
    m_openFolderAction = make(QT_TR_NOOP("Open &Folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                              QStringLiteral("actionOpenFolder"));
    m_openFolderAction->setIcon(style->standardIcon(QStyle::SP_DirOpenIcon));
    m_saveAction = make(QT_TR_NOOP("&Save"), QKeySequence::Save, QStringLiteral("actionSave"));
    m_saveAction->setIcon(style->standardIcon(QStyle::SP_DialogSaveButton));
    // Some platforms (Linux outside GNOME and KDE, offscreen) define no Save As, Quit or Preferences
    // keys: the usual ones then.
    auto standardOr = [](QKeySequence::StandardKey key, const QKeySequence &fallback) {
        const QKeySequence standard(key);
        return standard.isEmpty() ? fallback : standard;
    };
    m_saveAsAction = make(QT_TR_NOOP("Save &As…"),
                          standardOr(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)),
                          QStringLiteral("actionSaveAs"));
    m_exportAction = make(QT_TR_NOOP("&Export for kubectl…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                          QStringLiteral("actionExport"));
    m_exportAction->setIcon(style->standardIcon(QStyle::SP_ArrowUp));
    m_quitAction =
        make(QT_TR_NOOP("&Quit"), standardOr(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)),
             QStringLiteral("actionQuit"));
    m_undoAction = make(QT_TR_NOOP("&Undo"), QKeySequence::Undo, QStringLiteral("actionUndo"));
    m_undoAction->setIcon(style->standardIcon(QStyle::SP_ArrowBack));
    m_redoAction = make(QT_TR_NOOP("&Redo"), QKeySequence::Redo, QStringLiteral("actionRedo"));
    m_redoAction->setIcon(style->standardIcon(QStyle::SP_ArrowForward));
    QUndoStack *stack = m_document->undoStack();
    connect(m_undoAction, &QAction::triggered, stack, &QUndoStack::undo);
    connect(m_redoAction, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, this, &MainWindow::updateUndoTexts);
    connect(stack, &QUndoStack::redoTextChanged, this, &MainWindow::updateUndoTexts);
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    m_deleteAction = make(QT_TR_NOOP("&Delete"), QKeySequence::Delete, QStringLiteral("actionDelete"));
    m_deleteAction->setIcon(style->standardIcon(QStyle::SP_TrashIcon));
    m_renameAction = make(QT_TR_NOOP("Re&name…"), QKeySequence(Qt::Key_F2), QStringLiteral("actionRename"));
    m_preferencesAction = make(QT_TR_NOOP("&Preferences…"),
                               standardOr(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)),
                               QStringLiteral("actionPreferences"));
    m_zoomInAction = make(QT_TR_NOOP("Zoom &In"), QKeySequence::ZoomIn, QStringLiteral("actionZoomIn"));
    m_zoomOutAction = make(QT_TR_NOOP("Zoom &Out"), QKeySequence::ZoomOut, QStringLiteral("actionZoomOut"));
    m_fitAction =
        make(QT_TR_NOOP("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0), QStringLiteral("actionFit"));
    m_resetZoomAction = make(QT_TR_NOOP("&Actual Size"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_0),
                             QStringLiteral("actionActualSize"));
    m_relayoutAction =
        make(QT_TR_NOOP("&Relayout"), QKeySequence(Qt::CTRL | Qt::Key_L), QStringLiteral("actionRelayout"));
    m_relayoutAction->setProperty(
        "tooltipSource",
        QByteArray(QT_TR_NOOP("Lay the graph out automatically again, forgetting manual moves")));
    m_findAction = make(QT_TR_NOOP("&Find…"), QKeySequence::Find, QStringLiteral("actionFind"));
    m_aboutAction = make(QT_TR_NOOP("&About Meshroute Studio"), {}, QStringLiteral("actionAbout"));

    connect(m_newAction, &QAction::triggered, this, [this] {
        if (m_files->maybeSave())
            m_document->newDocument();
    });
    connect(m_openAction, &QAction::triggered, m_files, &DocumentFiles::openFiles);
    connect(m_openFolderAction, &QAction::triggered, m_files, &DocumentFiles::openFolder);
    connect(m_saveAction, &QAction::triggered, m_files, &DocumentFiles::save);
    connect(m_saveAsAction, &QAction::triggered, m_files, &DocumentFiles::chooseSaveAs);
    connect(m_exportAction, &QAction::triggered, m_files, &DocumentFiles::exportForKubectl);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelection);
    connect(m_renameAction, &QAction::triggered, this, &MainWindow::rename);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_zoomInAction, &QAction::triggered, m_view, &GraphView::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, m_view, &GraphView::zoomOut);
    connect(m_fitAction, &QAction::triggered, m_view, &GraphView::fitAll);
    connect(m_resetZoomAction, &QAction::triggered, m_view, &GraphView::resetZoom);
    connect(m_relayoutAction, &QAction::triggered, m_scene, &GraphScene::relayout);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);

    const GraphPalette palette = GraphPalette::forTheme(false);
    const QHash<QString, QString> initials{{QStringLiteral("Gateway"), QStringLiteral("G")},
                                           {QStringLiteral("VirtualService"), QStringLiteral("VS")},
                                           {QStringLiteral("DestinationRule"), QStringLiteral("DR")},
                                           {QStringLiteral("Service"), QStringLiteral("S")},
                                           {QStringLiteral("Deployment"), QStringLiteral("D")},
                                           {QStringLiteral("WorkloadEntry"), QStringLiteral("WE")}};
    const QList<std::tuple<Kind, const char *, QColor, QKeySequence>> creatable{
        {Kind::Gateway, QT_TR_NOOP("New &Gateway"), palette.gateway,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G)},
        {Kind::VirtualService, QT_TR_NOOP("New &VirtualService"), palette.route,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_V)},
        {Kind::DestinationRule, QT_TR_NOOP("New &DestinationRule"), palette.destination,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D)},
        {Kind::Service, QT_TR_NOOP("New &Service"), palette.destination,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S)},
        {Kind::Deployment, QT_TR_NOOP("New De&ployment"), palette.workload,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P)},
        {Kind::WorkloadEntry, QT_TR_NOOP("New &WorkloadEntry"), palette.workload,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_W)},
    };
    for (const auto &[kindValue, text, color, shortcut] : creatable) {
        const Kind kind = kindValue;
        const QString name = QLatin1String(kindName(kind));
        auto *action = make(text, shortcut, QStringLiteral("actionNew") + name);
        action->setIcon(kindIcon(color, initials.value(name)));
        action->setProperty("tooltipSource", QByteArray(QT_TR_NOOP("Create a %1")));
        action->setProperty("tooltipArgument", name);
        connect(action, &QAction::triggered, this, [this, kind] { createResource(kind); });
        m_createActions << action;
    }
}

void MainWindow::createMenus()
{
    QMenu *file = addTranslatedMenu(menuBar(), QT_TR_NOOP("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    file->addAction(m_openFolderAction);
    m_recentMenu = addTranslatedMenu(file, QT_TR_NOOP("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] { m_files->fillRecentMenu(m_recentMenu); });
    // The bundled samples, each opened as a writable copy.
    QMenu *samples = addTranslatedMenu(file, QT_TR_NOOP("Open Sa&mple"));
    samples->setObjectName(QStringLiteral("menuSamples"));
    for (const QString &name : startup::sampleNames()) {
        QAction *sample =
            samples->addAction(startup::sampleTitle(name), this, [this, name] { openSample(name); });
        sample->setObjectName(QStringLiteral("actionSample_") + name);
        sample->setData(name);
    }
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addAction(m_exportAction);
    // Install configuration: the tutorial's Istio install form (window/installdialog).
    QAction *install = file->addAction(tr("&Install Configuration…"), this, [this] {
        InstallDialog dialog(m_document->set(), this);
        dialog.exec();
    });
    install->setObjectName(QStringLiteral("actionInstallConfig"));
    install->setProperty("source", QByteArray(QT_TR_NOOP("&Install Configuration…")));
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = addTranslatedMenu(menuBar(), QT_TR_NOOP("&Edit"));
    edit->setObjectName(QStringLiteral("menuEdit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_deleteAction);
    edit->addAction(m_renameAction);
    edit->addAction(m_findAction);
    edit->addSeparator();
    edit->addAction(m_preferencesAction);

    QMenu *insert = addTranslatedMenu(menuBar(), QT_TR_NOOP("&Create"));
    insert->setObjectName(QStringLiteral("menuCreate"));
    insert->addActions(m_createActions);

    QMenu *view = addTranslatedMenu(menuBar(), QT_TR_NOOP("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_resetZoomAction);
    view->addAction(m_fitAction);
    view->addAction(m_relayoutAction);
    view->addSeparator();
    view->setProperty("docksAt", view->actions().size());

    QMenu *tools = addTranslatedMenu(menuBar(), QT_TR_NOOP("&Tools"));
    tools->setObjectName(QStringLiteral("menuTools"));
    QAction *toGatewayApi = tools->addAction(tr("Convert to &Gateway API…"), this,
                                             [this] { convertDocument(ConvertDirection::ToGatewayApi); });
    toGatewayApi->setObjectName(QStringLiteral("actionConvertToGatewayApi"));
    toGatewayApi->setProperty("source", QByteArray(QT_TR_NOOP("Convert to &Gateway API…")));
    QAction *toIstio = tools->addAction(tr("Convert to &Istio Classic API…"), this,
                                        [this] { convertDocument(ConvertDirection::ToIstio); });
    toIstio->setObjectName(QStringLiteral("actionConvertToIstio"));
    toIstio->setProperty("source", QByteArray(QT_TR_NOOP("Convert to &Istio Classic API…")));

    QMenu *help = addTranslatedMenu(menuBar(), QT_TR_NOOP("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    help->addAction(m_aboutAction);

    QToolBar *main = addTranslatedToolBar(QT_TR_NOOP("Main"));
    main->setObjectName(QStringLiteral("mainToolBar"));
    main->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    main->addAction(m_newAction);
    main->addAction(m_openAction);
    main->addAction(m_saveAction);
    main->addAction(m_exportAction);
    main->addSeparator();
    main->addAction(m_undoAction);
    main->addAction(m_redoAction);
    main->addAction(m_deleteAction);
    // Undo and Redo carry the step's description in their text: icons only here, the text is the tooltip.
    for (QAction *action : {m_undoAction, m_redoAction})
        if (auto *button = qobject_cast<QToolButton *>(main->widgetForAction(action)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);

    QToolBar *create = addTranslatedToolBar(QT_TR_NOOP("Create"));
    create->setObjectName(QStringLiteral("createToolBar"));
    create->setToolButtonStyle(Qt::ToolButtonIconOnly);
    create->addActions(m_createActions);

    QToolBar *graph = addTranslatedToolBar(QT_TR_NOOP("Graph"));
    graph->setObjectName(QStringLiteral("graphToolBar"));

    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(240);
    m_search->setObjectName(QStringLiteral("graphFilter"));
    graph->addWidget(m_search);
    graph->addAction(m_zoomOutAction);
    graph->addAction(m_zoomInAction);
    graph->addAction(m_fitAction);
    graph->addAction(m_relayoutAction);
}

void MainWindow::createDocks()
{
    auto dock = [this](const char *title, const QString &name, QWidget *widget, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(tr(title), this);
        d->setProperty("titleSource", QByteArray(title));
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    QDockWidget *resources =
        dock(QT_TR_NOOP("Resources"), QStringLiteral("resourcesDock"), m_tree, Qt::LeftDockWidgetArea);
    QDockWidget *inspector =
        dock(QT_TR_NOOP("Inspector"), QStringLiteral("inspectorDock"), m_inspector, Qt::RightDockWidgetArea);
    QDockWidget *yaml = dock(QT_TR_NOOP("YAML"), QStringLiteral("yamlDock"), m_yaml, Qt::RightDockWidgetArea);
    QDockWidget *diagnostics = dock(QT_TR_NOOP("Diagnostics"), QStringLiteral("diagnosticsDock"),
                                    m_diagnostics, Qt::BottomDockWidgetArea);
    QDockWidget *history =
        dock(QT_TR_NOOP("Undo History"), QStringLiteral("historyDock"), m_history, Qt::BottomDockWidgetArea);
    tabifyDockWidget(diagnostics, history);
    diagnostics->raise();
    resizeDocks({resources}, {260}, Qt::Horizontal);
    resizeDocks({inspector, yaml}, {420, 420}, Qt::Horizontal);
    resizeDocks({inspector, yaml}, {330, 420}, Qt::Vertical);
    resizeDocks({diagnostics}, {170}, Qt::Vertical);

    QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("menuView"));
    for (QDockWidget *d : {resources, inspector, yaml, diagnostics, history})
        view->addAction(d->toggleViewAction());
}

QMenu *MainWindow::addTranslatedMenu(QWidget *parent, const char *title)
{
    QMenu *menu = nullptr;
    if (auto *bar = qobject_cast<QMenuBar *>(parent))
        menu = bar->addMenu(tr(title));
    else
        menu = static_cast<QMenu *>(parent)->addMenu(tr(title));
    menu->menuAction()->setProperty("source", QByteArray(title));
    return menu;
}

QToolBar *MainWindow::addTranslatedToolBar(const char *title)
{
    QToolBar *bar = addToolBar(tr(title));
    bar->setProperty("titleSource", QByteArray(title));
    return bar;
}

void MainWindow::retranslate()
{
    for (QAction *action : findChildren<QAction *>()) {
        const QByteArray source = action->property("source").toByteArray();
        if (!source.isEmpty())
            action->setText(tr(source.constData()));
        const QByteArray tip = action->property("tooltipSource").toByteArray();
        if (!tip.isEmpty()) {
            const QString argument = action->property("tooltipArgument").toString();
            action->setToolTip(argument.isEmpty() ? tr(tip.constData()) : tr(tip.constData()).arg(argument));
        }
    }
    if (auto *samples = findChild<QMenu *>(QStringLiteral("menuSamples")))
        for (QAction *action : samples->actions())
            action->setText(startup::sampleTitle(action->data().toString()));
    for (QWidget *widget : findChildren<QWidget *>()) {
        const QByteArray title = widget->property("titleSource").toByteArray();
        if (!title.isEmpty())
            widget->setWindowTitle(tr(title.constData()));
    }
    m_search->setPlaceholderText(tr("Filter by name…"));
    m_history->setEmptyLabel(tr("<original document>"));
    m_zoomLabel->setText(tr("Zoom %1%").arg(qRound(m_view->zoom() * 100)));
    updateTargetLabel();
    updateUndoTexts();
    updateTitle();
}

void MainWindow::updateTargetLabel()
{
    m_targetLabel->setText(targetSummary(m_document->gatewayApiTarget()));
    m_targetLabel->setToolTip(targetDetails(m_document->gatewayApiTarget()));
}

void MainWindow::updateUndoTexts()
{
    const QUndoStack *stack = m_document->undoStack();
    m_undoAction->setText(stack->undoText().isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(stack->undoText()));
    m_redoAction->setText(stack->redoText().isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(stack->redoText()));
    m_undoAction->setToolTip(m_undoAction->text().remove(QLatin1Char('&')));
    m_redoAction->setToolTip(m_redoAction->text().remove(QLatin1Char('&')));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_document->invalidateDerived(); // node subtitles and tooltips are translated text
        refreshGraph();
    }
    QMainWindow::changeEvent(event);
}

// ------------------------------------------------------------------ document

void MainWindow::refreshGraph()
{
    // The scene restores its selection after the rebuild: the Selection, already showing it, stays.
    m_scene->setGraph(*m_document->graphModel(), m_document->positions());
    m_scene->setFilter(m_search->text().trimmed());
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Meshroute Studio").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

bool MainWindow::openPaths(const QStringList &paths)
{
    return m_files->openPaths(paths);
}

bool MainWindow::isOpening() const
{
    return m_files->isOpening();
}

bool MainWindow::saveDocument()
{
    return m_files->save();
}

bool MainWindow::saveDocumentAs(const QString &path)
{
    return m_files->saveAs(path);
}

void MainWindow::restoreRecovery(const RecoveredDocument &recovered)
{
    m_files->restoreRecovery(recovered);
}

bool MainWindow::autosave()
{
    return m_files->autosave();
}

void MainWindow::startUp()
{
    m_files->startUp();
}

// ------------------------------------------------------------------ selection

void MainWindow::selectNode(const QString &id)
{
    m_scene->selectNodes({id});
    m_view->centreOn(id);
}

void MainWindow::selectResource(int index)
{
    m_selection->setResource(m_scene->graph(), index);
    if (!m_selection->nodes().isEmpty())
        m_view->centreOn(m_selection->nodes().front());
}

void MainWindow::onSceneSelectionChanged()
{
    QVector<GraphEdge> edges;
    for (QGraphicsItem *item : m_scene->selectedItems())
        if (item->type() == EdgeItem::Type)
            edges.push_back(static_cast<EdgeItem *>(item)->edge());
    m_selection->setGraphSelection(m_scene->graph(), m_scene->selectedNodeIds(), edges);
}

void MainWindow::showSelection()
{
    // Every view shows the one selection; a view showing what it already shows changes nothing.
    m_scene->showSelection(m_selection->nodes(), m_selection->edges());
    const int resource = m_selection->resource();
    switch (m_selection->focus()) {
    case Selection::Focus::None:
        m_tree->selectResource(-1);
        m_inspector->clear();
        m_yaml->showDocument(); // nothing selected: the YAML of the whole document
        break;
    case Selection::Focus::Node:
        if (const GraphNode *node = m_scene->graph().node(m_selection->nodes().front()))
            m_inspector->inspectNode(*node);
        if (resource >= 0) {
            m_tree->selectResource(resource);
            m_yaml->showResource(resource);
        }
        break;
    case Selection::Focus::Resource:
        m_tree->selectResource(resource);
        m_inspector->inspectResource(resource);
        m_yaml->showResource(resource);
        break;
    case Selection::Focus::Route:
        m_inspector->inspectRoute(m_selection->route());
        break;
    case Selection::Focus::Several:
        break;
    }
}

void MainWindow::onDiagnosticActivated(const Diagnostic &diagnostic)
{
    const int index = m_document->resourceOfDiagnostic(diagnostic);
    if (index < 0)
        return;
    selectResource(index);
    const int line = m_document->lineInYaml(static_cast<std::size_t>(index), diagnostic.position.line);
    if (line > 0)
        m_yaml->goToLine(line);
}

// ------------------------------------------------------------------ editing

void MainWindow::applyEdit(const edits::Change &change)
{
    const int added = m_document->apply(change);
    if (const edits::RouteRef route = change.routeAfter(added); route.resource >= 0) {
        const QString id = m_scene->graph().nodeOfRoute(route);
        if (!id.isEmpty())
            selectNode(id);
    } else if (change.selectAdded && added >= 0) {
        selectResource(added);
    }
}

void MainWindow::connectNodes(const QString &fromNode, int fromSocket, const QString &toNode, int toSocket)
{
    const GraphNode *from = m_scene->graph().node(fromNode);
    const GraphNode *to = m_scene->graph().node(toNode);
    if (from && to)
        applyEdit(edits::connectNodes(m_document->set(), *from, fromSocket, *to, toSocket));
}

void MainWindow::onEdgeActivated(const GraphEdge &edge)
{
    // Edit the weight in place: a spin box over the edge's label.
    const std::optional<edits::WeightTarget> target = edits::weightTargetOf(m_scene->graph(), edge);
    EdgeItem *item = m_scene->edgeItem(edge.from, edge.to, edge.destination);
    if (!target || !item)
        return;
    const QPointF at =
        item->labelRect().isNull() ? item->boundingRect().center() : item->labelRect().center();
    m_view->editPercentAt(at, target->current, tr("Share of new connections; Enter applies, Escape cancels"),
                          [this, target = *target](int weight) {
                              applyEdit(edits::setWeight(m_document->set(), target, weight));
                          });
}

void MainWindow::deleteSelection()
{
    edits::DeleteTarget target =
        edits::deleteTargetOf(m_scene->graph(), m_selection->nodes(), m_selection->edges());
    if (target.isEmpty() && m_selection->focus() == Selection::Focus::Resource)
        target.resources.push_back(m_selection->resource());
    const edits::Deletion deletion = edits::deleteItems(m_document->set(), target);
    if (deletion.change.isEmpty() ||
        QMessageBox::question(this, tr("Delete"), deletion.question, QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    applyEdit(deletion.change);
}

void MainWindow::rename()
{
    const int index = m_selection->focus() == Selection::Focus::Several ? -1 : m_selection->resource();
    const ResourceSet &set = m_document->set();
    if (index < 0 || index >= static_cast<int>(set.resources.size()))
        return;
    const Resource &resource = set.resources[static_cast<std::size_t>(index)];
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename"),
                              tr("New name of %1:").arg(q(resource.displayName(set.defaultNamespace))),
                              QLineEdit::Normal, q(resource.name), &ok)
            .trimmed();
    if (ok)
        applyEdit(edits::rename(set, index, name.toStdString()));
}

void MainWindow::createResource(Kind kind)
{
    std::string selectedHost;
    for (const QString &id : m_selection->nodes())
        if (const GraphNode *n = m_scene->graph().node(id); n && n->kind == NodeKind::Destination)
            selectedHost = n->host.toStdString();
    applyEdit(edits::createResource(m_document->set(), kind, selectedHost));
}

void MainWindow::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    const QPointF scenePos = m_view->mapToScene(pos);
    NodeItem *nodeItem = nullptr;
    for (QGraphicsItem *item : m_scene->items(scenePos))
        if (item->type() == NodeItem::Type) {
            nodeItem = static_cast<NodeItem *>(item);
            break;
        }
    if (nodeItem) {
        if (!nodeItem->isSelected())
            m_scene->selectNodes({nodeItem->id()});
        const GraphNode node = nodeItem->node();
        const ResourceSet &set = m_document->set();
        if (node.kind == NodeKind::Gateway)
            menu.addAction(tr("Add Port"), this,
                           [this, node] { applyEdit(edits::addPort(m_document->set(), node.resource)); });
        for (int index : node.resources)
            if (set.resources[static_cast<std::size_t>(index)].kind == Kind::DestinationRule)
                menu.addAction(
                    tr("Add Subset to %1").arg(q(set.resources[static_cast<std::size_t>(index)].name)), this,
                    [this, index] { applyEdit(edits::addSubset(m_document->set(), index)); });
        if (node.resource >= 0)
            menu.addAction(tr("Show YAML"), this, [this, node] {
                m_yaml->showResource(node.resource);
                m_yaml->editor()->setFocus();
            });
        menu.addSeparator();
        menu.addAction(m_renameAction);
        menu.addAction(m_deleteAction);
    } else {
        menu.addActions(m_createActions);
        menu.addSeparator();
        menu.addAction(m_fitAction);
        menu.addAction(m_relayoutAction);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

Fix MainWindow::fixFor(const Diagnostic &diagnostic) const
{
    return studio::fixFor(*m_document, diagnostic);
}

// ------------------------------------------------------------------ conversion, samples

bool MainWindow::convertDocument(ConvertDirection direction)
{
    if (!m_yaml->apply())
        return false; // the YAML pane holds an edit that does not parse: convert what is shown, or nothing
    ConvertDialog dialog(m_document->set(), direction, m_document->gatewayApiTarget(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return applyConversion(dialog.conversion(), direction, dialog.outcome());
}

bool MainWindow::applyConversion(const gatewayapi::Conversion &conversion, ConvertDirection direction,
                                 ConvertDialog::Outcome outcome)
{
    const QString text = direction == ConvertDirection::ToGatewayApi ? tr("Convert to Gateway API")
                                                                     : tr("Convert to Istio Classic API");
    switch (outcome) {
    case ConvertDialog::Outcome::Replace: {
        const std::size_t steps = static_cast<std::size_t>(m_document->undoStack()->count());
        bool parsed = true;
        m_document->editSet(text,
                            [&](ResourceSet &after) { parsed = studio::applyConversion(after, conversion); });
        return parsed && static_cast<std::size_t>(m_document->undoStack()->count()) > steps;
    }
    case ConvertDialog::Outcome::NewDocument:
        if (!m_files->maybeSave())
            return false;
        m_document->restore({{QString(), QString::fromStdString(conversion.yaml())}});
        return true;
    case ConvertDialog::Outcome::SavedToFile:
    case ConvertDialog::Outcome::Cancelled:
        break;
    }
    return false;
}

bool MainWindow::openSample(const QString &name)
{
    if (!m_files->maybeSave())
        return false;
    const QString folder = startup::sampleCopy(name);
    if (folder.isEmpty()) {
        QMessageBox::warning(this, tr("Open Sample"),
                             tr("Could not copy the sample %1 to a writable folder.").arg(name));
        return false;
    }
    return m_files->openPaths({folder});
}

// ------------------------------------------------------------------ preferences, window

void MainWindow::applyPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance())) {
        applyTheme(*app, preferences.theme);
        const bool dark = isDarkTheme(*app);
        m_scene->setDarkTheme(dark);
        m_yaml->setDarkTheme(dark);
    }
    setAutosaveInterval(preferences.autosaveSeconds);
    m_traffic->setGatewayOptions(preferences.bindAddress, preferences.portOffset);
}

void MainWindow::setAutosaveInterval(int seconds)
{
    m_autosave->stop();
    if (seconds > 0)
        m_autosave->start(seconds * 1000);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_preferences, this);
    dialog.setIngressChoice(m_document->ingressChoice());
    dialog.setGatewayApiTarget(m_document->gatewayApiTarget());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_document->setIngressChoice(dialog.ingressChoice());
    m_document->setGatewayApiTarget(dialog.gatewayApiTarget());
    const Preferences chosen = dialog.preferences();
    const bool languageChanged = chosen.language != m_preferences.language;
    chosen.save();
    applyPreferences(chosen);
    if (languageChanged)
        if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
            installTranslation(*app, chosen.language); // every window follows through LanguageChange
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Meshroute Studio"),
        tr("<h3>Meshroute Studio %1</h3><p>A desktop console for Istio ingress routing of TCP traffic: "
           "edit gateways, routes and subsets as a graph, check them as you go, and export YAML that "
           "<tt>kubectl apply</tt> accepts.</p>")
            .arg(QStringLiteral(MESHROUTE_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_yaml->apply() &&
        QMessageBox::question(this, tr("Discard YAML edit?"),
                              tr("The YAML pane holds an edit that is not valid. Close anyway?")) !=
            QMessageBox::Yes) {
        event->ignore();
        return;
    }
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(settingsKeys::geometry, saveGeometry());
    settings.setValue(settingsKeys::state, saveState());
    Recovery::discard();
    m_traffic->stop(); // the window goes: so do the gateway's listeners and connections
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty() || !m_files->maybeSave())
        return;
    event->acceptProposedAction();
    m_files->openPaths(paths);
}

} // namespace meshroute::studio
