import ArgumentParser

/// How long `tandem watch` waits between runs, as typed: `90s`, `30m`, `2h`, or seconds alone.
struct WatchInterval: ExpressibleByArgument, Equatable {
    let seconds: Double

    init(seconds: Double) { self.seconds = seconds }

    init?(argument: String) {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600]
        var number = Substring(argument)
        var unit = 1.0
        if let last = argument.last, let found = units[last] {
            number = number.dropLast()
            unit = found
        }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        seconds = value * unit
    }

    var defaultValueDescription: String { "30m" }
}
