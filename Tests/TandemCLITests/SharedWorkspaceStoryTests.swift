import Foundation
import Testing
import TandemTestSupport

/// One story told through the command line to a folder workspace and to a shared one on PostgreSQL:
/// every command prints the same (ids, times and the workspace's name aside) and ends in the same state.
@Suite struct SharedWorkspaceStoryTests {
    static let story: [[String]] = [
        ["init"],
        ["list", "customers", "--limit", "8"],
        ["list", "accounts", "--filter", "adatum"],
        ["couple", "C01600", "--crm", "Fourth Coffee London"],
        ["set", "C01600", "City=Potsdam"],
        ["sync", "C01600", "C00210", "C00260", "C00310", "C00370", "--direction", "to-crm", "--preview"],
        ["sync", "C01600", "C00210", "C00260", "C00310", "C00370", "--direction", "to-crm"],
        ["sync", "C00320", "--direction", "merge", "--prefer", "crm"],
        ["match", "--on", "Name,E-Mail@1", "--create-new"],
        ["sync", "--all", "--direction", "to-crm"],
        ["sync", "--modified", "--direction", "to-crm"],
        ["show", "C01600"],
        ["errors"],
        ["undo", "5", "--yes"],
        ["list", "customers", "--uncoupled"],
        ["export", "crm", "account", "EXPORT"],
        ["import", "crm", "account", "EXPORT"],
        ["mappings"],
    ]

    /// What a run printed, with what differs by nature between two workspaces taken out.
    static func normalized(_ text: String, workspace: String, export: String) -> String {
        var text = text.replacingOccurrences(of: workspace, with: "WORKSPACE").replacingOccurrences(of: export, with: "EXPORT")
        for (pattern, replacement) in [("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "ID"),
                                       ("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z", "TIME")] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    @Test(.enabled(if: TemporaryPostgresDatabase.serverURL != nil))
    func theSameStoryOnAFolderAndOnPostgreSQLPrintsTheSameAndEndsTheSame() throws {
        let folder = try WorkspacePlace(.folder), shared = try WorkspacePlace(.postgres)
        defer { folder.remove(); shared.remove() }
        let folderName = folder.cli.workspace, sharedName = try #require(shared.database?.url)
        for step in Self.story {
            var printed: [String] = []
            for (place, name) in [(folder, folderName), (shared, sharedName)] {
                let export = place.file("accounts.csv")
                let run = try place.run(step.map { $0 == "EXPORT" ? export : $0 })
                printed.append("\(run.status)\n" + Self.normalized(run.out + run.err, workspace: name, export: export))
            }
            #expect(printed[0] == printed[1], "tandem \(step.joined(separator: " ")): folder\n\(printed[0])\nPostgreSQL\n\(printed[1])")
        }
        let ends = try [folder, shared].map { place in
            try ["customers", "accounts", "contacts", "crm-contacts"].map { list in
                try place.records(list).map { record in
                    let fields = (record["fields"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                    return Self.normalized("\(record["number"] ?? "") \(fields) \(record["status"] ?? "")", workspace: "-", export: "-")
                }.sorted()
            }
        }
        #expect(ends[0] == ends[1])
    }
}
