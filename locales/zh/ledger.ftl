# 台账：每一行的文字（explain、preview 及 scores.json 的 detail）。分值由程序写好后传入；名称用方案自己的。
ledger-survey-below-minimum = 问卷 `{ $survey }` 样本量不足（n = { $n }）
ledger-flagged = 已标注：{ $why }
ledger-sample = 样本量 { $n }
ledger-redistribute-even = 平均分配
ledger-redistribute-proportional = 按比例分配
# 上级指标中不适用的分值，分给适用的下级指标。
ledger-redistribute = { $node }不适用的分值{ $unused }{ $how }：{ $child }满分{ $old } → { $new }，得分{ $points } × { $new }/{ $old }
ledger-geometric-mean = { $name }：{ $children } 的加权几何平均 → { $value }
ledger-gated = 前置条件：`{ $gate }` 未高于0分，`{ $node }` 计0分
ledger-normalised-node = { $name }：{ $text }（下级各行 × { $slope }）
ledger-floored = 扣完为止：`{ $node }` 不低于0分
ledger-node-rounded = `{ $node }` 保留{ $decimals }位小数 { $from } → { $to }
ledger-rounded = 舍入 { $from } → { $to }
ledger-dimension-rounded = 一级指标舍入 { $from } → { $to }
ledger-rescale = 适用满分{ $applicable }，得分{ $points }折算为{ $total }分制：× { $total }/{ $applicable }
ledger-base-rounded = 基础分舍入 { $from } → { $to }
ledger-total-rounded = 总分舍入 { $from } → { $to }
ledger-total-floor = 总分不低于0分
ledger-inside-geometric = { $detail }［计入几何平均 `{ $node }`，由该行计分］
ledger-share-of-total = { $detail }［× { $share } 计入总分］
ledger-residue = 各行保留{ $decimals }位小数的尾差（{ $gap }）
ledger-full-before-deductions = { $name }：满分{ $max }分，扣分前
# 重大问题之后（含前导空格）。
ledger-major = （重大问题，不受扣完为止限制）
ledger-kind-deductions = { $name }：扣分
ledger-task-not-applicable = { $name }：不适用，不计入满分
ledger-task-none = { $name }：无完成记录（截止{ $due }）→ 0
ledger-task-not-done = { $name }：未完成（截止{ $due }）→ 0
ledger-task-on-time = { $name }：{ $date }完成，按时（截止{ $due }）→ { $max }
ledger-task-after-cutoff = { $name }：{ $date }完成，晚于最后期限{ $cutoff } → 0
# 指标名称及其得分的算法。
ledger-item = { $name }：{ $text }
ledger-value-missing-zero = { $name }：无数值记录 → 0
ledger-value-missing-not-applicable = { $name }：无数值记录，不适用，不计入满分
ledger-value-not-applicable = { $name }：{ $why }，不适用，不计入满分
ledger-value-zero = { $name }：{ $why } → 0
# 一个问题或加分项：名称、数量、每处分值。
ledger-per-item = { $name } × { $count }：每处{ $each }分
ledger-all-bonus = 加分合计
ledger-bonus-below-threshold = 加分不计：基础分{ $base }低于{ $min }分
ledger-bonus-weighted = 加分计入{ $part }，按权重{ $weight }折算：{ $points } × { $weight }
ledger-capped-gain = { $what }以{ $cap }分为限（共得{ $sum }分）
ledger-capped-loss = { $what }以{ $cap }分为限（共扣{ $sum }分）
ledger-with-appeal = { $text }；{ $appeal }
ledger-all-penalties = 减分合计
ledger-lookback-name = 回头看
ledger-lookback-repeat = ；今年再次发现：× { $multiplier }
ledger-lookback = 上年问题“{ $kind }”：{ $status } → { $points }
ledger-node-veto = 单项否决 { $veto }：{ $node }计0分（原{ $points }分）
ledger-threshold = { $node }得分{ $points }，低于{ $min }分，等次为{ $grade }
ledger-veto-set = 一票否决 { $veto }：得分定为{ $score }分
ledger-veto-overturned = 否决 { $veto } 未执行：{ $appeal }
ledger-veto-cap = 一票否决 { $veto }：得分以{ $cap }分为限
ledger-veto-grade = 一票否决 { $veto }：等次定为{ $grade }
ledger-veto-see-indicator = 单项否决 { $veto }：见指标行
# 标准化计分的指标（docs/composite.md）。
ledger-scope-run = 全部单位
ledger-scope-group = 类别 `{ $group }`
ledger-scope-parent = 上级单位 `{ $parent }`
ledger-minmax-goalposts = 固定上下限
ledger-minmax-data = 数据
ledger-minmax-flat = 极差法：各单位数值均为{ $value } → { $max }
ledger-clamped = （已截断）
# 计分区间之后（含前导逗号）。
ledger-lower-is-better = ，越低越好
ledger-minmax = 极差法（{ $whose }）［{ $low }，{ $high }］
# A scaling, whether lower is better, then the value and its points.
ledger-scaled = { $how }{ $lower }：{ $value } → { $points }
ledger-zscore-fixed = 固定
ledger-zscore = 标准分，{ $whose }均值{ $mean }、标准差{ $sd }
ledger-relative-to-best = 相对最优值{ $best }：{ $value } → { $points }
ledger-no-measure = 无 `{ $measure }` 记录
ledger-no-denominator = 无分母 `{ $per }` 记录
ledger-imputed = { $note }：以{ $scope }内{ $count }个数值的均值补齐 = { $mean }
ledger-rank-by-value = 按数值在{ $count }个单位中排名：{ $value } → { $points }
ledger-winsorised = ；缩尾 { $from } → { $to }（在{ $scope }内调整{ $moves }次）
ledger-normalised = { $name }：{ $note }{ $winsorised }；{ $text }
# 测量值换算为得分。
ledger-tier = 分档：{ $value } { $bound } → { $points }
ledger-tier-none = 分档：{ $value } 不在任何一档 → 0
ledger-relative-to-group-best = 相对本类别最优值{ $best }：{ $value } → { $points }
ledger-rank-in-group = 按数值{ $value }在本类别排第{ $rank }名（共{ $of }个）→ { $points }
ledger-linear = 线性：{ $value } 介于 { $zero }（0分）与 { $full }（{ $max }分）之间 → { $points }
ledger-target-met = { $value } 达到目标 { $target } → { $max }
ledger-short-of-target = { $value } 距目标 { $target } 差 { $short }：扣 { $units } × { $each } → { $points }
# 逾期完成的任务。
ledger-late-nothing = 完成于{ $done }，超过截止日期{ $due } { $days }天：逾期不得分
ledger-late-share = 完成于{ $done }，逾期{ $days }天（截止{ $due }）：按{ $max }的{ $share }计 → { $points }
ledger-late-months = 完成于{ $done }，逾期{ $months }个月（截止{ $due }）
ledger-late-blocks = 完成于{ $done }，逾期{ $days }天（截止{ $due }），按{ $block }天计{ $blocks }个周期
# 逾期情况，然后满分减去逾期扣分，不低于下限。
ledger-late-reduced = { $late }：{ $max } − { $count } × { $each }，不低于{ $min } → { $points }
# 加分前置条件未满足：加分不计。
ledger-bonus-gate-below = { $nodes }得分{ $points }，低于{ $bound }分，加分不计
ledger-bonus-gate-not-above = { $nodes }得分{ $points }，未高于{ $bound }分，加分不计
