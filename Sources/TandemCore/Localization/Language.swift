import Foundation

/// The language a person reads Tandem in. Chosen once per process from the environment —
/// `TANDEM_LANG`, else `LC_ALL`, `LC_MESSAGES`, `LANG` (the first that is set and not empty, as POSIX
/// orders them) — and overridable for a task (tests render Spanish frames beside English ones).
/// Stored data, JSON and exit codes never depend on it.
public enum Language: String, CaseIterable, Sendable {
    case english = "en"
    case spanish = "es"

    /// The language a locale or language name asks for: `es`, `es_ES.UTF-8`, `es-MX`, `spanish`;
    /// anything else (`C`, `POSIX`, `en_GB.UTF-8`, a language Tandem does not speak) is English.
    public init(locale: String) {
        let name = locale.lowercased()
        self = name.hasPrefix("es") || name == "spanish" || name == "español" ? .spanish : .english
    }

    /// The language the environment asks for.
    public static func from(environment: [String: String]) -> Language {
        for variable in ["TANDEM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty { return Language(locale: value) }
        }
        return .english
    }

    /// This process's language, read from its environment the first time it is asked for.
    public static let process = Language.from(environment: ProcessInfo.processInfo.environment)

    /// Set for a task with `Language.$override.withValue(.spanish) { … }`.
    @TaskLocal public static var override: Language?

    /// The language text is made in now.
    public static var current: Language { override ?? process }
}
