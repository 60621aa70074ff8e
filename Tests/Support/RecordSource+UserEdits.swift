import TandemCore

extension RecordSource {
    /// Deletes a record as a person would: on the version just read.
    public func deleteAsUser(_ id: RecordID) throws {
        guard let record = try record(id: id) else { throw RecordSourceError.notFound(table: schema.name, id: id) }
        try write(.delete(id: id, expected: record.modifiedAt))
    }
}
