import Store

/// The database lines of the doctor's report.
enum DatabaseDiagnosis {
    static func findings(for dir: DataDirectory) -> [DoctorReport.Finding] {
        [.init("database", dir.databaseURL.path)]
    }
}
