import Foundation

#if canImport(Glibc)
    import Glibc

    private let streamSocket = Int32(SOCK_STREAM.rawValue)
    private let socketSend = Glibc.send
    private let noSigPipe = Int32(MSG_NOSIGNAL)
#elseif canImport(Darwin)
    import Darwin

    private let streamSocket = SOCK_STREAM
    private let socketSend = Darwin.send
    private let noSigPipe: Int32 = 0  // no MSG_NOSIGNAL flag: SO_NOSIGPIPE is per socket
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (a free port) for the client tests. Each connection is
/// answered by the next step of a script — a chat completion, an error status, a hang, malformed
/// JSON or a truncated body — then closed; after the script, every answer is `fallback`. It
/// records every request body and the most connections it saw open at once.
final class FaultServer: @unchecked Sendable {
    enum Step {
        /// 200 with a chat completion whose content is the string, after `delay` seconds.
        case answer(String, delay: Double = 0)
        /// That status with a small JSON error body.
        case status(Int)
        /// Holds the connection `seconds` without answering, then closes it.
        case hang(Double)
        /// 200 with a body that is not JSON.
        case malformedJSON
        /// 200 announcing more bytes than it sends, then closes.
        case truncated
        /// 200 with a chat completion whose content the closure computes from the request's
        /// last message (a stand-in model).
        case compute(@Sendable (String) -> String)
    }

    let port: UInt16
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }
    private let listener: Int32
    private let lock = NSLock()
    private var script: [Step]
    private let fallback: Step
    private var bodies: [String] = []
    private var open = 0
    private var mostOpen = 0
    private var stopped = false

    init(_ script: [Step], fallback: Step = .answer("fallback")) throws {
        self.script = script
        self.fallback = fallback
        let fd = socket(AF_INET, streamSocket, 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0, listen(fd, 16) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else {
            close(fd)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Stops accepting (connections in progress finish on their own). The accept loop closes the
    /// listening socket itself, so its descriptor cannot be reused by another test's server while
    /// this loop may still call `accept` on it.
    func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    var requestBodies: [String] { lock.withLock { bodies } }
    var mostConnectionsAtOnce: Int { lock.withLock { mostOpen } }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 || lock.withLock({ stopped }) {
                if connection >= 0 { close(connection) }
                close(listener)
                return
            }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        lock.withLock {
            open += 1
            mostOpen = max(mostOpen, open)
        }
        // A connection counts as open until its reply is written, not until it is closed: the
        // client may open its next connection as soon as it has read a reply, before this
        // thread gets round to closing the old one.
        var counted = true
        func release() {
            if counted { lock.withLock { open -= 1 }; counted = false }
        }
        defer {
            release()
            close(connection)
        }
        guard let body = readRequest(connection) else { return }
        let step = lock.withLock { () -> Step in
            bodies.append(body)
            return script.isEmpty ? fallback : script.removeFirst()
        }
        switch step {
        case .answer(let content, let delay):
            if delay > 0 { Thread.sleep(forTimeInterval: delay) }
            let json = try! JSONSerialization.data(withJSONObject: [
                "choices": [["index": 0, "message": ["role": "assistant", "content": content]]],
                "usage": ["prompt_tokens": 11, "completion_tokens": 3]
            ])
            release()
            respond(connection, status: "200 OK", body: [UInt8](json))
        case .status(let code):
            release()
            respond(connection, status: "\(code) Scripted", body: Array(#"{"error":"scripted"}"#.utf8))
        case .hang(let seconds):
            Thread.sleep(forTimeInterval: seconds)
        case .malformedJSON:
            release()
            respond(connection, status: "200 OK", body: Array("{\"choices\": [oops".utf8))
        case .compute(let model):
            let request = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            let messages = request?["messages"] as? [[String: Any]] ?? []
            let content = model(messages.last?["content"] as? String ?? "")
            let json = try! JSONSerialization.data(withJSONObject: [
                "choices": [["index": 0, "message": ["role": "assistant", "content": content]]],
                "usage": ["prompt_tokens": 11, "completion_tokens": 3]
            ])
            release()
            respond(connection, status: "200 OK", body: [UInt8](json))
        case .truncated:
            let head =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\nConnection: close\r\n\r\n"
            release()
            send(connection, Array(head.utf8) + Array(#"{"choices":[{"message":{"content":"#.utf8))
        }
    }

    private func respond(_ connection: Int32, status: String, body: [UInt8]) {
        let head =
            "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        send(connection, Array(head.utf8) + body)
    }

    private func send(_ connection: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { socketSend(connection, $0.baseAddress, $0.count, noSigPipe) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// The body of one request (headers read up to the blank line, then Content-Length bytes).
    private func readRequest(_ connection: Int32) -> String? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        var contentLength = 0
        while true {
            if let end = headerEnd, data.count >= end + contentLength {
                return String(decoding: data[end..<(end + contentLength)], as: UTF8.self)
            }
            let n = recv(connection, &buffer, buffer.count, 0)
            if n <= 0 { return nil }
            data += buffer[0..<n]
            if headerEnd == nil, let range = firstRange(of: separator, in: data) {
                headerEnd = range
                let head = String(decoding: data[0..<range], as: UTF8.self).lowercased()
                for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
                    contentLength =
                        Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
        }
    }

    private func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle {
            return i + needle.count
        }
        return nil
    }
}
