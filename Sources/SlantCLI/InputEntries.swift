import Foundation
import SlantText

extension Inputs {
    /// Why an entry met while walking a directory cannot be scored, or nil when it can
    /// (or is not an article at all). Reported on stderr and skipped; the rest of the
    /// directory is still scored and the exit status is 2. Checked before anything
    /// opens the entry: opening a FIFO would wait for a writer for ever.
    static func unusableEntry(_ path: String) -> SlantTextError? {
        let isArticle = extensions.contains((path as NSString).pathExtension.lowercased())
        var link = stat()
        guard lstat(path, &link) == 0 else { return nil }
        var info = stat()
        if stat(path, &info) != 0 {
            // A symbolic link whose target is gone (or cannot be reached).
            return isArticle ? .unreadable(path: path, reason: "broken symbolic link (\(String(cString: strerror(errno))))") : nil
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            guard let dir = opendir(path) else {
                return .unreadable(path: path, reason: "directory cannot be listed: \(String(cString: strerror(errno)))")
            }
            closedir(dir)
            return nil
        case S_IFREG:
            return nil
        default:
            return isArticle ? .unreadable(path: path, reason: "not a regular file (a FIFO, socket or device)") : nil
        }
    }
}
