/// Entry point of `helpdesk-demo`.
@main
struct DemoHost {
    static func main() async {
        print("helpdesk-demo")
    }
}
