import Testing
@testable import TormemPrometheus

@Suite struct PrometheusAnswerTests {
    func parse(_ text: String) throws(PrometheusAnswer.Problem) -> PrometheusAnswer { try PrometheusAnswer.parse(Array(text.utf8)) }

    @Test func readsAMatrixWithItsRawSamples() throws {
        let a = try parse("""
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"__name__":"tormem_relay_resident_memory_bytes","instance":"co","nickname":"x"},
               "values":[[1757376000,"5400920064"],[1757379600.5,"NaN"],[1757383200,"+Inf"]]}]},
             "warnings":["partial"]}
            """)
        #expect(a.series.count == 1)
        #expect(a.series[0].labels == ["__name__": "tormem_relay_resident_memory_bytes", "instance": "co", "nickname": "x"])
        #expect(a.series[0].samples.map(\.time) == [1757376000, 1757379600.5, 1757383200])
        #expect(a.series[0].samples[0].value == 5_400_920_064)
        #expect(a.series[0].samples[1].value.isNaN)
        #expect(a.series[0].samples[2].value == .infinity)
        #expect(a.warnings == ["partial"])
    }

    @Test func anErrorAnswerGivesPrometheusTypeAndMessage() {
        #expect(throws: PrometheusAnswer.Problem.prometheus(errorType: "bad_data", error: "invalid parameter \"query\"")) {
            try parse(#"{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\""}"#)
        }
    }

    @Test(arguments: [
        ("<html><body>Sign in</body></html>", "not a Prometheus JSON response: it starts"),
        ("", "an empty body"),
        (#"{"hello":1}"#, "without a \"status\""),
        (#"{"status":"success","data":{"resultType":"vector","result":[]}}"#, "expected a matrix"),
        (#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"x"]]}]}}"#, "is not a number"),
    ])
    func anythingElseIsNotAPrometheusAnswer(body: String, says: String) {
        do {
            _ = try parse(body)
            Issue.record("\(body) parsed")
        } catch {
            #expect(error.message.contains(says), "\(error.message)")
            if case .prometheus = error { Issue.record("\(body): not Prometheus' own error") }
        }
    }
}
