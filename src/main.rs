fn main() -> std::process::ExitCode {
    bgpeer::run(std::env::args_os())
}
