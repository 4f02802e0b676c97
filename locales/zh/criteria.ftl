# 评分细则（kaohe rules table）：由规则文件写出的评分标准。
criteria-sep = ；
criteria-end = 。
criteria-comma = ，
criteria-list-sep = 、
criteria-quoted = “{ $name }”
criteria-date = { $y }年{ $m }月{ $d }日
criteria-title = { $title }评分细则
criteria-basis-line = 依据：{ $basis }
criteria-table-caption = 评分细则
criteria-level = { $n ->
    [1] 一级指标
    [2] 二级指标
    [3] 三级指标
    [4] 四级指标
    [5] 五级指标
   *[other] { $n }级指标
}
criteria-col-points = 分值
criteria-col-standard = 评分标准
criteria-col-applies = 适用对象
criteria-col-basis = 依据
criteria-col-indicator = 指标
criteria-col-rule = 合成规则
criteria-col-bonus = 加分项目
criteria-col-penalty = 减分事项
criteria-col-veto = 否决事项
criteria-col-veto-type = 类型
criteria-col-effect = 后果
criteria-col-group = 组别
criteria-col-grade = 等次
criteria-col-range = 分数
criteria-col-quota = 名额
criteria-node-points = { $name }（{ $points }分）
criteria-node-weighted = { $name }（{ $points }分，权重{ $weight }）
criteria-sheet-main = 评分细则
criteria-sheet-rules = 其他规则

# 扣分项
criteria-deduct = { $name }，每发现一处扣{ $points }分
criteria-deduct-capped = { $name }，每发现一处扣{ $points }分，本项最多扣{ $cap }分
criteria-deduct-major = { $name }，每发现一处扣{ $points }分（重大问题，不设上限，不受本项分值限制）
criteria-floor-item = 本项扣完为止
criteria-floor-at = 扣分可超出本项分值，以“{ $name }”的分值扣完为止
criteria-floor-none = 扣分不以本项分值为限

# 限时任务
criteria-due = { $date }前（含当日）完成得满分
criteria-late-zero = 逾期完成不得分
criteria-late-share = 逾期完成得该项分值的{ $pct }%
criteria-late-month = 逾期每月扣{ $points }分（不足一个月按一个月计）
criteria-late-day = 逾期每天扣{ $points }分
criteria-late-block = 逾期每{ $days }天扣{ $points }分（不足{ $days }天按{ $days }天计）
criteria-late-min = { $cost }，最低得该项分值的{ $pct }%
criteria-late-min-zero = { $cost }，扣完为止
criteria-cutoff = { $date }后完成的视为未完成
criteria-not-done = 未完成不得分

