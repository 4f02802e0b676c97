# The command line: what the subcommands print.
# After writing two files.
cli-wrote-two = wrote { $first } and { $second }
# The verdict of kaohe verify.
cli-verified = verified: { $files } files match; recomputing the run gives identical outputs
cli-not-verified = NOT verified: { $problems } problem(s)
