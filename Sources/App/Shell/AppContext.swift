import Foundation
import Store
import Study

/// What the app has opened for this run: the content library and the database. Built once
/// at start-up by `open` (off the UI thread: it reads every content file), then handed to screens.
///
/// Neither a content problem nor an unusable database stops the app: what loaded is shown,
/// and the problem becomes a warning on the home screen. An unusable database is never
/// written to (it stays `nil`).
struct AppContext: Sendable {
    var language: Language
    var library: ContentLibrary
    var database: AppDatabase?
    var warnings: [HomeWarning]

    /// Opens content and database as the environment says (`DOJO_HOME`, `DOJO_CONTENT`, `DOJO_LANG`).
    static func open(environment: [String: String]) -> AppContext {
        var warnings: [HomeWarning] = []
        let dataDirectory = DataDirectory.resolve(environment: environment)
        var library = ContentLibrary(topics: [])
        switch ContentLocator(environment: environment).resolve() {
        case let .environment(url), let .found(url):
            let result = ContentLoader(content: url.path, decks: dataDirectory.decksURL.path).load()
            library = result.library
            if let first = result.problems.first {
                warnings.append(.contentProblems(count: result.problems.count, first: "\(first)"))
            }
        case let .notFound(searched):
            warnings.append(.contentNotFound(searched: searched.map(\.path)))
        }
        var database: AppDatabase?
        do {
            database = try AppDatabase.open(in: dataDirectory)
        } catch {
            warnings.append(.databaseUnusable("\(error)"))
        }
        return AppContext(language: .preferred(environment: environment), library: library, database: database, warnings: warnings)
    }

    /// The summary the home screen shows at `now`.
    func homeSummary(now: Date) -> HomeSummary {
        var warnings = warnings
        var progress: [String: CardProgress] = [:]
        var log: [ReviewLogEntry] = []
        var settings = StudySettings.default
        var done = DailyCounts()
        var quizToday = 0
        var calendar = StudyCalendar(timeZone: .current, dayStartHour: settings.dayStartHour)
        if let database {
            do {
                settings = try database.settings()
                calendar = StudyCalendar(timeZone: .current, dayStartHour: settings.dayStartHour)
                let dayStart = calendar.startOfDay(containing: now)
                progress = try database.cardProgress()
                log = try database.reviewLog()
                done = try database.dailyCounts(since: dayStart)
                quizToday = try database.quizAnswers().filter { $0.answeredAt >= dayStart }.count
            } catch {
                warnings.append(.databaseUnreadable("\(error)"))
            }
        }
        return HomeSummary.compute(
            library: library, progress: progress, log: log, settings: settings, doneToday: done,
            quizAnsweredToday: quizToday, calendar: calendar, now: now, language: language, warnings: warnings)
    }
}
