import Foundation

extension PipelineDefinition {
    /// `[schedule]`: when `vectordb schedule` runs the pipeline, and how far back a tick catches up.
    public struct ScheduleSettings: Sendable, Hashable {
        /// `cron` (required in `[schedule]`): five fields or a macro (`CronExpression`).
        public var cron: CronExpression
        /// `time_zone`: the IANA zone the cron fields are read in (default `UTC`).
        public var timeZone: TimeZone
        /// `catch_up_days`: the most days one tick walks back, today included, 1...366 (default 7):
        /// after a longer outage the oldest missed days are left out.
        public var catchUpDays: Int

        /// The default catch-up window, in days.
        public static let catchUpDaysDefault = 7
        /// The accepted catch-up windows, in days.
        public static let catchUpDaysRange = 1...366

        public init(
            cron: CronExpression,
            timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
            catchUpDays: Int = ScheduleSettings.catchUpDaysDefault
        ) {
            self.cron = cron
            self.timeZone = timeZone
            self.catchUpDays = catchUpDays
        }
    }

    /// Reads `[schedule]`.
    static func scheduleSettings(_ table: TableReader) throws(ConfigError) -> ScheduleSettings {
        try table.rejectUnknownKeys(["cron", "time_zone", "catch_up_days"])
        guard let text = try table.string("cron") else {
            throw ConfigError(
                code: .missingKey,
                file: table.source.file,
                line: table.source.line(of: table.path),
                key: "schedule.cron",
                message: "required: a five-field cron expression such as \"30 6 * * 1-5\""
            )
        }
        let cron: CronExpression
        do {
            cron = try CronExpression(parsing: text)
        } catch {
            throw table.error(.invalidValue, "cron", error.message)
        }
        let zoneName = try table.string("time_zone") ?? "UTC"
        guard let timeZone = TimeZone(identifier: zoneName) else {
            throw table.error(
                .invalidValue,
                "time_zone",
                "'\(zoneName)' is not an IANA time zone (e.g. America/New_York, Europe/Berlin, UTC)"
            )
        }
        let catchUp =
            try table.integer("catch_up_days", in: ScheduleSettings.catchUpDaysRange)
            ?? ScheduleSettings.catchUpDaysDefault
        return ScheduleSettings(cron: cron, timeZone: timeZone, catchUpDays: catchUp)
    }
}
