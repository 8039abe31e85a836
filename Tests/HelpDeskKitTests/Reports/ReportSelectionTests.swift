import Foundation
import HelpDeskKit
import Testing

/// Selection gives the same statistics as sorting.
@Suite struct ReportSelectionTests {
    @Test func selectionMatchesSorting() {
        var random = SplitMix64(seed: 9)
        var checked = 0
        for count in [0, 1, 2, 3, 5, 10, 11, 99, 1_000] {
            for _ in 0..<40 {
                let spread = 1 + random.next() % 50  // many duplicates when small
                var sorted = (0..<count).map { _ in Int64(random.next() % spread) }
                var selected = sorted
                let bySelection = DurationStatistics(selecting: &selected)
                #expect(bySelection == DurationStatistics(sorting: &sorted), "\(sorted)")
                checked += bySelection.medianSeconds != bySelection.p90Seconds ? 1 : 0
            }
        }
        #expect(checked > 100)
    }
}
