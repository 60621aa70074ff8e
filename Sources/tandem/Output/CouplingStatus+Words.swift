import TandemCore

extension CouplingStatus {
    /// The status as `list` and `show` print it for a person: "not-coupled" / "no emparejado"; JSON
    /// keeps the raw value.
    var words: String {
        switch self {
        case .notCoupled: tr("not-coupled")
        case .coupled: tr("coupled")
        case .changed: tr("changed")
        case .skipped: tr("skipped")
        case .failed: tr("failed")
        }
    }
}
