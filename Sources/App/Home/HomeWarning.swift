import Study

/// A problem worth a banner on the home screen: a short line that says what is wrong and
/// what to run, and the full text (paths, SQLite's words) for the help overlay.
public struct HomeWarning: Equatable, Sendable {
    /// One line, in both languages.
    public var summary: LocalizedText
    /// Everything the user needs to act, shown in full under `?`.
    public var detail: String

    public init(summary: LocalizedText, detail: String) {
        self.summary = summary
        self.detail = detail
    }

    /// The database exists but cannot be used; `detail` says where it is and what to do.
    static func databaseUnusable(_ detail: String) -> HomeWarning {
        HomeWarning(summary: LocalizedText(zh: "数据库无法使用，进度不会保存；运行 `dojo doctor`",
                                           en: "database unusable — nothing will be saved; run `dojo doctor`"),
                    detail: detail)
    }

    /// The database opened but a read failed.
    static func databaseUnreadable(_ detail: String) -> HomeWarning {
        HomeWarning(summary: LocalizedText(zh: "读取数据库失败；运行 `dojo doctor`",
                                           en: "could not read the database; run `dojo doctor`"),
                    detail: detail)
    }

    /// Some content files did not load cleanly.
    static func contentProblems(count: Int, first: String) -> HomeWarning {
        HomeWarning(summary: LocalizedText(zh: "内容有 \(count) 处问题；运行 `dojo content check`",
                                           en: "\(count.counted("content problem")); run `dojo content check`"),
                    detail: "first: \(first)")
    }

    /// No content directory was found.
    static func contentNotFound(searched: [String]) -> HomeWarning {
        HomeWarning(summary: LocalizedText(zh: "找不到内容目录；设置 DOJO_CONTENT 或运行 `dojo doctor`",
                                           en: "content not found; set DOJO_CONTENT or run `dojo doctor`"),
                    detail: "looked in: " + searched.joined(separator: ", "))
    }
}
