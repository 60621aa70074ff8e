import Testing
import TandemCore
import TandemViewModel

@Suite struct RefreshTests {
    func counts(_ effects: [Effect]) -> [Bool] {
        effects.compactMap { if case .loadRows(let request) = $0 { request.countTotal } else { nil } }
    }

    @Test func aWriteRecountsOnlyWhenRecordsCameOrWentOrAFilterIsOn() {
        var state = AppState(size: Size(width: 80, height: 24), workspaceName: "w")
        #expect(counts(Reducer.reduce(&state, .written(message: "City saved."))) == [false, false])
        #expect(counts(Reducer.reduce(&state, .written(message: "Created.", countsChanged: true))) == [true, true])
        state.pages[.customers]?.erp.filter = "ber"
        #expect(counts(Reducer.reduce(&state, .written(message: "City saved."))) == [true, false])
    }
}
