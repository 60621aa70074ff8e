import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

/// Output that scripts can choose: aligned text for people, one JSON document for programs.
struct OutputOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(tr("Print one JSON document instead of text.")))
    var json = false
}
