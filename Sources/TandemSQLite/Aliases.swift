import TandemCore

/// GRDB has a `Record` class of its own; in this module a record is always Tandem's.
public typealias Record = TandemCore.Record
