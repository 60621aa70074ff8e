public typealias ProgressHandler = (SyncProgress) -> Bool
