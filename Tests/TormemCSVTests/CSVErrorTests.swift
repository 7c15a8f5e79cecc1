#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import TormemCSV
import TormemCore

/// A fresh temporary directory, removed with its files at the end of `body`.
func withTemporaryDirectory<R>(_ body: (String) throws -> R) throws -> R {
    var template = Array("/tmp/tormem-csv-tests-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    guard made != nil else { throw CSVError.unreadable(path: "/tmp", reason: "mkdtemp failed") }
    let directory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    defer {
        if let dir = opendir(directory) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name != "." && name != ".." {
                    let path = directory + "/" + name
                    if unlink(path) != 0 { rmdir(path) }
                }
            }
            closedir(dir)
        }
        rmdir(directory)
    }
    return try body(directory)
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    precondition(fd >= 0, "cannot create \(path)")
    bytes.withUnsafeBytes { precondition(write(fd, $0.baseAddress, $0.count) == $0.count) }
    close(fd)
}

@Suite struct CSVErrorTests {
    @Test func missingFile() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/data.csv"
            #expect(throws: CSVError.fileNotFound(path: path)) { try CSVReader(path: path) }
            #expect(CSVError.fileNotFound(path: path).description == "\(path): no such file")
            // A path through a regular file is "no such file" too.
            writeFile(dir + "/plain", [])
            #expect(throws: CSVError.fileNotFound(path: dir + "/plain/x.csv")) {
                try CSVReader(path: dir + "/plain/x.csv")
            }
        }
    }

    @Test func directory() throws {
        try withTemporaryDirectory { dir in
            #expect(throws: CSVError.isDirectory(path: dir)) { try CSVReader(path: dir) }
            #expect(CSVError.isDirectory(path: "charts").description == "charts: is a directory, expected a csv file")
        }
    }

    @Test func fifoIsRejectedWithoutBlocking() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/pipe.csv"
            #expect(mkfifo(path, 0o600) == 0)
            #expect(throws: CSVError.notRegularFile(path: path, kind: "fifo")) { try CSVReader(path: path) }
            #expect(
                CSVError.notRegularFile(path: path, kind: "fifo").description
                    == "\(path): is a fifo, expected a regular csv file")
        }
    }

    @Test func characterDevice() {
        #expect(throws: CSVError.notRegularFile(path: "/dev/null", kind: "character device")) {
            try CSVReader(path: "/dev/null")
        }
    }

    @Test func permissionDenied() throws {
        guard geteuid() != 0 else { return }  // root reads everything
        try withTemporaryDirectory { dir in
            let path = dir + "/secret.csv"
            writeFile(path, Array("a\n".utf8))
            chmod(path, 0)
            #expect(throws: CSVError.unreadable(path: path, reason: "permission denied")) {
                try CSVReader(path: path)
            }
        }
    }

    @Test func messagesNameTheFileAndAreLowercase() {
        let errors: [CSVError] = [
            .fileNotFound(path: "data.csv"), .isDirectory(path: "data.csv"),
            .notRegularFile(path: "data.csv", kind: "socket"),
            .unreadable(path: "data.csv", reason: "permission denied"),
        ]
        for error in errors {
            #expect(error.description.hasPrefix("data.csv: "))
            #expect(error.path == "data.csv")
            let message = error.description.dropFirst("data.csv: ".count)
            #expect(message == message.lowercased())
        }
        #expect(
            CSVError.unreadable(path: "data.csv", reason: "permission denied").description
                == "data.csv: cannot read: permission denied")
        #expect(SystemError.text(EACCES) == "permission denied")
        #expect(SystemError.text(EIO) == "input/output error")
    }

    @Test func readsARegularFile() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/data.csv"
            writeFile(path, CSVReaderTests.mixedCorpus)
            var reader = try CSVReader(path: path)
            #expect(reader.name == path)
            let expected = try parse(CSVReaderTests.mixedCorpus)
            #expect(try collect(&reader) == expected)
            #expect(try collect(&reader) == expected)  // again, from the start
            for chunk in [1, 7, 64] {
                var small = try CSVReader(path: path, chunkSize: chunk)
                #expect(try collect(&small) == expected)
            }
            writeFile(dir + "/empty.csv", [])
            var empty = try CSVReader(path: dir + "/empty.csv")
            #expect(try collect(&empty) == Parsed())
        }
    }
}
