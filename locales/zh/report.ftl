# 报告（kaohe report）：rankings.xlsx、report.md/html、通报（docx/pdf）与图表。
# rankings.xlsx 的排名表列标题与取值同 rankings.csv（见 output.ftl）。页面表头中维度一条在英文中
# 显示代码：只有默认分支的选择表达式（以 $id 选择、显示 $name）使两种语言引用同样的参数。

## rankings.xlsx 的“指标得分”表

report-xlsx-indicator-sheet = 指标得分
report-xlsx-rule = 指标
report-xlsx-points = 得分
report-xlsx-unnamed-group = 组

## 页面（report.html、report.md、通报）上的表头

report-title-group = 类别
report-title-rank = 名次
report-title-agency-id = 单位代码
report-title-agency = 单位名称
report-title-total = 总分
report-title-grade = 等次
report-title-dimension = { $id ->
   *[other] { $name }（{ $max }）
}
report-title-tail = { $column ->
    [applicable_max] 适用满分
    [rescale] 折算
    [bonus] 加分
    [penalty] 减分
    [lookback] 回头看
    [adjustment] 调整
    [veto] 否决
    [demoted_by_quota] 名额降档
    [appeals_changed] 申诉改分
    [appeals_pending] 申诉待决
   *[other] { $column }
}
report-page-yes = 是

## report.md / report.html

report-md-title = { $title }
report-basis = 依据：{ $basis }
report-md-total = 满分：{ $total }；计分保留 { $decimals } 位小数。
report-html-basis = 依据：{ $basis }；满分 { $total }。
report-html-lang = zh-CN
report-grade-distribution = 等次分布
report-group-count = { $group }（{ $count } 个单位）
report-html-agency-charts = 各单位与本组对比（{ $count } 张图）
report-notes = 说明
report-method-rate = 得分率 = 得分 ÷ 该单位适用的满分；不适用的指标不计入分母。
report-method-rescale = 适用满分低于方案满分的单位，基础得分按比例折算到方案满分（“折算”列）。
report-method-total = 总分 = 各维度得分 + 折算 + 加分 + 减分 + 回头看 + 调整（否决封顶、取整）。
report-method-rank = 同组内按总分排名，同分并列（并列第 9 名之后为第 11 名）；否决项可覆盖等次。
report-html-dimensions = 维度
report-html-code = 代码
report-html-name = 名称
report-html-max = 满分
report-grade-standards = 等次标准
report-grade-min = 最低分
report-previous-file = 上年结果：{ $file }。
report-inputs = 输入文件
report-inputs-kind = 类别
report-inputs-file = 文件
report-inputs-read = 读取行
report-inputs-used = 采用行
report-inputs-rejected = 剔除行
report-scheme-version = 方案 { $scheme }，kaohe { $version }。
report-html-font-note = 图中文字使用 Noto Sans CJK SC 子集字体（SIL OFL 1.1）。
report-html-figcaption = { $title }（{ $link }）
report-figure = 图：{ $caption }
report-pdf-page = 第 { $page } 页 共 { $pages } 页

## 通报（report.docx、report.pdf）

report-doc-title = 关于{ $title }结果的通报
report-doc-issuer = 政务公开工作领导小组办公室
report-doc-year = { $year }年度
report-doc-intro = 根据{ $basis }，现将{ $title }结果通报如下。
# 节标题：「一、总体情况」。
report-doc-heading = { $number }、{ $title }
report-doc-numeral = { $n ->
    [0] 零
    [1] 一
    [2] 二
    [3] 三
    [4] 四
    [5] 五
    [6] 六
    [7] 七
    [8] 八
    [9] 九
   *[other] 十
}
report-doc-overview = 总体情况
report-doc-vetoes-and-demotions = 否决事项与名额降档
report-doc-against-last-year = 与上年比较
report-doc-rankings = 各组排名
report-doc-points = { $points }分
report-doc-named = { $label }（{ $points }）
# 句中列举的分隔符。
report-list-sep = 、
report-clause-sep = ；
report-doc-grade-count = { $grade } { $count } 个
report-doc-group-count = { $group }共 { $count } 个单位：{ $grades }。
report-doc-top = 前{ $numeral }名：{ $list }
report-doc-bottom = ；后{ $numeral }名：{ $list }
report-doc-period = 。
report-doc-veto-grade = 等次定为{ $grade }
report-doc-veto-cap = 总分封顶 { $cap } 分
report-doc-veto-other = 按否决处理
report-doc-veto-item = { $agency }因“{ $veto }”（{ $rule }）{ $effect }
report-doc-no-veto = 本次考核无单位触发否决事项。
report-doc-vetoes = { $count } 个单位触发否决事项：{ $list }。
report-doc-quota-see = （名额规则见等次标准）
report-doc-no-demotion = 本次考核无单位因名额限制降档{ $rule }。
report-doc-demoted = { $count } 个单位分数达到上一等次分数线，因名额限制降为下一等次{ $rule }：{ $list }。
report-doc-move = { $label }（{ $change }分，名次 { $was }→{ $now }）
report-doc-unranked = 不排名
report-doc-none = 无
report-doc-movers = { $group }（与上年可比 { $count } 个单位）：进步最大 { $up }；退步最大 { $down }。
report-doc-grade-table = 等次标准与名额规则
report-doc-quota-rule = 名额规则
report-doc-ranking-caption = { $group }排名（{ $count } 个单位）

