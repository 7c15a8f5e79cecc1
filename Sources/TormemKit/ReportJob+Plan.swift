import TormemCore
import TormemCharts
import TormemData

extension ReportJob {
    /// What a folder's charts are drawn from, and which charts they are.
    public struct FolderPlan: Sendable {
        /// The options with the folder's settings, its data file and its `charts/` folder.
        public var request: ChartsRequest
        public var inputs: ChartInputs
        public var plan: ChartPlan
        /// What every chart's source stamp is made from.
        public var source: ChartSource
        /// Where each chart of `plan` goes, in its order.
        public var chartPaths: [String]
        /// The `--json` document of the run.
        public var json: String
    }

    /// Step 2: loads the folder's data and side files (`warn` gets what loading finds) and plans
    /// its charts with `options` and the folder's `settings`.
    public static func plan(_ folder: ReportFolder, settings: FolderSettings, options: ChartsRequest,
                            warn: (Diagnostic) -> Void = { _ in }) throws(TormemError) -> FolderPlan {
        let request = self.request(folder, settings: settings, options: options)
        let (inputs, data) = try ChartsJob.load(request, warn: warn)
        let plan = request.plan(inputs)
        let source = try ChartSource(request: request, fingerprint: data.fingerprint())
        let ext = request.format.fileExtension
        let chartPaths = plan.charts.map { ChartsJob.join(folder.chartsPath, $0.name + "." + ext) }
        let json = ChartsSummary(inputs: inputs, written: chartPaths, skipped: plan.skipped).json
        return FolderPlan(request: request, inputs: inputs, plan: plan, source: source, chartPaths: chartPaths, json: json)
    }

    /// What the folder's charts are drawn with: `options`, its settings on top, its data file, its
    /// own side files (next to its data) and its `charts/`.
    static func request(_ folder: ReportFolder, settings: FolderSettings, options: ChartsRequest) -> ChartsRequest {
        var request = options
        request.apply(settings.settings)
        request.dataPaths = [folder.dataPath]
        request.sideFolder = nil
        request.outputDirectory = folder.chartsPath
        return request
    }
}
