/// Entry point of `helpdesk-crash-writer` (filled by the file-store work).
@main
struct CrashWriter {
    static func main() {}
}
