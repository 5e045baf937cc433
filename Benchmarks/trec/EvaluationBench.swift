// Times Flywheel's evaluation on a TREC run + qrels: recall@75, P@8, nDCG@10, MRR.
// Built and run by Benchmarks/trec/bench-evaluation.sh (compiled together with the FlywheelCore and
// Evaluation sources into one optimised module). Prints one JSON object: medians in seconds of
// loading the files and of evaluating in memory, and the means (trec_eval selection).
import Foundation

let arguments = CommandLine.arguments
let runPath = arguments[1]
let qrelsPath = arguments[2]
let repeats = arguments.count > 3 ? Int(arguments[3])! : 5

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

var run = Run([])
var qrels = Qrels()
var loadTimes = [Double]()
for _ in 0..<repeats {
    loadTimes.append(
        try seconds {
            qrels = try Qrels(contentsOfTRECFile: qrelsPath)
            run = try Run(contentsOfTRECFile: runPath)
        })
}
var report: EvaluationReport?
var evalTimes = [Double]()
for _ in 0..<repeats {
    evalTimes.append(
        seconds { report = evaluate(run: run, qrels: qrels, metrics: MetricName.allCases, selection: .trecEval) })
}
var means = [String: Double]()
for name in MetricName.allCases { means[name.rawValue] = report!.mean(name) }
let result: [String: Any] = [
    "repeats": repeats, "flywheel_load_s": median(loadTimes), "flywheel_evaluate_s": median(evalTimes),
    "flywheel_means": means, "tickets": report!.tickets.count
]
let data = try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys])
print(String(decoding: data, as: UTF8.self))
