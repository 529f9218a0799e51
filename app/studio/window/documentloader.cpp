#include "window/documentloader.h"

#include <QThread>

#include <algorithm>

namespace meshroute::studio {

DocumentLoader::DocumentLoader(QObject *parent)
    : QObject(parent)
{}

DocumentLoader::~DocumentLoader()
{
    drop(); // no signal: the window is going
    for (const std::shared_ptr<Job> &job : m_stale) {
        job->thread->wait();
        delete job->thread;
    }
}

void DocumentLoader::start(const QStringList &paths)
{
    cancel();
    auto job = std::make_shared<Job>();
    // The worker reads into the job's own plain data; only the GUI thread touches the loader.
    Job *raw = job.get();
    job->thread = QThread::create([raw, paths] { *raw->result = Document::read(paths, &raw->cancelled); });
    // QThread::finished is emitted in the worker: the context object (this, in the GUI thread)
    // makes the connection queued, so the handler runs in the GUI thread.
    connect(job->thread, &QThread::finished, this, [this, job] { onJobFinished(job); });
    m_job = job;
    m_paths = paths;
    job->thread->start(QThread::LowPriority);
    emit started(paths);
}

void DocumentLoader::cancel()
{
    if (drop())
        emit cancelled();
}

bool DocumentLoader::drop()
{
    if (!m_job)
        return false;
    m_job->cancelled = true;
    m_stale.push_back(std::move(m_job));
    m_job.reset();
    m_paths.clear();
    return true;
}

void DocumentLoader::onJobFinished(const std::shared_ptr<Job> &job)
{
    job->thread->wait();
    delete job->thread;
    job->thread = nullptr;
    if (job != m_job) {
        m_stale.erase(std::remove(m_stale.begin(), m_stale.end(), job), m_stale.end());
        return;
    }
    m_job.reset();
    m_paths.clear();
    emit finished(job->result);
}

} // namespace meshroute::studio
