/// One measured figure printed by `helpdesk-bench` as a JSON object.
struct BenchmarkResult: Encodable, Sendable {
    /// Stable machine-readable name, e.g. `tickets.create.throughput`.
    var name: String
    /// The measured value.
    var value: Double
    /// Unit of `value`, e.g. `ops/s`, `ms`, `MiB`.
    var unit: String
    /// The target the issue names, in the same unit, if any.
    var target: Double?
    /// `true` when a larger value is better (throughput), `false` for latencies and sizes.
    var higherIsBetter: Bool
    /// Free-form details: sizes, parameters.
    var notes: String = ""
}
