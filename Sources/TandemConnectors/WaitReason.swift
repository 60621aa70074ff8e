/// Why a connector pauses before sending a request again.
public enum WaitReason: Sendable, Equatable {
    /// 429: the service's protection limits (Retry-After).
    case throttled
    /// 502, 503 or 504: the service is busy or restarting (Retry-After, else a backoff).
    case busy
    /// No answer came: the connection dropped or timed out.
    case noResponse
    /// Another 5xx answer, tried again after a backoff.
    case serverError(Int)

    /// The reason in the current language, for progress lines: "throttled".
    public var text: String {
        switch self {
        case .throttled: tr("throttled")
        case .busy: tr("busy")
        case .noResponse: tr("no response")
        case .serverError(let status): tr("server error {0}", status)
        }
    }
}
