# 一次计分运行：加载、核验已发布的结果（kaohe verify）。
run-verify-line-differs = 第 { $line } 行不同：已发布的为 `{ $published }`，重算的为 `{ $recomputed }`
run-verify-line-count = 已发布的文件有 { $published } 行，重算的有 { $recomputed } 行
run-verify-not-json = 不是有效的 JSON：{ $reason }
run-verify-no-inputs = scores.json 未记录任何输入：应记录规则文件和各输入文件及其 SHA-256
run-verify-missing-input = { $path }：scores.json 记录了此文件，但现在找不到
run-verify-changed = { $path }：运行后已被改动（记录的 SHA-256 为 { $recorded }，现在为 { $now }）
run-verify-unread-input = { $path }：已发布的运行未读取这个输入文件
run-verify-engine-version = 该次运行由 kaohe { $published } 完成，当前为 { $running }：仅此一点就可能使结果不同
run-verify-cannot-recompute = 无法用这些输入重算：{ $reason }
run-verify-missing-output = { $path }：缺失
run-verify-output-differs = { $path }：与重算结果不一致（{ $difference }）
