import Foundation

/// What a handler tells the loopback server to do with a request.
public enum HTTPServerReply: Sendable {
    /// Write this response and keep the connection open for the next request.
    case respond(HTTPServerResponse)
    /// Close the connection without writing anything (a lost response, seen by the client as a
    /// network error).
    case drop
}
