//! The `kaohe` command: the library's [`kaohe::cli::app::main`] does the work (arguments, language,
//! subcommands). Exit status: 0 success, 1 a check failed (a rules test case), 2 an error (bad
//! input, bad rules, bad usage).

use std::process::ExitCode;

fn main() -> ExitCode {
    // `kaohe score | head` must end quietly, as Unix tools do, not panic on a closed pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of a signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    kaohe::cli::app::main()
}
