import Foundation
import Testing
@testable import TandemCore

/// Every text a person reads goes through `tr`/`trn` with its English as the key; each module's
/// Spanish tables must hold every key its sources use, no key they do not, and the same placeholders.
/// A translation missing here fails the suite (at run time it would fall back to English).
@Suite struct CatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
    static let modules = ["TandemCore", "TandemSQLite", "TandemConnectors", "TandemPostgres", "TandemViewModel", "TandemTerminal", "tandem"]

    /// A Swift string literal on one line (escapes kept as written).
    static let literal = #""((?:[^"\\]|\\.)*)""#

    static func swiftFiles(in module: String) throws -> [URL] {
        let folder = sources.appendingPathComponent(module)
        let walker = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    /// The keys a module's sources ask for: `tr("…")` and `trn("…", "…")` (joined by `|`).
    static func usedKeys(_ module: String) throws -> [String: String] {
        var keys: [String: String] = [:]
        for file in try swiftFiles(in: module)
        where !file.lastPathComponent.hasPrefix("Spanish") && file.lastPathComponent != "Translation.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for found in try matches(#"\btr\(\s*"# + literal, in: text) { keys[found[0]] = file.lastPathComponent }
            for found in try matches(#"\btrn\(\s*"# + literal + #"\s*,\s*"# + literal, in: text) {
                keys[found[0] + "|" + found[1]] = file.lastPathComponent
            }
        }
        return keys
    }

    /// The entries of a module's Spanish tables, as written: `"English": "Spanish",` a line.
    static func table(_ module: String) throws -> [String: String] {
        var entries: [String: String] = [:]
        for file in try swiftFiles(in: module) where file.lastPathComponent.hasPrefix("Spanish") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for found in try matches(#"(?m)^\s*"# + literal + #"\s*:\s*"# + literal + #",?\s*$"#, in: text) {
                #expect(entries[found[0]] == nil, "\(found[0]) is in \(module)'s tables twice")
                entries[found[0]] = found[1]
            }
        }
        return entries
    }

    static func placeholders(_ text: String) throws -> Set<String> {
        Set(try matches(#"(\{[0-9]+\})"#, in: text).map { $0[0] })
    }

    @Test(arguments: modules)
    func everyTextHasItsSpanishAndEverySpanishEntryIsUsed(_ module: String) throws {
        let used = try Self.usedKeys(module)
        let spanish = try Self.table(module)
        for (key, file) in used.sorted(by: { $0.key < $1.key }) {
            #expect(!key.contains(#"\("#), "\(file): \(key) interpolates; give the value as an argument ({0})")
            guard let translation = spanish[key] else {
                Issue.record("\(module)/\(file): no Spanish for \"\(key)\"")
                continue
            }
            #expect(!translation.isEmpty, "\(key)")
            #expect(try Self.placeholders(translation) == Self.placeholders(key), "\(key) → \(translation): placeholders differ")
            #expect(key.contains("|") == translation.contains("|"), "\(key) → \(translation): a plural needs both forms")
        }
        for key in spanish.keys.sorted() where used[key] == nil {
            Issue.record("\(module): \"\(key)\" is in the Spanish table but no source uses it")
        }
    }

    @Test func theLanguageComesFromTandemLangThenThePOSIXVariables() {
        #expect(Language.from(environment: [:]) == .english)
        #expect(Language.from(environment: ["LANG": "es_ES.UTF-8"]) == .spanish)
        #expect(Language.from(environment: ["LANG": "es_ES.UTF-8", "LC_ALL": "C"]) == .english)
        #expect(Language.from(environment: ["LANG": "en_GB.UTF-8", "LC_MESSAGES": "es_MX"]) == .spanish)
        #expect(Language.from(environment: ["LANG": "es_ES.UTF-8", "TANDEM_LANG": "en"]) == .english)
        #expect(Language.from(environment: ["TANDEM_LANG": "es", "LC_ALL": "C.UTF-8"]) == .spanish)
        #expect(Language.from(environment: ["LC_ALL": "", "LANG": "es"]) == .spanish)
    }

    @Test func placeholdersPluralsAndNumbersAsEachLanguageWritesThem() {
        let table = ["Synchronized {0} of {1}.": "Sincronizados {0} de {1}.", "{0} record|{0} records": "{0} registro|{0} registros"]
        #expect(Localizer.text("Synchronized {0} of {1}.", ["3", "5"], table: table, language: .spanish) == "Sincronizados 3 de 5.")
        #expect(Localizer.text("Synchronized {0} of {1}.", ["3", "5"], table: table, language: .english) == "Synchronized 3 of 5.")
        #expect(Localizer.text("{not a placeholder} {2}", ["x"], table: [:]) == "{not a placeholder} {2}")
        #expect(Localizer.plural("{0} record", "{0} records", count: 1, [], table: table, language: .spanish) == "1 registro")
        #expect(Localizer.plural("{0} record", "{0} records", count: 0, [], table: table, language: .spanish) == "0 registros")
        #expect(Localizer.plural("{0} record", "{0} records", count: 25_000, [], table: table, language: .spanish) == "25.000 registros")
        #expect(Localizer.plural("{0} record", "{0} records", count: 25_000, [], table: table, language: .english) == "25000 records")
        #expect(Format.integer(2_500, in: .spanish) == "2500" && Format.integer(-1_234_567, in: .spanish) == "-1.234.567")
        #expect(Format.decimal("25000", in: .spanish) == "25.000,00" && Format.decimal("25000", in: .english) == "25000")
        #expect(Format.decimal("not a number", in: .spanish) == "not a number")
        let zone = TimeZone(identifier: "Europe/Madrid") ?? .current
        let stamp = Timestamp(milliseconds: 1_764_075_780_000)  // 2025-11-25 13:03 UTC
        #expect(Format.dateTime(stamp, in: zone, language: .spanish) == "25/11/2025 14:03")
        #expect(Format.dateTime(stamp, in: zone, language: .english) == "2025-11-25 14:03")
    }

    @Test func aTaskCanReadAnotherLanguageThanTheProcess() {
        Language.$override.withValue(.spanish) { #expect(Language.current == .spanish) }
        Language.$override.withValue(.english) { #expect(Language.current == .english) }
    }
}
