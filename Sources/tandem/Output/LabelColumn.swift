import TandemCore

/// Lines of a label and its value with the values lined up: "  status         coupled". Values start
/// 17 columns in, as Tandem has always printed them, or one space after the widest label when that is
/// longer (Spanish labels run longer: "sincronizado ERP").
struct LabelColumn {
    let width: Int

    init(_ labels: [String]) {
        width = max(15, (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 1)
    }

    func line(_ label: String, _ value: String) -> String {
        "  " + DisplayWidth.fit(label, to: width) + value
    }
}
