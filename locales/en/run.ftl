# A scoring run: loading, verifying a published run (kaohe verify).
run-verify-line-differs = line { $line } differs: published `{ $published }`, recomputed `{ $recomputed }`
run-verify-line-count = the published file has { $published } lines, the recomputed one { $recomputed }
run-verify-not-json = not valid JSON: { $reason }
run-verify-no-inputs = scores.json records no inputs: expected the rules and input files with their SHA-256
run-verify-missing-input = { $path }: recorded in scores.json but missing now
run-verify-changed = { $path }: changed since the run (SHA-256 recorded { $recorded }, now { $now })
run-verify-unread-input = { $path }: an input file the published run did not read
run-verify-engine-version = the run was made by kaohe { $published }, this is { $running }: results may differ for that reason alone
run-verify-cannot-recompute = the run cannot be recomputed from these inputs: { $reason }
run-verify-missing-output = { $path }: missing
run-verify-output-differs = { $path }: does not match the recomputed run ({ $difference })
# Why a file could not be read or written (the common causes).
run-io-not-found = No such file or directory
run-io-permission-denied = Permission denied
run-io-is-a-directory = Is a directory, expected a file
run-io-not-a-directory = Not a directory
run-io-already-exists = Already exists
# No path given and the default is not there (typically run from another folder).
run-default-rules-missing = no rules file given, and the default { $path } does not exist (working directory { $cwd }). Name the rules file and the data folder, e.g. kaohe score rules.toml --data data-folder
run-default-data-missing = no data folder given, and the default { $path } does not exist (working directory { $cwd }). Name the data folder with --data, e.g. kaohe score rules.toml --data data-folder
# After the first 20 errors, when there are more.
run-more-errors = { $count ->
    [one] 1 more error (add --all-errors to list them all)
   *[other] { $count } more errors (add --all-errors to list them all)
}
# Why a test case of the rules file (kaohe check) failed.
run-case-no-veto = none
run-case-veto = { $agency }: veto { $got } but expected { $want }
run-case-ranked = { $agency }: rank { $rank } but expected no rank
run-case-unranked = { $agency }: no rank but expected a rank
run-case-failed = scoring failed: { $reason }
run-case-no-agency = expected agency `{ $agency }` is not in the case
run-case-total = { $agency }: total { $got } but expected { $want }
run-case-grade = { $agency }: grade { $got } but expected { $want }
run-case-rank = { $agency }: rank { $got } but expected { $want }
run-case-no-points = { $agency }: indicator `{ $indicator }` has no points (unknown or not applicable)
run-case-points = { $agency }: `{ $indicator }` has { $got } points but expected { $want }
