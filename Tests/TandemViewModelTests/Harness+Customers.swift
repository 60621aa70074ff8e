import Testing
import TandemCore
import TandemSQLite
import TandemViewModel

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

    /// Opens the customer's card, moves to City (in the card's grouped order) and empties it for typing.
    func editCityOnTheCard(of number: String) {
        focus(number)
        model.press(.enter)
        for _ in 0..<20 {
            guard case .card(let card)? = state.screens.last, StandardTables.customer.fields[card.cursor].name != "City"
            else { break }
            model.press(.down)
        }
        model.press(.enter)
        for _ in 0..<20 { model.press(.backspace) }
    }
}