# 数值与满意度
criteria-subject-measure = 指标值
criteria-subject-measure-unit = 指标值（{ $unit }）
criteria-subject-survey = 社会评价“{ $survey }”满意度
criteria-subject-norm = “{ $measure }”的值
criteria-subject-norm-per = “{ $measure }”除以“{ $per }”的值
criteria-subject-aggregate = 合成值
criteria-linear-up = { $subject }{ $zero }及以下得0分，{ $full }及以上得满分，其间按比例计分
criteria-linear-down = { $subject }{ $full }及以下得满分，{ $zero }及以上得0分，其间按比例计分
criteria-tiers = { $subject }{ $tiers }，其余得0分
criteria-tier-at-least = 达到{ $bound }的{ $value }
criteria-tier-at-most = 不超过{ $bound }的{ $value }
criteria-tier-full = 得满分
criteria-tier-share = 得该项分值的{ $pct }%
criteria-tier-points = 得{ $points }分
criteria-per-unit-low = { $subject }达到{ $target }得满分，每低{ $per }扣{ $points }分，扣完为止
criteria-per-unit-high = { $subject }不超过{ $target }得满分，每高{ $per }扣{ $points }分，扣完为止
criteria-units-exact = 不足{ $per }的部分按比例扣分
criteria-units-floor = 不足{ $per }的部分不扣分
criteria-units-ceil = 不足{ $per }的按{ $per }计
criteria-relative-best = 得分 = { $subject } ÷ 本组最高值 × 该项分值
criteria-relative-best-low = 得分 = 本组最低值 ÷ { $subject } × 该项分值（值为0的得满分）
criteria-by-rank = 按{ $subject }在本组由高到低排名计分：{ $places }
criteria-by-rank-low = 按{ $subject }在本组由低到高排名计分：{ $places }
criteria-rank-place = 第{ $rank }名{ $points }分
criteria-rank-step = 其后每低一个名次少得{ $step }分，最低0分
criteria-rank-rest = 其后各名次均得{ $points }分
criteria-rank-ties = 数值相同的名次相同
criteria-missing-zero = 无数据的得0分
criteria-missing-na = 无数据的视为不适用，不计入满分
criteria-missing-error = 每个适用单位均须有数据
criteria-missing-mean = 无数据的以{ $scope }的平均值代替
criteria-below-min-flag = 有效样本量不足的照常计分并予注明
criteria-below-min-zero = 有效样本量不足的得0分
criteria-below-min-na = 有效样本量不足的视为不适用，不计入满分
criteria-scope-run = 全部单位
criteria-scope-group = 本组单位
criteria-scope-parent = 同一上级的单位
criteria-minmax-fixed = { $subject }{ $low }得0分，{ $high }得满分，其间按比例计分，{ $clamp }
criteria-minmax-fixed-low = { $subject }{ $high }得0分，{ $low }得满分，其间按比例计分，{ $clamp }
criteria-clamp = 超出范围的按端点计
criteria-no-clamp = 超出范围的按同一比例外推
criteria-minmax = { $subject }按{ $scope }中的最低值得0分、最高值得满分线性计分（数值均相同的均得满分）
criteria-minmax-low = { $subject }按{ $scope }中的最高值得0分、最低值得满分线性计分（数值均相同的均得满分）
criteria-zscore = { $subject }标准化：（值 − { $scope }的平均值）÷ 标准差
criteria-zscore-fixed = { $subject }标准化：（值 − { $mean }）÷ { $sd }
criteria-zscore-low = { $zscore }，数值越低越好，取相反数
criteria-best = 得分 = { $subject } ÷ { $scope }中的最高值 × 该项分值
criteria-best-low = 得分 = { $scope }中的最低值 ÷ { $subject } × 该项分值
criteria-norm-rank = 得分 = 1 + { $scope }中{ $subject }不如本单位的单位数（并列取低）
criteria-norm-none = 得分即{ $subject }
criteria-winsorise = 偏度绝对值超过{ $skew }且峰度超过{ $kurtosis }时，逐次将最极端的值缩至相邻值，至多{ $times }次

# 指标属性与合成
criteria-weight-total = 计入总分时乘以权重{ $weight }
criteria-weight-sum = 计入上级指标时乘以权重{ $weight }
criteria-weight-mean = 在上级指标平均值中的权重为{ $weight }
criteria-round = 得分保留{ $decimals }位小数（四舍五入）
criteria-gate = “{ $name }”得分为0的，本项计0分
criteria-composition-heading = 指标合成
criteria-aggregate-weighted = 取下级指标得分按权重加总
criteria-aggregate-mean = 取下级指标得分的加权平均值
criteria-aggregate-mean-plain = 取下级指标得分的算术平均值
criteria-aggregate-geometric = 取下级指标得分的加权几何平均值（各得分须大于0）
criteria-redistribute-even = 下级指标不适用的，其分值平均分配给本指标下其他适用的下级指标
criteria-redistribute-proportional = 下级指标不适用的，其分值按分值比例分配给本指标下其他适用的下级指标

# 适用对象
criteria-applies-all = 全部单位
criteria-applies-named = 仅{ $agencies }
criteria-applies-groups-and = { $groups }，以及{ $agencies }
criteria-applies-none = 无
criteria-applies-except = { $who }（{ $exempt }除外）

# 计分方法
criteria-method-heading = 计分方法
criteria-total = 满分{ $total }分
criteria-group-total = { $group }满分{ $total }分
criteria-rescale = 部分指标不适用的单位，得分按“实得分 ÷ 适用指标满分 × { $total }”折算
criteria-rescale-group = 部分指标不适用的单位，得分按“实得分 ÷ 适用指标满分 × 本组满分”折算
criteria-no-rescale = 不适用的指标不计入满分，得分不折算
criteria-rounding = { $steps }保留{ $decimals }位小数，四舍五入
criteria-no-rounding = 计分过程不作取舍
criteria-step-item = 各评分项得分
criteria-step-dimension = 各一级指标得分
criteria-step-base = 基础得分
criteria-step-total = 总分
criteria-order = 总分 = { $formula }，最低为0分，否决事项最后适用
criteria-term-base = 基础得分
criteria-term-bonus = 加分
criteria-term-penalty = 减分
criteria-term-lookback = 回头看扣分
criteria-plus = { " + " }{ $term }
criteria-minus = { " − " }{ $term }

