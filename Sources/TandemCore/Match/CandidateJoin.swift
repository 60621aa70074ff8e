/// The CRM side of the join: one compact index per priority group and set of non-empty ERP fields,
/// built on first use from a paged scan (so a group no record needs is never read), plus the
/// candidates this run took.
struct CandidateJoin {
    private let mapping: TableMapping
    private let table: any RecordSource
    private let groups: [[MatchCriterion]]
    private let store: any WorkspaceStore
    /// Built indexes by the CRM fields (and case flags) they key on; few, so a list.
    private var indexes: [(signature: [String], index: MatchIndex)] = []
    /// Candidates coupled during this run.
    private var taken = Set<CompactID>()

    enum Probe {
        case matched(RecordID, priority: Int)
        case unmatched(UnmatchedReason)
    }

    init(mapping: TableMapping, table: any RecordSource, groups: [[MatchCriterion]], store: any WorkspaceStore) {
        self.mapping = mapping
        self.table = table
        self.groups = groups
        self.store = store
    }

    /// The one uncoupled candidate for `record` with the priority that found it, or why there is none.
    mutating func match(_ record: Record) throws -> Probe {
        var reason: UnmatchedReason?
        var anyValue = false
        for group in groups {
            let present = group.filter { !FieldValue.normalizedText(record[$0.erpField]).isEmpty }
            guard !present.isEmpty else { continue }
            anyValue = true
            let erpFields = present.map { (field: $0.erpField, caseSensitive: $0.caseSensitive) }
            guard let key = MatchKey(record, fields: erpFields),
                  let bucket = try index(for: present).bucket(for: key, taken: taken) else { continue }
            if bucket.uncoupled.count == 1, let id = CompactID(bucket.uncoupled[0]) {
                taken.insert(id)
                return .matched(bucket.uncoupled[0], priority: group[0].priority)
            }
            if bucket.uncoupled.count > 1 {
                if case .ambiguous = reason {} else { reason = .ambiguous(candidates: bucket.uncoupled.count) }
            } else if reason == nil, !bucket.coupled.isEmpty {
                reason = .candidateAlreadyCoupled(crmIDs: bucket.coupled.sorted())
            }
        }
        return .unmatched(reason ?? (anyValue ? .noMatch : .nothingToMatchOn))
    }

    private mutating func index(for criteria: [MatchCriterion]) throws -> MatchIndex {
        let fields = criteria.map { (field: $0.crmField, caseSensitive: $0.caseSensitive) }
        let signature = fields.map { "\($0.field)|\($0.caseSensitive)" }
        if let built = indexes.first(where: { $0.signature == signature }) { return built.index }
        let store = self.store, mapping = self.mapping
        let index = try MatchIndex(table: table, filter: mapping.crmFilter, fields: fields) { ids in
            try store.coupledIDs(mapping: mapping.name, side: .crm, among: ids)
        }
        indexes.append((signature, index))
        return index
    }
}
