import Testing
@testable import TormemPrometheus

/// The fast reader gives what the general parse gives, for every body it takes, and leaves the
/// rest (errors, other shapes, escapes, bad JSON) to the general parse.
@Suite struct PrometheusMatrixReaderTests {
    static let taken: [String] = [
        #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"m","instance":"a","nickname":"n1"},"values":[[1766736000,"3838599168"],[1766736900.123,"2.333085501858736"],[1766737800,"NaN"],[1766738700,"+Inf"],[1766739600,"-Inf"],[1766740500,"-3"],[1766741400,"1e3"]]}]}}"#,
        // Keys in another order, blanks, warnings, VictoriaMetrics' stats, an empty series and result.
        " {\n \"data\" : { \"result\" : [ { \"values\" : [ ] , \"metric\" : { } } ], \"resultType\" : \"matrix\" },\n \"status\" : \"success\", \"warnings\": [\"partial\"], \"stats\": {\"seriesFetched\": \"1\", \"x\": [1, true, null, {\"y\": \"\\\"\"}]} } ",
        #"{"status":"success","data":{"resultType":"matrix","result":[]}}"#,
        #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"ü — 中"},"values":[[1,"12345678901234567"]]}]}}"#,
    ]

    @Test(arguments: taken)
    func readsWhatTheGeneralParseReads(_ body: String) throws {
        let fast = try #require(PrometheusMatrixReader.read(Array(body.utf8)))
        #expect(fast == (try PrometheusAnswer.general(Array(body.utf8))))
    }

    @Test func valuesAreExact() throws {
        let body = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1766736900.5,"999999999999999"],[2,"0.1"]]}]}}"#
        let a = try #require(PrometheusMatrixReader.read(Array(body.utf8)))
        #expect(a.series[0].samples.map(\.time) == [1766736900.5, 2])
        #expect(a.series[0].samples.map(\.value) == [999_999_999_999_999, 0.1])
    }

    static let left: [String] = [
        #"{"status":"error","errorType":"bad_data","error":"parse error"}"#,
        #"{"status":"success","data":{"resultType":"vector","result":[]}}"#,
        #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"say \"hi\""},"values":[]}]}}"#,
        #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"x"]]}]}}"#,
        #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"]]}]}} trailing"#,
        #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"]"#,
        "<html><body>Sign in</body></html>",
        "",
    ]

    @Test(arguments: left)
    func leavesTheRestToTheGeneralParse(_ body: String) {
        #expect(PrometheusMatrixReader.read(Array(body.utf8)) == nil)
    }

    @Test func anEscapedLabelIsStillRead() throws {
        let body = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"say \"hi\""},"values":[[1,"2"]]}]}}"#
        let a = try PrometheusAnswer.parse(Array(body.utf8))
        #expect(a.series[0].labels["a"] == "say \"hi\"")
    }
}
