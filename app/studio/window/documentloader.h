#pragma once

// Reads a document on a worker thread (load, parse and analysis: Document::read, which touches
// no Qt object) and hands the result to the GUI thread by a queued signal, so that a large open
// keeps the window responsive. Starting another read cancels the one under way: its result is
// dropped (the worker stops before analysis when it can).

#include "document/document.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace meshroute::studio {

class DocumentLoader : public QObject
{
    Q_OBJECT

public:
    explicit DocumentLoader(QObject *parent = nullptr);
    // Waits for a worker still running (its result is dropped).
    ~DocumentLoader() override;

    void start(const QStringList &paths);
    void cancel();
    bool isLoading() const { return m_job != nullptr; }
    // A worker still runs (a cancelled one included).
    bool hasWorkers() const { return m_job || !m_stale.empty(); }
    QStringList paths() const { return m_paths; }

signals:
    void started(const QStringList &paths);
    // In the GUI thread, for the read started last (never for a cancelled one).
    void finished(const std::shared_ptr<meshroute::studio::LoadedDocument> &loaded);
    void cancelled();

private:
    struct Job
    {
        QThread *thread = nullptr;
        std::atomic<bool> cancelled{false};
        std::shared_ptr<LoadedDocument> result = std::make_shared<LoadedDocument>();
    };
    void onJobFinished(const std::shared_ptr<Job> &job);
    bool drop(); // cancel() without its signal; false when nothing was under way

    std::shared_ptr<Job> m_job;                // the read whose result is wanted
    std::vector<std::shared_ptr<Job>> m_stale; // cancelled reads still running
    QStringList m_paths;
};

} // namespace meshroute::studio
