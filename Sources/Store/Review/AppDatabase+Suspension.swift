import Foundation
import GRDB
import Study

extension AppDatabase {
    /// Lifts the suspension of each card in `ids` (and, with `clearingLeech`, its leech flag)
    /// in one transaction. Cards with no stored progress, or nothing to lift, are left alone.
    /// Returns the progress of each card changed, as saved, in the order of `ids`.
    @discardableResult
    public func unsuspend(_ ids: [String], clearingLeech: Bool = false) throws -> [CardProgress] {
        try writer.write { db in
            var changed: [CardProgress] = []
            for id in ids {
                guard let before = try Row.fetchOne(db, sql: "SELECT * FROM card_state WHERE card_id = ?", arguments: [id])
                    .map(CardProgress.init(row:)) else { continue }
                let after = before.unsuspended(clearingLeech: clearingLeech)
                guard after != before else { continue }
                try after.upsert(db)
                changed.append(after)
            }
            return changed
        }
    }
}
