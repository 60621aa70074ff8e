/// What a side did with one write.
public enum WriteResult: Sendable, Equatable {
    /// Written; the record's new version (for a delete, the version it had).
    case written(Timestamp)
    /// Left alone, for this reason (`RecordSourceError.changedElsewhere` when someone else wrote the
    /// record since it was read).
    case refused(RecordSourceError)

    /// The new version, when written.
    public var version: Timestamp? {
        if case .written(let version) = self { return version }
        return nil
    }

    /// Why it was refused, when it was.
    public var refusal: RecordSourceError? {
        if case .refused(let error) = self { return error }
        return nil
    }
}
