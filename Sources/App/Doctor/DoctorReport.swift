import Study

/// The findings of `dojo doctor`: what the app sees of its environment, grouped by area,
/// each marked ok, warning or failure. Pure data, so the formatting is tested without a terminal.
public struct DoctorReport: Equatable, Sendable {
    /// How a finding affects the app.
    public enum Status: String, Sendable {
        /// Works as intended.
        case ok
        /// Works, but not as well as it could (e.g. no colours).
        case warning
        /// Something the app needs is missing or broken.
        case failure
    }

    /// One line of the report.
    public struct Finding: Equatable, Sendable {
        public var label: String
        public var value: String
        public var status: Status
        /// What to do about a warning or failure.
        public var advice: String?

        public init(_ label: String, _ value: String, _ status: Status = .ok, advice: String? = nil) {
            self.label = label
            self.value = value
            self.status = status
            self.advice = advice
        }
    }

    /// A titled group of findings.
    public struct Section: Equatable, Sendable {
        public var title: String
        public var findings: [Finding]

        public init(_ title: String, _ findings: [Finding]) {
            self.title = title
            self.findings = findings
        }
    }

    public var sections: [Section]

    public init(sections: [Section]) { self.sections = sections }

    /// The failures, which make `dojo doctor` exit non-zero.
    public var failures: [Finding] { sections.flatMap(\.findings).filter { $0.status == .failure } }

    /// The report as aligned plain text, one finding a line, advice indented below it.
    public var text: String {
        let width = sections.flatMap(\.findings).map(\.label.count).max() ?? 0
        var out: [String] = []
        for section in sections {
            out.append(section.title)
            for f in section.findings {
                let mark = switch f.status { case .ok: "ok  "; case .warning: "warn"; case .failure: "FAIL" }
                out.append("  \(mark)  \(f.label.padding(toLength: width, withPad: " ", startingAt: 0))  \(f.value)")
                // Advice quoting SQLite may span lines: keep every line under the arrow.
                if let advice = f.advice { out.append("        → " + advice.replacingOccurrences(of: "\n", with: "\n          ")) }
            }
            out.append("")
        }
        let failures = failures
        out.append(failures.isEmpty
            ? "Everything the app needs is in place."
            : "\(failures.count.counted("problem")) must be fixed: \(failures.map(\.label).joined(separator: ", ")).")
        return out.joined(separator: "\n")
    }
}
