# 命令行：各子命令打印的话。
# 写出两个文件之后。
cli-wrote-two = 已写出 { $first } 和 { $second }
# kaohe verify 的结论。
cli-verified = 核验通过：{ $files } 个文件一致；重算得到完全相同的输出
cli-not-verified = 核验未通过：{ $problems } 处问题
# kaohe check：规则文件有效，及其中各测试用例的结果。
cli-check-valid = { $rules }：有效 — { $dimensions } 个一级指标，{ $indicators } 个指标（{ $items } 个计分项），{ $groups } 个类别，{ $bonus } 个加分项，{ $penalties } 类减分，{ $vetoes } 项否决
cli-check-case-ok = 通过  用例 “{ $name }”（第 { $line } 行）
cli-check-case-fail = 失败  用例 “{ $name }”（第 { $line } 行）
cli-check-summary = { $passed } 个通过，{ $failed } 个失败
# 写出文件之后。
cli-wrote = 已写出 { $path }
cli-wrote-previews = 已在 { $dir } 下写出 { $count } 个单位的文件夹
cli-wrote-charts = 已在 { $dir } 写出 { $count } 个图表文件
# 行数（已按宽度右对齐）和文件。
cli-wrote-rows = { $rows } 行  { $path }
cli-warning = 警告：{ $message }
# 命令行上给出的单位代码不存在。
cli-no-agency = 没有代码为 `{ $agency }` 的单位{ $hint }
cli-did-you-mean = ：是不是 { $names }？
# 输出文件不能放在哪里。
cli-out-inside-data = 位于数据目录（{ $data }）内，该目录只能存放输入文件
cli-out-is-rules = 是规则文件
cli-out-is-dir = 是一个目录，应为文件

# `kaohe survey import` 结束时的一行：各去向的行数（相加等于读取行数）。
cli-survey-imported = 共 { $rows } 行：有效 { $valid } 行，筛除 { $screened } 行，拒收 { $rejected } 行；已写入 { $dir }
# `kaohe survey parse`：只解析、不分类时的计数。
cli-survey-parsed = { $records } 条记录，{ $fields } 个字段

# 输出目录不能与之重合或位于其中的目录（用在“是…”“位于…内”等提示中）。
cli-keep-data-dir = 数据目录
cli-keep-rules-dir = 规则文件所在目录
cli-keep-input-dir = 输入文件所在目录
