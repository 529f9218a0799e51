#include "support/atomicfile.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace meshroute {

namespace {

std::string systemError(const std::string &what, const std::string &path, int error)
{
    return what + " " + path + ": " + std::strerror(error);
}

std::string megabytes(std::size_t bytes)
{
    const std::size_t tenths = (bytes * 10 + (1u << 19)) >> 20;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10); // MB
}

bool writeAll(int fd, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// The file a symbolic link points to, so that saving through a link updates its target.
std::string resolveLinks(const std::string &path)
{
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode))
        return path;
    char resolved[PATH_MAX];
    if (::realpath(path.c_str(), resolved) == nullptr)
        return path;
    return resolved;
}

std::string folderOf(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return path.substr(0, slash);
}

std::string nameOf(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

bool writeFileAtomically(const std::string &path, const std::string &contents, std::string &error)
{
    error.clear();
    if (path.empty()) {
        error = "cannot save: no file name";
        return false;
    }
    const std::string target = resolveLinks(path);
    struct stat existing;
    const bool exists = ::stat(target.c_str(), &existing) == 0;
    if (exists && !S_ISREG(existing.st_mode)) {
        error = "cannot save " + path + ": " +
                (S_ISDIR(existing.st_mode) ? "it is a folder" : "not a regular file");
        return false;
    }

    const std::string folder = folderOf(target);
    std::random_device entropy;
    std::mt19937_64 random(entropy());
    std::string temporary;
    int fd = -1;
    for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        char suffix[17];
        std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(random()));
        temporary = folder + "/." + nameOf(target) + ".tmp-" + suffix;
        // 0666 lets the umask decide, as for any newly created file.
        fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST) {
            error = systemError("cannot create a temporary file in", folder, errno);
            return false;
        }
    }
    if (fd < 0) {
        error = "cannot create a temporary file in " + folder;
        return false;
    }

    auto fail = [&](const std::string &what) {
        const int saved = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        error = systemError(what, temporary, saved);
        return false;
    };
    if (exists && ::fchmod(fd, existing.st_mode & 07777) != 0)
        return fail("cannot set the permissions of");
    if (!writeAll(fd, contents.data(), contents.size()))
        return fail("cannot write");
    if (::fsync(fd) != 0)
        return fail("cannot flush");
    if (::close(fd) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        error = systemError("cannot close", temporary, saved);
        return false;
    }
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        error = systemError("cannot replace", path, saved);
        return false;
    }
    // Make the rename itself durable.
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

bool readFile(const std::string &path, std::string &contents, Message &error, std::size_t maxBytes)
{
    contents.clear();
    error = {};
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = Message{"file-cannot-open", {path, std::strerror(errno)}};
        return false;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0) {
        error = Message{"file-cannot-read", {path, std::strerror(errno)}};
        ::close(fd);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        error = Message{"file-is-folder", {path}};
        ::close(fd);
        return false;
    }
    const auto tooLarge = [&](const std::string &size) {
        error = size.empty() ? Message{"stream-too-large", {path, megabytes(maxBytes)}}
                             : Message{"file-too-large", {path, size, megabytes(maxBytes)}};
        ::close(fd);
        return false;
    };
    // Regular files are refused by their size before a byte is read; pipes are read up to the limit.
    if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > maxBytes)
        return tooLarge(megabytes(static_cast<std::size_t>(st.st_size)));
    if (S_ISREG(st.st_mode))
        contents.reserve(static_cast<std::size_t>(st.st_size));

    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error = Message{"file-cannot-read", {path, std::strerror(errno)}};
            ::close(fd);
            contents.clear();
            return false;
        }
        if (n == 0)
            break;
        if (contents.size() + static_cast<std::size_t>(n) > maxBytes) {
            contents.clear();
            contents.shrink_to_fit();
            return tooLarge("");
        }
        contents.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return true;
}

bool readFile(const std::string &path, std::string &contents, std::string &error, std::size_t maxBytes)
{
    Message message;
    const bool ok = readFile(path, contents, message, maxBytes);
    error = ok ? std::string() : render(message);
    return ok;
}

} // namespace meshroute
