/// What a commit refused: index in `WorkspaceChanges.couplings` → why.
public typealias CouplingRefusals = [Int: RecordFailure]
