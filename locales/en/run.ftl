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
