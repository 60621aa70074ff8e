import Foundation
import TandemCore
import TandemSQLite
import TandemTestSupport
import TandemViewModel

/// A view model over a fresh workspace made from `sample-data/`, with effects run inline.
struct Harness {
    let folder: TemporaryFolder
    let opened: SQLiteWorkspace
    let model: ViewModel

    init(size: Size = Size(width: 80, height: 24)) throws {
        folder = TemporaryFolder("tandem-vm")
        opened = try SampleDataLoader.load(from: sampleDataFolder(), into: folder.file("workspace")).0
        model = ViewModel.immediate(workspace: opened.workspace, size: size, workspaceName: "sample", timeZone: Self.zone)
        model.send(.start)
    }

    /// A view model over a generated workspace of `customers` customers.
    init(generated customers: Int, size: Size = Size(width: 80, height: 24)) throws {
        folder = TemporaryFolder("tandem-vm")
        opened = try WorkspaceGenerator(customers: customers).generate(into: folder.file("workspace")).0
        model = ViewModel.immediate(workspace: opened.workspace, size: size, workspaceName: "generated", timeZone: Self.zone)
        model.send(.start)
    }

    /// Golden frames show times in one fixed zone (Central European here), whatever the machine's.
    static let zone = TimeZone(identifier: "Europe/Berlin") ?? .current

    var state: AppState { model.state }
    var page: ListPageState { model.state.currentPage }
    func pane(_ side: Side) -> PaneState { page[side] }

    /// The focused pane's cursor row, by name field.
    func cursorName(_ side: Side = .erp) -> String? {
        pane(side).currentRow.map { $0[side == .erp ? "Name" : (state.page == .customers ? "name" : "fullname")] }
    }

    func remove() { folder.remove() }
}
