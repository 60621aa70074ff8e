import TandemCore

struct PassResultJSON: Encodable {
    var succeeded: Bool
    var job: Int64
    var at: String

    init(_ result: PassResult) {
        succeeded = result.succeeded
        job = result.jobID
        at = result.at.iso8601
    }
}
