# kaohe survey report：调查组的统计报告（问卷星统计页式的答案分布与筛选核算）。

## 读取导入目录
survey-report-not-import = { $dir } 不是 kaohe survey import 的输出目录（没有 inputs.csv）：应给出 survey import 或 survey merge 的 --out 目录。
survey-report-other-questionnaire = 该目录由问卷 { $id }（SHA-256 { $sha }）导入，而给出的问卷是 { $expected_id }（SHA-256 { $expected_sha }）：应使用导入时的同一问卷文件。
survey-report-unbalanced = 核算不平：读取 { $rows } 行，而有效 + 筛除 + 拒收 = { $accounted } 行：导入目录已损坏或被改动，应重新导入。
survey-report-listed-rejected = 列出 { $listed } 条拒收行，而 accounting.csv 计 { $counted } 行：导入目录已损坏或被改动，应重新导入。
survey-report-listed-screened = 按规则 { $rule } 列出 { $listed } 条筛除行，而 accounting.csv 计 { $counted } 行：导入目录已损坏或被改动，应重新导入。
survey-report-counts-mismatch = 单位 { $agency } 的问题 { $question } 共计 { $counted } 个回答，而该单位有效答卷为 { $valid } 份：每份有效答卷应对每题恰有一个回答（含不了解、未作答），应重新导入。

## 词语
survey-report-skipped = 未作答
survey-report-valid = 有效
survey-report-screened = 筛除
survey-report-rejected = 拒收
survey-report-screened-by = 筛除：{ $rule }
survey-report-rows-read = 读取行数
survey-report-unresolved = （无法识别被评单位）
survey-report-total = 合计
survey-report-kind-rated = 评价
survey-report-kind-dont-know = 不了解
survey-report-kind-skipped = 未作答

## 筛选规则
survey-report-rule-min-seconds = 答题时间少于 { $seconds } 秒
survey-report-rule-min-seconds-off = 答题时间过短（未设置）
survey-report-rule-attention = 注意力检验未通过（{ $id }）
survey-report-rule-straight-lining = 各题选同一选项（直线作答）
survey-report-rule-no-rated-answer = 无评价（全部不了解或未作答）
survey-report-rule-duplicate = 重复作答（按 { $columns }）
survey-report-rule-duplicate-off = 重复作答（未设置）

## 图
survey-report-chart-count-share = { $count }（{ $share }%）
survey-report-chart-share-axis = 占比（%）
survey-report-chart-share-of-rated-axis = 占评价回答的比例（%）
survey-report-chart-accounting = 问卷筛选核算（读取 { $rows } 行）
survey-report-chart-question = { $id }. { $text }（全部单位）
survey-report-chart-per-agency = { $id }. { $text }（分单位）
survey-report-chart-part = { $title }（第{ $k }部分/共{ $of }部分）
survey-report-chart-of-rated = 评价选项：占 { $n } 个评价回答
survey-report-chart-of-responses = 不了解、未作答：占 { $n } 份有效答卷
survey-report-chart-rated-apart = 评价 { $rated }｜不了解等 { $apart }
survey-report-chart-no-rated = 无评价回答

## 页面与表格
survey-report-title = { $survey }：调查统计报告
survey-report-html-lang = zh-CN
survey-report-questionnaire = 问卷 { $id }，SHA-256 { $sha }。
survey-report-basis = 依据：{ $basis }
survey-report-accounting = 筛选核算
survey-report-accounting-sum = 读取 { $rows } 行 = 有效 { $valid } + 筛除 { $screened } + 拒收 { $rejected }，每行均有着落。
survey-report-accounting-per-agency = 分单位核算
survey-report-reasons = 拒收原因
survey-report-overall = 全部单位的答案分布
survey-report-per-agency = 分单位的答案分布
survey-report-agency-tables = 各单位明细
survey-report-agency-summary = { $agency }（{ $id }）：有效答卷 { $valid } 份
survey-report-question = { $id }. { $text }
survey-report-rated-of = 评价回答（有效答卷 { $responses } 份）
survey-report-notes = 说明
survey-report-note-counts = 各数均为有效答卷的实际份数（未按群体加权），由导入的 counts.csv 对各群体、各单位相加而得。
survey-report-note-shares = 评价选项的比例 = 该选项份数 ÷ 该题评价回答份数（不含不了解、未作答）；不了解、未作答的比例 = 份数 ÷ 有效答卷份数。比例保留一位小数，四舍五入。
survey-report-note-apart = 不了解（不适用）不计入满意度的分母，故单列，不计入评价选项的比例。
survey-report-note-files = 读取行数 = 有效 + 各规则筛除 + 拒收；被筛除、被拒收的每一行见导入目录的 screened.csv、rejected.csv（文件与行号）。
survey-report-font = 图文使用 Noto Sans CJK SC 子集字体（SIL OFL 1.1）。kaohe { $version }。
survey-report-col-outcome = 去向
survey-report-col-rows = 行数
survey-report-col-share-read = 占读取行（%）
survey-report-col-reason = 原因
survey-report-col-first = 首例（文件:行）
survey-report-col-agency-id = 单位代码
survey-report-col-agency = 单位
survey-report-col-question-id = 题号
survey-report-col-question = 题目
survey-report-col-option = 选项
survey-report-col-kind = 类别
survey-report-col-count = 小计
survey-report-col-base = 基数
survey-report-col-share = 比例（%）
survey-report-col-file = 文件
survey-report-col-encoding = 编码

## 工作簿
survey-report-sheet-accounting = 筛选核算
survey-report-sheet-reasons = 拒收原因
survey-report-sheet-overall = 总体分布
survey-report-sheet-per-agency = 分单位分布

## 命令行
survey-report-written = 已写出 { $files } 个文件到 { $dir }（有效答卷 { $valid } 份，{ $questions } 道评价题，{ $charts } 张图）。
survey-report-warning = 警告：{ $message }
