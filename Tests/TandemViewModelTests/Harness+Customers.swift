import Testing
import TandemCore
import TandemSQLite

extension Harness {
    /// Moves the ERP cursor to the customer with this number, by filtering for it.
    func focus(_ number: String) {
        model.press(.character("/"))
        model.type(number)
        model.press(.enter)
    }

    /// The sample customer with this number.
    func customer(_ number: String) throws -> Record {
        try #require(try opened.table("Customer", on: .erp).records(numbers: [number]).first)
    }
}
