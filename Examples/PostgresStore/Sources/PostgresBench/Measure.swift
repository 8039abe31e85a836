import Foundation

/// Timing helpers for the benchmark executable (not library code: it may read clocks).
enum Measure {
    /// Seconds taken by `body`.
    static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let elapsed = try await ContinuousClock().measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Seconds of CPU time this process has used so far, in user and kernel mode, on all threads.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    /// The timings of `runs` runs of `body`, in milliseconds, in run order.
    static func milliseconds(runs: Int, _ body: () async throws -> Void) async rethrows -> [Double] {
        var samples: [Double] = []
        for _ in 0..<runs { samples.append(try await seconds(body) * 1_000) }
        return samples
    }

    /// The median of `samples` (0 for none).
    static func median(_ samples: [Double]) -> Double {
        guard !samples.isEmpty else { return 0 }
        return samples.sorted()[samples.count / 2]
    }
}
