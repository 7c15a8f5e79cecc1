import Testing
import TormemCore
import TormemData
@testable import TormemKit

@Suite struct TimelineTextTests {
    @Test func markdownTableInUTCWithTheGroups() {
        let log = EventLog(events: [
            ExperimentEvent(time: Timestamp(seconds: 1_767_232_800), type: "experiment", description: "allocator test started", group: "all"),
            ExperimentEvent(time: Timestamp(seconds: 1_767_578_400), type: "config_change", description: "mimalloc | 3.0.1", group: "A_C"),
        ])
        #expect(TimelineText.markdown(log) == """
            | Time (UTC) | Event | Description | Group |
            | --- | --- | --- | --- |
            | 2026-01-01 02:00 | experiment | allocator test started | all relays |
            | 2026-01-05 02:00 | config\\_change | mimalloc \\| 3.0.1 | groups A, C |
            """)
    }

    @Test func placeholderWithoutEvents() {
        #expect(TimelineText.markdown(nil).hasPrefix("_No events: add an `events.csv`"))
        #expect(TimelineText.markdown(EventLog(events: [])) == TimelineText.markdown(nil))
    }
}
