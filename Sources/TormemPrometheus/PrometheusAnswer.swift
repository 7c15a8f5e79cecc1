import TormemCore

/// The answer of `/api/v1/query` to a range selector (`metric{…}[5m]`): a matrix, each series its
/// labels and its raw samples (time in seconds, with milliseconds; value), and the server's
/// `warnings`. Any other body is an error naming what it is: Prometheus' own error
/// (`errorType`, `error`), another result type, or not a Prometheus JSON response at all.
public struct PrometheusAnswer: Equatable, Sendable {
    public struct Series: Equatable, Sendable {
        public var labels: [String: String]
        public var samples: [(time: Double, value: Double)]

        public static func == (a: Series, b: Series) -> Bool {
            a.labels == b.labels && a.samples.count == b.samples.count
                && zip(a.samples, b.samples).allSatisfy { $0.time == $1.time && ($0.value == $1.value || ($0.value.isNaN && $1.value.isNaN)) }
        }
    }

    public var series: [Series]
    public var warnings: [String]

    /// What is wrong with a body, as a message after the URL.
    public enum Problem: Error, Equatable, Sendable {
        /// `"status":"error"`: Prometheus' `errorType` and `error`.
        case prometheus(errorType: String, error: String)
        /// Not the JSON of a Prometheus answer (an HTML page, garbage, another result type).
        case notPrometheus(String)

        public var message: String {
            switch self {
            case .prometheus(let type, let error): return "\(type): \(error)"
            case .notPrometheus(let what): return "not a Prometheus JSON response: \(what)"
            }
        }
    }

    /// Parses a body of `/api/v1/query`.
    public static func parse(_ body: [UInt8]) throws(Problem) -> PrometheusAnswer {
        if let answer = PrometheusMatrixReader.read(body) { return answer }
        return try general(body)
    }

    /// `parse` through a JSON tree: every shape, and the message of what is wrong.
    static func general(_ body: [UInt8]) throws(Problem) -> PrometheusAnswer {
        let value: JSONParser.Value
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .notPrometheus(body.isEmpty ? "an empty body" : "it starts \(start(body))")
        }
        guard let top = value.object, let status = top["status"]?.string else {
            throw .notPrometheus("JSON without a \"status\": it starts \(start(body))")
        }
        let warnings: [String] = {
            guard case .array(let list)? = top["warnings"] else { return [] }
            return list.compactMap(\.string)
        }()
        if status == "error" {
            throw .prometheus(errorType: top["errorType"]?.string ?? "error", error: top["error"]?.string ?? "(no message)")
        }
        guard status == "success", let data = top["data"]?.object, let type = data["resultType"]?.string else {
            throw .notPrometheus("JSON without \"status\": \"success\" and \"data\": it starts \(start(body))")
        }
        guard type == "matrix", case .array(let results)? = data["result"] else {
            throw .notPrometheus("a result of type \(MessageText.quoted(type)), expected a matrix")
        }
        var series: [Series] = []
        series.reserveCapacity(results.count)
        for r in results {
            guard let o = r.object, let metric = o["metric"]?.object, case .array(let values)? = o["values"] else {
                throw .notPrometheus("a matrix series without \"metric\" and \"values\"")
            }
            var labels: [String: String] = [:]
            for (k, v) in metric {
                guard let s = v.string else { throw .notPrometheus("the label \(MessageText.quoted(k)) is not a string") }
                labels[k] = s
            }
            var samples: [(time: Double, value: Double)] = []
            samples.reserveCapacity(values.count)
            for pair in values {
                guard case .array(let tv) = pair, tv.count == 2, case .number(let t) = tv[0], let text = tv[1].string else {
                    throw .notPrometheus("a sample that is not [time, \"value\"]")
                }
                guard let v = number(text) else { throw .notPrometheus("the sample value \(MessageText.quoted(text)) is not a number") }
                samples.append((t, v))
            }
            series.append(Series(labels: labels, samples: samples))
        }
        return PrometheusAnswer(series: series, warnings: warnings)
    }

    /// A sample value as Prometheus writes it: a decimal number, `NaN`, `+Inf`, `-Inf`.
    static func number(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        default: return Double(text)
        }
    }

    static func start(_ body: [UInt8]) -> String {
        var head = body.prefix(200)
        while let last = head.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { head.removeLast() }
        return MessageText.quoted(String(decoding: head, as: UTF8.self), maxBytes: 60)
    }
}
