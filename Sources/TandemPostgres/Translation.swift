import TandemCore

/// This module's words in the current language (see `Localizer`): `tr("Synchronize now")`,
/// `tr("Job {0}", id)`, `trn("{0} record", "{0} records", count)`. The English text is the key; the
/// Spanish is in `SpanishPostgres`, and `CatalogueTests` fails when a key is missing there.
func tr(_ key: String, _ arguments: any CustomStringConvertible...) -> String {
    Localizer.text(key, arguments.map(\.description), table: SpanishPostgres.table)
}

/// The singular or plural of `count` (`{0}` in both forms, written as the language writes numbers).
func trn(_ one: String, _ other: String, _ count: Int, _ arguments: any CustomStringConvertible...) -> String {
    Localizer.plural(one, other, count: count, arguments.map(\.description), table: SpanishPostgres.table)
}