# 加分、减分、否决、回头看
criteria-bonus-heading = 加分项
criteria-bonus-item = 每项加{ $points }分
criteria-bonus-item-capped = 每项加{ $points }分，本项最多加{ $cap }分
criteria-bonus-cap = 加分合计最多{ $cap }分
criteria-bonus-min-base = 基础得分达到{ $points }分的方可加分
criteria-bonus-gate = { $names }得分合计达到{ $points }分的方可加分
criteria-bonus-gate-above = { $names }得分合计超过{ $points }分的方可加分
criteria-bonus-to = 加分计入“{ $name }”，随其权重折算
criteria-penalty-heading = 减分项
criteria-penalty-item = 每发现一处扣{ $points }分
criteria-penalty-item-capped = 每发现一处扣{ $points }分，本项最多扣{ $cap }分
criteria-penalty-intro = 减分项从总分中扣减，不受指标分值限制
criteria-penalty-cap = 减分合计最多{ $cap }分
criteria-veto-heading = 否决事项
criteria-veto-one = 一票否决
criteria-veto-single = 单项否决
criteria-veto-zero = “{ $name }”计0分
criteria-veto-grade = 等次最高为{ $grade }（不占等次名额）
criteria-veto-set = 总分定为{ $score }分
criteria-veto-cap = 总分最高计{ $score }分
criteria-threshold-name = “{ $name }”得分低于{ $min }分
criteria-threshold-type = 分项底线
criteria-veto-rank-score = 触发否决的单位按总分参与排名。
criteria-veto-rank-last = 触发否决的单位排在本组其他单位之后。
criteria-veto-rank-unranked = 触发否决的单位不参与排名。
criteria-lookback-heading = 回头看
criteria-lookback-points = 上年考核发现的问题按整改情况扣分：已整改的每个扣{ $rectified }分，逾期整改的每个扣{ $late }分，部分整改的每个扣{ $partial }分，未整改的每个扣{ $not_rectified }分
criteria-lookback-repeat = 本年再次发现同类问题的，按{ $times }倍扣分
criteria-lookback-cap = 回头看合计最多扣{ $cap }分
criteria-lookback-kinds = 本年不再计分的上年问题类型：{ $kinds }

# 等次
criteria-grades-heading = 等次评定
criteria-band-all = 全部
criteria-band-top = { $min }分及以上
criteria-band-mid = { $min }分（含）至{ $below }分（不含）
criteria-band-low = 低于{ $below }分
criteria-quota-none = 不限
criteria-quota-count = 不超过{ $n }个
criteria-quota-share = 不超过本组单位数的{ $pct }%（{ $rounding }）
criteria-quota-with-min = { $quota }，至少{ $n }个
criteria-rounding-floor = 向下取整
criteria-rounding-round = 四舍五入
criteria-rounding-ceil = 向上取整
criteria-group-rules = { $group }：{ $rules }。
criteria-ties-dense = 总分相同的名次相同，下一名次紧接（如1、2、2、3）
criteria-ties-competition = 总分相同的名次相同，下一名次顺延（如1、2、2、4）
criteria-tie-break = 总分相同时依次比较{ $keys }，高者在前
criteria-tie-dimension = “{ $name }”得分
criteria-tie-base = 基础得分
criteria-tie-bonus = 加分
criteria-rank-decimals = 排名时总分按{ $decimals }位小数比较
criteria-quota-ties-include = 超出名额的单位按名次降为下一等次，名额边界同分的单位均保留该等次
criteria-quota-ties-exclude = 超出名额的单位按名次降为下一等次，名额边界同分且超出名额的，同分单位一并降为下一等次

# 命令行
criteria-bad-format = { $path }：无法识别的文件类型，应为 .xlsx、.docx 或 .md
criteria-out-is-rules = { $path }：输出文件就是规则文件，请另选输出路径
criteria-written = 已写出 { $path }（{ $rows }个评分项）
