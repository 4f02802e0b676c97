# Common words every subcommand uses.
# An error on the terminal.
error-line = error: { $message }
