# 满意度调查导入（kaohe survey）：剔除原因（rejected.csv）与导入报告（import-report.md）。

## 剔除原因

survey-malformed-csv = CSV 格式错误：{ $error }
survey-row-width = 这一行有 { $fields } 个字段，而表头有 { $width } 列：每列应恰好一个字段（值中有未加引号的逗号？）
survey-not-utf8 = 第 { $column } 列：文字不是有效的 UTF-8（文件从开头按 UTF-8 读取；如为 GBK 编码，请加 --encoding gbk）
survey-no-agency = 列 `{ $column }`：未填被评单位：应填写所评价的单位
survey-unknown-agency = 列 `{ $column }`：未知单位 `{ $agency }`：应为问卷中 { $count } 个单位之一（名称、代码{ $form ->
    [number] 或序号
   *[other] {""}
}）
survey-unknown-group = 列 `{ $column }`：未知答卷人类别 `{ $group }`：应为 { $expected } 之一
survey-missing-answer = 列 `{ $column }`：必答题 { $question } 未作答
survey-option-position = 选项序号 1 至 { $count }
survey-answer-out-of-range = 列 `{ $column }`：题 { $question } 的答案 `{ $answer }` 超出范围：应为 { $expected }
survey-bad-seconds = 列 `{ $column }`：无法识别的答题用时 `{ $value }`：应为秒数，如 `136秒` 或 `136`
survey-bad-submitted = 列 `{ $column }`：无法识别的提交时间 `{ $value }`：应形如 `2022/06/01 14:22:55`

## 导入报告（import-report.md）

survey-import-title = 导入报告：{ $title }（{ $id }）
survey-import-sha = 问卷 SHA-256：{ $sha256 }
survey-import-files-header = | 文件 | 编码 | 行数 | SHA-256 |
survey-import-rows = 读取 { $rows } 行：有效 { $valid } + 筛除 { $screened } + 剔除 { $rejected } = { $accounted }（{ $check }）。
survey-import-accounted = 每一行都有去向
survey-import-mismatch = 不一致
survey-import-rules-header = | 筛除规则 | 行数 |
survey-import-per-agency = 各单位（最低有效样本量 { $minimum }）：见 `accounting.csv`；低于最低样本量：{ $below }。
survey-import-none = 无
survey-import-first-rejected = 最先剔除的行（全部见 `rejected.csv`）：
