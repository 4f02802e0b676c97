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
# 读写文件失败的常见原因。
run-io-not-found = 找不到该文件或目录
run-io-permission-denied = 没有读写权限
run-io-is-a-directory = 这是一个目录，应为文件
run-io-not-a-directory = 路径中有一段不是目录
run-io-already-exists = 已存在
# 未给出路径、默认路径又不存在（通常是在别的目录下运行）。
run-default-rules-missing = 未指定规则文件，默认的 { $path } 不存在（当前目录为 { $cwd }）。请指明规则文件和数据目录，例如：kaohe score 规则文件.toml --data 数据目录
run-default-data-missing = 未指定数据目录，默认的 { $path } 不存在（当前目录为 { $cwd }）。请用 --data 指明数据目录，例如：kaohe score 规则文件.toml --data 数据目录
# 错误太多时，列出前20处之后。
run-more-errors = 还有 { $count } 处错误（加 --all-errors 列出全部）
# 规则文件中的测试用例（kaohe check）未通过的原因。
run-case-no-veto = 无
run-case-veto = { $agency }：否决为 { $got }，应为 { $want }
run-case-ranked = { $agency }：名次为 { $rank }，应为不排名
run-case-unranked = { $agency }：未排名，应有名次
run-case-failed = 计分失败：{ $reason }
run-case-no-agency = 期望结果中的单位 `{ $agency }` 不在该用例中
run-case-total = { $agency }：总分为 { $got }，应为 { $want }
run-case-grade = { $agency }：等次为 { $got }，应为 { $want }
run-case-rank = { $agency }：名次为 { $got }，应为 { $want }
run-case-no-points = { $agency }：指标 `{ $indicator }` 没有得分（未知或不适用）
run-case-points = { $agency }：`{ $indicator }` 得 { $got } 分，应为 { $want }
