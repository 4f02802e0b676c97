# 稳健性分析（kaohe robustness）：终端摘要、robustness.svg 的图例与输入错误。

# 摘要标题：分析（survey 满意度 / weights 权重）、重复次数、扰动方法。
robust-heading = { $kind ->
    [survey] 满意度
   *[other] 权重
}（{ $replicates } 次重复，{ $method ->
    [parametric] 参数法
    [response-bootstrap] 答卷重抽样
   *[other] 蒙特卡洛
}{ $how }）
robust-from-responses = ，取自 { $file } 的 { $responses } 份答卷
robust-fixed-no-responses = ；另有 { $rows } 行满意度结果没有答卷，其指数保持不变
robust-from-intervals = ，依据 survey.csv 的置信区间
robust-fixed-no-interval = ；另有 { $rows } 行满意度结果没有置信区间，保持不变
robust-widest = 名次 90% 区间最宽的单位：
robust-interval = 名次 { $rank }  90% 区间 { $low }–{ $high }（全部 { $min }–{ $max }）
robust-can-change = 等次可能变化：{ $count } / { $of } 个单位
robust-grade-now = 现为{ $grade }；{ $shares }
robust-more = …… 另有 { $count } 个，见 robustness.csv
robust-chart-key = { $kind ->
    [survey] 满意度
   *[other] 权重
}（{ $replicates } 次重复）：名次 90% 区间，圆点为名次
robust-chart-first = 第 1 名
robust-ci-reversed = ci_high { $high } 小于 ci_low { $low }：应为 ci_low ≤ ci_high
robust-weight-not-positive = 权重 { $weight }：应为正数
robust-y-decimals = y { $y }：应为最多 6 位小数的分数
robust-weight-differs = 组 { $group } 在此行的权重为 { $weight }，在单位 { $agency } 的前面某行为 { $earlier }：每组只能有一个权重
