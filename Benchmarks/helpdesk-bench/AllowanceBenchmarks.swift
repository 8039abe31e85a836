import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// What tracking a service period's allowance costs a `logTime`: every entry rewrites the
/// period's usage record (one entry per logged item) and, beyond the allowance, the ticket's
/// specification. Measured at the start of a period and once it holds `entries` entries, against
/// time outside the contract (not tracked) on the same desk.
func allowanceBenchmarks(quick: Bool) async throws -> [BenchmarkResult] {
    let entries = quick ? 300 : 3_000
    let sample = quick ? 30 : 200
    let f = try await AllowanceDesk.make(included: 600)
    var tickets: [TicketID] = []
    for index in 0..<(entries / 10) { tickets.append(try await f.ticket("Site \(index)").id) }
    var latencies: [Double] = []
    for index in 0..<entries {
        let ticket = tickets[index % tickets.count]
        latencies.append(try await Measure.seconds { try await f.log(30, on: ticket, daysAgo: index % 7) } * 1_000)
    }
    var untracked: [Double] = []
    for index in 0..<sample {
        let ticket = tickets[index % tickets.count]
        untracked.append(
            try await Measure.seconds { try await f.log(30, on: ticket, daysAgo: index % 7, billable: true) } * 1_000)
    }
    let statement = try await f.statement()
    let notes =
        "in-memory store; \(entries) entries of 30 min on \(tickets.count) tickets of one contract, 600 min included "
        + "(overage \(statement.overage) min billed on the tickets)"
    return [
        BenchmarkResult(
            name: "allowance.logTime.p50.first\(sample)", value: median(latencies.prefix(sample)), unit: "ms",
            higherIsBetter: false, notes: notes),
        BenchmarkResult(
            name: "allowance.logTime.p50.last\(sample)", value: median(latencies.suffix(sample)), unit: "ms",
            higherIsBetter: false, notes: notes),
        BenchmarkResult(
            name: "allowance.logTime.untracked.p50", value: median(untracked[...]), unit: "ms", higherIsBetter: false,
            notes: "billable time on the same desk: not tracked by the allowance"),
    ]
}

private func median(_ values: ArraySlice<Double>) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}
