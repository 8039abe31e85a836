import Foundation

/// Timing and memory helpers for the benchmark executable (not library code: it may read clocks).
enum Measure {
    /// Seconds taken by `body`.
    static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let elapsed = try await ContinuousClock().measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Seconds taken by synchronous `body`.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let elapsed = try ContinuousClock().measure(body)
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

    /// The median of `runs` timings of `body`, in milliseconds.
    static func medianMilliseconds(runs: Int, _ body: () async throws -> Void) async rethrows -> Double {
        var samples: [Double] = []
        for _ in 0..<runs { samples.append(try await seconds(body) * 1_000) }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// The resident set size of this process in MiB, from `/proc/self/status` (0 where unavailable).
    ///
    /// Take a baseline after ``returnFreedMemory()``: memory an earlier benchmark freed stays
    /// resident in the allocator and would be reused unseen, making a delta too small.
    static func residentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1_024
        }
        return 0
    }

    /// Gives the allocator's free pages back to the system (glibc's `malloc_trim`, looked up at
    /// run time because the Swift Glibc module does not export it; a no-op elsewhere).
    static func returnFreedMemory() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }
}
