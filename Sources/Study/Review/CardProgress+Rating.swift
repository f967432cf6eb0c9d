import Foundation

extension CardProgress {
    /// The progress after a scheduled rating at `now`: the scheduler's next state, one more
    /// rep, and on a lapse (Again on a review card) one more lapse, which may make the card
    /// a leech and suspend it. Review sessions and quiz answers both rate through this.
    public func rated(_ rating: Rating, at now: Date, scheduler: Scheduler, leechRule: LeechRule) -> CardProgress {
        var after = self
        let lapsed = schedule?.phase == .review && rating == .again
        after.schedule = scheduler.review(schedule, rating: rating, at: now, cardID: cardID)
        after.reps += 1
        if lapsed {
            after.lapses += 1
            if leechRule.isLeech(afterLapses: after.lapses) {
                after.isLeech = true
                after.isSuspended = true
            }
        }
        return after
    }
}

extension Scheduler {
    /// The scheduler for the user's settings (their desired retention, default weights).
    public init(settings: StudySettings) {
        var parameters = SchedulerParameters.default
        parameters.desiredRetention = settings.desiredRetention
        self.init(parameters: parameters)
    }
}
