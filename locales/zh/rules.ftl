# 规则文件：读取与校验中的问题。
# 未知的键或取值，附上最接近的名称。
rules-did-you-mean = （是不是 `{ $name }`？）
rules-unknown-key = 未知的键 `{ $key }`{ $hint }，应为以下之一：{ $expected }
rules-unknown-value = 未知的取值 `{ $value }`{ $hint }，应为：{ $expected }
# 方案校验（src/rules/validate.rs），按出错的键排列。
rules-bonus-min-base = min_base { $m } 高于 scheme.total { $top_total }：加分永远不会计入
rules-scheme-basis = basis 为空：应写明方案所依据的文件
rules-scheme-year = 年度 { $y }：应为1900至2200之间的年份
rules-scheme-total = 总分为 { $total }：应为正数
rules-value = 未知的{ $what }`{ $word }`：应为 { $list }
rules-indicator-id = 指标 id 为空：应为简短的 id，如 D1.2
rules-indicator-id-2 = 指标 id `{ $id }` 重复（首次定义于第 { $prev_line } 行）
rules-indicator-parent = 指标 `{ $id }` 的上级为 `{ $value }`，但本文件中没有这个指标 id
rules-indicator-parent-2 = 指标 { $members } 的上级关系构成循环：应为树形结构
rules-indicator = 方案中没有指标：至少应有一个 [[indicator]]
rules-veto-id = 否决项 id `{ $id }` 重复
rules-veto = 否决项 `{ $id }` 不起任何作用：应给出 grade、score 或 indicator
rules-veto-grade = 等次 `{ $value }` 不是类别 `{ $id }` 的等次：应为以下之一：{ $name }
rules-veto-score = 分数上限 { $value } 不在 0 至 { $total } 之间
rules-veto-score-2 = 分数上限 { $value } 的小数位数多于方案保留的位数（{ $decimals }）：应为总分可能取到的值
rules-veto-basis = basis 为空：应写明否决项所依据的条款
rules-veto-kind = 问题类型为空：应写明触发否决的问题类型
rules-veto-kind-2 = 问题类型 `{ $kind }` 触发两个否决项：每种问题类型只应对应一个否决项
rules-lookback-repeat-multiplier = repeat_multiplier 为 { $m }：应不小于1（再次发现不会扣得更少）
rules-lookback-basis = basis 为空：应写明回头看所依据的条款
rules-value-2 = { $value }：应为要扣的分值，0或正数
rules-group-tie-break = 未知的同分排序依据 `{ $k }`：应为一级指标 id、`base` 或 `bonus`
rules-max = 指标 `{ $id }` 的满分为 { $max }：应为正数
rules-basis = 指标 `{ $id }` 未注明依据：应写 basis = "<文件> <条款>"
rules-max-2 = 指标 `{ $id }` 的满分为 { $cm }，但其上级 `{ $id2 }` 按 { $max } 分制对下级取平均：应为 max = { $max }
rules-max-3 = 指标 `{ $id }` 的满分为 { $max }，但其下级满分之和为 { $sum }：两者应相等
rules-groups = 未知的类别 `{ $value }`：应为以下之一：{ $group_ids }
rules-indicator-2 = 计分项 `{ $id }` 有 { $methods } 种计分方法：应恰好为 [[indicator.deduct]]、[indicator.deadline]、[indicator.measure]、[indicator.survey]、[indicator.normalise] 之一
rules-indicator-3 = 指标 `{ $id }` 既有下级又有计分方法：计分方法只应写在末级计分项上
rules-round = round = { $value }：应为0至20位小数
rules-weight-bounds = 指标 `{ $id }`：weight_bounds = { $value }：应为 [下限, 上限]，且 0 ≤ 下限 ≤ 上限
rules-rank-decimals = { $value }：应为0至20位小数
rules-gate = 指标 `{ $id }` 以 `{ $value }` 为前置条件：应为排在它前面的同级指标的 id（同一上级、文件中在前）
rules-weight = 权重 { $w }：应为正数
rules-rounding-decimals = { $decimals } 位小数：应为0至10位
rules-group = 方案未定义类别：至少应有一个带等次的 [[group]]
rules-group-id = 类别 id `{ $id }` 重复
rules-group-grade = 类别 `{ $id }` 没有等次：应有 [[group.grade]]，从高到低排列
rules-group-grade-min = 最低等次 `{ $name }` 从 { $min } 分起：最后一个等次应为 min = 0，使每个单位都有等次
rules-group-grade-2 = 最低等次设有名额限制：名额只应设在较高的等次上（没有单位会降到最低等次以下）
rules-group-rank-decimals = { $value }：应为0至20位小数
rules-group-grade-name = 等次 `{ $name }` 在类别 `{ $id }` 中出现两次
rules-group-grade-min-2 = 等次 `{ $name }` 的最低分为 { $min }，不低于上一等次的 { $value }：等次应从高到低、最低分递减
rules-value-3 = 上限 { $cap }：应为正数
rules-kind = 问题类型为空
rules-kind-2 = 问题类型 `{ $kind }` 已在第 { $prev } 行定价：每种问题类型只应定价一次
rules-deduct-points = 每处扣 { $points } 分：应为正数（发现一处问题所扣的分）
rules-deduct-major = 重大问题类型设有上限：重大问题应不设上限
rules-deadline-cutoff = 最后期限 { $cut } 早于截止日期 { $due }
rules-aggregate = 计分项 `{ $id }` 没有下级可汇总：aggregate 只应写在有下级的指标上
rules-normalise = 指标 `{ $id }` 有下级：其 normalise 对汇总值标准化，不接受 measure、per、missing、impute_within 或 winsorise
rules-normalise-method = 指标 `{ $id }`：排名不是线性变换：有下级的指标应使用 minmax、zscore、best 或 none
rules-normalise-method-2 = 指标 `{ $id }`：最优值 ÷ 数值 不是线性的：有下级的指标使用 method = "best" 时应为 higher_is_better
rules-normalise-impute-within = 计分项 `{ $id }`：有 impute_within 但没有 missing = "mean"
rules-normalise-mean = 计分项 `{ $id }`：mean 和 sd 只用于 method = "zscore"
rules-normalise-low = 计分项 `{ $id }`：low、high 和 clamp 只用于 method = "minmax"
rules-normalise-method-3 = 计分项 `{ $id }`：method = "{ $method }" 不接受 low、high、clamp、mean 或 sd
rules-normalise-low-2 = 计分项 `{ $id }`：low { $l } 不低于 high { $h }：应为 low < high
rules-normalise-low-3 = 计分项 `{ $id }` 只给了 low 和 high 之一：应同时给出两个固定上下限，或都不给
rules-normalise-clamp = 计分项 `{ $id }`：有 clamp 但没有固定上下限：由数据得出的上下限无需截断
rules-normalise-sd = 计分项 `{ $id }`：sd { $sd }：应为正数
rules-normalise-mean-2 = 计分项 `{ $id }` 只给了 mean 和 sd 之一：应两者都给或都不给
rules-value-4 = { $value }：应为0至1之间的比例
rules-value-5 = `{ $value }`：应为日期，如 2022-11-30（不含时间）
rules-indicator-4 = 计分项 `{ $id }` 用 { $count } 种规则换算数值：应恰好为 linear、tiers、per_unit、relative_to_best、by_rank 之一
rules-linear = zero_at 和 full_at 都是 { $zero_at }：应为两个不同的值
rules-per-unit = points 和 per 必须为正数
rules-by-rank-points = 没有分值：应给出第1、2……名的得分
rules-by-rank-points-2 = 应为不递增的分值，介于0与该项满分 { $max } 之间
rules-by-rank-then-step = then_step 为负数：应为此后每低一名减少的分值（≥ 0）
rules-tiers = 没有分档：应为 {"{"} at_least = …, share = … {"}"} 的列表
rules-tiers-2 = 每一档应恰好有 at_least 或 at_most 之一
rules-tiers-share = 比例 { $value }：应为0至1
rules-tiers-points = 分值 { $value }：应不超过该项满分 { $max }
rules-tiers-3 = 每一档应恰好有 share 或 points 之一
rules-tiers-4 = 各档应全部为 at_least（界值递减）或全部为 at_most（界值递增）：先满足的一档生效，后面的档永远不会用到
rules-bonus-min-base-2 = min_base { $m }：基础分应 ≥ 0
rules-bonus-item-id = 加分项 `{ $id }` 重复
rules-bonus-item-points = { $points }：每次奖励的分值应为正数
rules-bonus-item-basis = basis 为空：应写明加分所依据的条款
rules-bonus-item-groups = 未知的类别 `{ $value }`
rules-penalty-kind-basis = basis 为空：应写明减分所依据的条款
rules-penalty-kind-points = { $points }：每处问题的分值应为正数
rules-group-total = 总分为 { $value }：应为正数
rules-scheme-total-2 = 一级指标满分之和为 { $root_sum }，但 scheme.total 为 { $scheme_total }：两者应相等
rules-scheme-total-3 = 一级指标满分之和全文件为 { $root_sum }，按类别为 { $detail }：全文件之和应等于 scheme.total { $scheme_total }，或每个类别之和等于该类别自己的总分
rules-group-grade-share-rounding = 有 `share_rounding` 但没有 max_share
rules-group-grade-min-count = 有 `min_count` 但没有 max_share
rules-group-grade-3 = 同时有 max_share 和 max_count：最多只能有一种名额限制
rules-group-grade-max-share = max_share { $value }：应为 (0, 1] 之间的比例，如 0.3 表示30%
rules-deadline = late_share、late_per_month、late_per_block 给了不止一个：逾期计分只应有一种方式
rules-deadline-block-days = 0：周期至少应为1天
rules-deadline-block-days-2 = 有 `deadline.block_days` 但没有 late_per_block
rules-value-6 = { $value }：每逾期一{ $per }扣的分应为正数
rules-deadline-late-min-share = 有 late_min_share 但没有 late_per_month 或 late_per_block
rules-veto-score-mode = 有 `veto.score_mode` 但没有 score
rules-bonus-gate-sum-of = sum_of 为空：应列出其得分决定能否加分的指标 id
rules-bonus-gate-sum-of-2 = `{ $id }` 不是本文件中的指标 id
rules-bonus-gate = 应恰好有 at_least 或 above 之一
rules-bonus-gate-2 = { $bound } 超过所列指标的满分 { $most }：加分永远不会计入
rules-veto-2 = 针对指标 `{ $id }` 的否决不能同时设定或限制总分：除 indicator 外应只有 grade = "…" 或什么都没有
rules-veto-indicator = `{ $id }` 不是本文件中的指标 id
rules-threshold-min = { $min } 不在 (0, { $max }] 内：最低分应在该指标的分值范围内
rules-threshold-grade = 等次 `{ $grade }` 不是类别 `{ $id }` 的等次：应为以下之一：{ $names }
rules-lookback-kinds = `{ $k }` 已在第 { $line } 行定价：只应列出本方案不再定价的问题类型
rules-redistribute = 计分项 `{ $id }` 上有 `redistribute`：应写在有下级的指标上
rules-bonus-to = `{ $to }` 不是一级指标
rules-bonus-to-2 = `{ $to }` 不是本文件中的指标 id
rules-list-or = { $items } 或 { $last }
