import Testing
import TandemCore
@testable import TandemViewModel

/// The coupling dialog's lookups as effects, through the reducer alone: typing asks for one debounced
/// search that replaces the previous one, and closing the dialog cancels what it still has in flight.
@Suite struct CouplingDialogEffectTests {
    static let erpID = RecordID("00000000-0000-4000-8000-000000000001")
    static let crmID = RecordID("00000000-0000-4000-8000-000000000002")

    func store() -> TestStore {
        var state = AppState(size: Size(width: 80, height: 24), workspaceName: "test")
        state.modal = .coupling(CouplingDialog(page: .customers, erpID: Self.erpID, erpLabel: "C00010 Adatum"))
        return TestStore(state)
    }

    func search(_ text: String, _ generation: Int) -> Effect {
        .cancellable(.couplingSearch, debounce: Reducer.couplingSearchDebounce,
                     .resolveCRM(.customers, text: text, generation: generation))
    }

    func change(_ state: inout AppState, _ edit: (inout CouplingDialog) -> Void) {
        guard case .coupling(var dialog)? = state.modal else { return }
        edit(&dialog)
        state.modal = .coupling(dialog)
    }

    @Test func eachKeystrokeReplacesTheSearchInFlightAndTheAnswerAsksForTheComparison() {
        let store = store()
        store.send(.key(.character("A")), effects: [.cancel(.couplingComparison), search("A", 1)]) { state in
            change(&state) { $0.crmText = "A"; $0.searchGeneration = 1 }
        }
        store.send(.key(.character("d")), effects: [.cancel(.couplingComparison), search("Ad", 2)]) { state in
            change(&state) { $0.crmText = "Ad"; $0.searchGeneration = 2 }
        }
        // Only the newest search is in flight; its answer starts the comparison.
        #expect(store.inFlight == [search("Ad", 2)])
        let chosen = ChosenRecord(id: Self.crmID, label: "Adatum Corporation")
        let comparison = Effect.cancellable(.couplingComparison, .compare(.customers, erpID: Self.erpID, crmID: Self.crmID))
        store.receive(.crmResolved(generation: 2, chosen, error: nil), answering: search("Ad", 2), effects: [comparison]) { state in
            change(&state) { $0.crm = chosen }
        }
        store.receive(.comparisonLoaded([]), answering: comparison)
        store.finish()
    }

    @Test func closingTheDialogCancelsWhatItHasInFlight() {
        let store = store()
        store.send(.key(.character("A")), effects: [.cancel(.couplingComparison), search("A", 1)]) { state in
            change(&state) { $0.crmText = "A"; $0.searchGeneration = 1 }
        }
        store.send(.key(.escape), effects: EffectID.couplingDialog.map(Effect.cancel)) { state in
            state.modal = nil
        }
        store.finish()
    }

    @Test func emptyingTheTextCancelsTheSearch() {
        let store = store()
        store.send(.key(.character("A")), effects: [.cancel(.couplingComparison), search("A", 1)]) { state in
            change(&state) { $0.crmText = "A"; $0.searchGeneration = 1 }
        }
        store.send(.key(.backspace), effects: [.cancel(.couplingSearch), .cancel(.couplingComparison)]) { state in
            change(&state) { $0.crmText = ""; $0.searchGeneration = 2 }
        }
        store.finish()
    }
}
