import Foundation

/// A `$filter` the emulators cannot evaluate; the message goes into the 400 answer.
struct ODataFilterError: Error {
    let message: String
}
