import Foundation
import TandemSQLite

/// Makes a workspace, or replaces one (`init --force`, `generate --force`) without risking it: the
/// new workspace is built in a folder beside the old one and swapped in only once it is complete, so
/// a failure while building (a bad sample file, a full disk) leaves the old workspace as it was and
/// no half-built folder behind.
enum WorkspaceReplacement {
    /// Runs `build` on the folder to fill (the workspace's own, or a staging folder), returning its result.
    static func make<Result>(at folder: String, replacing: Bool, _ build: (String) throws -> Result) throws -> Result {
        guard replacing else { return try build(folder) }
        let staging = folder + ".new-\(UUID().uuidString)"
        let result: Result
        do {
            result = try build(staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        try SQLiteWorkspace.remove(at: folder)
        // A database moves with its WAL, should one be left.
        for (built, target) in zip(SQLiteWorkspace.files(in: staging), SQLiteWorkspace.files(in: folder))
        where FileManager.default.fileExists(atPath: built) {
            try FileManager.default.moveItem(atPath: built, toPath: target)
        }
        try FileManager.default.removeItem(atPath: staging)
        return result
    }
}
