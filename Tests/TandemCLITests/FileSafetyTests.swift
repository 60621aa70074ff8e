import Foundation
import GRDB
import Testing
import TandemTestSupport

/// Files are never destroyed: exports replace atomically and refuse the workspace's own files and
/// special files; a corrupt database is named and left alone; a read-only workspace can be read.
@Suite(.serialized) struct FileSafetyTests {
    static let databaseNames = ["erp.sqlite", "crm.sqlite", "workspace.sqlite"]

    func databases(_ cli: CLIHarness) -> [String] {
        Self.databaseNames.map { (cli.workspace as NSString).appendingPathComponent($0) }
    }

    /// Temporary files an export left in a folder.
    func leftovers(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tandem-") }
    }

    @Test func exportRefusesTheWorkspacesOwnFilesAndAnythingNotARegularFile() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let files = databases(cli)
        let before = FileState.of(files)
        let target = try cli.folder.write("target.csv", "keep me\n")
        let link = cli.folder.file("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let hardLink = cli.folder.file("hard-link.csv")
        try FileManager.default.linkItem(atPath: files[2], toPath: hardLink)
        let fifo = cli.folder.file("fifo")
        #expect(mkfifo(fifo, 0o644) == 0)
        let destinations: [(String, String)] = [
            (files[0], "workspace's own database files"),
            (files[1] + "-wal", "workspace's own database files"),
            (cli.folder.file("workspace/../workspace/workspace.sqlite-shm"), "workspace's own database files"),
            (hardLink, "workspace's own database files"),
            (link, "is a symbolic link"),
            ("/dev/null", "is a device"),
            (fifo, "is a FIFO"),
            (cli.folder.path, "is a folder"),
        ]
        for (destination, reason) in destinations {
            let result = try cli.run("export", "erp", "customers", destination)
            #expect(result.status == 1, "\(destination)")
            #expect(result.err.contains(destination) && result.err.contains(reason) && result.err.contains("nothing was written"),
                    "\(result.err)")
        }
        #expect(FileState.of(files) == before)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        // SQLite's read-only connections may leave an empty WAL; it must not hold the export.
        #expect(FileState(files[1] + "-wal").bytes.isEmpty)
        #expect(try leftovers(in: cli.folder.path).isEmpty && leftovers(in: cli.workspace).isEmpty)
    }

    @Test func exportReplacesAFileWholeAndDashIsStandardOutput() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let file = try cli.folder.write("customers.csv", "old\n")
        let exported = try cli.run("export", "erp", "customers", file)
        #expect(exported.status == 0 && exported.out.contains("Exported 160 records"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("id,modifiedAt,No.,Name") && text.split(separator: "\n").count == 161)
        #expect(try leftovers(in: cli.folder.path).isEmpty)
        let piped = try cli.run("export", "erp", "customers", "-")
        #expect(piped.status == 0 && piped.out == text)
        #expect(piped.err.contains("Exported 160 records of Customer to -."))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.file("-")))
    }

    @Test func aFailedExportIsReportedAndLeavesNothingBehind() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let full = try cli.run(["export", "erp", "customers", "-"], standardOutput: "/dev/full")
        #expect(full.status == 1 && full.err.contains("standard output could not be written (No space left on device)"))
        let missing = cli.folder.file("no-such-folder/customers.csv")
        let unwritable = try cli.run("export", "erp", "customers", missing)
        #expect(unwritable.status == 1 && unwritable.err.contains(missing) && unwritable.err.contains("could not be written"))
        #expect(try leftovers(in: cli.folder.path).isEmpty)
    }

    /// A generated workspace whose erp.sqlite has a page of garbage among the Customer table's leaves
    /// (found with SQLite's `dbstat`, so the file's indexes cannot move it): the one nearest the middle
    /// that the list's first page does not read, tried leaf by leaf and put back when it does.
    func corruptWorkspace(_ cli: CLIHarness) throws -> String {
        #expect(try cli.run("generate", "--customers", "2000", "--contacts", "500").status == 0)
        let erp = databases(cli)[0]
        var readOnly = Configuration()
        readOnly.readonly = true
        let leaves = try DatabaseQueue(path: erp, configuration: readOnly).read { db in
            try Int.fetchAll(db, sql: "SELECT pageno FROM dbstat WHERE name = 'Customer' AND pagetype = 'leaf' ORDER BY path")
        }
        let middleOut = leaves.indices.sorted { abs($0 - leaves.count / 2) < abs($1 - leaves.count / 2) }.map { leaves[$0] }
        for page in middleOut {
            let handle = try #require(FileHandle(forUpdatingAtPath: erp))
            try handle.seek(toOffset: UInt64((page - 1) * 4096))
            let original = try handle.read(upToCount: 4096) ?? Data()
            try handle.seek(toOffset: UInt64((page - 1) * 4096))
            try handle.write(contentsOf: Data(repeating: 0xDE, count: 4096))
            if try cli.run("list", "customers").status == 0 {
                try handle.close()
                return erp
            }
            try handle.seek(toOffset: UInt64((page - 1) * 4096))
            try handle.write(contentsOf: original)
            try handle.close()
        }
        Issue.record("every Customer leaf is read by the list's first page")
        return erp
    }

    @Test func aCorruptPageIsReportedWithThePathAndTheFileIsNeverWritten() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        let erp = try corruptWorkspace(cli)
        let before = FileState(erp)
        let file = try cli.folder.write("customers.csv", "old\n")
        #expect(try cli.run("list", "customers").status == 0)
        for arguments in [["export", "erp", "customers", file], ["export", "erp", "customers", "-"],
                          ["sync", "--all", "--direction", "from-crm"], ["sync", "--all", "--direction", "from-crm", "--preview"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.err.contains("\(erp) is corrupt"), "\(arguments): \(result.err)")
        }
        #expect(FileState(erp) == before)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "old\n")
        #expect(try leftovers(in: cli.folder.path).isEmpty)
    }

    @Test func replacingAWorkspaceBuildsTheNewOneBesideItFirst() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let files = databases(cli)
        let before = FileState.of(files)
        let badSample = cli.folder.file("bad-sample")
        try FileManager.default.copyItem(atPath: sampleDataFolder(), toPath: badSample)
        try "id,modifiedAt,No.,Name\nnot-a-uuid,2026-01-01T00:00:00Z,C1,X\n"
            .write(toFile: (badSample as NSString).appendingPathComponent("erp-customers.csv"), atomically: true, encoding: .utf8)
        let failed = try cli.run("init", "--force", "--yes", "--sample", badSample)
        #expect(failed.status == 1)
        #expect(FileState.of(files).map(\.bytes) == before.map(\.bytes))
        let generated = try cli.run("generate", "--customers", "20", "--force", "--yes")
        #expect(generated.status == 0 && generated.out.contains("Generated 20 customers"))
        #expect(try cli.run("list", "customers").err.contains("20 of 20 customers"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).allSatisfy { !$0.contains(".new-") })
    }

    /// Every command that only reads, after a sync so that there are jobs and errors to show.
    static let readingCommands: [[String]] = [
        ["list", "customers"], ["list", "accounts", "--json"], ["show", "C00010"], ["jobs"], ["job", "1"], ["errors"],
        ["mappings"], ["export", "erp", "customers", "-"], ["sync", "C00010", "--direction", "to-crm", "--preview"],
    ]

    @Test func readingCommandsLeaveTheFilesBytesAndTimesAsTheyWere() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        let files = databases(cli)
        let before = FileState.of(files)
        for arguments in Self.readingCommands {
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.err)")
        }
        #expect(FileState.of(files) == before)
    }

    static let isRoot = getuid() == 0
    static let canDropPrivileges = isRoot && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    static let canMountReadOnly: Bool = {
        guard isRoot, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        probe.arguments = ["-m", "sh", "-c", "mount --bind / /mnt && mount -o remount,bind,ro /mnt"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    /// Reading works on a workspace that cannot be written, writing is refused naming the file, an
    /// export into its folder fails cleanly, and no file changes.
    func checkReadOnly(_ cli: CLIHarness, wrapper: [String]) throws {
        let files = databases(cli)
        let before = FileState.of(files)
        for arguments in Self.readingCommands {
            let result = try cli.run(arguments, wrapper: wrapper)
            #expect(result.status == 0, "\(arguments): \(result.err)")
        }
        let set = try cli.run(["set", "C00010", "City=Potsdam"], wrapper: wrapper)
        #expect(set.status == 1 && set.err.contains("\(files[0]) cannot be written"), "\(set.err)")
        let inside = (cli.workspace as NSString).appendingPathComponent("customers.csv")
        let export = try cli.run(["export", "erp", "customers", inside], wrapper: wrapper)
        #expect(export.status == 1 && export.err.contains("\(inside) could not be written"), "\(export.err)")
        #expect(!FileManager.default.fileExists(atPath: inside))
        #expect(try leftovers(in: cli.workspace).isEmpty)
        #expect(FileState.of(files) == before)
    }

    @Test(.enabled(if: canDropPrivileges, "needs root and setpriv to run the binary as nobody"))
    func aWorkspaceWithoutWritePermissionCanBeReadAsAnotherUser() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        for file in databases(cli) { try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file) }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: cli.workspace)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.workspace) }
        try checkReadOnly(cli, wrapper: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
    }

    @Test(.enabled(if: canMountReadOnly, "needs root and unshare to bind-mount the workspace read-only"))
    func aWorkspaceOnAReadOnlyMountCanBeRead() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        let mount = "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\""
        try checkReadOnly(cli, wrapper: ["/usr/bin/unshare", "-m", "sh", "-c", mount, cli.workspace])
    }
}
