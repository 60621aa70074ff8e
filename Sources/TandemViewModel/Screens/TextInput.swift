/// What counts as typed text in a text field.
enum TextInput {
    static func isPrintable(_ character: Character) -> Bool {
        !character.isNewline && character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
    }
}
