/// A job's number in the workspace's job log.
public typealias JobID = Int64