## 名额规则（等次标准表）

report-quota-ties-keep = 名额边界同分者均保留该等次
report-quota-ties-demote = 名额边界同分者超出名额时一并降档
report-quota-count = 不超过 { $count } 个单位
report-quota-floor = 向下取整
report-quota-round = 四舍五入
report-quota-ceil = 向上取整
report-quota-at-least = ，且不少于 { $count } 个
report-quota-share = 不超过本组单位数的 { $percent }%（{ $how }）{ $floor }
report-quota-rule = { $rule }，超出者降为下一等次；{ $ties }

## 上年结果（--previous）

report-previous-not-utf8 = 不是 UTF-8 编码（应为 kaohe 写出的 rankings.csv）
report-previous-missing-column = 缺少此列（应为 kaohe 写出的 rankings.csv，中文或英文表头均可）
report-previous-not-a-number = 不是数字：{ $value }
report-previous-not-a-rank = 不是名次：{ $value }
report-previous-twice = 单位 { $agency } 出现了两次

## 终端

report-progress-drawing = 绘制图表
report-progress-writing = 写出图表
report-font-missing = 标签“{ $label }”中的 { $chars } 不在内嵌字体中，会显示为方框；请加入 assets/fonts/extra-chars.txt 并重新运行 scripts/subset-font.sh

## 图表

report-chart-part = { $title }（第{ $part }部分/共{ $parts }部分）
report-chart-total = 总分
report-chart-mean = 均值 { $mean }
report-chart-veto = 否决
report-chart-distribution-title = 各组总分分布与等次区间
report-chart-distribution-ring = 空心：等次由名额限制或一票否决决定（颜色为最终等次）
report-chart-ranking-title = { $group }：总分排名
report-chart-quota = （名额所限）
report-chart-veto-named = （否决：{ $veto }）
report-chart-composition-title = { $group }：得分构成
report-chart-composition-note = 折算：按适用满分换算到总分的增减；否决/调整：一票否决封顶、下限与取整
report-chart-rescale = 折算
report-chart-bonus = 加分
report-chart-penalty = 减分
report-chart-lookback = 回头看
report-chart-veto-adjustment = 否决/调整
report-chart-vetoed = { $label }（否决）
report-chart-heatmap-title = { $group }：各维度得分率
report-chart-not-applicable = 不适用
report-chart-change-title = { $group }：与上年相比
report-chart-change-axis = 总分（空心：上年，实心：本年）
report-chart-change-rank = { $change }，名次 { $was }→{ $now }
report-chart-change-unranked-now = { $change }，名次 { $was }→不排名
report-chart-change-ranked-now = { $change }，不排名→名次 { $now }
report-chart-change-unranked = { $change }，两年均不排名
report-chart-change-new = 上年无
report-chart-agency-title = { $agency }与{ $group }各维度得分率
report-chart-rate-axis = 得分率（%）
report-chart-own = 本单位
report-chart-group-range = 组内最低—最高
report-chart-group-mean = 组内均值
report-chart-group-mean-value = 组内均值 { $mean }
report-chart-verdict = 总分 { $total } · 等次 { $grade }
report-chart-verdict-veto = （由一票否决决定：{ $veto }）
report-chart-verdict-quota = （因等次名额所限下调）
report-chart-verdict-points = （按得分）
report-chart-satisfaction-title = { $group }：{ $survey }满意度指数及95%置信区间
report-chart-satisfaction-index = 满意度指数
report-chart-satisfaction-ci = 95%置信区间
report-chart-below-minimum = 样本量不足
report-chart-below-minimum-key = 样本量不足（灰色空心）
report-chart-no-result = 无调查结果
