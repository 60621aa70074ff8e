/// What the service did with one `RemoteWrite`, one per write, in order.
public enum RemoteWriteResult: Sendable, Equatable {
    /// Created or updated; the record as the service now holds it (new ETag, new modified time).
    case written(RemoteRecord)
    /// Deleted (or already gone when the write was a retried delete).
    case deleted
    /// Someone else changed the record since its ETag was read (Business Central 409
    /// `Request_EntityChanged`, Dataverse 412). Nothing was written.
    case changedElsewhere
    /// No record with this id.
    case notFound
    /// The service refused this record alone (a validation error, a duplicate number, …): its message.
    case refused(String)
}
