import Testing
@testable import TandemCore

/// The stored sort key folds case and accents for every reader alike: "ñ" sorts with "n", as Business
/// Central's default accent-insensitive collation compares them (see docs/architecture.md, Sorting).
@Suite struct SortKeyTests {
    @Test func ñSortsWithNForEveryLanguage() {
        let names = ["Nuvola", "Nuño", "Ñandú", "Nunez", "Núñez"]
        for language in Language.allCases {
            let keys = Language.$override.withValue(language) {
                names.map { ListKey(sortKey: TableSchema.sortKey(forName: $0), id: RecordID("id-" + $0)) }
            }
            let byKey = Dictionary(uniqueKeysWithValues: zip(keys.map(\.id), names))
            #expect(keys.sorted(by: ListKey.sortsBefore).compactMap { byKey[$0.id] } == ["Ñandú", "Nunez", "Núñez", "Nuño", "Nuvola"], "\(language)")
        }
        #expect(TableSchema.sortKey(forName: "Núñez") == TableSchema.sortKey(forName: "NUNEZ"))
        #expect(TableSchema.sortKey(forName: "Ñandú") == "nandu")
    }
}
