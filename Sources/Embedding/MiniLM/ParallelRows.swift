import Dispatch
import Foundation

/// Splits the forward pass over threads: row blocks of the projections (one single-threaded `sgemm`
/// each), attention tasks, and the row-wise element work (softmax, LayerNorm, GELU, residual adds).
enum ParallelRows {
    /// Fewest rows worth handing to another thread.
    static let rowsPerWorkerMin = 16

    /// Threads for one forward pass: `VECTORDB_EMBED_WORKERS`, else `OPENBLAS_NUM_THREADS` (so the
    /// usual OpenBLAS knob keeps working although OpenBLAS itself runs single-threaded), else the
    /// number of active processors.
    static var workerCount: Int {
        let environment = ProcessInfo.processInfo.environment
        for name in ["VECTORDB_EMBED_WORKERS", "OPENBLAS_NUM_THREADS"] {
            if let value = environment[name].flatMap({ Int($0) }), value > 0 { return value }
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Calls `body` on disjoint, contiguous ranges covering `0..<rows`, concurrently when there are
    /// enough rows and more than one worker. `body` must only touch its own rows.
    static func forEach(
        rows: Int,
        workers: Int,
        rowsPerWorker: Int = rowsPerWorkerMin,
        _ body: (Range<Int>) -> Void
    ) {
        let chunks = min(workers, max(1, rows / rowsPerWorker))
        guard chunks > 1 else {
            body(0..<rows)
            return
        }
        withoutActuallyEscaping(body) { body in
            // Safe to share: the callers' closures only read shared weights and write disjoint rows,
            // and concurrentPerform returns only after every chunk has finished.
            let shared = UncheckedSendable(value: body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                shared.value((rows * chunk / chunks)..<(rows * (chunk + 1) / chunks))
            }
        }
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}
