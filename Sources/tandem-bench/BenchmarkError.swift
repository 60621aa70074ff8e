import Foundation
import TandemCore
import TandemSQLite
import TandemViewModel

struct BenchmarkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
