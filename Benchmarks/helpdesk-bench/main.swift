import Foundation

/// `helpdesk-bench`: prints every benchmark figure as one JSON array.
///
/// Run with `swift run -c release helpdesk-bench [group ...]`; groups: create (rules: only the figures through
/// automation rules), query, workingtime, ledger, filestore (or one half: filestore-commit, filestore-open),
/// reports, allowance, templates, timerules, kb, mail, blobs, recurrence, workload, maintenance (all when none
/// is named).
/// `--quick` shrinks the sizes for a smoke run.
let arguments = Set(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let groups = arguments.subtracting(["--quick"])
func wants(_ group: String) -> Bool { groups.isEmpty || groups.contains(group) }

var results: [BenchmarkResult] = []
if wants("create") { results.append(try await TicketBenchmarks.createThroughput(count: quick ? 5_000 : 200_000)) }
if wants("create") || groups.contains("rules") {
    for load in [TicketBenchmarks.RuleLoad.priorityAndText, .textOnly, .textOnlyCyrillic] {
        results.append(try await TicketBenchmarks.createThroughRules(count: quick ? 2_000 : 50_000, asking: load))
    }
}
if wants("query") { results += try await TicketBenchmarks.queryLatency(ticketCount: quick ? 20_000 : 1_000_000) }
if wants("workingtime") { results += workingTimeBenchmarks() }
if wants("ledger") { results += ledgerBenchmarks() }
if wants("filestore") || groups.contains("filestore-commit") {
    results += try await fileStoreCommitBenchmarks(quick: quick)
}
if wants("filestore") || groups.contains("filestore-open") {
    results += try await fileStoreOpenBenchmarks(quick: quick)
}
if wants("reports") { results += try await reportBenchmarks(quick: quick) }
if wants("allowance") { results += try await allowanceBenchmarks(quick: quick) }
if wants("templates") { results += try templateBenchmarks(quick: quick) }
if wants("timerules") { results += try await timeRuleBenchmarks(quick: quick) }
if wants("kb") { results += try knowledgeSearchBenchmarks(quick: quick) }
if wants("mail") { results += try mailBenchmarks(quick: quick) }
if wants("blobs") { results += try await blobBenchmarks(quick: quick) }
if wants("recurrence") { results += try recurrenceBenchmarks(quick: quick) }
if wants("workload") { results += try await workloadBenchmarks(quick: quick) }
if wants("maintenance") { results += try await maintenanceBenchmarks(quick: quick) }

let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
print(String(decoding: try encoder.encode(results), as: UTF8.self))
