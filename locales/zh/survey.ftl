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

## 导入错误

survey-internal-second-pass = 内部错误：重复答卷筛查第二遍又发现了新的提交时间乱序的键；请连同问卷文件和导出一起报告此问题
survey-same-content = 此文件与 { $other } 内容相同（SHA-256 { $sha256 }…）：同一导出给了两次？每个导出只应给一次（否则其答卷会计算两次）
survey-response-twice = 序号 { $id }、提交时间 `{ $submitted }` 的答卷再次出现：第一次在 { $first }；同一导出给了两次，或同一导出的两次下载合并到了一起？每份答卷只应出现一次
survey-no-responses = 导出只有表头，没有答卷：应至少有一行答卷（在收到答卷之前导出的？）
survey-no-responses-in-any = { $files } 个导出都没有答卷（只有表头）：应至少有一行答卷（在收到答卷之前导出的？）
survey-malformed-header = CSV 表头格式错误：{ $error }
survey-shard-same-content = { $file }（分片 { $shard }）与 { $other }（分片 { $other_shard }）内容相同：同一分片或导出给了两次？每个导出只应在一个分片中出现一次
survey-file-in-two-shards = 文件 { $file } 在两个分片中都导入了（{ $shard }）：每个文件只属于一个分片
survey-column-twice = 表头中 `{ $column }`（{ $what }）出现了不止一次：应只有一列叫这个名字（请重命名导出的列，如给矩阵题的行加前缀）
survey-column-missing = 表头中没有问卷所指的列 `{ $column }`（{ $what }）
survey-col-agency = 被评单位
survey-col-group = 答卷人类别
survey-col-question = 题 { $question }
survey-col-seconds = 答题用时，用于 min_seconds
survey-col-submitted = 提交时间，用于重复答卷筛除
survey-col-key = 重复答卷的判别列
survey-col-attention = 注意力检测题

## 问卷文件（questionnaire TOML）

survey-q-not-utf8 = 问卷文件应为 UTF-8 文本
survey-q-invalid = 问卷格式错误：{ $error }
survey-q-empty-id = 问卷 id 为空：应如 `shanxi-2022-social`
survey-q-no-key-columns = 没有判别列：应如 ["来自IP"]
survey-q-no-options = 量表没有选项：应至少有一个
survey-q-option-twice = 选项 `{ $option }` 出现了两次
survey-q-option-value = 选项 `{ $option }` 的分值为 { $value }：应为 0 至 100
survey-q-dont-know-value = 选项 `{ $option }` 是“不了解”选项却有分值：“不了解”的答案不计入分母，因此不取分值
survey-q-option-no-value = 选项 `{ $option }` 没有分值：应为 `value = 0..100` 或 `dont_know = true`
survey-q-too-many-options = 选项超过 250 个：应为评分量表
survey-q-agency-twice = 单位代码 `{ $agency }` 出现了两次
survey-q-label-two-agencies = `{ $label }` 指向两个单位（`{ $first }` 和 `{ $second }`）：名称应唯一，如用 `太原市城区` 而不是 `城区`
survey-q-no-agencies = 没有单位：应列出被评价的单位
survey-q-group-twice = 答卷人类别 `{ $group }` 出现了两次
survey-q-group-weight = 答卷人类别 `{ $group }` 的权重为 { $weight }：应为正数
survey-q-group-count = 答卷人类别应为 1 至 250 个
survey-q-question-twice = 题号 `{ $question }` 出现了两次
survey-q-question-weight = 权重 { $weight }：应为正数
survey-q-unknown-scale = 未知量表 `{ $scale }`：应为 { $expected } 之一
survey-q-no-questions = 没有题目：应至少有一道计分题
survey-q-unknown-question = 未知题目 `{ $question }`
survey-q-min-answered = { $value }：应为 2 至所列题目数（{ $listed }）

# 读回一次导入的输出（survey merge、survey report）：被手工改动的文件错在哪里。
survey-readback-agency = 单位 `{ $agency }` 不在问卷 { $survey } 中
survey-readback-no-agency = 没有单位
survey-readback-not-integer = `{ $value }` 不是整数
survey-readback-width = 应有 { $width } 个字段
survey-readback-group = 未知的受访者类别 `{ $group }`
survey-readback-file = 文件 `{ $file }` 未列在 inputs.csv 中
survey-readback-questionnaire = 该结果用问卷 { $was }（SHA-256 { $was_sha }）导入，而不是 { $survey }（{ $sha }）：只能合并同一份问卷的导入结果
survey-readback-question = 未知的题目 `{ $question }`
survey-readback-option = 未知的选项 `{ $option }`
survey-readback-rule = 未知的筛除规则 `{ $rule }`
survey-readback-not-decimal = `{ $value }` 不是小数
survey-readback-score = `{ $value }`：应为 0–100 之间、最多 6 位小数的分数

## 读取与合并

survey-long-record = 从这一行开始的一条记录（答卷）超过 { $bytes } 字节：应每行一份答卷（有未闭合的引号，或不是 CSV 导出？）
survey-reader-failed = 读取文件的线程失败
survey-positions-unconfirmed = 这个导出按序号（选项位置）记录答案，但量表 `{ $scale }`（题 { $question }）的选项顺序未经确认（positions_confirmed = false）：应使用由两个导出起草的问卷（`kaohe survey init 按文本导出 按序号导出`），或核对选项顺序后删去这一行
survey-merge-agency-split = 单位 { $agency } 的答卷同时出现在 { $first } 和 { $second } 中：问卷筛除重复答卷，只有每个单位的答卷都在同一分片中时才能准确合并：请把这些文件一起导入
